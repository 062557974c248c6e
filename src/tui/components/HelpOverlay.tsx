import { Box, Text } from 'ink';
import { KEY_TABLE } from '../key-table.js';

export interface HelpOverlayProps {
  height: number;
}

/** Every key of the review screen, straight from the key table. */
export function HelpOverlay({ height }: HelpOverlayProps) {
  const rows = KEY_TABLE.slice(0, Math.max(1, height - 2));
  const width = Math.max(...KEY_TABLE.map((b) => b.keys.join(' / ').length));
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>Keys</Text>
      {rows.map((b) => (
        <Text key={`${b.keys.join()}-${b.help}`} wrap="truncate-end">
          <Text bold>{b.keys.join(' / ').padEnd(width)}</Text>  {b.help}
          <Text dimColor>{b.phases.length === 1 ? `  (${b.phases[0] === 'question' ? 'before' : 'after'} the answer shows)` : ''}</Text>
        </Text>
      ))}
      <Text dimColor>? closes this list</Text>
    </Box>
  );
}
