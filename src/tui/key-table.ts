import type { Grade } from '../model/review.js';

/** What a key press asks for. */
export type Intent =
  | { kind: 'reveal' }
  | { kind: 'grade'; grade: Grade }
  | { kind: 'undo' }
  | { kind: 'edit' }
  | { kind: 'bury' }
  | { kind: 'suspend' }
  | { kind: 'open-image' }
  | { kind: 'scroll'; by: number | 'page-up' | 'page-down' }
  | { kind: 'help' }
  | { kind: 'quit' };

type Phase = 'question' | 'answer';

/** One row of the key table: the keys, what they do, when, and how `?` describes them. */
export interface KeyBinding {
  keys: readonly string[];
  intent: Intent;
  phases: readonly Phase[];
  help: string;
}

const BOTH: readonly Phase[] = ['question', 'answer'];

/** Every key of the review screen. The help overlay is rendered from this table. */
export const KEY_TABLE: readonly KeyBinding[] = [
  { keys: ['space', 'enter'], intent: { kind: 'reveal' }, phases: ['question'], help: 'show the answer' },
  { keys: ['1'], intent: { kind: 'grade', grade: 1 }, phases: ['answer'], help: 'Again: forgot it' },
  { keys: ['2'], intent: { kind: 'grade', grade: 2 }, phases: ['answer'], help: 'Hard: recalled with effort' },
  { keys: ['3', 'space', 'enter'], intent: { kind: 'grade', grade: 3 }, phases: ['answer'], help: 'Good: recalled' },
  { keys: ['4'], intent: { kind: 'grade', grade: 4 }, phases: ['answer'], help: 'Easy: recalled at once' },
  { keys: ['u'], intent: { kind: 'undo' }, phases: BOTH, help: 'undo the last answer' },
  { keys: ['e'], intent: { kind: 'edit' }, phases: BOTH, help: 'edit the card in $EDITOR, then re-import it' },
  { keys: ['b'], intent: { kind: 'bury' }, phases: BOTH, help: 'bury the card until tomorrow' },
  { keys: ['s'], intent: { kind: 'suspend' }, phases: BOTH, help: 'suspend the card (engram unsuspend brings it back)' },
  { keys: ['o'], intent: { kind: 'open-image' }, phases: BOTH, help: "open the card's image" },
  { keys: ['down', 'j'], intent: { kind: 'scroll', by: 1 }, phases: BOTH, help: 'scroll down' },
  { keys: ['up', 'k'], intent: { kind: 'scroll', by: -1 }, phases: BOTH, help: 'scroll up' },
  { keys: ['pagedown'], intent: { kind: 'scroll', by: 'page-down' }, phases: BOTH, help: 'scroll a page down' },
  { keys: ['pageup'], intent: { kind: 'scroll', by: 'page-up' }, phases: BOTH, help: 'scroll a page up' },
  { keys: ['?'], intent: { kind: 'help' }, phases: BOTH, help: 'show or hide these keys' },
  { keys: ['q', 'escape'], intent: { kind: 'quit' }, phases: BOTH, help: 'quit (everything answered is saved)' },
];

/** Ink's description of one read from the terminal. */
interface InkKey {
  return?: boolean;
  escape?: boolean;
  upArrow?: boolean;
  downArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
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

/** What `name` asks for in `phase`, or null when the key does nothing there. */
export function intentFor(name: string, phase: Phase): Intent | null {
  for (const b of KEY_TABLE) if (b.phases.includes(phase) && b.keys.includes(name)) return b.intent;
  return null;
}
