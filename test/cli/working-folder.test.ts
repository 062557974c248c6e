import { mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workingFolder } from '../../src/cli/environment.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A real folder `real/notes` and a symlink `link` to `real`. */
function folders(): { real: string; linked: string; other: string } {
  const root = realpathSync(tempDir('engram-pwd-'));
  mkdirSync(join(root, 'real', 'notes'), { recursive: true });
  mkdirSync(join(root, 'other'));
  symlinkSync(join(root, 'real'), join(root, 'link'));
  return { real: join(root, 'real', 'notes'), linked: join(root, 'link', 'notes'), other: join(root, 'other') };
}

describe('workingFolder', () => {
  it('is $PWD, symlinks kept, when it names the same folder as the process working folder', () => {
    const f = folders();
    expect(workingFolder({ PWD: f.linked }, f.real)).toBe(f.linked);
    expect(workingFolder({ PWD: `${f.linked}/` }, f.real)).toBe(f.linked);
  });

  it('is the process working folder when $PWD is unset, relative, stale, another folder or nothing at all', () => {
    const f = folders();
    expect(workingFolder({}, f.real)).toBe(f.real);
    expect(workingFolder({ PWD: 'link/notes' }, f.real)).toBe(f.real);
    expect(workingFolder({ PWD: f.other }, f.real)).toBe(f.real);
    expect(workingFolder({ PWD: join(f.other, 'gone') }, f.real)).toBe(f.real);
  });
});
