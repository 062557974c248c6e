import { describe, expect, it } from 'vitest';
import { defaultRegistry, isRunnableLanguage, runSnippet } from '../../src/run/run-snippet.js';
import type { LanguageRegistry } from '../../src/run/run-types.js';

/** Each language: a fence name (aliases and case included), code, and what it must print. */
const HELLO: [string, string, string][] = [
  ['python', 'import sys\nprint("hello from python", sys.flags.isolated)', 'hello from python 1\n'],
  ['py', 'print(sum(range(10)))', '45\n'],
  ['js', 'const os = require("node:os");\nconsole.log("hello from js", typeof os.cpus)', 'hello from js function\n'],
  ['JavaScript', 'import { basename } from "node:path";\nconsole.log(basename("/a/b.txt"));', 'b.txt\n'],
  ['node', 'const v = await Promise.resolve(42);\nconsole.log(v);', '42\n'],
  ['ts', 'interface P { name: string }\nconst p: P = { name: "ts" };\nconsole.log(`hello from ${p.name}`);', 'hello from ts\n'],
  ['typescript', 'import { sep } from "node:path";\nexport const s: string = sep;\nconsole.log(s);', '/\n'],
  ['bash', 'for i in 1 2 3; do printf "%s " "$i"; done; echo "$LANG"', '1 2 3 C.UTF-8\n'],
  ['sh', 'echo "home is cwd: $([ "$HOME" = "$PWD" ] && echo yes)"', 'home is cwd: yes\n'],
  ['c', '#include <stdio.h>\n#include <math.h>\nint main(void) { printf("hello from c %.0f\\n", sqrt(81.0)); return 0; }', 'hello from c 9\n'],
  ['go', 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello from go")\n}', 'hello from go\n'],
  ['golang', 'package main\nimport ("fmt"; "strings")\nfunc main() { fmt.Println(strings.ToUpper("gopher")) }', 'GOPHER\n'],
];

describe.concurrent('each language prints what it should', () => {
  it.each(HELLO)('%s', async (language, code, expected) => {
    const r = await runSnippet({ language, code });
    expect({ stdout: r.stdout, stderr: r.stderr, exit: r.exit, reason: r.reason, message: r.message }).toEqual({ stdout: expected, stderr: '', exit: 0, reason: null, message: null });
    expect(r.sandbox).toBe('bubblewrap');
    expect(r.phase).toBe('run');
  });

  it('returns a failing program as it ended: exit code and stderr, no message', async () => {
    const r = await runSnippet({ language: 'python', code: 'import sys\nprint("to stderr", file=sys.stderr)\nsys.exit(3)' });
    expect(r).toMatchObject({ exit: 3, signal: null, reason: null, message: null, stdout: '', stderr: 'to stderr\n', phase: 'run' });
  });

  it('reports a program killed by a signal by its name', async () => {
    const r = await runSnippet({ language: 'c', code: '#include <signal.h>\nint main(void) { raise(SIGSEGV); return 0; }' });
    expect(r).toMatchObject({ exit: null, signal: 'SIGSEGV', reason: null, phase: 'run' });
  });

  it.each([
    ['c', 'int main(void) { return undefined_thing; }', /^not runnable: main\.c:1:25: error: .undefined_thing. undeclared/],
    ['go', 'package main\nfunc main() {\n\tx := 1\n}', /^not runnable: \.\/main\.go:3:2: x declared (and|but) not used/],
    ['ts', 'const x: number = ;', /^not runnable: main\.ts:1:19: Unexpected ";"/],
  ])('reports %s that does not compile as not runnable', async (language, code, message) => {
    const r = await runSnippet({ language, code });
    expect(r).toMatchObject({ reason: 'not-runnable', phase: 'compile' });
    expect(r.message).toMatch(message);
  });

  it('runs without a sandbox when asked', async () => {
    const r = await runSnippet({ language: 'bash', code: 'echo unsandboxed' }, { sandbox: 'off' });
    expect(r).toMatchObject({ stdout: 'unsandboxed\n', sandbox: 'none', exit: 0 });
  });

  it('gives the language of the registry, the phases in order, and streams output', async () => {
    const phases: string[] = [];
    const streamed: string[] = [];
    const r = await runSnippet(
      { language: 'C', code: '#include <stdio.h>\nint main(void) { puts("a"); fflush(stdout); fputs("b\\n", stderr); return 0; }' },
      { hooks: { onPhase: (p) => phases.push(p), onOutput: (s, t) => streamed.push(`${s}:${t}`) } },
    );
    expect(r.language).toBe('c');
    expect(phases).toEqual(['prepare', 'compile', 'run']);
    expect(streamed.sort()).toEqual(['stderr:b\n', 'stdout:a\n']);
    expect(r.ms).toBeGreaterThan(0);
  });
});

describe('languages without a runner', () => {
  it('says so for an unknown language, without running anything', async () => {
    const r = await runSnippet({ language: 'cobol', code: 'DISPLAY "HI".' });
    expect(r).toMatchObject({ language: 'cobol', reason: 'unknown-language', phase: 'prepare', exit: null });
    expect(r.message).toBe('no runner for "cobol" blocks (runs: bash, c, go, java, js, python, ts; add one under "languages" in the config file)');
    expect((await runSnippet({ language: '', code: 'x' })).message).toMatch(/^the block has no language to run it as/);
  });

  it('says which tool is missing when a toolchain is not installed', async () => {
    const registry: LanguageRegistry = {
      languages: [...defaultRegistry().languages, { name: 'ruby', aliases: ['rb'], file: 'main.rb', run: ['engram-no-such-ruby', '{file}'] }],
    };
    const r = await runSnippet({ language: 'rb', code: 'puts 1' }, { registry });
    expect(r).toMatchObject({ language: 'ruby', reason: 'no-toolchain', phase: 'prepare', exit: null });
    expect(r.message).toBe('cannot run ruby: engram-no-such-ruby is not installed (not found on PATH)');
  });

  it('knows runnable fence languages by name and alias, in any case', () => {
    expect(['js', 'JavaScript', 'node', 'mjs', 'ts', 'TypeScript', 'python', 'py', 'python3', 'bash', 'sh', 'shell', 'java', 'c', 'go', 'golang'].every((l) => isRunnableLanguage(l))).toBe(true);
    expect(isRunnableLanguage('output')).toBe(false);
    expect(isRunnableLanguage('')).toBe(false);
  });
});
