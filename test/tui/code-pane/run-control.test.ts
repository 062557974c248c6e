import { describe, expect, it } from 'vitest';
import type { CodeBlock } from '../../../src/model/code-block.js';
import type { RunHooks, RunResult } from '../../../src/run/run-types.js';
import type { RunPaneState } from '../../../src/tui/code-pane/code-views.js';
import { createRunControl, type CodeRunActions, type RunControlAction } from '../../../src/tui/code-pane/run-control.js';
import { runPaneReducer } from '../../../src/tui/code-pane/run-pane-reducer.js';
import { finishedRun, JS_BLOCK } from '../quiz/quiz-fake.js';

const WORDS = { trustUnknown: (why: string) => `unknown: ${why}`, declined: (deck: string) => `declined: ${deck}` };
const settle = () => new Promise<void>((r) => setTimeout(r, 0));

/** A screen of one run pane over fake actions: what it was told, in order, and what the runner saw. */
function screen(o: { trusted?: boolean; isTrusted?: () => boolean; trust?: () => void; run?: (block: CodeBlock, hooks: RunHooks) => Promise<RunResult> } = {}) {
  let state: RunPaneState = { run: null, runCount: 0 };
  let owner: unknown = 'card 1';
  const told: RunControlAction[] = [];
  const calls: string[] = [];
  const signals: AbortSignal[] = [];
  const actions: CodeRunActions = {
    isTrusted: o.isTrusted ?? (() => o.trusted ?? false),
    trust: o.trust ?? ((deck) => void calls.push(`trust ${deck}`)),
    run(block, hooks) {
      calls.push(`run ${block.lang}`);
      if (hooks.signal) signals.push(hooks.signal);
      return o.run ? o.run(block, hooks) : new Promise<RunResult>(() => undefined);
    },
  };
  const dispatch = (a: RunControlAction): void => {
    told.push(a);
    if (a.type !== 'message') state = runPaneReducer(state, a);
  };
  const control = createRunControl(actions, { live: () => state, owner: () => owner, dispatch }, WORDS);
  return { control, told, calls, signals, state: () => state, show: (next: unknown) => void (owner = next) };
}

describe('createRunControl', () => {
  it('asks before running an untrusted deck; y runs once, streaming the output before the result', async () => {
    const s = screen({
      run: async (_b, hooks) => {
        hooks.onOutput?.('stdout', 'a\n');
        hooks.onOutput?.('stderr', 'b\n');
        return finishedRun('a\n');
      },
    });
    s.control.request(JS_BLOCK, 'code', 'predict');
    expect(s.told).toEqual([{ type: 'run-confirm', block: JS_BLOCK, deck: 'code', purpose: 'predict' }]);
    expect(s.calls).toEqual([]);
    expect(s.control.runKey({ kind: 'trust-answer', answer: 'once' })).toBe(true);
    await settle();
    expect(s.told.slice(1)).toEqual([
      { type: 'run-start', block: JS_BLOCK, purpose: 'predict' },
      { type: 'run-output', id: 1, text: 'a\nb\n' },
      { type: 'run-finished', id: 1, result: finishedRun('a\n') },
    ]);
    expect(s.calls).toEqual(['run js']);
    expect(s.state().run).toMatchObject({ step: 'finished', output: 'a\nb\n' });
  });

  it('a trusts the deck and runs; a deck that cannot be trusted still runs this once, saying so', () => {
    const s = screen();
    s.control.request(JS_BLOCK, 'code', 'show');
    s.control.runKey({ kind: 'trust-answer', answer: 'always' });
    expect(s.calls).toEqual(['trust code', 'run js']);

    const full = screen({
      trust: () => {
        throw new Error('disk full');
      },
    });
    full.control.request(JS_BLOCK, 'code', 'show');
    full.control.runKey({ kind: 'trust-answer', answer: 'always' });
    expect(full.told.map((a) => a.type)).toEqual(['run-confirm', 'message', 'run-start']);
    expect(full.told[1]).toEqual({ type: 'message', text: 'Not trusted: disk full' });
  });

  it('n runs nothing, in the screen words; nor does a deck whose trust the store cannot read', () => {
    const s = screen();
    s.control.request(JS_BLOCK, 'code', 'predict');
    s.control.runKey({ kind: 'trust-answer', answer: 'no' });
    expect(s.told[1]).toEqual({ type: 'run-declined', why: 'declined: code' });
    expect(s.state().run).toBeNull();

    const locked = screen({
      isTrusted: () => {
        throw new Error('database is locked');
      },
    });
    locked.control.request(JS_BLOCK, 'code', 'predict');
    expect(locked.told).toEqual([{ type: 'run-declined', why: 'unknown: database is locked' }]);
    expect(s.calls).toEqual([]);
    expect(locked.calls).toEqual([]);
  });

  it('a trust answer with no question asked does nothing; other intents are not its keys', () => {
    const s = screen({ trusted: true });
    expect(s.control.runKey({ kind: 'trust-answer', answer: 'once' })).toBe(true);
    expect(s.control.runKey({ kind: 'help' })).toBe(false);
    expect(s.told).toEqual([]);
  });

  it('stop-run aborts the run; a run outlives a change of owner only when it is for the new one', () => {
    const s = screen({ trusted: true });
    s.control.request(JS_BLOCK, 'code', 'show');
    expect(s.control.runKey({ kind: 'stop-run' })).toBe(true);
    expect(s.signals[0]!.aborted).toBe(true);

    s.control.request(JS_BLOCK, 'code', 'show');
    s.control.stopUnlessFor('card 1');
    expect(s.signals[1]!.aborted).toBe(false);
    s.show('card 2');
    s.control.stopUnlessFor('card 2');
    expect(s.signals[1]!.aborted).toBe(true);
    expect(s.state().runCount).toBe(2);
  });
});
