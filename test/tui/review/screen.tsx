import { render } from 'ink-testing-library';
import { afterEach } from 'vitest';
import type { DueQueue } from '../../../src/schedule/due-queue.js';
import { ReviewApp } from '../../../src/tui/review/ReviewApp.js';
import type { ReviewState } from '../../../src/tui/review/review-state.js';
import type { Fake } from './fake-actions.js';

/** Keys as a terminal sends them. */
export const KEY = {
  space: ' ',
  enter: '\r',
  down: '\u001B[B',
  up: '\u001B[A',
  escape: '\u001B',
} as const;

const ANSI = /\u001B\[[0-9;?]*[ -/]*[@-~]/g;

/** The text of a frame without escape codes. */
export function plainText(frame: string): string {
  return frame.replace(ANSI, '');
}

/** The frame's lines as plain text, trailing spaces removed. */
export function plainLines(frame: string): string[] {
  return plainText(frame)
    .split('\n')
    .map((l) => l.trimEnd());
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface Screen {
  /** The last frame, escape codes included. */
  raw(): string;
  /** The last frame as plain text. */
  text(): string;
  lines(): string[];
  /** Every state the app reported, in order. */
  states: ReviewState[];
  lastState(): ReviewState | undefined;
  /** Sends one key and lets React flush. */
  press(key: string): Promise<void>;
  /** Waits until the plain frame satisfies `check` (a hang guard, not a timing assertion). */
  waitFor(check: (text: string) => boolean, what: string): Promise<void>;
  /** Waits until the frame shows `text`. */
  waitForText(text: string): Promise<void>;
  /**
   * Waits until a reported state (from the `from`-th on) satisfies `check`. States
   * are reported from an effect, so they can come a little after the frame.
   */
  waitForState(check: (s: ReviewState) => boolean, what: string, from?: number): Promise<ReviewState>;
  unmount(): void;
}

const mounted: (() => void)[] = [];

afterEach(() => {
  while (mounted.length) mounted.pop()!();
});

/**
 * Renders the review screen over the fake's actions, on ink-testing-library's
 * stdout: 100 columns and 24 rows, or `size`, which the screen is told of as a
 * resize before its first key.
 */
export function renderReview(fake: Fake, o: { color?: boolean; queue?: DueQueue; size?: { columns: number; rows: number } } = {}): Screen {
  const states: ReviewState[] = [];
  const onState = (s: ReviewState) => {
    states.push(s);
  };
  const instance = render(<ReviewApp actions={fake.actions} queue={o.queue ?? fake.queue()} color={o.color ?? false} onState={onState} />);
  if (o.size) {
    Object.defineProperty(instance.stdout, 'columns', { value: o.size.columns, configurable: true });
    Object.defineProperty(instance.stdout, 'rows', { value: o.size.rows, configurable: true });
    instance.stdout.emit('resize');
  }
  let unmounted = false;
  const unmount = () => {
    if (unmounted) return;
    unmounted = true;
    instance.unmount();
    instance.cleanup();
  };
  mounted.push(unmount);
  const raw = () => instance.lastFrame() ?? '';
  const poll = async <T,>(get: () => T | undefined, what: string, describe: () => string): Promise<T> => {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const got = get();
      if (got !== undefined) return got;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last frame:\n${describe()}`);
      await sleep(10);
    }
  };
  return {
    raw,
    text: () => plainText(raw()),
    lines: () => plainLines(raw()),
    states,
    lastState: () => states[states.length - 1],
    async press(key) {
      instance.stdin.write(key);
      await sleep(30);
    },
    async waitFor(check, what) {
      await poll(() => (check(plainText(raw())) ? true : undefined), what, () => plainText(raw()));
    },
    async waitForText(text) {
      await poll(() => (plainText(raw()).includes(text) ? true : undefined), `"${text}"`, () => plainText(raw()));
    },
    async waitForState(check, what, from = 0) {
      return poll(() => states.slice(from).find(check), what, () => plainText(raw()));
    },
    unmount,
  };
}
