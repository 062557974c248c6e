import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { quizAgainWords } from '../../src/cli/quiz-again.js';
import { shellLine, shellWord } from '../../src/cli/shell-words.js';

const run = { decks: [] as string[], mode: 'mixed' as const, count: 10, seed: 268753, schedule: false, db: null };

describe('shellWord', () => {
  it('leaves plain words as they are and single-quotes the rest, a quote as \'\\\'\'', () => {
    expect(['sql/joins', 'a-b_c.d', 'x=1', '50%', 'user@host:dir', 'español', ''].map(shellWord)).toEqual([
      'sql/joins',
      'a-b_c.d',
      'x=1',
      '50%',
      'user@host:dir',
      'español',
      "''",
    ]);
    expect(["my deck", "it's", '$HOME', '~/notes', 'a*b', '=ls', 'semi;colon', 'back`tick', 'tab\there'].map(shellWord)).toEqual([
      "'my deck'",
      "'it'\\''s'",
      "'$HOME'",
      "'~/notes'",
      "'a*b'",
      "'=ls'",
      "'semi;colon'",
      "'back`tick'",
      "'tab\there'",
    ]);
  });

  it('gives words a POSIX shell reads back as they were', () => {
    const words = ["it's", 'two  spaces', '$(rm -rf x)', '"quoted"', 'back\\slash', '!bang', 'new\nline', ''];
    const echoed = spawnSync('sh', ['-c', `printf '%s\\0' ${shellLine(words)}`], { encoding: 'utf8' });
    expect(echoed.stdout.split('\0').slice(0, -1)).toEqual(words);
  });
});

describe('quizAgainWords', () => {
  it('gives mode, count and seed even when they were the defaults', () => {
    expect(quizAgainWords(run).join(' ')).toBe('engram quiz --mode mixed --count 10 --seed 268753');
  });

  it('names the decks as they were given, quoted for the shell, and --schedule and --db when given', () => {
    const words = quizAgainWords({ ...run, decks: ['003_tcp', 'my deck', "Bob's"], mode: 'typed', count: 30, schedule: true, db: '/tmp/my store.db' });
    expect(words.join(' ')).toBe("engram quiz 003_tcp 'my deck' 'Bob'\\''s' --mode typed --count 30 --seed 268753 --schedule --db '/tmp/my store.db'");
  });

  it('puts deck names after -- when one starts with a dash', () => {
    expect(quizAgainWords({ ...run, decks: ['sql', '-draft'] }).join(' ')).toBe('engram quiz --mode mixed --count 10 --seed 268753 -- sql -draft');
  });
});
