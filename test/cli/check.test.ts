import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEnv, md, type CliEnv, type ProblemJson } from './cli-env.js';

interface CheckJson {
  files: { path: string; deck: string | null; cards: number; problems: ProblemJson[] }[];
  cards: number;
  errors: number;
  warnings: number;
}

/** err.md has an error at line 4; warn.md a warning at line 4; ok/clean.md nothing. */
function writeInputs(env: CliEnv): void {
  env.write(
    'err.md',
    md(
      'Q: What is one?', //   1
      'A: 1', //              2
      '', //                  3
      'A: an orphan answer', // 4: A: with no Q:
    ),
  );
  env.write(
    'warn.md',
    md(
      'Q: What is two?', //   1
      'A: 2', //              2
      '', //                  3
      'x??', //               4: closes nothing
    ),
  );
  env.write('ok/clean.md', md('Three::3', '', 'Four::4'));
}

describe('engram check', () => {
  it('prints each problem as file:line: severity: and exits 1 when there is an error', () => {
    const env = cliEnv();
    writeInputs(env);
    const r = env.run(['check', 'err.md', 'warn.md', 'ok']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe('err.md: 1 card for deck "err"');
    expect(lines[1]).toMatch(/^err\.md:4: error: has A: but no Q: above it/);
    expect(lines[2]).toBe('ok/clean.md: 2 cards for deck "clean"');
    expect(lines[3]).toBe('warn.md: 1 card for deck "warn"');
    expect(lines[4]).toMatch(/^warn\.md:4: warning: has x\?\? but no answer is open/);
    expect(lines[5]).toBe('Checked 3 files: 4 cards, 1 error, 1 warning.');
  });

  it('exits 0 when there are only warnings', () => {
    const env = cliEnv();
    writeInputs(env);
    const r = env.run(['check', 'warn.md', 'ok']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^warn\.md:4: warning: /m);
    expect(r.stdout).toContain('Checked 2 files: 3 cards, 1 warning.\n');
  });

  it('exits 0 with no problems', () => {
    const env = cliEnv();
    writeInputs(env);
    const r = env.run(['check', 'ok']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('ok/clean.md: 2 cards for deck "clean"\nChecked 1 file: 2 cards, no problems.\n');
  });

  it('exits 4 (nothing matched) for a path that does not exist', () => {
    const env = cliEnv();
    const r = env.run(['check', 'nope.md']);
    expect(r.status).toBe(4);
    expect(r.stdout).toBe('nope.md: error: does not exist. Check the path.\nChecked 1 file: 0 cards, 1 error.\n');
  });

  it('gives the exact line of an unclosed ??x counted from the top of the file, frontmatter included', () => {
    const env = cliEnv();
    env.write(
      'fm.md',
      md(
        '---', //                 1
        'deck: Numbers', //       2
        '---', //                 3
        '', //                    4
        ':p What is five?', //    5
        '??x', //                 6: never closed
        '5', //                   7
      ),
    );
    const r = env.json<CheckJson>(['check', 'fm.md']);
    expect(r.status).toBe(1);
    expect(r.data.files[0]!.problems.map((p) => [p.line, p.severity])).toEqual([[6, 'error']]);
  });

  it('writes no store anywhere, whatever the store settings say', () => {
    const env = cliEnv();
    writeInputs(env);
    const envDb = join(env.work, 'env.db');
    const flagDb = join(env.work, 'flag.db');
    for (const args of [['check', 'err.md', 'ok'], ['check', 'ok', '--json'], ['check', 'ok', '--db', flagDb]]) {
      env.run(args);
      env.run(args, { ENGRAM_DB: envDb });
    }
    expect(existsSync(env.defaultStore)).toBe(false);
    expect(existsSync(envDb)).toBe(false);
    expect(existsSync(flagDb)).toBe(false);
    expect(readdirSync(env.home)).toEqual([]);
    expect(readdirSync(env.work).sort()).toEqual(['err.md', 'ok', 'warn.md']);
  });

  it('--json lists files, their decks, card counts and problems, with totals', () => {
    const env = cliEnv();
    writeInputs(env);
    const r = env.json<CheckJson>(['check', 'err.md', 'warn.md', 'ok']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.data).toEqual({
      files: [
        {
          path: 'err.md',
          deck: 'err',
          cards: 1,
          problems: [{ path: 'err.md', line: 4, severity: 'error', message: expect.stringContaining('A:') as string, fix: expect.any(String) as string }],
        },
        { path: 'ok/clean.md', deck: 'clean', cards: 2, problems: [] },
        {
          path: 'warn.md',
          deck: 'warn',
          cards: 1,
          problems: [{ path: 'warn.md', line: 4, severity: 'warning', message: expect.stringContaining('x??') as string, fix: expect.any(String) as string }],
        },
      ],
      cards: 4,
      errors: 1,
      warnings: 1,
    });
  });

  it('--json exits 0 on warnings only', () => {
    const env = cliEnv();
    writeInputs(env);
    const r = env.json<CheckJson>(['check', 'warn.md']);
    expect(r.status).toBe(0);
    expect([r.data.errors, r.data.warnings, r.data.cards]).toEqual([0, 1, 1]);
  });

  it('counts a single card in the singular in its summary', () => {
    const env = cliEnv();
    env.write('one.md', md('One::1'));
    const r = env.run(['check', 'one.md']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('one.md: 1 card for deck "one"\nChecked 1 file: 1 card, no problems.\n');
  });
});
