import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { ENGRAM_BIN, FIXED_NOW, runEngram } from '../helpers/run-engram.js';

function engramAsync(args: string[], cwd: string, home: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ENGRAM_BIN, ...args], {
      cwd,
      env: { PATH: process.env['PATH'], HOME: home, ENGRAM_NOW: FIXED_NOW, TZ: 'UTC' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

describe('two imports at once', () => {
  it('both finish, neither crashes, and the store keeps every card once', async () => {
    const dir = tempDir();
    const lib = join(dir, 'lib');
    mkdirSync(lib);
    // Enough files that the two runs overlap while reading them.
    for (let f = 0; f < 300; f++) {
      writeFileSync(join(lib, `f${f}.md`), Array.from({ length: 20 }, (_, k) => `Question ${f}-${k}::Answer ${k}`).join('\n'));
    }
    const db = join(dir, 'store.db');
    const runs = await Promise.all([engramAsync(['import', lib, '--db', db], dir, dir), engramAsync(['import', lib, '--db', db], dir, dir)]);
    for (const r of runs) {
      expect(r.stderr).not.toMatch(/Error|UNIQUE/);
      expect(r.status, r.stderr).toBe(0);
    }
    const decks = JSON.parse(runEngram(['decks', '--json', '--db', db], { cwd: dir, home: dir }).stdout) as { total: number }[];
    expect(decks.reduce((a, d) => a + d.total, 0)).toBe(6000);
  });
});
