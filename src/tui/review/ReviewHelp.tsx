import { Box, Text } from 'ink';
import { bindingsFor, keysLabel, modeNote, REVIEW_KEY_MODES, type KeyBinding } from '../key-table.js';

/** The review screen's keys: the quiz's have a list of their own. */
const KEY_TABLE = bindingsFor(REVIEW_KEY_MODES);

/** The room the key list has. */
export interface ReviewHelpProps {
  height: number;
  width: number;
}

/** Every key of the review screen, straight from the key table; two columns when one does not fit. */
export function ReviewHelp({ height, width }: ReviewHelpProps) {
  const fits = KEY_TABLE.length + 2 <= height;
  if (fits) {
    const keysWidth = Math.max(...KEY_TABLE.map((b) => keysLabel(b).length));
    return (
      <Box flexDirection="column" height={height}>
        <Text bold>Keys</Text>
        {KEY_TABLE.map((b) => (
          <Text key={`${b.keys.join()}-${b.help}`} wrap="truncate-end">
            <Text bold>{keysLabel(b).padEnd(keysWidth)}</Text>  {b.help}
            <Text dimColor>{modeNote(b)}</Text>
          </Text>
        ))}
        <Text dimColor>? closes this list</Text>
      </Box>
    );
  }
  // Short terminals: the keys side by side, each with the first words of its help.
  const perColumn = Math.max(1, Math.ceil(KEY_TABLE.length / 2));
  const column = Math.floor((width - 1) / 2);
  const cell = (b: KeyBinding | undefined) =>
    b ? `${keysLabel(b).replace(/ \/ /g, '/')} ${b.help}`.slice(0, column - 1).padEnd(column) : '';
  const rows = Array.from({ length: Math.min(perColumn, Math.max(1, height - 1)) }, (_, i) => cell(KEY_TABLE[i]) + cell(KEY_TABLE[i + perColumn]));
  return (
    <Box flexDirection="column" height={height}>
      {rows.map((row, i) => (
        <Text key={i} wrap="truncate-end">
          {row}
        </Text>
      ))}
      <Text dimColor>? closes this list</Text>
    </Box>
  );
}
