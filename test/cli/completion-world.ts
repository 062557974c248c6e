import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A temp folder kept for a whole test file (tempDir removes its folders after each test). */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes the folders made by makeTempDir. */
export function removeTempDir(): void {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
}
