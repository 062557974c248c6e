import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPaths } from '../../src/library/walk-paths.js';
import { tempDir } from '../helpers/temp-dir.js';

function tree(files: string[]): string {
  const root = realpathSync(tempDir('engram-walk-'));
  for (const rel of files) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), 'Q::A\n');
  }
  return root;
}

describe('expandPaths', () => {
  it('finds .md, .markdown and .txt files recursively, sorted, skipping other extensions, hidden folders and node_modules', () => {
    const root = tree([
      'z.md',
      'a.markdown',
      'notes.txt',
      'UPPER.MD',
      'one/two/three/deep.md',
      'image.png',
      'script.py',
      'md',
      '.git/HEAD.md',
      'one/.obsidian/workspace.md',
      'node_modules/lib/README.md',
      'one/node_modules/x.txt',
    ]);
    expect(expandPaths(['.'], root)).toEqual({
      files: ['UPPER.MD', 'a.markdown', 'notes.txt', 'one/two/three/deep.md', 'z.md'].map((f) => ({ path: join(root, f), shown: join(root, f), named: f })),
      folders: [root],
      missing: [],
    });
  });

  it('keeps a file named explicitly whatever its extension or folder', () => {
    const root = tree(['script.py', 'node_modules/lib/README.md', 'plain']);
    expect(expandPaths(['script.py', 'node_modules/lib/README.md', join(root, 'plain')], root)).toEqual({
      files: [
        { path: join(root, 'node_modules/lib/README.md'), shown: join(root, 'node_modules/lib/README.md'), named: 'README.md' },
        { path: join(root, 'plain'), shown: join(root, 'plain'), named: 'plain' },
        { path: join(root, 'script.py'), shown: join(root, 'script.py'), named: 'script.py' },
      ],
      folders: [],
      missing: [],
    });
  });

  it('lists paths that do not exist as given', () => {
    const root = tree(['a.md']);
    expect(expandPaths(['missing.md', 'a.md', 'gone/'], root)).toEqual({
      files: [{ path: join(root, 'a.md'), shown: join(root, 'a.md'), named: 'a.md' }],
      folders: [],
      missing: ['missing.md', 'gone/'],
    });
  });

  it('follows symlinks to files and folders, once each, without looping', () => {
    const root = tree(['notes/a.md', 'elsewhere/b.md', 'elsewhere/sub/c.txt']);
    symlinkSync(join(root, 'elsewhere'), join(root, 'notes', 'linked'));
    symlinkSync(join(root, 'notes'), join(root, 'notes', 'loop'));
    symlinkSync(join(root, 'elsewhere', 'b.md'), join(root, 'notes', 'b-again.md'));
    symlinkSync(join(root, 'nowhere.md'), join(root, 'notes', 'dangling.md'));
    // Each file once, as first reached in name order: b.md through b-again.md, not linked/b.md.
    expect(expandPaths(['notes'], root)).toEqual({
      files: [
        { path: join(root, 'elsewhere/b.md'), shown: join(root, 'notes/b-again.md'), named: 'b-again.md' },
        { path: join(root, 'elsewhere/sub/c.txt'), shown: join(root, 'notes/linked/sub/c.txt'), named: 'linked/sub/c.txt' },
        { path: join(root, 'notes/a.md'), shown: join(root, 'notes/a.md'), named: 'a.md' },
      ],
      folders: [join(root, 'notes')],
      missing: [],
    });
  });

  it('reads each file once when it is reached by several given paths', () => {
    const root = tree(['notes/a.md', 'notes/sub/b.md']);
    expect(expandPaths(['notes', 'notes/sub', 'notes/a.md', './notes/sub/../a.md'], root).files).toEqual([
      { path: join(root, 'notes/a.md'), shown: join(root, 'notes/a.md'), named: 'a.md' },
      { path: join(root, 'notes/sub/b.md'), shown: join(root, 'notes/sub/b.md'), named: 'sub/b.md' },
    ]);
  });

  it('keeps the path a file was given by through a symlinked working folder and symlinked folders, and names it below the folder given', () => {
    const root = tree(['real/langs/spanish/vocab.md', 'real/langs/german/vocab.md', 'real/one.md']);
    symlinkSync(join(root, 'real'), join(root, 'link'));
    // The working folder as the shell names it: through the link.
    const cwd = join(root, 'link');
    expect(expandPaths(['langs', 'one.md'], cwd)).toEqual({
      files: [
        { path: join(root, 'real/langs/german/vocab.md'), shown: join(cwd, 'langs/german/vocab.md'), named: 'german/vocab.md' },
        { path: join(root, 'real/langs/spanish/vocab.md'), shown: join(cwd, 'langs/spanish/vocab.md'), named: 'spanish/vocab.md' },
        { path: join(root, 'real/one.md'), shown: join(cwd, 'one.md'), named: 'one.md' },
      ],
      folders: [join(root, 'real/langs')],
      missing: [],
    });
  });

  it("reads '..' as the OS does, from the folder really there, when the shell's way through a symlink leads elsewhere", () => {
    const root = tree(['deep/inside/here/.keep', 'deep/inside/x.md', 'x.md']);
    symlinkSync(join(root, 'deep/inside/here'), join(root, 'here'));
    // The shell's $PWD is root/here; '../x.md' by the shell's reading is root/x.md, by the OS's deep/inside/x.md.
    expect(expandPaths(['../x.md'], join(root, 'here')).files).toEqual([
      { path: join(root, 'deep/inside/x.md'), shown: join(root, 'deep/inside/x.md'), named: 'x.md' },
    ]);
  });
});
