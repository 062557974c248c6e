import { readFileSync } from 'node:fs';
import { EngramError } from '../model/engram-error.js';
import { createProgram } from './program.js';

/** Runs engram with `argv`; the one place where user-facing errors become exit codes. */
export async function main(argv: string[]): Promise<void> {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  try {
    await createProgram(pkg.version).parseAsync(argv);
  } catch (err) {
    if (err instanceof EngramError) {
      process.stderr.write(`engram: ${err.message}\n`);
      process.exitCode = err.exitCode;
      return;
    }
    throw err;
  }
}

// Piping into `head` closes stdout early; that is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

await main(process.argv);
