import { Box, Text } from 'ink';
import type { HelpLine, HelpWindow } from './key-help-lines.js';

/** A screen's key list as lines made for its width, and the part in view. */
export interface KeyHelpProps {
  /** keyHelpLines of the screen's rows of the key table. */
  lines: readonly HelpLine[];
  /** keyHelpWindow of those lines in `height` rows. */
  view: HelpWindow;
  height: number;
}

/**
 * The `?` overlay of the review and the quiz screens: a title, the lines in
 * view, and a foot saying how many lines are below and how to scroll (the
 * title says how many are above).
 */
export function KeyHelp({ lines, view, height }: KeyHelpProps) {
  const shown = lines.slice(view.first, view.first + view.rows);
  const foot = view.below > 0 ? `↓ ${view.below} more (j/k, pgdn) · ?/esc closes` : '?/esc closes this list';
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate-end">
        <Text bold>Keys</Text>
        <Text dimColor>{view.above > 0 ? ` · ↑ ${view.above} more (k, pgup)` : ''}</Text>
      </Text>
      {shown.map((line, i) => (
        <Text key={view.first + i} wrap="truncate-end">
          {line.map((run, j) =>
            run.style === 'key' ? (
              <Text key={j} bold>
                {run.text}
              </Text>
            ) : run.style === 'note' ? (
              <Text key={j} dimColor>
                {run.text}
              </Text>
            ) : (
              <Text key={j}>{run.text}</Text>
            ),
          )}
        </Text>
      ))}
      <Text dimColor wrap="truncate-end">
        {foot}
      </Text>
    </Box>
  );
}
