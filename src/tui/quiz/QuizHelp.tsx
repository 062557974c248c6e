import { Box, Text } from 'ink';
import { bindingsFor, keysLabel, MODE_NOTES, QUIZ_KEY_MODES, type KeyBinding } from '../key-table.js';

/** The room the key list has. */
export interface QuizHelpProps {
  height: number;
}

// The end screen says its one key itself.
const BINDINGS = bindingsFor(QUIZ_KEY_MODES.filter((m) => m !== 'quiz-end'));

/** When a quiz key applies, as the help list says it ("" for keys of the whole screen). */
function quizNote(b: KeyBinding): string {
  if (b.phases.includes('quiz')) return '';
  return `  (${b.phases.map((p) => MODE_NOTES[p].replace(/^quiz: /, '')).join(', ')})`;
}

/** Every key of the quiz screen, straight from the key table; scrolls with the list cut when it does not fit. */
export function QuizHelp({ height }: QuizHelpProps) {
  const keysWidth = Math.max(...BINDINGS.map((b) => keysLabel(b).length));
  const shown = BINDINGS.slice(0, Math.max(0, height - 2));
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>Keys</Text>
      {shown.map((b) => (
        <Text key={`${b.keys.join()}-${b.help}`} wrap="truncate-end">
          <Text bold>{keysLabel(b).padEnd(keysWidth)}</Text>  {b.help}
          <Text dimColor>{quizNote(b)}</Text>
        </Text>
      ))}
      <Text dimColor>{shown.length < BINDINGS.length ? `… ${BINDINGS.length - shown.length} more in a taller terminal · ` : ''}? closes this list</Text>
    </Box>
  );
}
