import type { WorkProgress } from '../../app/work-progress.js';

/**
 * A one-line progress note for a long fit on a terminal stream (stderr),
 * redrawn at most every 100 ms; silent when the stream is not a terminal.
 * @returns the progress callbacks: `finish` clears the line
 */
export function fitProgress(stream: NodeJS.WriteStream): WorkProgress {
  let last = 0;
  let drawn = false;
  return {
    update(done, total) {
      if (!stream.isTTY || total <= 0) return;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      stream.write(`\r\x1b[Kfitting FSRS parameters… ${Math.min(100, Math.floor((done / total) * 100))}%`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
