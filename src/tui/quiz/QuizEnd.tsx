import { Box, Text } from 'ink';

/** The end screen's lines and the part of them in view. */
export interface QuizEndProps {
  /** The summary, as it is also printed after the screen closes. */
  lines: readonly string[];
  /** First visible line (a long list of wrong answers scrolls). */
  scroll: number;
  height: number;
  color: boolean;
}

/** The quiz's last screen: its score first (bold), the wrong answers and what was saved below. */
export function QuizEnd({ lines, scroll, height, color }: QuizEndProps) {
  return (
    <Box flexDirection="column" height={height}>
      {lines.slice(scroll, scroll + height).map((line, i) =>
        scroll + i === 0 ? (
          <Text key={0} bold color={color ? 'cyan' : undefined} wrap="truncate-end">
            {line}
          </Text>
        ) : (
          <Text key={scroll + i} wrap="truncate-end">
            {line || ' '}
          </Text>
        ),
      )}
    </Box>
  );
}
