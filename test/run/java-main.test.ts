import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planJavaSources } from '../../src/run/java-sources.js';
import { runSnippet } from '../../src/run/run-snippet.js';

const FIXTURES = new URL('./fixtures/java/', import.meta.url);
const cases = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.java'))
  .map((f) => f.slice(0, -'.java'.length))
  .sort();
const fixture = (name: string, ext: string): string => readFileSync(new URL(`${name}.${ext}`, FIXTURES), 'utf8');

describe.concurrent('Java snippets run from the type that declares main (fixtures/java)', () => {
  it.each(cases)('%s', async (name) => {
    const r = await runSnippet({ language: 'java', code: fixture(name, 'java') });
    expect({ stdout: r.stdout, stderr: r.stderr, message: r.message, exit: r.exit }).toEqual({ stdout: fixture(name, 'out'), stderr: '', message: null, exit: 0 });
    expect(r).toMatchObject({ language: 'java', phase: 'run', reason: null, sandbox: 'bubblewrap' });
  });

  it('reports code that does not compile as not runnable, with the first compiler error', async () => {
    const code = ['public class Broken {', '    public static void main(String[] args) {', '        int x = ...;', '    }', '}'].join('\n');
    const r = await runSnippet({ language: 'Java', code });
    expect(r).toMatchObject({ phase: 'compile', reason: 'not-runnable', exit: 1 });
    expect(r.message).toBe('not runnable: line 3: error: illegal start of expression');
    expect(r.stderr).toBe(['line 3: error: illegal start of expression', '        int x = ...;', '                ^', '1 error', ''].join('\n'));
  });

  it('keeps the line numbers of a wrapped fragment in compiler errors', async () => {
    const r = await runSnippet({ language: 'java', code: '// pseudo-code\nlong[] ts = trueTime.now();\n' });
    expect(r.message).toBe('not runnable: line 2: error: cannot find symbol (symbol: variable trueTime)');
  });

  it('shows the user’s code and lines in a wrapped fragment’s compiler output, never engram’s wrapper', async () => {
    const r = await runSnippet({ language: 'java', code: 'int x = 1\nSystem.out.println(x + 1);' });
    expect(r).toMatchObject({ phase: 'compile', reason: 'not-runnable', message: "not runnable: line 1: error: ';' expected" });
    expect(r.stderr).toBe(["line 1: error: ';' expected", 'int x = 1', '         ^', '1 error', ''].join('\n'));
    const moved = await runSnippet({ language: 'java', code: 'System.out.println(sq(2));\n\nint sq(int x) {\n  return y * x;\n}\n' });
    expect(moved.stderr).toBe(['line 4: error: cannot find symbol', '  return y * x;', '         ^', '  symbol:   variable y', '1 error', ''].join('\n'));
  });
});

describe('planJavaSources', () => {
  const plan = (code: string) => planJavaSources(code);

  it('writes each public class to a file of its name, keeping every line where it was', () => {
    const p = plan(fixture('main-in-second-public-class', 'java'));
    if (!p.runnable) throw new Error(p.message);
    expect(p.mainClass).toBe('LogicalClockExample');
    expect(p.files.map((f) => f.name)).toEqual(['LogicalClock.java', 'LogicalClockExample.java']);
    for (const f of p.files) expect(f.text.split('\n')).toHaveLength(fixture('main-in-second-public-class', 'java').split('\n').length);
    expect(p.files[0]!.text).not.toContain('LogicalClockExample');
    expect(p.files[1]!.text.split('\n')[10]).toContain('public static void main');
  });

  it.each([
    ['public static void main(String[] args)'],
    ['static public void main(String[] args)'],
    ['public static final void main(final String[] args)'],
    ['public static void main(String... args)'],
    ['public static void main(String args[])'],
    ['public static void main(String []args) throws Exception'],
    ['@SuppressWarnings("unused") public static synchronized void main(java.lang.String[] a)'],
  ])('finds `%s`', (signature) => {
    const p = plan(`class A {}\nclass B {\n  ${signature} {}\n}\n`);
    expect(p).toMatchObject({ runnable: true, mainClass: 'B' });
  });

  it.each([
    ['a main that is not static', 'public class A { public void main(String[] args) {} }'],
    ['a main of a nested class', 'public class A { static class B { public static void main(String[] a) {} } }'],
    ['a main taking an int', 'public class A { public static void main(int args) {} }'],
    ['a main only in a comment', '// public static void main(String[] args)\npublic class A { void run() {} }'],
  ])('does not launch %s', (_why, code) => {
    expect(plan(code)).toEqual({ runnable: false, message: 'not runnable: no main method (declares class A)' });
  });

  it('declines a class with methods but no main, and loose methods', () => {
    expect(plan('public class Node {\n  private void markDead() {}\n}\n')).toEqual({ runnable: false, message: 'not runnable: no main method (declares class Node)' });
    expect(plan('public void electLeader() {\n  if (ok()) {\n  } else {\n  }\n}\n')).toEqual({ runnable: false, message: 'not runnable: no main method (declares electLeader())' });
    expect(plan('  \n')).toEqual({ runnable: false, message: 'not runnable: the block is empty' });
  });

  it('prefers a public class with main and names the wrapper around a clash', () => {
    expect(plan('class A { public static void main(String[] a) {} }\npublic class B { public static void main(String[] a) {} }')).toMatchObject({ mainClass: 'B' });
    const wrapped = plan('class Main { }\nSystem.out.println(new Main());');
    expect(wrapped).toMatchObject({ runnable: true, mainClass: 'Main2' });
  });

  it('wraps statements without moving them off their lines', () => {
    const p = plan('int x = 1;\nif (x > 0) {\n  System.out.println(x);\n} else {\n  System.out.println(-x);\n}\n');
    if (!p.runnable) throw new Error(p.message);
    const lines = p.files[0]!.text.split('\n');
    expect(lines[0]).toMatch(/^import java\.util\.\*;.* public class Main \{ public static void main\(String\[\] args\) throws Exception \{ int x = 1;$/);
    expect(lines[2]).toBe('  System.out.println(x);');
  });
});
