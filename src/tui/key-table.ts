import type { Grade } from '../model/review.js';

/** What a key press asks for. */
export type Intent =
  | { kind: 'reveal' }
  | { kind: 'grade'; grade: Grade }
  | { kind: 'undo' }
  | { kind: 'edit' }
  | { kind: 'bury' }
  | { kind: 'suspend' }
  /** Drop a card derived from notes for good (re-imports keep it dropped). */
  | { kind: 'drop' }
  | { kind: 'open-image' }
  /** At the end of a review held back by a daily limit: more cards today (Anki's custom study). */
  | { kind: 'study-more' }
  | { kind: 'scroll'; by: number | 'page-up' | 'page-down' }
  | { kind: 'help' }
  | { kind: 'quit' }
  /** Space/enter once the answer shows: Good, or the pass (Hard/Good) a check suggested; never Again. */
  | { kind: 'accept' }
  | { kind: 'run' }
  /** A digit while choosing which block to run: the key's number is the block's. */
  | { kind: 'choose-block' }
  | { kind: 'trust-answer'; answer: 'once' | 'always' | 'no' }
  | { kind: 'stop-run' }
  | { kind: 'close-pane' }
  /** Enter in the answer box: a new line of a prediction, or the end of a typed answer. */
  | { kind: 'typing-enter' }
  | { kind: 'submit' }
  | { kind: 'erase' }
  | { kind: 'stop-typing' }
  /** Quiz: a digit picks that option of a multiple-choice question. */
  | { kind: 'pick' }
  /** Quiz: the user says whether a recalled answer (or an unchecked prediction) was right. */
  | { kind: 'mark'; correct: boolean }
  /** Quiz: on from an answer's feedback to the next question (or the end). */
  | { kind: 'next' };

/**
 * Where keys are read: before or after the answer shows; typing into the answer
 * box; choosing a code block; answering the trust question; while code runs;
 * with a run's output shown; at the end of the cards a daily limit let through;
 * with the key list (`?`) open, over either screen.
 */
export type KeyMode = 'question' | 'answer' | 'typing' | 'choose' | 'trust' | 'running' | 'output' | 'limit' | 'help' | QuizKeyMode;

/**
 * Where keys are read in `engram quiz`: `quiz` is anywhere but the answer box
 * (quit, help, scroll); the others are the question's step, most specific first.
 */
export type QuizKeyMode = 'quiz' | 'quiz-choice' | 'quiz-typing' | 'quiz-recall' | 'quiz-mark' | 'quiz-trust' | 'quiz-running' | 'quiz-feedback' | 'quiz-end';

/** Every mode of the review screen, for its help list (the quiz's keys are not the review's). */
export const REVIEW_KEY_MODES: readonly KeyMode[] = ['question', 'answer', 'typing', 'choose', 'trust', 'running', 'output', 'limit'];

/** Every mode of the quiz screen, for its help list. */
export const QUIZ_KEY_MODES: readonly QuizKeyMode[] = ['quiz', 'quiz-choice', 'quiz-typing', 'quiz-recall', 'quiz-mark', 'quiz-trust', 'quiz-running', 'quiz-feedback', 'quiz-end'];

/** One row of the key table: the keys, what they do, when, and how `?` describes them. */
export interface KeyBinding {
  keys: readonly string[];
  intent: Intent;
  phases: readonly KeyMode[];
  help: string;
  /** How the help list names the keys when listing each would be long ("1-9"). */
  label?: string;
}

const BOTH: readonly KeyMode[] = ['question', 'answer'];
/**
 * Where the card can be read and scrolled: everywhere but the answer box,
 * including while a question in the pane (which block, trust) waits, so a
 * card taller than a small window can always be read to its end.
 */
const VIEWING: readonly KeyMode[] = [...BOTH, 'choose', 'trust'];
/** Before and after the answer shows, and at the day's limit (after the last card). */
const ALWAYS: readonly KeyMode[] = ['question', 'answer', 'limit'];

/** How the help list says when a key that works in one mode only applies. */
export const MODE_NOTES: Record<KeyMode, string> = {
  question: 'before the answer shows',
  answer: 'after the answer shows',
  typing: 'typing an answer',
  choose: 'choosing a block',
  trust: 'asked to trust a deck',
  running: 'while code runs',
  output: 'with output shown',
  limit: "at the day's limit",
  help: 'with this list open',
  quiz: 'quiz',
  'quiz-choice': 'quiz: choice',
  'quiz-typing': 'quiz: typing',
  'quiz-recall': 'quiz: recall',
  'quiz-mark': 'quiz: judging',
  'quiz-trust': 'quiz: trust asked',
  'quiz-running': 'quiz: code running',
  'quiz-feedback': 'quiz: after an answer',
  'quiz-end': 'quiz: score shown',
};

/** Every key of the review screen. The help overlay is rendered from this table. */
export const KEY_TABLE: readonly KeyBinding[] = [
  { keys: ['space', 'enter'], intent: { kind: 'reveal' }, phases: ['question'], help: 'show the answer' },
  { keys: ['1'], intent: { kind: 'grade', grade: 1 }, phases: ['answer'], help: 'Again: forgot it' },
  { keys: ['2'], intent: { kind: 'grade', grade: 2 }, phases: ['answer'], help: 'Hard: recalled with effort' },
  { keys: ['3'], intent: { kind: 'grade', grade: 3 }, phases: ['answer'], help: 'Good: recalled' },
  { keys: ['space', 'enter'], intent: { kind: 'accept' }, phases: ['answer'], help: "Good, or a check's Hard/Good; Again takes 1" },
  { keys: ['4'], intent: { kind: 'grade', grade: 4 }, phases: ['answer'], help: 'Easy: recalled at once' },
  { keys: ['u'], intent: { kind: 'undo' }, phases: ALWAYS, help: 'undo the last answer, bury, suspend or drop' },
  { keys: ['e'], intent: { kind: 'edit' }, phases: BOTH, help: 'edit the card in $EDITOR, then re-import it' },
  { keys: ['b'], intent: { kind: 'bury' }, phases: BOTH, help: 'bury the card until tomorrow' },
  { keys: ['s'], intent: { kind: 'suspend' }, phases: BOTH, help: 'suspend the card (engram unsuspend brings it back)' },
  // x, not d: d sits beside s, and a slip would drop a card meant to be suspended.
  { keys: ['x'], intent: { kind: 'drop' }, phases: BOTH, help: 'drop a card derived from notes for good (engram undrop brings it back)' },
  { keys: ['o'], intent: { kind: 'open-image' }, phases: BOTH, help: "open the card's image" },
  { keys: ['down', 'j'], intent: { kind: 'scroll', by: 1 }, phases: VIEWING, help: 'scroll down' },
  { keys: ['up', 'k'], intent: { kind: 'scroll', by: -1 }, phases: VIEWING, help: 'scroll up' },
  // In the answer box j and k are letters; the arrows have nothing else to do there (it has no cursor to move).
  { keys: ['down'], intent: { kind: 'scroll', by: 1 }, phases: ['typing'], help: 'scroll down' },
  { keys: ['up'], intent: { kind: 'scroll', by: -1 }, phases: ['typing'], help: 'scroll up' },
  { keys: ['pagedown'], intent: { kind: 'scroll', by: 'page-down' }, phases: [...VIEWING, 'typing'], help: 'scroll a page down' },
  { keys: ['pageup'], intent: { kind: 'scroll', by: 'page-up' }, phases: [...VIEWING, 'typing'], help: 'scroll a page up' },
  { keys: ['r'], intent: { kind: 'run' }, phases: BOTH, help: "run the card's code; its output shows under the card" },
  { keys: ['escape', 'ctrl-c'], intent: { kind: 'stop-run' }, phases: ['running'], help: 'stop the code' },
  { keys: ['escape'], intent: { kind: 'close-pane' }, phases: ['output', 'choose'], help: 'close the code pane' },
  { keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'], label: '1-9', intent: { kind: 'choose-block' }, phases: ['choose'], help: 'run that block' },
  { keys: ['y'], intent: { kind: 'trust-answer', answer: 'once' }, phases: ['trust'], help: "run the deck's code this once" },
  { keys: ['a'], intent: { kind: 'trust-answer', answer: 'always' }, phases: ['trust'], help: 'trust the deck (until its content changes) and run' },
  { keys: ['n', 'escape'], intent: { kind: 'trust-answer', answer: 'no' }, phases: ['trust'], help: 'do not run it' },
  { keys: ['enter'], intent: { kind: 'typing-enter' }, phases: ['typing'], help: 'check; in a prediction, a new line (twice: check)' },
  { keys: ['ctrl-d'], intent: { kind: 'submit' }, phases: ['typing'], help: 'check what is typed now' },
  { keys: ['backspace'], intent: { kind: 'erase' }, phases: ['typing'], help: 'erase a character' },
  { keys: ['escape'], intent: { kind: 'stop-typing' }, phases: ['typing'], help: 'answer from memory instead of typing' },
  { keys: ['m'], intent: { kind: 'study-more' }, phases: ['limit'], help: 'study more today, past the daily limit' },
  { keys: ['?'], intent: { kind: 'help' }, phases: BOTH, help: 'show or hide these keys' },
  { keys: ['q', 'escape', 'ctrl-c'], intent: { kind: 'quit' }, phases: ALWAYS, help: 'quit (everything answered is saved)' },
  // engram quiz: the keys of each step of a question, then those of the whole screen.
  { keys: ['1', '2', '3', '4'], label: '1-4', intent: { kind: 'pick' }, phases: ['quiz-choice'], help: 'pick that option' },
  { keys: ['enter'], intent: { kind: 'typing-enter' }, phases: ['quiz-typing'], help: 'check; in a prediction a new line (twice: check)' },
  { keys: ['ctrl-d'], intent: { kind: 'submit' }, phases: ['quiz-typing'], help: 'check what is typed now' },
  { keys: ['backspace'], intent: { kind: 'erase' }, phases: ['quiz-typing'], help: 'erase a character' },
  { keys: ['space', 'enter'], intent: { kind: 'reveal' }, phases: ['quiz-recall'], help: 'show the answer' },
  { keys: ['y'], intent: { kind: 'mark', correct: true }, phases: ['quiz-mark'], help: 'I knew it: right' },
  { keys: ['n'], intent: { kind: 'mark', correct: false }, phases: ['quiz-mark'], help: 'I did not: wrong' },
  { keys: ['y'], intent: { kind: 'trust-answer', answer: 'once' }, phases: ['quiz-trust'], help: "run the deck's code this once" },
  { keys: ['a'], intent: { kind: 'trust-answer', answer: 'always' }, phases: ['quiz-trust'], help: 'trust the deck (until it changes) and run' },
  { keys: ['n', 'escape'], intent: { kind: 'trust-answer', answer: 'no' }, phases: ['quiz-trust'], help: 'do not run it; judge it yourself' },
  { keys: ['escape', 'ctrl-c'], intent: { kind: 'stop-run' }, phases: ['quiz-running'], help: 'stop the code' },
  { keys: ['enter', 'space'], intent: { kind: 'next' }, phases: ['quiz-feedback'], help: 'next question' },
  { keys: ['1', '2', '3', '4'], label: '1-4', intent: { kind: 'pick' }, phases: ['quiz-feedback'], help: 'with --schedule: Again, Hard, Good, Easy' },
  { keys: ['down', 'j'], intent: { kind: 'scroll', by: 1 }, phases: ['quiz', 'quiz-trust'], help: 'scroll down' },
  { keys: ['up', 'k'], intent: { kind: 'scroll', by: -1 }, phases: ['quiz', 'quiz-trust'], help: 'scroll up' },
  { keys: ['?'], intent: { kind: 'help' }, phases: ['quiz'], help: 'show or hide these keys' },
  { keys: ['q', 'escape', 'ctrl-c'], intent: { kind: 'quit' }, phases: ['quiz'], help: 'quit (answers so far are kept and saved)' },
  { keys: ['enter', 'space', 'q', 'escape'], intent: { kind: 'quit' }, phases: ['quiz-end'], help: 'close the quiz' },
  // Listed last: a short window's key list cuts the keys least needed.
  { keys: ['down'], intent: { kind: 'scroll', by: 1 }, phases: ['quiz-typing'], help: 'scroll down' },
  { keys: ['up'], intent: { kind: 'scroll', by: -1 }, phases: ['quiz-typing'], help: 'scroll up' },
  { keys: ['pagedown'], intent: { kind: 'scroll', by: 'page-down' }, phases: ['quiz', 'quiz-trust', 'quiz-typing'], help: 'scroll a page down' },
  { keys: ['pageup'], intent: { kind: 'scroll', by: 'page-up' }, phases: ['quiz', 'quiz-trust', 'quiz-typing'], help: 'scroll a page up' },
  // The key list, open over either screen: it scrolls, and only it and quitting take keys.
  { keys: ['down', 'j'], intent: { kind: 'scroll', by: 1 }, phases: ['help'], help: 'scroll the list down' },
  { keys: ['up', 'k'], intent: { kind: 'scroll', by: -1 }, phases: ['help'], help: 'scroll the list up' },
  { keys: ['pagedown', 'space'], intent: { kind: 'scroll', by: 'page-down' }, phases: ['help'], help: 'scroll the list a page down' },
  { keys: ['pageup'], intent: { kind: 'scroll', by: 'page-up' }, phases: ['help'], help: 'scroll the list a page up' },
  { keys: ['?', 'escape'], intent: { kind: 'help' }, phases: ['help'], help: 'close the list' },
  { keys: ['q', 'ctrl-c'], intent: { kind: 'quit' }, phases: ['help'], help: 'quit' },
];

/** Where keys are read while the key list is open, whatever the screen was doing. */
export const HELP_KEY_MODES: readonly KeyMode[] = ['help'];

/** The bindings that apply in any of `modes`, in table order (a screen's help list). */
export function bindingsFor(modes: readonly KeyMode[]): KeyBinding[] {
  return KEY_TABLE.filter((b) => b.phases.some((p) => modes.includes(p)));
}

/** Ink's description of one read from the terminal. */
export interface InkKey {
  return?: boolean;
  escape?: boolean;
  upArrow?: boolean;
  downArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  meta?: boolean;
}

/**
 * The keys in one read from the terminal, as the table names them. Plain
 * characters typed ahead arrive together (" 3") and count one by one; Ctrl and
 * Alt combinations are not the plain keys and give none.
 */
export function keyNames(input: string, key: InkKey): string[] {
  // Ink marks a lone Escape as meta too: it is still Escape.
  if (key.escape) return ['escape'];
  if (key.ctrl && (input === 'c' || input === 'd')) return [`ctrl-${input}`];
  if (key.backspace || key.delete) return ['backspace'];
  if (key.ctrl || key.meta) return [];
  const special = key.return || key.escape || key.upArrow || key.downArrow || key.pageUp || key.pageDown;
  if (special || input.length <= 1) return [keyName(input, key)];
  return [...input].map((ch) => keyName(ch, {}));
}

/** The key's name as the table writes it, from Ink's input and key flags. */
export function keyName(input: string, key: InkKey): string {
  if (key.return) return 'enter';
  if (key.escape) return 'escape';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (input === ' ') return 'space';
  return input;
}

/** The keys of a binding as the help list shows them: "q / escape", "1-9". */
export function keysLabel(b: KeyBinding): string {
  return b.label ?? b.keys.join(' / ');
}

/** When a binding applies, for the help list: "" for keys that work before and after the answer shows (and maybe more). */
export function modeNote(b: KeyBinding): string {
  const everywhere = b.phases.includes('question') && b.phases.includes('answer');
  return everywhere ? '' : `  (${b.phases.map((p) => MODE_NOTES[p]).join(', ')})`;
}

/** When a quiz key applies, for the quiz's help list: "" for keys of the whole screen. */
export function quizModeNote(b: KeyBinding): string {
  if (b.phases.includes('quiz')) return '';
  return `  (${b.phases.map((p) => MODE_NOTES[p].replace(/^quiz: /, '')).join(', ')})`;
}

/** The rows of the review's help list (the quiz's keys are not the review's). */
export const REVIEW_HELP_BINDINGS: readonly KeyBinding[] = bindingsFor(REVIEW_KEY_MODES);
/** The rows of the quiz's help list: the end screen says its one key itself. */
export const QUIZ_HELP_BINDINGS: readonly KeyBinding[] = bindingsFor(QUIZ_KEY_MODES.filter((m) => m !== 'quiz-end'));

/** What `name` asks for in the first of `modes` where it does something, or null when it does nothing. */
export function intentFor(name: string, ...modes: KeyMode[]): Intent | null {
  for (const mode of modes) for (const b of KEY_TABLE) if (b.phases.includes(mode) && b.keys.includes(name)) return b.intent;
  return null;
}
