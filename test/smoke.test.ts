import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/temp-dir.js';
import { runEngram } from './helpers/run-engram.js';

describe('engram binary', () => {
  it('prints its version from package.json', async () => {
    const dir = tempDir();
    const pkg = (await import('../package.json', { with: { type: 'json' } })).default as { version: string };
    const r = runEngram(['--version'], { cwd: dir, home: dir });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});
