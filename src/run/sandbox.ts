import { spawnSync } from 'node:child_process';
import { chownSync, lstatSync, mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findOnPath } from './toolchain.js';
import { DEFAULT_RUN_LIMITS, SYSTEM_PATH, SYSTEM_TOOLS, type RunLimits, type SandboxLevel, type ToolEnvironment } from './run-types.js';

/** The sandbox this machine allows, and why it is not bubblewrap when it is not. */
export interface SandboxProbe {
  level: SandboxLevel;
  /** Why bubblewrap is not used (or why nothing is), for `engram doctor`; null at the bubblewrap level. */
  why: string | null;
}

/** One contained command: what to spawn, and the uid the snippet runs as when engram runs as root. */
export interface ContainedCommand {
  command: string;
  args: string[];
  /** Owner to give the run's folder so the snippet can write there; null when the snippet keeps engram's uid. */
  runAs: number | null;
}

/** Root-level links of merged-/usr systems and library folders, bound as they are on the host. */
const ROOT_ENTRIES = ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];
/**
 * uids given to snippets when engram runs as root, one per run. RLIMIT_NPROC
 * never applies to uid 0 and counts every process of a uid, so a shared
 * `nobody` would let one run's fork bomb starve another run.
 */
const RUN_UID_BASE = 1_800_000_000;
const RUN_UID_SPAN = 100_000_000;

/** Probes done, by the PATH the sandbox's tools were looked for on. */
const probed = new Map<string, SandboxProbe>();

/**
 * Which sandbox runs use, found once per process (per PATH) by actually
 * running `true` the way snippets are run: bubblewrap (namespaces, read-only
 * system, no network) with prlimit caps; prlimit alone when bubblewrap is
 * missing or cannot create namespaces here; none when prlimit is missing too.
 * bwrap, prlimit and setpriv are looked for on the PATH of `toolEnv`.
 */
export function sandboxProbe(toolEnv: ToolEnvironment = SYSTEM_TOOLS): SandboxProbe {
  let found = probed.get(toolEnv.path);
  if (!found) probed.set(toolEnv.path, (found = probe(toolEnv.path)));
  return found;
}

/** The level of sandboxProbe(toolEnv). */
export function sandboxLevel(toolEnv: ToolEnvironment = SYSTEM_TOOLS): SandboxLevel {
  return sandboxProbe(toolEnv).level;
}

function probe(path: string): SandboxProbe {
  if (!findOnPath('prlimit', path)) return { level: 'none', why: 'neither bubblewrap nor prlimit (util-linux) is installed' };
  const limitsOnly = tryRun(containedCommand(['true'], 'prlimit', { dir: tmpdir(), limits: DEFAULT_RUN_LIMITS, binds: [] }));
  const fallback = (why: string): SandboxProbe => (limitsOnly === null ? { level: 'prlimit', why } : { level: 'none', why: `${why}; prlimit fails too: ${limitsOnly}` });
  if (!findOnPath('bwrap', path)) return fallback('bubblewrap (bwrap) is not installed');
  if (isRoot() && !findOnPath('setpriv', path)) return fallback('setpriv (util-linux) is not installed; it is needed to run snippets as a uid other than root');
  const dir = mkdtempSync(join(tmpdir(), 'engram-probe-'));
  try {
    const contained = containedCommand(['true'], 'bubblewrap', { dir, limits: DEFAULT_RUN_LIMITS, binds: [] });
    if (contained.runAs !== null) chownSync(dir, contained.runAs, contained.runAs);
    const failed = tryRun(contained);
    return failed === null ? { level: 'bubblewrap', why: null } : fallback(`bubblewrap cannot create its sandbox here: ${failed}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** null when the command exits 0, else its first line of complaint. */
function tryRun(c: ContainedCommand): string | null {
  const r = spawnSync(c.command, c.args, { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: SYSTEM_PATH } });
  if (r.error) return r.error.message;
  if (r.status === 0) return null;
  return r.stderr.trim().split('\n')[0] || `exit ${r.status ?? r.signal}`;
}

/** Options of containedCommand. */
export interface ContainOptions {
  /** The run's folder: its cwd and HOME, the only place it may write. */
  dir: string;
  limits: RunLimits;
  /** Toolchain install folders outside the system folders, bound read-only. */
  binds: readonly string[];
}

/** Size of the sandbox's own /tmp (a tmpfs). */
const SANDBOX_TMP_BYTES = 64 * 1024 ** 2;

/**
 * `argv` wrapped for `level`:
 * - bubblewrap: new pid, network, ipc and uts namespaces (no network at all),
 *   /usr, /etc and the root links read-only, fresh /proc, /dev and /tmp, the
 *   run's folder the only writable place; as root, setpriv drops to a fresh
 *   unprivileged uid so the process cap holds; then prlimit;
 * - prlimit: the caps alone (no process cap: outside a namespace it would
 *   count every process of the user);
 * - none: `argv` as is.
 */
export function containedCommand(argv: readonly string[], level: SandboxLevel, options: ContainOptions): ContainedCommand {
  const { limits } = options;
  const caps = [
    // Soft below hard: the program gets SIGXCPU, which says why, before SIGKILL.
    `--cpu=${limits.cpuSeconds}:${limits.cpuSeconds + 1}`,
    // RLIMIT_DATA, not RLIMIT_AS: the JVM, Go and V8 reserve far more address space than they use.
    `--data=${limits.memoryBytes}`,
    `--fsize=${limits.fileBytes}`,
    '--core=0',
  ];
  if (level === 'none') return { command: argv[0]!, args: argv.slice(1), runAs: null };
  if (level === 'prlimit') return { command: 'prlimit', args: [...caps, '--', ...argv], runAs: null };
  const root = isRoot();
  const runAs = root ? RUN_UID_BASE + Math.floor(Math.random() * RUN_UID_SPAN) : null;
  const args = root
    ? // No user namespace: inside one, root's snippet would still be uid 0 outside, which RLIMIT_NPROC exempts.
      ['--unshare-ipc', '--unshare-pid', '--unshare-net', '--unshare-uts', '--unshare-cgroup-try']
    : // In its own user namespace the snippet's processes are counted apart from the user's others.
      ['--unshare-all', '--unshare-user'];
  args.push('--die-with-parent', '--new-session', '--ro-bind', '/usr', '/usr', '--ro-bind', '/etc', '/etc');
  for (const entry of ROOT_ENTRIES) args.push(...rootEntry(entry));
  // /tmp is memory: sized, so a snippet filling it takes at most this much RAM (TMPDIR is the run's folder anyway).
  args.push('--proc', '/proc', '--dev', '/dev', '--perms', '1777', '--size', String(SANDBOX_TMP_BYTES), '--tmpfs', '/tmp');
  const made = new Set(['/', '/usr', '/etc', '/tmp', '/proc', '/dev', ...ROOT_ENTRIES]);
  for (const prefix of options.binds) args.push(...parentDirs(prefix, made), '--ro-bind', prefix, prefix);
  args.push(...parentDirs(options.dir, made), '--bind', options.dir, options.dir, '--chdir', options.dir, '--');
  if (runAs !== null) {
    args.push('setpriv', `--reuid=${runAs}`, `--regid=${runAs}`, '--clear-groups', '--inh-caps=-all', '--bounding-set=-all', '--no-new-privs', '--');
  }
  args.push('prlimit', ...caps, `--nproc=${limits.processes}`, '--', ...argv);
  return { command: 'bwrap', args, runAs };
}

/**
 * bwrap creates the missing parents of a mount point with the host's modes,
 * so /root would stay 0700 and hide a toolchain under /root from the
 * snippet's uid: create them world-traversable first.
 */
function parentDirs(path: string, made: Set<string>): string[] {
  const args: string[] = [];
  const parts = path.split('/').filter(Boolean);
  for (let i = 1; i < parts.length; i++) {
    const parent = `/${parts.slice(0, i).join('/')}`;
    if (made.has(parent)) continue;
    made.add(parent);
    args.push('--perms', '0755', '--dir', parent);
  }
  return args;
}

function rootEntry(path: string): string[] {
  try {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return ['--symlink', readlinkSync(path), path];
    if (stat.isDirectory()) return ['--ro-bind', path, path];
  } catch {
    // Not on this system.
  }
  return [];
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}
