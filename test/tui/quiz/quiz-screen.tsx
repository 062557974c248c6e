import { render } from 'ink-testing-library';
import { afterEach } from 'vitest';
import type { QuizItem } from '../../../src/app/quiz/quiz-session.js';
import { QuizApp } from '../../../src/tui/quiz/QuizApp.js';
import type { QuizScreenState } from '../../../src/tui/quiz/quiz-screen-state.js';
import { resizeTerminal, type TerminalSize } from '../terminal/resize-terminal.js';
import type { QuizFake } from './quiz-fake.js';

/** Keys as a terminal sends them. */
export const KEY = { space: ' ', enter: '\r', escape: '\u001B', ctrlD: '\u0004', backspace: '\u007F', down: '\u001B[B' } as const;

const ANSI = /\u001B\[[0-9;?]*[ -/]*[@-~]/g;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface QuizScreen {
  text(): string;
  lines(): string[];
  /** Sends keys and lets React flush. */
  press(keys: string): Promise<void>;
  /** Waits until the frame shows `text` (a hang guard, not a timing assertion). */
  waitForText(text: string): Promise<void>;
  /** Waits until the screen reports a state that passes `check` (states are reported from an effect, a little after the frame). */
  waitForState(check: (s: QuizScreenState) => boolean, what: string): Promise<QuizScreenState>;
}

const mounted: (() => void)[] = [];
afterEach(() => {
  while (mounted.length) mounted.pop()!();
});

/** Renders the quiz screen over the fake's actions, on ink-testing-library's 100-column stdout or a terminal of `size`. */
export function renderQuiz(fake: QuizFake, items: readonly QuizItem[], o: { again?: readonly string[]; size?: TerminalSize } = {}): QuizScreen {
  const states: QuizScreenState[] = [];
  const again = o.again ?? ['engram', 'quiz', '--seed', '42'];
  const instance = render(<QuizApp actions={fake.actions} items={items} again={again} color={false} onState={(s) => states.push(s)} />);
  if (o.size) resizeTerminal(instance.stdout, o.size);
  mounted.push(() => {
    instance.unmount();
    instance.cleanup();
  });
  // No-break spaces keep the indent of output lines; tests read them as spaces.
  const text = () => (instance.lastFrame() ?? '').replace(ANSI, '').replace(/\u00a0/g, ' ');
  const poll = async <T,>(get: () => T | undefined, what: string): Promise<T> => {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const got = get();
      if (got !== undefined) return got;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last frame:\n${text()}`);
      await sleep(10);
    }
  };
  return {
    text,
    lines: () => text().split('\n').map((l) => l.trimEnd()),
    async press(keys) {
      instance.stdin.write(keys);
      await sleep(30);
    },
    async waitForText(t) {
      await poll(() => (text().includes(t) ? true : undefined), `"${t}"`);
    },
    waitForState: (check, what) => poll(() => states.find(check), what),
  };
}
