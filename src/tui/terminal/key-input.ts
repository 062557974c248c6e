import { HELP_KEY_MODES, intentFor, keyNames, type InkKey, type Intent, type KeyMode } from '../key-table.js';
import { typedParts } from './typed-input.js';

/** A screen's rules as its keys reach them: where keys are read now, and what they do. */
export interface KeyInputHost<V> {
  /** Where keys are read now, most specific first; null once the screen takes no more keys. */
  modes(): readonly KeyMode[] | null;
  /** The mode in which text read goes into the answer box. */
  typingMode: KeyMode;
  /** The key list is open: its keys (HELP_KEY_MODES: scroll it, close it, quit) are the only ones. */
  helpOpen(): boolean;
  /** Carries out what a key asks for; `key` is the key's name (the digit of a pick or a grade). */
  perform(intent: Intent, view: V, key: string): void;
  /** Types text into the answer box. */
  type(text: string): void;
}

/** A screen's key handlers; `view` is what the layout knows (body height, scroll range), read at key time. */
export interface KeyInput<V> {
  /** A key press by its key-table name ("space", "3", "ctrl-c"), read against the live state. */
  onKey(name: string, view: V): void;
  /**
   * One read from the terminal as Ink describes it. In the answer box, text
   * (pasted or typed ahead, newlines included) is typed in as it came;
   * elsewhere each key acts in turn.
   */
  onInput(input: string, key: InkKey, view: V): void;
}

/**
 * The key loop the review and the quiz screens share. Every key is read
 * against the state as the key before left it (the host reads it live), so
 * keys arriving in one burst each act on the true current state.
 * @returns the handlers that take Ink's reads and key names
 */
export function createKeyInput<V>(host: KeyInputHost<V>): KeyInput<V> {
  const onKey = (name: string, view: V): void => {
    const screenModes = host.modes();
    if (!screenModes) return;
    const modes = host.helpOpen() ? HELP_KEY_MODES : screenModes;
    // Ctrl-C leaves from anywhere, as in any terminal program, unless it stops running code.
    const intent = intentFor(name, ...modes) ?? (name === 'ctrl-c' ? ({ kind: 'quit' } as const) : null);
    if (intent) host.perform(intent, view, name);
  };

  const typing = (): boolean => host.modes()?.[0] === host.typingMode;

  const onInput = (input: string, key: InkKey, view: V): void => {
    const special = key.return || key.escape || key.backspace || key.delete || key.ctrl || key.meta || key.upArrow || key.downArrow || key.pageUp || key.pageDown;
    if (!typing() || host.helpOpen() || special || input === '') {
      for (const name of keyNames(input, key)) onKey(name, view);
      return;
    }
    // Keys typed ahead arrive with the text as one read ("ab\x7fc"): each control key still acts.
    for (const part of typedParts(input)) {
      if ('key' in part) onKey(part.key, view);
      else if (typing()) host.type(part.text);
    }
  };

  return { onKey, onInput };
}

/** What a screen's own keys act on besides its rules: the body's scroll and the key list. */
export type ViewAction = { type: 'scroll'; by: number; max: number } | { type: 'help' };

/**
 * Carries out the keys every screen handles alike: scrolling the body (a page
 * keeps one line of the last in view, within `view.maxScroll`) and showing or
 * hiding the key list.
 * @returns whether `intent` was one of them
 */
export function viewKey(intent: Intent, view: { bodyHeight: number; maxScroll: number }, dispatch: (action: ViewAction) => void): boolean {
  switch (intent.kind) {
    case 'scroll': {
      const page = Math.max(1, view.bodyHeight - 1);
      const by = intent.by === 'page-down' ? page : intent.by === 'page-up' ? -page : intent.by;
      dispatch({ type: 'scroll', by, max: view.maxScroll });
      return true;
    }
    case 'help':
      dispatch({ type: 'help' });
      return true;
    default:
      return false;
  }
}
