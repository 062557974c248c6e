import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEnv, md, type CardJson, type ImportFileJson, type ImportJson } from './cli-env.js';
import { CHEMISTRY, GEOGRAPHY, LIBRARY, writeLibrary } from './sample-library.js';

const ZERO = { added: 0, updated: 0, unchanged: 0, archived: 0, restored: 0 };

function fileReport(path: string, deck: string | null, status: ImportFileJson['status'], counts: Partial<typeof ZERO>, cards: number): ImportFileJson {
  return { path, status, deck, cards, ...ZERO, ...counts, problems: [] };
}

describe('engram import: a folder', () => {
  it('imports every card file in it with exact per-file counts and totals', () => {
    const env = cliEnv();
    writeLibrary(env);
    const r = env.json<ImportJson>(['import', LIBRARY.folder]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // Sorted by path; the .rst file and the hidden folder are not walked.
    expect(r.data).toEqual({
      store: env.defaultStore,
      exitCode: 0,
      totals: { files: 3, cards: 13, added: 13, updated: 0, unchanged: 0, archived: 0, restored: 0, problems: 0 },
      files: [
        fileReport(LIBRARY.geography, 'Geography', 'imported', { added: 6 }, 6),
        fileReport(LIBRARY.notes, 'notes', 'imported', { added: 3 }, 3),
        fileReport(LIBRARY.chemistry, 'chemistry', 'imported', { added: 4 }, 4),
      ],
    });
  });

  it('prints the table, the totals line and the store on stdout', () => {
    const env = cliEnv();
    writeLibrary(env);
    const r = env.run(['import', LIBRARY.folder]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]!.split(/\s+/)).toEqual(['file', 'deck', 'cards', 'added', 'updated', 'unchanged', 'archived', 'problems']);
    expect(lines[1]!.split(/\s+/)).toEqual([LIBRARY.geography, 'Geography', '6', '6', '0', '0', '0', '0']);
    expect(lines[2]!.split(/\s+/)).toEqual([LIBRARY.notes, 'notes', '3', '3', '0', '0', '0', '0']);
    expect(lines[3]!.split(/\s+/)).toEqual([LIBRARY.chemistry, 'chemistry', '4', '4', '0', '0', '0', '0']);
    expect(lines[4]).toBe('13 cards in 3 files: 13 added, 0 updated, 0 unchanged, 0 archived; no problems.');
    expect(lines[5]).toBe(`Store: ${env.defaultStore}`);
  });

  it('reports everything unchanged with exit 0 when imported again, by path or by a bare re-sync', () => {
    const env = cliEnv();
    writeLibrary(env);
    expect(env.run(['import', LIBRARY.folder]).status).toBe(0);
    const unchanged = {
      store: env.defaultStore,
      exitCode: 0,
      totals: { files: 3, cards: 13, added: 0, updated: 0, unchanged: 13, archived: 0, restored: 0, problems: 0 },
      files: [
        fileReport(LIBRARY.geography, 'Geography', 'unchanged', { unchanged: 6 }, 6),
        fileReport(LIBRARY.notes, 'notes', 'unchanged', { unchanged: 3 }, 3),
        fileReport(LIBRARY.chemistry, 'chemistry', 'unchanged', { unchanged: 4 }, 4),
      ],
    };
    const again = env.json<ImportJson>(['import', LIBRARY.folder]);
    expect(again.status).toBe(0);
    expect(again.data).toEqual(unchanged);
    const resync = env.json<ImportJson>(['import']);
    expect(resync.status).toBe(0);
    expect(resync.data).toEqual(unchanged);
  });

  it('notices an edit on a bare re-sync: one word changed is 1 updated, and the card keeps its id', () => {
    const env = cliEnv();
    writeLibrary(env);
    env.run(['import', LIBRARY.folder]);
    const before = env.json<CardJson[]>(['cards']).data;

    env.write(LIBRARY.geography, GEOGRAPHY.replace('What is the capital of France?', 'Which is the capital of France?'));
    const r = env.json<ImportJson>(['import']);
    expect(r.status).toBe(0);
    expect(r.data.totals).toEqual({ files: 3, cards: 13, added: 0, updated: 1, unchanged: 12, archived: 0, restored: 0, problems: 0 });
    expect(r.data.files[0]).toEqual(fileReport(LIBRARY.geography, 'Geography', 'imported', { updated: 1, unchanged: 5 }, 6));

    const after = env.json<CardJson[]>(['cards']).data;
    expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
    const france = after.find((c) => c.back === 'Paris')!;
    expect(france.front).toBe('Which is the capital of France?');
    expect(france.id).toBe(before.find((c) => c.back === 'Paris')!.id);
    // Everything else reads exactly as before.
    expect(after.filter((c) => c.back !== 'Paris')).toEqual(before.filter((c) => c.back !== 'Paris'));
  });

  it('archives the cards of a deleted file on re-sync, and restores them when the file comes back', () => {
    const env = cliEnv();
    writeLibrary(env);
    env.run(['import', LIBRARY.folder]);
    const idsBefore = env.json<CardJson[]>(['cards', '--deck', 'chemistry']).data.map((c) => c.id);
    expect(idsBefore).toHaveLength(4);

    rmSync(join(env.work, LIBRARY.chemistry));
    const gone = env.json<ImportJson>(['import']);
    expect(gone.status).toBe(1);
    expect(gone.data.exitCode).toBe(1);
    expect(gone.data.totals).toEqual({ files: 3, cards: 9, added: 0, updated: 0, unchanged: 9, archived: 4, restored: 0, problems: 1 });
    const missing = gone.data.files.find((f) => f.path === LIBRARY.chemistry)!;
    expect(missing).toMatchObject({ status: 'missing', deck: null, cards: 0, ...ZERO, archived: 4 });
    expect(missing.problems).toHaveLength(1);
    expect(missing.problems[0]).toMatchObject({ path: LIBRARY.chemistry, line: 0, severity: 'warning' });
    expect(missing.problems[0]!.message).toContain('4 cards were archived');
    expect(env.json<CardJson[]>(['cards', '--deck', 'chemistry']).data).toEqual([]);

    env.write(LIBRARY.chemistry, CHEMISTRY);
    const back = env.json<ImportJson>(['import']);
    expect(back.status).toBe(0);
    expect(back.data.totals).toEqual({ files: 3, cards: 13, added: 0, updated: 0, unchanged: 9, archived: 0, restored: 4, problems: 0 });
    expect(back.data.files.find((f) => f.path === LIBRARY.chemistry)).toEqual(
      fileReport(LIBRARY.chemistry, 'chemistry', 'imported', { restored: 4 }, 4),
    );
    const restored = env.json<CardJson[]>(['cards', '--deck', 'chemistry']).data;
    expect(restored.map((c) => c.id)).toEqual(idsBefore);
    expect(restored.every((c) => !c.archived)).toBe(true);
  });

  it('shows a restored column in the text table only when something was restored', () => {
    const env = cliEnv();
    writeLibrary(env);
    env.run(['import', LIBRARY.folder]);
    rmSync(join(env.work, LIBRARY.chemistry));
    const gone = env.run(['import']);
    expect(gone.stdout.split('\n')[0]).not.toContain('restored');
    expect(gone.stderr).toBe(`${LIBRARY.chemistry}: warning: is gone; its 4 cards were archived with their history. They come back if the file does; nothing was deleted.\n`);
    env.write(LIBRARY.chemistry, CHEMISTRY);
    const back = env.run(['import']);
    expect(back.stdout.split('\n')[0]!.split(/\s+/)).toEqual(['file', 'deck', 'cards', 'added', 'updated', 'unchanged', 'archived', 'restored', 'problems']);
    expect(back.stdout).toContain('13 cards in 3 files: 0 added, 0 updated, 9 unchanged, 0 archived, 4 restored; no problems.');
  });

  it('finds a file deleted from a folder when the folder is imported again, not only on a bare re-sync', () => {
    const env = cliEnv();
    writeLibrary(env);
    env.run(['import', LIBRARY.folder]);
    rmSync(join(env.work, LIBRARY.notes));
    const r = env.json<ImportJson>(['import', LIBRARY.folder]);
    expect(r.status).toBe(1);
    expect(r.data.files.map((f) => [f.path, f.status, f.archived])).toEqual([
      [LIBRARY.geography, 'unchanged', 0],
      [LIBRARY.notes, 'missing', 3],
      [LIBRARY.chemistry, 'unchanged', 0],
    ]);
  });

  it('does not claim to archive cards again while a deleted file stays gone', () => {
    const env = cliEnv();
    writeLibrary(env);
    env.run(['import', LIBRARY.folder]);
    rmSync(join(env.work, LIBRARY.chemistry));
    env.run(['import']);
    const later = env.json<ImportJson>(['import']);
    const missing = later.data.files.find((f) => f.path === LIBRARY.chemistry)!;
    expect(missing.status).toBe('missing');
    expect(missing.archived).toBe(0);
    // Its 4 cards are still archived; the report must not say 0 were.
    for (const p of missing.problems) expect(p.message).not.toMatch(/\b0 cards were archived/);
  });

  it('reads a file named explicitly whatever its extension', () => {
    const env = cliEnv();
    writeLibrary(env);
    const r = env.json<ImportJson>(['import', LIBRARY.ignoredRst]);
    expect(r.status).toBe(0);
    expect(r.data.files).toEqual([fileReport(LIBRARY.ignoredRst, 'readme', 'imported', { added: 1 }, 1)]);
  });
});

describe('engram import: problems and exit codes', () => {
  // Line 5 opens an answer that is never closed.
  const UNCLOSED = md(
    'Q: What is one?', //                1
    'A: 1', //                           2
    '', //                               3
    ':p What is two?', //                4
    '??x', //                            5
    '2', //                              6
  );

  it('exits 1 for a file with an unclosed ??x, still importing its cards, and names the exact line', () => {
    const env = cliEnv();
    env.write('bad.md', UNCLOSED);
    const r = env.json<ImportJson>(['import', 'bad.md']);
    expect(r.status).toBe(1);
    expect(r.data.exitCode).toBe(1);
    expect(r.data.totals).toEqual({ files: 1, cards: 2, added: 2, updated: 0, unchanged: 0, archived: 0, restored: 0, problems: 1 });
    expect(r.data.files).toHaveLength(1);
    const file = r.data.files[0]!;
    expect(file).toMatchObject({ path: 'bad.md', status: 'imported', deck: 'bad', cards: 2, added: 2 });
    expect(file.problems).toEqual([
      { path: 'bad.md', line: 5, severity: 'error', message: expect.stringContaining('??x') as string, fix: expect.stringContaining('x??') as string },
    ]);
  });

  it('prints the problem as file:line: error: on stderr in text mode, and keeps it on an unchanged re-run', () => {
    const env = cliEnv();
    env.write('bad.md', UNCLOSED);
    const first = env.run(['import', 'bad.md']);
    expect(first.status).toBe(1);
    expect(first.stderr).toMatch(/^bad\.md:5: error: opens an answer with \?\?x that is never closed/);
    expect(first.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(first.stdout).toContain('2 cards in 1 file: 2 added, 0 updated, 0 unchanged, 0 archived; 1 error.');
    expect(first.stdout).not.toContain('error:');

    // An unchanged file is not parsed again, yet must tell the same story.
    const again = env.run(['import', 'bad.md']);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(first.stderr);
  });

  it('exits 4 (nothing matched) for a path that does not exist', () => {
    const env = cliEnv();
    const r = env.json<ImportJson>(['import', 'nope.md']);
    expect(r.status).toBe(4);
    expect(r.data.exitCode).toBe(4);
    expect(r.data.files).toEqual([
      { path: 'nope.md', status: 'skipped', deck: null, cards: 0, ...ZERO, problems: [{ path: 'nope.md', line: 0, severity: 'error', message: 'does not exist.', fix: 'Check the path.' }] },
    ]);
    const text = env.run(['import', 'nope.md']);
    expect(text.status).toBe(4);
    expect(text.stderr).toBe('nope.md: error: does not exist. Check the path.\n');
  });

  it('exits 1, not 4, when a missing path is given next to a good file', () => {
    const env = cliEnv();
    env.write('good.md', md('One::1'));
    const r = env.json<ImportJson>(['import', 'good.md', 'nope.md']);
    expect(r.status).toBe(1);
    expect(r.data.files.map((f) => [f.path, f.status, f.cards])).toEqual([
      ['good.md', 'imported', 1],
      ['nope.md', 'skipped', 0],
    ]);
  });

  it('exits 4 (nothing matched) for an empty file, with a warning', () => {
    const env = cliEnv();
    env.write('empty.md', '');
    const r = env.json<ImportJson>(['import', 'empty.md']);
    expect(r.status).toBe(4);
    expect(r.data.totals.cards).toBe(0);
    expect(r.data.files[0]!.problems).toEqual([
      { path: 'empty.md', line: 0, severity: 'warning', message: 'is empty.', fix: expect.any(String) as string },
    ]);
  });

  it('exits 4 (nothing matched) for a binary file, skipping it with an error', () => {
    const env = cliEnv();
    env.write('image.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a, 0x51, 0x3a]));
    const r = env.json<ImportJson>(['import', 'image.md']);
    expect(r.status).toBe(4);
    expect(r.data.files).toHaveLength(1);
    expect(r.data.files[0]).toMatchObject({ path: 'image.md', status: 'skipped', deck: null, cards: 0 });
    expect(r.data.files[0]!.problems).toEqual([
      { path: 'image.md', line: 0, severity: 'error', message: expect.stringContaining('binary') as string, fix: expect.any(String) as string },
    ]);
  });

  it('exits 4 (nothing matched) for a folder with no card files in it', () => {
    const env = cliEnv();
    env.write('pictures/readme.rst', md('Not walked::at all'));
    const r = env.run(['import', 'pictures']);
    expect(r.status).toBe(4);
    expect(r.stderr).toBe('engram: no card files (.md, .markdown, .txt) found in pictures.\n');
    expect(r.stdout).toBe('');
  });

  it('exits 4 (nothing matched) with a hint to give files or folders when nothing was imported yet and no path is given', () => {
    const env = cliEnv();
    const r = env.run(['import']);
    expect(r.status).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^engram: nothing to re-sync: no file was imported yet\. Give files or folders/);
  });

  it('counts a single card in the singular in its totals line', () => {
    const env = cliEnv();
    env.write('one.md', md('One::1'));
    const r = env.run(['import', 'one.md']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('\n1 card in 1 file: 1 added, 0 updated, 0 unchanged, 0 archived; no problems.\n');
  });
});
