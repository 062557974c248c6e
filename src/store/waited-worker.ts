import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

/** The worker's flag: not yet running, running, done (its answer is posted). */
const STARTED = 1;
const DONE = 2;
/** A worker that has not started after this long (ms) never will: the caller does the work itself. */
const START_WAIT_MS = 30_000;

/** A worker's answer, waited for on this thread. */
export interface WaitedWorker<T> {
  /**
   * The value the worker's `work` returned, once it is done; null when the
   * worker never started (the caller then does the work itself).
   * @throws Error with the message and code of what `work` threw
   */
  wait(): T | null;
}

/**
 * Runs `work` on a worker thread while this thread goes on, for SQLite work
 * of seconds that can run on the other core on a connection of its own.
 * `work` is the text of a function `(data, Database) => ({ value, transfer? })`:
 * it gets `data` and better-sqlite3's Database class, and its value comes back
 * (the ArrayBuffers listed in `transfer` are handed over without a copy). The
 * code is run as a script, with no file of its own, so the bundle needs no
 * entry for it. Its answer is waited for synchronously, so the worker never
 * keeps engram running. Returns null when no worker can start: the caller
 * does the work here.
 */
export function startWaitedWorker<T>(work: string, data: unknown): WaitedWorker<T> | null {
  const flag = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
    worker = new Worker(script(work), { eval: true, workerData: { data, sqlite, port: port2, flag }, transferList: [port2] });
  } catch {
    port1.close();
    return null;
  }
  worker.unref();
  port1.unref();
  return {
    wait(): T | null {
      const wake = new Int32Array(flag);
      const since = Date.now();
      for (let seen = Atomics.load(wake, 0); seen !== DONE; seen = Atomics.load(wake, 0)) {
        if (seen < STARTED && Date.now() - since > START_WAIT_MS) {
          void worker.terminate();
          port1.close();
          return null;
        }
        Atomics.wait(wake, 0, seen, 1000);
      }
      const message = receiveMessageOnPort(port1)?.message as { value?: T; error?: string; code?: string } | undefined;
      port1.close();
      if (message && 'value' in message) return message.value as T;
      const err = new Error(message?.error ?? 'the worker ended without an answer') as Error & { code?: string };
      if (message?.code) err.code = message.code;
      throw err;
    },
  };
}

/**
 * The worker's script: `work` between the flag's STARTED and DONE. Its flag
 * says STARTED as soon as it runs, and every way out of it ends in DONE and
 * the wake-up: an answer posted (an error instead when the value cannot be
 * posted), or none when the thread is ended early (process.exit in `work`),
 * which wait() reports as an error. Only a thread the engine kills (out of
 * memory) runs none of this.
 */
function script(work: string): string {
  return `
const { workerData } = require('node:worker_threads');
const { data, sqlite, port, flag } = workerData;
const wake = new Int32Array(flag);
const finish = () => {
  Atomics.store(wake, 0, ${DONE});
  Atomics.notify(wake, 0);
};
process.on('exit', finish);
Atomics.store(wake, 0, ${STARTED});
let out;
let transfer = [];
try {
  const done = (${work})(data, require(sqlite));
  out = { value: done.value };
  transfer = done.transfer || [];
} catch (err) {
  out = { error: String((err && err.message) || err), code: err && err.code };
  transfer = [];
} finally {
  try {
    port.postMessage(out || { error: 'the worker ended without an answer' }, transfer);
  } catch (err) {
    port.postMessage({ error: 'the worker could not hand its answer over: ' + String((err && err.message) || err) });
  }
  finish();
}
`;
}
