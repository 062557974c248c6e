// Snippet runner overhead: wall time of a hello world per language, median of
// 5 runs, inside the sandbox (bubblewrap + prlimit when available) and without.
import { runSnippet, sandboxProbe } from '../dist/run/run-snippet.js';

/** Toolchains are found as the CLI finds them: on this process's PATH, with its HOME. */
const toolEnv = { path: process.env.PATH ?? '', home: process.env.HOME ?? '' };
import { median } from './measure.js';

const RUNS = 5;
const HELLO = {
  bash: 'echo hello',
  python: 'print("hello")',
  js: 'console.log("hello")',
  ts: 'const who: string = "hello";\nconsole.log(who);',
  c: '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }',
  go: 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }',
  java: 'public class Hello {\n    public static void main(String[] args) {\n        System.out.println("hello");\n    }\n}',
};

async function medianMs(language, code, sandbox) {
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const r = await runSnippet({ language, code }, { sandbox, toolEnv });
    if (r.stdout !== 'hello\n') throw new Error(`${language} (${sandbox}) printed ${JSON.stringify(r.stdout)}: ${r.message ?? r.stderr}`);
    times.push(r.ms);
  }
  return median(times);
}

/** Runs the runner benchmark and prints its table. */
export async function runBench() {
  const { level, why } = sandboxProbe(toolEnv);
  console.log(`\nrun: hello world per language, median of ${RUNS} runs (ms); sandbox level here: ${level}${why ? ` (${why})` : ''}`);
  console.log(`  ${'language'.padEnd(10)} ${'sandboxed'.padStart(10)} ${'unsandboxed'.padStart(12)} ${'sandbox cost'.padStart(13)}`);
  for (const [language, code] of Object.entries(HELLO)) {
    // One unmeasured run first: toolchain lookup and esbuild loading happen once per process.
    await runSnippet({ language, code }, { sandbox: 'off', toolEnv });
    const boxed = await medianMs(language, code, 'auto');
    const bare = await medianMs(language, code, 'off');
    console.log(`  ${language.padEnd(10)} ${String(Math.round(boxed)).padStart(10)} ${String(Math.round(bare)).padStart(12)} ${`+${Math.round(boxed - bare)}`.padStart(13)}`);
  }
}
