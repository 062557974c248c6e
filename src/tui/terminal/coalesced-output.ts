/**
 * A terminal stream whose writes made in one go (before the running task
 * ends) reach the terminal as one write. Everything else is the stream's own.
 */
export interface CoalescedOutput {
  /** The stream to hand Ink: the real one, but for `write`. */
  stream: NodeJS.WriteStream;
  /** Writes what is pending now: before anything is written to the real stream directly. */
  flush(): void;
}

/**
 * Ink writes each frame to a terminal as three writes: begin synchronized
 * update, the frame, end synchronized update. Each is a system call that wakes
 * the terminal, which on a busy machine may take the processor from engram
 * between the first and the frame (11 ms seen on the review bench). Here the
 * three are one write, made at the end of the task that drew the frame (a
 * microtask). A write with a callback goes out at once, after what is pending.
 */
export function coalescedOutput(stdout: NodeJS.WriteStream): CoalescedOutput {
  let pending = '';
  const flush = (): void => {
    if (pending === '') return;
    const text = pending;
    pending = '';
    stdout.write(text);
  };
  const write = (chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
    if (typeof chunk !== 'string' || typeof encoding === 'function' || typeof callback === 'function') {
      flush();
      return (stdout.write as (...args: unknown[]) => boolean)(chunk, encoding, callback);
    }
    if (pending === '') queueMicrotask(flush);
    pending += chunk;
    return true;
  };
  const stream = new Proxy(stdout, {
    get(target, property) {
      if (property === 'write') return write;
      const value: unknown = Reflect.get(target, property, target);
      // Methods run on the real stream (its listeners, its state), not on the proxy.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { stream, flush };
}
