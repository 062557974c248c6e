import type { LanguageEntry, LanguageRegistry } from './run-types.js';

// JVM flags that halve javac's and java's start-up for programs this small:
// one GC thread, no optimising JIT tier, no hsperfdata file in /tmp.
const QUICK_JVM = ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-XX:-UsePerfData'];

const BUILT_IN: readonly LanguageEntry[] = [
  { name: 'bash', aliases: ['sh', 'shell'], file: 'main.sh', run: ['bash', '{file}'] },
  {
    name: 'python',
    aliases: ['py', 'python3'],
    file: 'main.py',
    // -I: no user site-packages, no PYTHON* variables, script folder not on sys.path first.
    run: ['python3', '-I', '-u', '{file}'],
    locate: ['-c', 'import sys; print(sys.executable)'],
  },
  { name: 'js', aliases: ['javascript', 'node', 'mjs', 'cjs'], file: 'main.cjs', prepare: 'javascript', run: ['node', '{file}'] },
  { name: 'ts', aliases: ['typescript'], file: 'main.cjs', prepare: 'typescript', run: ['node', '{file}'] },
  { name: 'c', aliases: [], file: 'main.c', compile: ['gcc', '-O1', '-o', '{out}', '{file}', '-lm'], run: ['{out}'] },
  {
    name: 'go',
    aliases: ['golang'],
    file: 'main.go',
    // Built, then run, so that compile errors and compile time are told apart from the program's.
    compile: ['go', 'build', '-o', '{out}', '{file}'],
    run: ['{out}'],
    // The run's HOME is a fresh folder: Go's caches go inside it, and Go must not fetch anything.
    env: {
      GOCACHE: '{dir}/.cache/go-build',
      GOPATH: '{dir}/.cache/go',
      GO111MODULE: 'off',
      GOTOOLCHAIN: 'local',
      GOPROXY: 'off',
      GOTELEMETRY: 'off',
      CGO_ENABLED: '0',
    },
  },
  {
    name: 'java',
    aliases: [],
    file: 'Main.java',
    prepare: 'java',
    compile: ['javac', ...QUICK_JVM.map((f) => `-J${f}`), '-encoding', 'UTF-8', '-d', 'classes', '{files}'],
    run: ['java', ...QUICK_JVM, '-Dfile.encoding=UTF-8', '-cp', 'classes', '{class}'],
  },
];

/** The built-in languages: bash, python, js, ts, c, go, java (a fresh copy the caller may change). */
export function defaultRegistry(): LanguageRegistry {
  return { languages: BUILT_IN.map(copyEntry) };
}

/** The entry for a fence language (`Py`, `golang`...), matched case-insensitively by name or alias; null when none. */
export function findLanguage(registry: LanguageRegistry, language: string): LanguageEntry | null {
  const wanted = language.trim().toLowerCase();
  if (!wanted) return null;
  return registry.languages.find((l) => l.name === wanted) ?? registry.languages.find((l) => l.aliases.includes(wanted)) ?? null;
}

/** Whether blocks fenced with `language` have a registry entry (whether its toolchain is installed is checked when running). */
export function isRunnableLanguage(language: string, registry: LanguageRegistry = defaultRegistry()): boolean {
  return findLanguage(registry, language) !== null;
}

/** Every tool an entry starts: the first word of its compile and run templates, placeholders excluded. */
export function entryTools(entry: LanguageEntry): string[] {
  const tools = [entry.compile?.[0], entry.run[0]].filter((t): t is string => !!t && !t.includes('{'));
  return [...new Set(tools)];
}

function copyEntry(e: LanguageEntry): LanguageEntry {
  return {
    ...e,
    aliases: [...e.aliases],
    run: [...e.run],
    ...(e.compile ? { compile: [...e.compile] } : {}),
    ...(e.env ? { env: { ...e.env } } : {}),
    ...(e.locate ? { locate: [...e.locate] } : {}),
  };
}
