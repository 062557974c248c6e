import { Box, Text } from 'ink';
import { keysLabel, type KeyBinding } from '../key-table.js';

/** A screen's keys and the room the list has. */
export interface KeyHelpProps {
  /** The screen's rows of the key table, in its order. */
  bindings: readonly KeyBinding[];
  /** When a key applies, after its help ("" for keys of the whole screen). */
  note: (b: KeyBinding) => string;
  height: number;
  width: number;
  /** A list taller than the room: cut, saying how many keys are left out, or in two columns of short cells. */
  overflow: 'cut' | 'columns';
}

/** The `?` overlay of the review and the quiz screens: every key of the screen, straight from the key table. */
export function KeyHelp({ bindings, note, height, width, overflow }: KeyHelpProps) {
  if (overflow === 'columns' && bindings.length + 2 > height) {
    // Short terminals: the keys side by side, each with the first words of its help.
    const perColumn = Math.max(1, Math.ceil(bindings.length / 2));
    const column = Math.floor((width - 1) / 2);
    const cell = (b: KeyBinding | undefined) => (b ? `${keysLabel(b).replace(/ \/ /g, '/')} ${b.help}`.slice(0, column - 1).padEnd(column) : '');
    const rows = Array.from({ length: Math.min(perColumn, Math.max(1, height - 1)) }, (_, i) => cell(bindings[i]) + cell(bindings[i + perColumn]));
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
  const keysWidth = Math.max(...bindings.map((b) => keysLabel(b).length));
  const shown = bindings.slice(0, Math.max(0, height - 2));
  const left = bindings.length - shown.length;
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>Keys</Text>
      {shown.map((b) => (
        <Text key={`${b.keys.join()}-${b.help}`} wrap="truncate-end">
          <Text bold>{keysLabel(b).padEnd(keysWidth)}</Text>  {b.help}
          <Text dimColor>{note(b)}</Text>
        </Text>
      ))}
      <Text dimColor>{left > 0 ? `… ${left} more in a taller terminal · ` : ''}? closes this list</Text>
    </Box>
  );
}
