import { loadOptimizer, type OptimizerBackend } from '../../schedule/optimize/fsrs-optimizer.js';
import { sandboxProbe, type SandboxProbe } from '../../run/sandbox.js';
import { toolchainReport, type LanguageStatus } from '../../run/toolchain-report.js';
import { DEFAULT_RUN_LIMITS, type LanguageOverride, type RunLimits, type ToolEnvironment } from '../../run/run-types.js';
import { userRegistry } from '../run/code-runner.js';
import type { WorkProgress } from '../work-progress.js';
import { settingsReport } from './settings-report.js';
import { storeReport, type StoreReport } from './store-report.js';
import { syncHealth, type SyncHealth } from './sync-health.js';

/** Everything `engram doctor` found. */
export interface Diagnosis {
  /** The store is sound and the settings file reads. */
  healthy: boolean;
  store: StoreReport;
  /** The sync folder against the store (folder null: sync not set up). */
  sync: SyncHealth;
  /** The settings file: where, the languages it changes, why it cannot be used, and settings that apply to nothing. */
  config: { path: string; languages: Record<string, LanguageOverride>; problems: string[]; notes: string[] };
  /** The sandbox code in cards runs in here. */
  sandbox: SandboxProbe;
  /** Each language's toolchain as installed here, the user's languages included. */
  languages: LanguageStatus[];
  limits: RunLimits;
  /**
   * The FSRS optimizer `engram optimize` would run here: which build and why
   * (e.g. "WebAssembly (no native build for darwin-arm64)"), or why none can.
   */
  optimizer: { available: true; backend: OptimizerBackend; description: string } | { available: false; why: string };
}

/**
 * Checks the settings file at `settingsPath` (without stopping on a broken
 * one), the store at `storePath` against the replay of its review log (with
 * `repair`, repairs what the log can rebuild, after a backup named by `now`;
 * only what changed since the last clean check unless `full`),
 * its sync folder (see syncHealth),
 * the sandbox and the toolchains found with `toolEnv`, and the optimizer.
 * `progress` hears how far the replay is. A broken settings file or store
 * is a finding, not an error: the CLI still prints the whole report.
 */
export async function diagnose(o: {
  settingsPath: string;
  storePath: string;
  repair: boolean;
  /** Check every card and the whole file, not only what changed since the last clean check. */
  full?: boolean;
  now: number;
  toolEnv: ToolEnvironment;
  progress?: WorkProgress;
}): Promise<Diagnosis> {
  const settings = settingsReport(o.settingsPath);
  const loaded = settings.loaded;
  // Each toolchain answers in a process of its own (a JVM takes a second to
  // start): they are started first and run on while the store is checked.
  const languagesFound = toolchainReport(userRegistry(loaded), o.toolEnv);
  await new Promise((started) => setImmediate(started));
  const store = storeReport(o.storePath, settings.schedulers, { repair: o.repair, full: o.full ?? false, now: o.now, ...(o.progress ? { progress: o.progress } : {}) });
  const sync = syncHealth(o.storePath, { repair: o.repair, now: o.now });
  const notes = store.exists && !store.openError ? settings.deckProblems(store.decks) : [];
  const [sandbox, languages] = [sandboxProbe(o.toolEnv), await languagesFound];
  const load = await loadOptimizer(loaded.settings.optimizer);
  return {
    healthy: store.healthy && settings.problems.length === 0 && sync.problems.length === 0,
    store,
    sync,
    config: { path: loaded.path, languages: loaded.file.languages ?? {}, problems: settings.problems, notes },
    sandbox,
    languages,
    limits: DEFAULT_RUN_LIMITS,
    optimizer: load.ok ? { available: true, backend: load.backend, description: load.description } : { available: false, why: load.reason },
  };
}
