import { Text } from 'ink';
import type { StyledLine } from '../markdown/styled-line.js';

export interface StyledLineTextProps {
  line: StyledLine;
  color: boolean;
}

/** One laid-out line; colours only when the terminal may have them (NO_COLOR). */
export function StyledLineText({ line, color }: StyledLineTextProps) {
  if (line.length === 0) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      {line.map((s, i) => (
        <Text
          key={i}
          bold={s.bold}
          italic={s.italic}
          underline={s.underline}
          strikethrough={s.strikethrough}
          dimColor={s.dim}
          inverse={s.inverse}
          color={color ? s.color : undefined}
        >
          {s.text}
        </Text>
      ))}
    </Text>
  );
}
