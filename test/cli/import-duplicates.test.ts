import { describe, expect, it } from 'vitest';
import { cliEnv, md, type CliEnv, type ImportJson } from './cli-env.js';

/** Two editions of one chapter: the second repeats a card of the first (line 4 of each). */
function twoEditions(): CliEnv {
  const env = cliEnv();
  env.write('chapters/first.md', md('---', 'deck: tcp-1', '---', 'What does TCP add to IP?::Reliable, ordered delivery', '', 'Q: What opens a TCP connection?', 'A: The three-way handshake'));
  env.write('chapters/second.md', md('---', 'deck: tcp-2', '---', 'What does TCP add to IP?::Reliable, ordered delivery', '', 'Q: What closes a TCP connection?', 'A: FIN from each side'));
  return env;
}

const WARNING =
  'chapters/second.md:4: warning: repeats a card already imported from chapters/first.md:4; this copy was skipped. Remove one of the two or make them differ (if the other goes, this one takes its place and its history); or accept repeats in this deck: engram config set duplicates allow --deck tcp-2\n';

describe('engram import: a card repeated across files', () => {
  it('warns (exit 1) when it reads the files; re-importing them unchanged says so in one line and exits 0', () => {
    const env = twoEditions();
    const first = env.run(['import', 'chapters']);
    expect({ status: first.status, stderr: first.stderr }).toEqual({ status: 1, stderr: WARNING });
    expect(first.stdout).toContain('3 cards in 2 files: 3 added, 0 updated, 0 unchanged, 0 archived; 1 warning.');

    for (const args of [['import', 'chapters'], ['import']]) {
      const again = env.run(args);
      expect({ args, status: again.status, stderr: again.stderr }).toEqual({
        args,
        status: 0,
        stderr: '1 known warning in 1 unchanged file, as at the import that read it; not repeated (engram import --json lists them).\n',
      });
      expect(again.stdout).toContain('3 cards in 2 files: 0 added, 0 updated, 3 unchanged, 0 archived; 1 known warning.');
    }
    // Scripts still see the file's problems, and the same exit code.
    const json = env.json<ImportJson>(['import', 'chapters']);
    expect([json.status, json.data.exitCode, json.data.files.map((f) => f.problems.length)]).toEqual([0, 0, [0, 1]]);
  });

  it('accepts the repeat without editing the notes: duplicates allow for the deck, then no warning, unchanged or read again', () => {
    const env = twoEditions();
    expect(env.run(['import', 'chapters']).status).toBe(1);
    expect(env.run(['config', 'set', 'duplicates', 'allow', '--deck', 'tcp-2'])).toEqual({ status: 0, stdout: 'duplicates (deck tcp-2) = allow\n', stderr: '' });
    const quiet = env.run(['import', 'chapters']);
    expect({ status: quiet.status, stderr: quiet.stderr }).toEqual({ status: 0, stderr: '' });
    expect(quiet.stdout).toContain('3 cards in 2 files: 0 added, 0 updated, 3 unchanged, 0 archived; no problems.');

    // Edited, the file is read again: the repeat is still taken as meant, and the card is still studied once.
    env.write('chapters/second.md', md('---', 'deck: tcp-2', '---', 'What does TCP add to IP?::Reliable, ordered delivery', '', 'Q: What closes a TCP connection?', 'A: A FIN from each side'));
    const edited = env.run(['import', 'chapters']);
    expect({ status: edited.status, stderr: edited.stderr }).toEqual({ status: 0, stderr: '' });
    expect(edited.stdout).toContain('3 cards in 2 files: 0 added, 1 updated, 2 unchanged, 0 archived; no problems.');

    // Another deck still warns.
    env.write('chapters/third.md', md('---', 'deck: tcp-3', '---', 'What does TCP add to IP?::Reliable, ordered delivery', '', 'What does UDP add to IP?::Ports and a checksum'));
    const third = env.run(['import', 'chapters/third.md']);
    expect(third.status).toBe(1);
    expect(third.stderr).toContain('chapters/third.md:4: warning: repeats a card already imported from chapters/first.md:4');
  });

  it('keeps exit 1 for an unchanged file with an error: its card is still broken', () => {
    const env = cliEnv();
    env.write('bad.md', md(':p What is two?', '??x', '2'));
    expect(env.run(['import', 'bad.md']).status).toBe(1);
    const again = env.run(['import', 'bad.md']);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^bad\.md:2: error: opens an answer with \?\?x that is never closed/);
  });
});
