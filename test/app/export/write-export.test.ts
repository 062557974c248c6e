import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileTarget } from '../../../src/app/export/export-target.js';
import { inBatches, writeExport, writeFileWhole } from '../../../src/app/export/write-export.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { rejectedError, thrownError } from '../../helpers/engram-errors.js';

const describe_ = (path: string) => `<${path.slice(path.lastIndexOf('/') + 1)}>`;

describe('inBatches', () => {
  it('gathers pieces into writes of 64 KiB or more, in order, and sends the rest at the end', async () => {
    const piece = 'x'.repeat(40 * 1024);
    const batches: number[] = [];
    await inBatches([piece, piece, piece, 'tail'], (b) => {
      batches.push(b.length);
    });
    expect(batches).toEqual([80 * 1024, 40 * 1024 + 4]);
    const none: string[] = [];
    await inBatches([], (b) => {
      none.push(b);
    });
    expect(none).toEqual([]);
  });
});

describe('writeFileWhole', () => {
  it('writes the file whole and leaves no temporary file beside it', async () => {
    const dir = tempDir();
    const target = join(dir, 'out.csv');
    await writeFileWhole(target, { force: false, describe: describe_ }, ['a,b\n', '1,2\n']);
    expect(readFileSync(target, 'utf8')).toBe('a,b\n1,2\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('refuses, without force, a file that took the name while it wrote, and keeps that file', async () => {
    const dir = tempDir();
    const target = join(dir, 'out.csv');
    // Checked first (fileTarget), then taken by someone else while the rows stream.
    function* rows(): Generator<string> {
      yield 'a,b\n';
      writeFileSync(target, 'theirs\n');
      yield '1,2\n';
    }
    const err = await rejectedError(writeFileWhole(target, { force: false, describe: describe_ }, rows()));
    expect([err.kind, err.message, err.fix]).toEqual(['usage', '<out.csv> appeared while exporting.', { kind: 'overwrite' }]);
    expect(readFileSync(target, 'utf8')).toBe('theirs\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('with force, replaces the file that is there', async () => {
    const dir = tempDir();
    const target = join(dir, 'out.csv');
    writeFileSync(target, 'old\n');
    await writeFileWhole(target, { force: true, describe: describe_ }, ['new\n']);
    expect(readFileSync(target, 'utf8')).toBe('new\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('leaves nothing behind when the rows fail half way, and passes their error on', async () => {
    const dir = tempDir();
    function* rows(): Generator<string> {
      yield 'x'.repeat(70 * 1024);
      throw new Error('the store went away');
    }
    await expect(writeFileWhole(join(dir, 'out.csv'), { force: false, describe: describe_ }, rows())).rejects.toThrow('the store went away');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('says it cannot write into a folder that is gone', async () => {
    const dir = tempDir();
    const err = await rejectedError(writeFileWhole(join(dir, 'gone', 'out.csv'), { force: false, describe: describe_ }, ['x']));
    expect(err.kind).toBe('failed');
    expect(err.message).toMatch(/^cannot write <out\.csv>: ENOENT: no such file or directory, open '.*\/gone\/\.out\.csv\.\d+\.tmp'$/);
  });
});

describe('writeExport', () => {
  it('sends the text through `out` when there is no file', async () => {
    const sent: string[] = [];
    await writeExport(null, { force: false, describe: describe_, out: (t) => void sent.push(t) }, ['a', 'b']);
    expect(sent).toEqual(['ab']);
  });
});

describe('fileTarget', () => {
  it('takes a new file in a folder that exists', () => {
    const dir = tempDir();
    expect(fileTarget(join(dir, 'out.csv'), { force: false, describe: describe_ })).toBe(join(dir, 'out.csv'));
  });

  it('refuses a folder, a file that exists (unless forced), and a folder that does not exist (unless it will be made)', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'taken.csv'), 'x');
    const folder = thrownError(() => fileTarget(join(dir, 'sub'), { force: true, describe: describe_ }));
    expect([folder.kind, folder.message, folder.fix]).toEqual(['usage', '<sub> is a folder.', { kind: 'output-file' }]);
    const taken = thrownError(() => fileTarget(join(dir, 'taken.csv'), { force: false, describe: describe_ }));
    expect([taken.kind, taken.message, taken.fix]).toEqual(['usage', '<taken.csv> already exists.', { kind: 'overwrite' }]);
    expect(fileTarget(join(dir, 'taken.csv'), { force: true, describe: describe_ })).toBe(join(dir, 'taken.csv'));
    const gone = thrownError(() => fileTarget(join(dir, 'no', 'out.md'), { force: false, describe: describe_ }));
    expect([gone.kind, gone.message, gone.fix]).toEqual(['usage', 'cannot write <out.md>: the folder <no> does not exist.', undefined]);
    expect(fileTarget(join(dir, 'no', 'out.md'), { force: false, describe: describe_, makeFolders: true })).toBe(join(dir, 'no', 'out.md'));
  });
});
