import { bindingsFor, MODE_NOTES, QUIZ_KEY_MODES, type KeyBinding } from '../key-table.js';
import { KeyHelp } from '../terminal/KeyHelp.js';

/** The room the key list has. */
export interface QuizHelpProps {
  height: number;
  width: number;
}

// The end screen says its one key itself.
const BINDINGS = bindingsFor(QUIZ_KEY_MODES.filter((m) => m !== 'quiz-end'));

/** When a quiz key applies, as the help list says it ("" for keys of the whole screen). */
function quizNote(b: KeyBinding): string {
  if (b.phases.includes('quiz')) return '';
  return `  (${b.phases.map((p) => MODE_NOTES[p].replace(/^quiz: /, '')).join(', ')})`;
}

/** Every key of the quiz screen; the list is cut, saying so, when it does not fit. */
export function QuizHelp({ height, width }: QuizHelpProps) {
  return <KeyHelp bindings={BINDINGS} note={quizNote} height={height} width={width} overflow="cut" />;
}
