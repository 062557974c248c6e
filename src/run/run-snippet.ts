import { chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { firstCompilerError } from './compiler-message.js';
import { defaultRegistry, findLanguage } from './language-registry.js';
import { prepareSource, type PreparedSource } from './prepare-source.js';
import { runProcess, type ProcessOutcome } from './run-process.js';
import { containedCommand, sandboxLevel } from './sandbox.js';
import { resolveTool, type ResolvedTool } from './toolchain.js';
import {
  DEFAULT_RUN_LIMITS,
  SYSTEM_PATH,
  SYSTEM_TOOLS,
  type LanguageEntry,
  type LanguageRegistry,
  type RunHooks,
  type RunLimits,
  type RunPhase,
  type RunResult,
  type SandboxLevel,
  type Snippet,
  type ToolEnvironment,
} from './run-types.js';

export { defaultRegistry, isRunnableLanguage } from './language-registry.js';
export { sandboxLevel, sandboxProbe } from './sandbox.js';
export { registryWithOverrides } from './language-overrides.js';

/** Options of runSnippet. */
export interface RunOptions {
  /** Limits to change from DEFAULT_RUN_LIMITS. */
  limits?: Partial<RunLimits>;
  /** 'off' runs without bubblewrap or prlimit (benchmarks); 'auto', the default, uses the best level available. */
  sandbox?: 'auto' | 'off';
  /** Languages to run with; default the built-in registry. */
  registry?: LanguageRegistry;
  hooks?: RunHooks;
  /** Where toolchains and the sandbox's tools are looked for (the user's PATH and HOME); default the system folders. */
  toolEnv?: ToolEnvironment;
}

/** The compiled program's path, `{out}` in templates. */
const OUT = './main';

/**
 * Runs a snippet in a fresh temporary folder (its cwd and HOME, removed
 * afterwards) with a stripped environment, inside the sandbox (see
 * sandboxProbe), within the time and output limits: compiles it first when
 * its language needs that, then runs it. Never rejects for anything the
 * snippet does: an unknown language, a missing toolchain, code that does not
 * compile, a timeout or a cancel all come back as a result with a reason and
 * a one-line message.
 */
export async function runSnippet(snippet: Snippet, options: RunOptions = {}): Promise<RunResult> {
  const started = performance.now();
  const registry = options.registry ?? defaultRegistry();
  const limits: RunLimits = { ...DEFAULT_RUN_LIMITS, ...options.limits };
  const hooks = options.hooks ?? {};
  const toolEnv = options.toolEnv ?? SYSTEM_TOOLS;
  const sandbox: SandboxLevel = options.sandbox === 'off' ? 'none' : sandboxLevel(toolEnv);
  const entry = findLanguage(registry, snippet.language);
  const result = (fields: Partial<RunResult>): RunResult => ({
    language: entry?.name ?? snippet.language,
    phase: 'prepare',
    exit: null,
    signal: null,
    reason: null,
    ms: Math.round(performance.now() - started),
    stdout: '',
    stderr: '',
    truncated: false,
    sandbox,
    message: null,
    ...fields,
  });
  if (!entry) return result({ reason: 'unknown-language', message: unknownLanguage(snippet.language, registry) });
  if (hooks.signal?.aborted) return result({ reason: 'cancelled', message: 'cancelled' });
  hooks.onPhase?.('prepare');

  const tools = await toolsOf(entry, toolEnv);
  const missing = [...tools].find(([, tool]) => tool === null);
  if (missing) return result({ reason: 'no-toolchain', message: `cannot run ${entry.name}: ${missing[0]} is not installed (not found on PATH)` });
  const source = await prepareSource(entry, snippet.code);
  if (!('files' in source)) return result({ reason: source.reason, phase: source.phase, message: source.message });
  if (hooks.signal?.aborted) return result({ reason: 'cancelled', message: 'cancelled' });

  const dir = mkdtempSync(join(tmpdir(), 'engram-run-'));
  try {
    const resolvedTools = [...tools.values()].filter((t): t is ResolvedTool => t !== null);
    const binds = [...new Set(resolvedTools.map((t) => t.prefix).filter((p): p is string => p !== null))];
    const env = environment(entry, dir, resolvedTools);
    const step = async (phase: RunPhase, template: readonly string[], timeoutMs: number): Promise<ProcessOutcome> => {
      hooks.onPhase?.(phase);
      const argv = expand(template, source, dir, tools);
      const contained = containedCommand(argv, sandbox, { dir, limits, binds });
      if (contained.runAs !== null) chownTree(dir, source, contained.runAs);
      return runProcess({
        command: contained.command,
        args: contained.args,
        cwd: dir,
        env,
        timeoutMs,
        outputBytes: limits.outputBytes,
        folderBytes: limits.folderBytes,
        ...(hooks.signal ? { signal: hooks.signal } : {}),
        // Compiler chatter is not the program's output: only a failed compile shows it, in the result.
        ...(hooks.onOutput && phase === 'run' ? { onOutput: hooks.onOutput } : {}),
      });
    };
    writeSources(dir, source);

    if (entry.compile) {
      const compiled = await step('compile', entry.compile, limits.compileMs);
      if (compiled.ending !== 'exit' || compiled.exit !== 0) {
        const stopped = stoppedResult(compiled, 'compile', limits);
        if (stopped) return result(stopped);
        const told = source.compilerOutput ?? ((output: string) => output);
        const stdout = told(compiled.stdout);
        const stderr = told(compiled.stderr);
        const why = firstCompilerError(`${stderr}\n${stdout}`) || `${entry.compile[0]} failed`;
        return result({ ...exitFields(compiled, sandbox), phase: 'compile', stdout, stderr, reason: 'not-runnable', message: `not runnable: ${why}` });
      }
    }
    const ran = await step('run', entry.run, limits.runMs);
    return result(stoppedResult(ran, 'run', limits) ?? { ...exitFields(ran, sandbox), phase: 'run', stdout: ran.stdout, stderr: ran.stderr, message: limitMessage(ran, sandbox, limits) });
  } finally {
    removeRunFolder(dir);
  }
}

/** Best effort: a folder the snippet made unremovable (chmod 000 as a non-root user) must not turn a result into a crash. */
function removeRunFolder(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
  } catch {
    // Left in the temp folder, which the system cleans.
  }
}

/** Every tool the entry starts, resolved on the PATH of `toolEnv` (null when missing), keyed by the command as written. */
async function toolsOf(entry: LanguageEntry, toolEnv: ToolEnvironment): Promise<Map<string, ResolvedTool | null>> {
  const tools = new Map<string, ResolvedTool | null>();
  for (const template of [entry.compile, entry.run]) {
    const command = template?.[0];
    if (!command || command.includes('{') || tools.has(command)) continue;
    tools.set(command, await resolveTool(command, toolEnv, template === entry.run ? entry.locate : undefined));
  }
  return tools;
}

/** Only what a program needs: PATH to its toolchain, HOME and TMPDIR in its own folder, a UTF-8 locale. */
function environment(entry: LanguageEntry, dir: string, tools: readonly ResolvedTool[]): NodeJS.ProcessEnv {
  const toolDirs = [...new Set(tools.map((t) => dirname(t.path)))];
  const env: NodeJS.ProcessEnv = { PATH: [...toolDirs, SYSTEM_PATH].join(':'), HOME: dir, TMPDIR: dir, LANG: 'C.UTF-8', TERM: 'dumb' };
  for (const [name, value] of Object.entries(entry.env ?? {})) env[name] = value.replaceAll('{dir}', dir);
  return env;
}

/** A template with its placeholders filled in; its first word replaced by the resolved tool. */
function expand(template: readonly string[], source: PreparedSource, dir: string, tools: Map<string, ResolvedTool | null>): string[] {
  const argv: string[] = [];
  for (const arg of template) {
    if (arg === '{files}') {
      argv.push(...source.files.map((f) => f.name));
      continue;
    }
    argv.push(arg.replaceAll('{file}', source.file).replaceAll('{dir}', dir).replaceAll('{out}', OUT).replaceAll('{class}', source.mainClass));
  }
  const tool = tools.get(template[0]!);
  if (tool) argv[0] = tool.path;
  return argv;
}

function writeSources(dir: string, source: PreparedSource): void {
  for (const file of source.files) {
    const path = join(dir, file.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
}

/** Hands the run's folder and sources to the sandbox's uid (engram runs as root), so the snippet can write there. */
function chownTree(dir: string, source: PreparedSource, uid: number): void {
  chownSync(dir, uid, uid);
  for (const file of source.files) chownSync(join(dir, file.name), uid, uid);
}

/** The result fields of a step the runner stopped (time, output, cancel); null when it ended by itself. */
function stoppedResult(outcome: ProcessOutcome, phase: RunPhase, limits: RunLimits): Partial<RunResult> | null {
  if (outcome.spawnError) {
    return { phase, reason: 'no-toolchain', message: `cannot start ${phase === 'compile' ? 'the compiler' : 'the program'}: ${outcome.spawnError}` };
  }
  const fields = { phase, exit: null, signal: 'SIGKILL', stdout: outcome.stdout, stderr: outcome.stderr, truncated: outcome.truncated };
  switch (outcome.ending) {
    case 'exit':
      return null;
    case 'timeout': {
      const ms = phase === 'compile' ? limits.compileMs : limits.runMs;
      return { ...fields, reason: 'timeout', message: `${phase === 'compile' ? 'compiling ' : ''}stopped after ${seconds(ms)} (time limit)` };
    }
    case 'output-cap':
      return { ...fields, reason: 'output-cap', message: `stopped after ${kib(limits.outputBytes)} of output (output limit)` };
    case 'folder-cap':
      return { ...fields, reason: 'folder-cap', message: `stopped: its files passed ${mib(limits.folderBytes)} (folder limit)` };
    case 'cancelled':
      return { ...fields, reason: 'cancelled', message: 'cancelled' };
  }
}

/**
 * Exit code and signal of a step. Inside bubblewrap the process seen is bwrap,
 * which exits with 128 + n when the program was killed by signal n.
 */
function exitFields(outcome: ProcessOutcome, sandbox: SandboxLevel): Pick<RunResult, 'exit' | 'signal'> {
  if (outcome.signal) return { exit: null, signal: outcome.signal };
  const code = outcome.exit;
  if (sandbox === 'bubblewrap' && code !== null && code > 128 && code < 128 + 65) {
    const name = Object.entries(constants.signals).find(([, n]) => n === code - 128)?.[0];
    if (name) return { exit: null, signal: name };
  }
  return { exit: code, signal: null };
}

/** A message when the program was stopped by one of the prlimit caps; null otherwise. */
function limitMessage(outcome: ProcessOutcome, sandbox: SandboxLevel, limits: RunLimits): string | null {
  const { signal } = exitFields(outcome, sandbox);
  if (signal === 'SIGXCPU') return `stopped after ${limits.cpuSeconds} s of CPU time (CPU limit)`;
  if (signal === 'SIGXFSZ') return `stopped: a file passed ${mib(limits.fileBytes)} (file size limit)`;
  return null;
}

function unknownLanguage(language: string, registry: LanguageRegistry): string {
  const known = registry.languages.map((l) => l.name).sort().join(', ');
  if (!language.trim()) return `the block has no language to run it as (runs: ${known})`;
  return `no runner for "${language}" blocks (runs: ${known}; add one under "languages" in the config file)`;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

function kib(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}

function mib(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MiB` : `${bytes} bytes`;
}
