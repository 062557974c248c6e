/**
 * The steps of a code pane that streams a run, shared by the review and the
 * quiz screens: runs are numbered so that output or a result arriving late,
 * for a run stopped or left behind, is told from the current run's.
 */

/** A pane while its run streams. */
interface Streaming {
  step: 'running';
  id: number;
  output: string;
}

/** The pane of a run just started, numbered after the last one; `fields` say what runs (block, purpose). */
export function startedRun<X extends object>(runCount: number, fields: X): { runCount: number; run: X & Streaming } {
  const id = runCount + 1;
  return { runCount: id, run: { ...fields, step: 'running', id, output: '' } };
}

/** The pane's run when it is still streaming as run `id`; null when `id` is a run no longer shown. */
export function streamingRun<V extends { step: string }>(run: V | null, id: number): Extract<V, Streaming> | null {
  return run?.step === 'running' && (run as unknown as Streaming).id === id ? (run as Extract<V, Streaming>) : null;
}
