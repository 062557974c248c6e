import type { CodeBlock } from '../../../src/model/code-block.js';
import { codeOfCard } from '../../../src/check/code-of-card.js';
import type { RunHooks, RunResult } from '../../../src/run/run-types.js';
import { fakeActions, makeCard, type Fake, type FakeOptions } from './fake-actions.js';

/** Runs js and python; the deck "typed" asks for typed answers. */
export const RULES = { runnable: (lang: string) => lang === 'js' || lang === 'python', typedAnswers: (deck: string) => deck === 'typed' };

/** A predict-the-output card: the front shows a block to predict. */
export const JS_CARD = ['What does this log?', '', '```js', 'console.log(1 + 1)', '```'].join('\n');

/** A run's result: exit 0 after 12 ms in the sandbox, unless `fields` say otherwise. */
export function result(fields: Partial<RunResult> = {}): RunResult {
  return { language: 'js', phase: 'run', exit: 0, signal: null, reason: null, ms: 12, stdout: '', stderr: '', truncated: false, sandbox: 'bubblewrap', message: null, ...fields };
}

/** A runner that prints `stdout` in two chunks and exits 0. */
export function printing(stdout: string): (block: CodeBlock, hooks: RunHooks) => Promise<RunResult> {
  return async (_block, hooks) => {
    const half = Math.floor(stdout.length / 2);
    hooks.onOutput?.('stdout', stdout.slice(0, half));
    hooks.onOutput?.('stdout', stdout.slice(half));
    return result({ stdout });
  };
}

/** A runner that never ends until its signal aborts, having printed "tick"; `signals` collects each run's signal. */
export function endless(signals: AbortSignal[] = []): (block: CodeBlock, hooks: RunHooks) => Promise<RunResult> {
  return (_block, hooks) =>
    new Promise((done) => {
      if (hooks.signal) signals.push(hooks.signal);
      hooks.onOutput?.('stdout', 'tick\n');
      hooks.signal?.addEventListener('abort', () => done(result({ exit: null, signal: 'SIGKILL', reason: 'cancelled', message: 'stopped' })));
    });
}

/** One card of `front` and `back` in the deck "code" (or `options.deck`), its code read with RULES. */
export function codeDeck(front: string, back: string, options: FakeOptions & { deck?: string } = {}): Fake {
  return fakeActions([makeCard(1, { front, back, deck: options.deck ?? 'code' })], { code: (c) => codeOfCard(c, RULES), ...options });
}
