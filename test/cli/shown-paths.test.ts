import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEngram, type EngramRun } from '../helpers/run-engram.js';
import { tempDir } from '../helpers/temp-dir.js';
import { md, type CardJson } from './cli-env.js';

/**
 * A vault whose notes really live in `real/` and are reached through the
 * symlink `vault -> real`, as a user with a synced folder linked into HOME
 * has it. engram runs in `cwd` (a real path) with $PWD naming it as the shell does.
 */
function linkedVault() {
  const root = realpathSync(tempDir('engram-shown-'));
  const home = join(root, 'home');
  mkdirSync(home);
  mkdirSync(join(root, 'real', 'seeds'), { recursive: true });
  writeFileSync(
    join(root, 'real', 'seeds', '003-notes.md'),
    md(
      'Q: What does the TCP handshake agree on?', // 1
      'A: Initial sequence numbers', //             2
      '', //                                        3
      'A: an answer without a question', //         4
    ),
  );
  symlinkSync(join(root, 'real'), join(root, 'vault'));
  const run = (args: readonly string[], where: { cwd: string; pwd: string }): EngramRun =>
    runEngram([...args, '--db', join(root, 'engram.db')], { cwd: where.cwd, home, env: { PWD: where.pwd } });
  return { root, run };
}

describe('paths given through a symlink print as typed', () => {
  it('import, its problems, cards, re-sync and check name the file by the path typed, relative to $PWD', () => {
    const { root, run } = linkedVault();
    const inRoot = { cwd: root, pwd: root };

    const imported = run(['import', 'vault/seeds'], inRoot);
    expect(imported.status).toBe(1);
    expect(imported.stderr).toContain('vault/seeds/003-notes.md:4: error:');
    expect(imported.stdout).toMatch(/^vault\/seeds\/003-notes\.md +003-notes +1 /m);
    expect(imported.stdout + imported.stderr).not.toContain('real/');

    const cards = run(['cards', '--json'], inRoot);
    expect((JSON.parse(cards.stdout) as CardJson[]).map((c) => c.source)).toEqual([
      { path: join(root, 'vault', 'seeds', '003-notes.md'), line: 1, endLine: 2 },
    ]);
    expect(run(['cards'], inRoot).stdout).toMatch(/ vault\/seeds\/003-notes\.md:1\n/);

    // A bare re-sync remembers the path typed; the working folder through the link shows it relative.
    const resync = run(['import'], { cwd: join(root, 'real'), pwd: join(root, 'vault') });
    expect(resync.stderr).toContain('seeds/003-notes.md:4: error:');
    expect(resync.stderr).not.toContain(root);
    expect(run(['cards'], { cwd: join(root, 'real'), pwd: join(root, 'vault') }).stdout).toMatch(/ seeds\/003-notes\.md:1\n/);

    const checked = run(['check', 'vault/seeds/003-notes.md'], inRoot);
    expect(checked.stdout).toContain('vault/seeds/003-notes.md: 1 card for deck "003-notes"');
    expect(checked.stdout).toContain('vault/seeds/003-notes.md:4: error:');
  });

  it('shows the real path again once the file is imported by it', () => {
    const { root, run } = linkedVault();
    const inRoot = { cwd: root, pwd: root };
    run(['import', 'vault/seeds'], inRoot);
    run(['import', 'real/seeds/003-notes.md'], inRoot);
    expect(run(['cards'], inRoot).stdout).toMatch(/ real\/seeds\/003-notes\.md:1\n/);
  });
});
