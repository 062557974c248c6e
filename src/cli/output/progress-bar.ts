/** Files from which a progress bar is worth drawing. */
const MIN_FILES_FOR_BAR = 20;

/**
 * A one-line progress bar on a terminal stream (stderr), redrawn at most every
 * 50 ms; silent when the stream is not a TTY or the job is small. `unit` names
 * what is counted.
 * @returns the progress callback and a function that clears the line
 */
export function progressBar(
  stream: NodeJS.WriteStream,
  label: string,
  unit = 'files',
): { update: (done: number, total: number, stage?: string) => void; clear: () => void } {
  let last = 0;
  let drawn = false;
  const update = (done: number, total: number, stage?: string): void => {
    if (!stream.isTTY || total < MIN_FILES_FOR_BAR) return;
    const t = Date.now();
    if (done < total && t - last < 50) return;
    last = t;
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 30));
    const filled = Math.round((done / total) * width);
    const note = stage === 'writing' ? ', writing to the store…' : '';
    stream.write(`\r\x1b[K${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${unit}${note}`);
    drawn = true;
  };
  const clear = (): void => {
    if (drawn) stream.write('\r\x1b[K');
    drawn = false;
  };
  return { update, clear };
}
