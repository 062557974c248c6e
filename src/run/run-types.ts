/**
 * The runner's vocabulary, shared by src/run (which runs snippets), the TUI
 * (which shows results through callbacks) and the CLI.
 */

/** The step a run reached: writing files and wrapping, compiling, or running. */
export type RunPhase = 'prepare' | 'compile' | 'run';

/**
 * Why a run ended other than by its program exiting on its own; null when it did.
 * - timeout: the wall-clock limit of the phase passed; the process group was killed.
 * - output-cap: stdout + stderr passed the cap; the process group was killed.
 * - cancelled: the caller's AbortSignal fired (esc / ctrl-c in the TUI).
 * - not-runnable: the code cannot run as written (compile errors, pseudo-code, no main).
 * - no-toolchain: the language's compiler or interpreter is not installed.
 * - unknown-language: no registry entry for the block's language.
 */
export type RunReason = 'timeout' | 'output-cap' | 'folder-cap' | 'cancelled' | 'not-runnable' | 'no-toolchain' | 'unknown-language' | null;

/** How the run was contained: inside bubblewrap + prlimit, prlimit only, or not at all. */
export type SandboxLevel = 'bubblewrap' | 'prlimit' | 'none';

/** Limits of one run. */
export interface RunLimits {
  /** Wall-clock limit of the run phase, ms. */
  runMs: number;
  /** Wall-clock limit of the compile phase, ms. */
  compileMs: number;
  /** Cap on stdout + stderr together, bytes. */
  outputBytes: number;
  /** Cap on the files in the run's folder together, bytes (checked every 100 ms, so a run may pass it by what it writes meanwhile). */
  folderBytes: number;
  /** prlimit caps (applied when prlimit is available). */
  cpuSeconds: number;
  memoryBytes: number;
  fileBytes: number;
  processes: number;
}

/** Defaults of issue 4: 5 s run, 15 s compile, 64 KiB of output. */
export const DEFAULT_RUN_LIMITS: RunLimits = {
  runMs: 5_000,
  compileMs: 15_000,
  outputBytes: 64 * 1024,
  folderBytes: 256 * 1024 ** 2,
  cpuSeconds: 20,
  memoryBytes: 2 * 1024 ** 3,
  fileBytes: 16 * 1024 ** 2,
  processes: 256,
};

/** The system's tool folders: searched when the caller gives no PATH, and on every snippet's PATH after its toolchain's folders. */
export const SYSTEM_PATH = '/usr/local/bin:/usr/bin:/bin';

/**
 * What of the user's environment the runner reads to find toolchains: their
 * PATH, and their home folder (which the sandbox never binds whole). src/run
 * never reads process.env: the CLI passes its own environment's values.
 */
export interface ToolEnvironment {
  /** Folders to look for tools in, `:`-separated (as $PATH). */
  path: string;
  /** The user's home folder ($HOME), or '' when unknown. */
  home: string;
}

/** The system's tool folders and no home folder: what a caller that gives no environment gets. */
export const SYSTEM_TOOLS: ToolEnvironment = { path: SYSTEM_PATH, home: '' };

/** A piece of code to run: the fence's language as written (`js`, `Java`, `py`...) and its text. */
export interface Snippet {
  language: string;
  code: string;
}

/** What one run did. */
export interface RunResult {
  /** Registry name of the language that ran (`java`, `python`...), or the fence's language when unknown. */
  language: string;
  phase: RunPhase;
  /** Exit code of the last process, or null when it was killed or never started. */
  exit: number | null;
  /** Signal that ended the last process (`SIGKILL`), or null. */
  signal: string | null;
  reason: RunReason;
  /** Wall-clock time of the whole run, ms. */
  ms: number;
  /** Output of the run phase (or of the compile phase when it failed), UTF-8, escape sequences stripped. */
  stdout: string;
  stderr: string;
  /** True when output was cut at the cap. */
  truncated: boolean;
  sandbox: SandboxLevel;
  /**
   * One line for the user when the run did not finish normally, e.g.
   * "not runnable: line 3: error: ';' expected" or "stopped after 5 s (time limit)";
   * null when the program ran and exited by itself.
   */
  message: string | null;
}

/** Callbacks of a run in progress. */
export interface RunHooks {
  /** Aborting stops the run: the whole process group is killed and the result says `cancelled`. */
  signal?: AbortSignal;
  /** Output as it arrives (already decoded and stripped of escape sequences), for streaming into a pane. */
  onOutput?: (stream: 'stdout' | 'stderr', text: string) => void;
  /** Told when the phase changes (compile -> run), for a status line. */
  onPhase?: (phase: RunPhase) => void;
}

/**
 * How one language runs: argv templates (never shell strings) with placeholders
 * `{file}` (the source file, relative to the run's folder), `{files}` (every
 * source file, as separate arguments), `{dir}` (the run's folder, absolute),
 * `{out}` (`./main`, the compiled program) and `{class}` (Java's main class).
 */
export interface LanguageEntry {
  /** Registry name (`python`), shown in results and by `engram doctor`. */
  name: string;
  /** Other fence languages meaning the same (`py`, `python3`), lower-case. */
  aliases: string[];
  /** Source file name (`main.py`); built-in preparers may rename it (`Foo.java`, `main.mjs`). */
  file: string;
  /** Compile step, when the language has one. */
  compile?: string[];
  run: string[];
  /** Extra environment of both steps, values with placeholders (`GOCACHE={dir}/.cache`). */
  env?: Record<string, string>;
  /** Built-in source handling: Java main detection and wrapping, JS module detection, TS transpiling. */
  prepare?: 'java' | 'javascript' | 'typescript';
  /**
   * Arguments that make the run tool print its real executable, for version
   * managers whose shims are scripts (pyenv): the runner then runs the real
   * interpreter directly and, in the sandbox, binds its install prefix.
   */
  locate?: string[];
}

/** The languages snippets can run in, looked up by name or alias, case-insensitively. */
export interface LanguageRegistry {
  readonly languages: readonly LanguageEntry[];
}

/**
 * A user's change to the registry, from the `"languages"` key of their config
 * file (never from a deck): fields replace the entry's; `compile: null` drops
 * the compile step. A new language needs `file` and `run`.
 */
export interface LanguageOverride {
  aliases?: string[];
  file?: string;
  compile?: string[] | null;
  run?: string[];
  env?: Record<string, string>;
}
