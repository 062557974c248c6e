import { CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { EngramError } from '../model/engram-error.js';
import { EXIT, EXIT_CODE_OF } from './exit-codes.js';
import { errorText } from './output/error-text.js';
import { createProgram } from './program.js';

/** Runs engram with `argv`; the one place where user-facing errors become exit codes. */
export async function main(argv: string[]): Promise<void> {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  try {
    await createProgram(pkg.version).parseAsync(argv);
  } catch (err) {
    // Commander has printed its message (or the help, or the version) already; its errors are all usage errors.
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    const known = err instanceof EngramError ? err : await storeFailure(err);
    if (known) {
      process.stderr.write(`engram: ${errorText(known)}\n`);
      process.exitCode = EXIT_CODE_OF[known.kind];
      return;
    }
    throw err;
  }
}

/** A SQLite failure as a user-facing error (loaded only when something failed). */
async function storeFailure(err: unknown): Promise<EngramError | null> {
  const { storeError } = await import('../store/store-errors.js');
  return storeError(err);
}

// Piping into `head` closes stdout early; that is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

await main(process.argv);
