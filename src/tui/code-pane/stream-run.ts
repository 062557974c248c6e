import type { CodeBlock } from '../../model/code-block.js';
import type { RunHooks, RunResult } from '../../run/run-types.js';

/** How often streamed output reaches the screen: every chunk would redraw the whole frame. */
const OUTPUT_FLUSH_MS = 50;

/** What a streaming run reports: output in batches, then its result (also when the runner threw). */
export interface StreamTargets {
  onOutput: (text: string) => void;
  onResult: (result: RunResult) => void;
}

/**
 * Starts `run` on `block`, batching its output every 50 ms, and returns the
 * controller that stops it. Output still pending is delivered before the result.
 */
export function streamRun(run: (block: CodeBlock, hooks: RunHooks) => Promise<RunResult>, block: CodeBlock, to: StreamTargets): AbortController {
  const controller = new AbortController();
  let pending = '';
  let timer: NodeJS.Timeout | null = null;
  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending) to.onOutput(pending);
    pending = '';
  };
  const finish = (result: RunResult): void => {
    flush();
    to.onResult(result);
  };
  let started: Promise<RunResult>;
  try {
    started = run(block, {
      signal: controller.signal,
      onOutput: (_stream, text) => {
        pending += text;
        timer ??= setTimeout(flush, OUTPUT_FLUSH_MS);
      },
    });
  } catch (err) {
    started = Promise.reject(err);
  }
  started.then(finish, (err: unknown) => finish(failedRun(block, (err as Error).message)));
  return controller;
}

/** A run that could not even start (the runner threw): shown like any failed run. */
function failedRun(block: CodeBlock, why: string): RunResult {
  return { language: block.lang, phase: 'prepare', exit: null, signal: null, reason: 'not-runnable', ms: 0, stdout: '', stderr: '', truncated: false, sandbox: 'none', message: `could not run: ${why}` };
}
