// Regenerates every expected-output fixture: runs each test file that reads
// UPDATE_FIXTURES with UPDATE_FIXTURES=1, which makes it write what the code
// produces now over its expected.json files before comparing. Found by
// content rather than listed, so a new fixture test, or one moved to another
// folder, is included without editing this script.
//
// Usage: npm run fixtures:update, then read `git diff test/fixtures` before
// committing: a regenerated fixture is only right if the change is meant.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TEST_FILE = /\.test\.tsx?$/;

/** Every test file under `dir`, as paths relative to the repo, sorted. */
function testFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...testFiles(path));
    else if (TEST_FILE.test(entry.name)) found.push(relative(ROOT, path));
  }
  return found.sort();
}

const files = testFiles(join(ROOT, 'test')).filter((f) => readFileSync(join(ROOT, f), 'utf8').includes('UPDATE_FIXTURES'));
if (files.length === 0) {
  console.error('update-fixtures: no test file reads UPDATE_FIXTURES');
  process.exit(1);
}
console.log(`Regenerating the fixtures of:\n${files.map((f) => `  ${f}`).join('\n')}`);

const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'vitest'), ['run', ...files], {
  cwd: ROOT,
  env: { ...process.env, UPDATE_FIXTURES: '1' },
  stdio: 'inherit',
});
if (run.error) throw run.error;
if (run.status === 0) console.log('Done: read `git diff test/fixtures` before committing.');
process.exit(run.status ?? 1);
