import Database from 'better-sqlite3';
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PtySession, stripAnsi } from '../e2e/pty-session.js';
import { runEngram } from '../helpers/run-engram.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A folder of `count` card files (two cards each), enough that reading them takes a while. */
function bigFolder(work: string, count: number): string {
  const folder = join(work, 'notes');
  mkdirSync(folder);
  for (let i = 1; i <= count; i++) {
    writeFileSync(join(folder, `chapter-${i}.md`), `---\ndeck: big/part-${i % 7}\n---\n\nQ: Question ${i}, one?\nA: Answer ${i}\n\nQ: Question ${i}, two?\nA: Another answer ${i}\n`);
  }
  return folder;
}

function world(): { work: string; home: string; db: string } {
  const work = realpathSync(tempDir('engram-interrupt-'));
  const home = join(work, 'home');
  mkdirSync(home);
  return { work, home, db: join(work, 'store', 'engram.db') };
}

/** Every row of every table of the store, read after engram has ended. */
function rows(db: string): string {
  const store = new Database(db, { readonly: true });
  try {
    const tables = store.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    return JSON.stringify(tables.map((t) => [t, store.prepare(`SELECT * FROM "${t}" ORDER BY 1`).raw().all()]));
  } finally {
    store.close();
  }
}

/**
 * The lines drawn in the terminal's raw `output`: a \r starts the line over,
 * as a progress line redraws itself; the terminal's own echo of Ctrl-C (^C) is
 * not engram's.
 */
function drawnLines(output: string): string[] {
  return output.split(/\r|\n/).map((line) => stripAnsi(line).replace('^C', ''));
}

const INTERRUPTED = 'engram: import interrupted; nothing was changed (an import is written whole or not at all). Run it again to import.';

describe('Ctrl-C during an import', () => {
  it('stops it with a true message and exit 130, the store as it was; the progress line fits 80 columns', async () => {
    const w = world();
    writeFileSync(join(w.work, 'first.md'), 'Q: Kept?\nA: Yes\n');
    expect(runEngram(['import', 'first.md', '--db', w.db], { cwd: w.work, home: w.home }).status).toBe(0);
    const before = rows(w.db);
    bigFolder(w.work, 3000);

    const s = new PtySession(['import', 'notes', '--db', w.db], { cwd: w.work, home: w.home, cols: 80, rows: 24 });
    // The progress line shows once reading has begun: Ctrl-C then, as a user at the terminal would.
    await s.waitFor('Importing [');
    s.write('\x03');
    const exit = await s.waitForExit();
    expect(exit.exitCode).toBe(130);
    const lines = drawnLines(s.output).filter((l) => l !== '');
    expect(lines.at(-1)).toBe(INTERRUPTED);
    const progress = lines.filter((l) => l.startsWith('Importing'));
    expect(progress.length).toBeGreaterThan(0);
    for (const line of progress) expect(line.length, line).toBeLessThan(80);
    expect(progress[0]).toMatch(/^Importing \[[#-]{20}\] \d+\/3000 files {2}notes\/chapter-\d+\.md$/);
    expect(rows(w.db)).toBe(before);
    expect(existsSync(join(w.work, 'store', 'engram.db-journal'))).toBe(false);

    // Run again, it imports everything.
    const again = runEngram(['import', 'notes', '--db', w.db], { cwd: w.work, home: w.home });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('6000 cards in 3000 files: 6000 added');
  });

  it('into a store it was creating leaves no store behind; at 40 columns the progress line fits too', async () => {
    const w = world();
    bigFolder(w.work, 3000);
    const s = new PtySession(['import', 'notes', '--db', w.db], { cwd: w.work, home: w.home, cols: 40, rows: 12 });
    await s.waitFor('Importing ');
    s.write('\x03');
    expect((await s.waitForExit()).exitCode).toBe(130);
    const progress = drawnLines(s.output).filter((l) => l.startsWith('Importing'));
    expect(progress.length).toBeGreaterThan(0);
    for (const line of progress) expect(line.length, line).toBeLessThan(40);
    expect(s.textSince().replaceAll('\n', '')).toContain(INTERRUPTED);
    expect(existsSync(w.db)).toBe(false);
    expect(existsSync(join(w.work, 'store'))).toBe(false);
  });
});
