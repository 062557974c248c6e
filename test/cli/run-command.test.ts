import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/run/run-types.js';
import { cliEnv, md, type CliEnv } from './cli-env.js';
import { cardsByFront, importFiles } from './study-fixtures.js';

/** The deck every test imports; line numbers are in the comments. */
function codeDeck(jsLine = 'console.log(1 + 2)'): string {
  return md(
    '---', // 1
    'deck: Code',
    '---',
    '',
    'Q: What does this print?', // 5
    '```js',
    jsLine, // 7
    '```',
    'A: 3', // 9
    '',
    'Q: Python and bash', // 11
    'A:',
    '```python',
    'print("from python")',
    '```',
    'and',
    '```bash',
    'echo from bash',
    'exit 3',
    '```', // 20
    '',
    'Q: No code here', // 22
    'A: none',
    '',
    'Q: Slow',
    'A:',
    '```bash',
    'sleep 3',
    '```',
    '',
    'Q: Loud',
    'A:',
    '```js',
    "process.stdout.write('partial'); process.stderr.write('to stderr\\n'); process.exit(7)",
    '```',
  );
}

function world(): { env: CliEnv; id: (front: string) => string } {
  const env = cliEnv();
  importFiles(env, { 'code.md': codeDeck() });
  // A front may go on with a code block: cards are found by their first line.
  const ids = new Map([...cardsByFront(env)].map(([front, c]) => [front.split('\n')[0]!, String(c.id)]));
  return { env, id: (front) => ids.get(front) ?? `no card "${front}"` };
}

const UNTRUSTED = 'engram: deck Code is not trusted: its code has not been run before (or changed since). Read the code, then run with --trust, or engram trust Code.\n';
/** The status line after a program that exited by itself. */
const exited = (code: number) => new RegExp(`^exit ${code} · \\d+ ms · (sandbox: (bubblewrap|prlimit)|unsandboxed)\\n$`);

describe('engram run: trust', () => {
  it('refuses a card of an untrusted deck with exit 3, running nothing', () => {
    const { env, id } = world();
    expect(env.run(['run', id('What does this print?')])).toEqual({ status: 3, stdout: '', stderr: UNTRUSTED });
  });

  it('--trust runs it once, prints its output and the status line, and records no trust', () => {
    const { env, id } = world();
    const r = env.run(['run', id('What does this print?'), '--trust']);
    expect(r.stdout).toBe('3\n');
    expect(r.stderr).toMatch(exited(0));
    expect(r.status).toBe(0);
    expect(env.run(['trust', '--list']).stdout).toBe('No trusted decks. Trust one with engram trust <deck>.\n');
    expect(env.run(['run', id('What does this print?')]).status).toBe(3);
  });

  it('an archived card never counts as trusted: its text is not the deck\'s trusted content', () => {
    const { env, id } = world();
    const card = id('What does this print?');
    env.run(['trust', 'Code']);
    // Its text leaves the file: the card is archived, and the deck's content changes.
    importFiles(env, { 'code.md': codeDeck().replace(/Q: What does this print\?\n```js\n.*\n```\nA: 3\n/, '') });
    env.run(['trust', 'Code']);
    expect(env.run(['run', card])).toEqual({ status: 3, stdout: '', stderr: UNTRUSTED });
    expect(env.run(['run', card, '--trust']).stdout).toBe('3\n');
  });

  it('a trusted deck runs without --trust until its file changes and is re-imported', () => {
    const { env, id } = world();
    expect(env.run(['trust', 'Code']).status).toBe(0);
    expect(env.run(['run', id('What does this print?')]).stdout).toBe('3\n');

    importFiles(env, { 'code.md': codeDeck('console.log(40 + 2)') });
    expect(env.run(['run', id('What does this print?')])).toEqual({ status: 3, stdout: '', stderr: UNTRUSTED });
    expect(env.run(['trust', 'Code']).status).toBe(0);
    expect(env.run(['run', id('What does this print?')]).stdout).toBe('42\n');
  });
});

describe('engram run: which card and which block', () => {
  it('finds the card from file:line on any of its lines, relative to the working folder', () => {
    const { env } = world();
    env.run(['trust', 'Code']);
    for (const line of [5, 7, 9]) {
      const r = env.run(['run', `code.md:${line}`]);
      expect(r.stdout, `line ${line}`).toBe('3\n');
      expect(r.status).toBe(0);
    }
    expect(env.run(['run', `${env.work}/code.md:14`, '--block', '1']).stdout).toBe('from python\n');
  });

  it('lists the runnable blocks and asks for --block when there are several (exit 2)', () => {
    const { env, id } = world();
    env.run(['trust', 'Code']);
    const card = id('Python and bash');
    expect(env.run(['run', card])).toEqual({
      status: 2,
      stdout: '',
      stderr: [
        `engram: card ${card} has 2 runnable blocks; choose one with --block N:`,
        '  1  python  print("from python")',
        '  2  bash    echo from bash',
        '',
      ].join('\n'),
    });
    const python = env.run(['run', card, '--block', '1']);
    expect(python.stdout).toBe('from python\n');
    expect(python.stderr).toMatch(exited(0));
    expect(python.status).toBe(0);
    // The program's own exit code comes through.
    const bash = env.run(['run', 'code.md:18', '--block', '2']);
    expect(bash.stdout).toBe('from bash\n');
    expect(bash.stderr).toMatch(exited(3));
    expect(bash.status).toBe(3);
    const wrong = env.run(['run', card, '--block', '3']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain(`engram: --block 3: card ${card} has runnable blocks 1 to 2.`);
  });

  it('a card without code and a bad argument are usage errors (exit 2); an unknown id or a line outside any card match nothing (exit 4)', () => {
    const { env, id } = world();
    env.run(['trust', 'Code']);
    expect(env.run(['run', id('No code here')])).toEqual({
      status: 2,
      stdout: '',
      stderr: `engram: card ${id('No code here')} has no code blocks; nothing to run.\n`,
    });
    expect(env.run(['run', '999'])).toEqual({ status: 4, stdout: '', stderr: 'engram: no card with id 999. engram cards lists the cards and their ids.\n' });
    expect(env.run(['run', 'code.md:2'])).toEqual({
      status: 4,
      stdout: '',
      stderr: 'engram: no card at code.md:2. Check the line, and that the file is imported (engram import code.md).\n',
    });
    expect(env.run(['run', 'other.md:1']).status).toBe(4);
    expect(env.run(['run', 'code.md']).status).toBe(2);
    expect(env.run(['run', 'code.md']).stderr).toBe(
      'engram: "code.md" is not a card: give a card id (see engram cards) or file:line, e.g. notes/java.md:12.\n',
    );
  });
});

describe('engram run: results', () => {
  it('passes stderr and a non-zero exit code through; the status line starts on its own line', () => {
    const { env, id } = world();
    env.run(['trust', 'Code']);
    const r = env.run(['run', id('Loud')]);
    expect(r.stdout).toBe('partial');
    expect(r.stderr.startsWith('to stderr\n')).toBe(true);
    expect(r.stderr.slice('to stderr\n'.length)).toMatch(/^\n?exit 7 · \d+ ms · /);
    expect(r.status).toBe(7);
  });

  it('--timeout stops a slow program: exit 124 and "stopped: time limit"', () => {
    const { env, id } = world();
    env.run(['trust', 'Code']);
    const started = Date.now();
    const r = env.run(['run', id('Slow'), '--timeout', '300']);
    expect(Date.now() - started).toBeLessThan(2900);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^stopped: time limit 300 ms · \d+ ms · /);
    expect(r.status).toBe(124);
    expect(env.run(['run', id('Slow'), '--timeout', 'soon']).status).toBe(2);
  });

  it('--json prints the run result instead of streaming, with the same exit code', () => {
    const { env, id } = world();
    const r = env.json<RunResult>(['run', id('Loud'), '--trust']);
    expect(r.status).toBe(7);
    expect(r.stderr).toBe('');
    expect(r.data).toMatchObject({ language: expect.any(String), phase: 'run', exit: 7, signal: null, reason: null, stdout: 'partial', stderr: 'to stderr\n', truncated: false });
  });

  it('code that does not compile is "not runnable": exit 125', () => {
    const env = cliEnv();
    importFiles(env, { 'c.md': md('---', 'deck: C', '---', '', 'Q: Pseudo-code', 'A:', '```c', 'int main( { return 0; }', '```') });
    const r = env.run(['run', 'c.md:5', '--trust']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^not runnable: .+ · \d+ ms · /m);
    expect(r.status).toBe(125);
  });

  it('runs blocks in languages the user\'s config adds, and says so when their tool is missing', () => {
    const env = cliEnv();
    env.write('../home/.config/engram/config.json', JSON.stringify({
      languages: { 'my-sh': { file: 'main.sh', run: ['bash', '{file}'] }, 'nope-lang': { file: 'x.txt', run: ['no-such-tool-engram', '{file}'] } },
    }));
    importFiles(env, {
      'mine.md': md('---', 'deck: Mine', '---', '', 'Q: Own language', 'A:', '```my-sh', 'echo mine', '```', '', 'Q: Missing tool', 'A:', '```nope-lang', 'x', '```'),
    });
    const own = env.run(['run', 'mine.md:5', '--trust']);
    expect(own.stdout).toBe('mine\n');
    expect(own.status).toBe(0);
    const missing = env.run(['run', 'mine.md:11', '--trust']);
    expect(missing.stderr).toMatch(/^cannot run nope-lang: no-such-tool-engram is not installed .* · \d+ ms · /);
    expect(missing.status).toBe(125);
  });

  it("points to engram --help for its exit codes, which lists run's own", () => {
    const { env } = world();
    expect(env.run(['run', '--help']).stdout).toContain("It exits with the program's own code, or one of engram's (engram --help lists them)");
    const help = env.run(['--help']).stdout;
    for (const line of ['engram run: the program\'s own code, or 124 time limit, 125 not runnable,', '137 an output or folder cap stopped it', '3    code of a deck you have not trusted']) {
      expect(help).toContain(line);
    }
  });
});
