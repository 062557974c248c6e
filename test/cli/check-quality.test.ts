import { describe, expect, it } from 'vitest';
import { cliEnv, md, type CliEnv } from './cli-env.js';

/** cards.md: a good card (1), a vague label (4), a card about the document (6); copy.md repeats the good card; good.md is clean. */
function writeInputs(env: CliEnv): void {
  env.write(
    'cards.md',
    md(
      'Q: What does a fencing token prevent?', //  1
      'A: Writes from a client whose lease has expired.', // 2
      '', //                                       3
      'Other Reasons::Besides garbage collection, a virtual machine can be suspended.', // 4
      '', //                                       5
      'C: We will discuss [consensus] in Chapter 10.', // 6
    ),
  );
  env.write('copy.md', md('Q: What does a fencing token prevent?', 'A: Writes from a client whose lease has expired.'));
  env.write('good.md', md('Quorum::a set of nodes large enough that any two such sets overlap.', '', 'Q: Why do leases expire?', 'A: So a crashed holder cannot keep a lock forever.'));
}

interface QualityJson {
  files: { path: string; cards: number }[];
  missing: string[];
  cards: number;
  findings: { path: string; line: number; front: string; kind: string; derived: boolean; rule: string; message: string; fix: string; duplicateOf?: object }[];
  byRule: Record<string, number>;
}

describe('engram check --quality', () => {
  it('says first what kept a file from being read whole, and exits 1 even with no finding: its cards may be missing', () => {
    const env = cliEnv();
    writeInputs(env);
    env.write('broken.md', md('Q: What does a fencing token prevent?', 'A: Writes from a client whose lease has expired.', '', 'Q: A question without its answer'));
    const r = env.run(['check', '--quality', 'good.md', 'broken.md']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'broken.md:4: error: has a Q: question with no A: answer below it; the card was skipped. Add a line "A: <answer>" right below the question.',
        'Checked 2 files: 3 cards, no findings; 1 error kept files from being read whole (engram check lists their problems).',
        '',
      ].join('\n'),
    );
    expect(r.status).toBe(1);
    const json = JSON.parse(env.run(['check', '--quality', '--json', 'broken.md']).stdout) as { errors: { path: string; line: number }[] };
    expect(json.errors.map((e) => [e.path, e.line])).toEqual([['broken.md', 4]]);
  });

  it('prints each finding as file:line: rule: "front", then what is wrong and what to do, and the counts per rule; exits 1', () => {
    const env = cliEnv();
    writeInputs(env);
    const r = env.run(['check', '--quality', 'cards.md', 'copy.md']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'cards.md:4: label-front: "Other Reasons"',
        '    the front "Other Reasons" is a vague label: it names nothing a learner could look up. Ask a question that names its subject, or drop the card.',
        'cards.md:6: about-the-document: "We will discuss [...] in Chapter 10."',
        '    refers to the document ("Chapter 10"), not the subject. Ask about the idea itself, or drop the card: the reference means nothing in review.',
        'copy.md:1: duplicate: "What does a fencing token prevent?"',
        '    asks the same as cards.md:1. Keep one of the two cards: delete this one or make it ask something else.',
        'Checked 2 files: 4 cards, 3 findings on 3 cards.',
        '  label-front            1',
        '  about-the-document     1',
        '  duplicate              1',
        '',
      ].join('\n'),
    );
    expect(r.status).toBe(1);
  });

  it('exits 0 when every card keeps the rules', () => {
    const env = cliEnv();
    writeInputs(env);
    const r = env.run(['check', '--quality', 'good.md']);
    expect(r.stdout).toBe('Checked 1 file: 2 cards, no findings.\n');
    expect(r.status).toBe(0);
  });

  it('exits 4 when no path exists', () => {
    const env = cliEnv();
    const r = env.run(['check', '--quality', 'nope.md']);
    expect(r.stdout).toBe('nope.md: error: does not exist. Check the path.\nChecked 0 files: 0 cards, no findings.\n');
    expect(r.status).toBe(4);
  });

  it('--json gives every finding with its place, front, rule, message and fix, and the counts per rule', () => {
    const env = cliEnv();
    writeInputs(env);
    const r = env.json<QualityJson>(['check', '--quality', 'cards.md', 'copy.md']);
    expect(r.status).toBe(1);
    expect(r.data.files).toEqual([
      { path: 'cards.md', cards: 3 },
      { path: 'copy.md', cards: 1 },
    ]);
    expect(r.data.missing).toEqual([]);
    expect(r.data.findings[2]).toEqual({
      path: 'copy.md',
      line: 1,
      front: 'What does a fencing token prevent?',
      kind: 'basic',
      derived: false,
      rule: 'duplicate',
      message: 'asks the same as cards.md:1',
      fix: 'Keep one of the two cards: delete this one or make it ask something else',
      duplicateOf: { path: 'cards.md', line: 1, similarity: 1, exact: true },
    });
    expect(r.data.byRule['label-front']).toBe(1);
  });

  it('--from notes leaves written cards out; --from without --quality is a usage error', () => {
    const env = cliEnv();
    writeInputs(env);
    const r = env.run(['check', '--quality', '--from', 'notes', 'cards.md']);
    expect(r.stdout).toBe('Checked 1 file: 0 cards, no findings.\n');
    expect(r.status).toBe(0);
    const bad = env.run(['check', '--from', 'notes', 'cards.md']);
    expect(bad.stderr).toBe('engram: --from goes with --quality.\n');
    expect(bad.status).toBe(2);
  });
});
