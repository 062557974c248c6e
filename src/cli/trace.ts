import { appendFileSync } from 'node:fs';

/**
 * Notes when a phase was reached (ms since the process started, and the CPU
 * time spent so far, which a busy machine disturbs less) in the file named by
 * $ENGRAM_TRACE, for finding where start-up time goes. A file, not stderr:
 * the review screen owns the terminal.
 */
export function trace(label: string): void {
  const file = process.env['ENGRAM_TRACE'];
  if (!file) return;
  const cpu = process.cpuUsage();
  appendFileSync(file, `${performance.now().toFixed(1)} ms (cpu ${((cpu.user + cpu.system) / 1000).toFixed(1)} ms) ${label}\n`);
}
