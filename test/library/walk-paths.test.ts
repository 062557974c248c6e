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
      files: ['UPPER.MD', 'a.markdown', 'notes.txt', 'one/two/three/deep.md', 'z.md'].map((f) => join(root, f)),
      folders: [root],
      missing: [],
    });
  });

  it('keeps a file named explicitly whatever its extension or folder', () => {
    const root = tree(['script.py', 'node_modules/lib/README.md', 'plain']);
    expect(expandPaths(['script.py', 'node_modules/lib/README.md', join(root, 'plain')], root)).toEqual({
      files: [join(root, 'node_modules/lib/README.md'), join(root, 'plain'), join(root, 'script.py')],
      folders: [],
      missing: [],
    });
  });

  it('lists paths that do not exist as given', () => {
    const root = tree(['a.md']);
    expect(expandPaths(['missing.md', 'a.md', 'gone/'], root)).toEqual({
      files: [join(root, 'a.md')],
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
    expect(expandPaths(['notes'], root)).toEqual({
      files: ['elsewhere/b.md', 'elsewhere/sub/c.txt', 'notes/a.md'].map((f) => join(root, f)),
      folders: [join(root, 'notes')],
      missing: [],
    });
  });

  it('reads each file once when it is reached by several given paths', () => {
    const root = tree(['notes/a.md', 'notes/sub/b.md']);
    expect(expandPaths(['notes', 'notes/sub', 'notes/a.md', './notes/sub/../a.md'], root).files).toEqual([
      join(root, 'notes/a.md'),
      join(root, 'notes/sub/b.md'),
    ]);
  });
});
