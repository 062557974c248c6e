import { Text } from 'ink';

/** The terminal's size and the least the screen needs. */
export interface TooSmallProps {
  columns: number;
  rows: number;
  minColumns: number;
  minRows: number;
}

/** Said instead of a garbled card when the terminal cannot hold one. */
export function TooSmall({ columns, rows, minColumns, minRows }: TooSmallProps) {
  return (
    <Text wrap="wrap">
      Terminal too small ({columns}×{rows}); engram needs {minColumns}×{minRows}. Enlarge it, or press q to quit.
    </Text>
  );
}
