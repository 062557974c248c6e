import type { RunResult } from '../../run/run-types.js';

/** `exit 0 · 143 ms · sandbox: bubblewrap`, or what stopped the run instead (`runMs`: its time limit). */
export function runStatusLine(r: RunResult, runMs: number): string {
  let head: string;
  if (r.reason === null) head = r.signal ? `killed by ${r.signal}` : `exit ${r.exit ?? 0}`;
  else if (r.reason === 'timeout') head = `stopped: time limit ${duration(runMs)}`;
  else if (r.reason === 'output-cap') head = 'stopped: output cap reached';
  else if (r.reason === 'cancelled') head = 'stopped: interrupted';
  else head = r.message ?? r.reason.replace('-', ' ');
  const sandbox = r.sandbox === 'none' ? 'unsandboxed' : `sandbox: ${r.sandbox}`;
  return `${head} · ${Math.round(r.ms)} ms · ${sandbox}`;
}

function duration(ms: number): string {
  return ms >= 1000 && ms % 100 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
