import type { CodeBlock } from '../../../src/model/code-block.js';
import type { RunHooks, RunResult } from '../../../src/run/run-types.js';
import type { CodeRunActions } from '../../../src/tui/code-pane/run-control.js';

/** What the fake's trust and run calls leave in a screen fake's call list. */
export type RunCall = { kind: 'trust'; deck: string } | { kind: 'run'; lang: string; code: string };

/**
 * The run side of a screen's fake actions: trust kept in a set (`trusted` at
 * the start), every trust and run noted in `calls`; runs go to `run`, and a
 * test that runs code without giving one fails.
 */
export function fakeRunActions(
  calls: { push(call: RunCall): unknown },
  trusted: readonly string[] = [],
  run?: (block: CodeBlock, hooks: RunHooks) => Promise<RunResult>,
): CodeRunActions {
  const trustedNow = new Set(trusted);
  return {
    isTrusted: (deck) => trustedNow.has(deck),
    trust(deck) {
      calls.push({ kind: 'trust', deck });
      trustedNow.add(deck);
    },
    run(block, hooks) {
      calls.push({ kind: 'run', lang: block.lang, code: block.code });
      if (!run) throw new Error('the fake was given no run');
      return run(block, hooks);
    },
  };
}
