import { spawnSync } from 'node:child_process';
import { EngramError } from '../../model/engram-error.js';

/** What git said. */
interface GitOutput {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * The system's git for one work tree: argv only (never a shell), the
 * environment the CLI gives (PATH, HOME and git's own variables), and no
 * prompt for credentials (a sync must not hang on a terminal question).
 */
export class GitFolder {
  private constructor(
    /** The top of the work tree. */
    readonly top: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** The work tree `folder` is inside, or null when it is in none (or git is missing). */
  static find(folder: string, env: NodeJS.ProcessEnv): GitFolder | null {
    const out = run(['rev-parse', '--show-toplevel'], folder, env);
    if (out === null || out.status !== 0) return null;
    return new GitFolder(out.stdout.trim(), env);
  }

  /** `-c` options that sign engram's commits (and rebases) in a repository with no identity set; empty when it has one. */
  private identity: string[] | undefined;

  private git(args: string[]): GitOutput {
    if (this.identity === undefined) {
      // A repository made for sync may have no identity set: engram signs its own commits then.
      const named = run(['config', 'user.email'], this.top, this.env)?.stdout.trim() ?? '';
      this.identity = named !== '' ? [] : ['-c', 'user.name=engram', '-c', 'user.email=engram@localhost'];
    }
    const out = run([...this.identity, ...args], this.top, this.env);
    if (out === null) throw new EngramError('failed', 'git could not be started (is it installed and on PATH?).');
    return out;
  }

  /**
   * Commits the files under `paths` (engram's own, nothing else of the user's,
   * even what they staged), when they changed. Returns whether a commit was made.
   * @throws EngramError 'failed' with git's message
   */
  commitOnly(paths: readonly string[], message: string): boolean {
    this.check(this.git(['add', '--', ...paths]), 'git add');
    if (this.git(['diff', '--cached', '--quiet', '--', ...paths]).status === 0) return false;
    this.check(this.git(['commit', '--quiet', '--no-verify', '-m', message, '--', ...paths]), 'git commit');
    return true;
  }

  /** Where pulls come from and pushes go: the branch's upstream, else origin (or the only remote), else null (a repository without a remote). */
  private remote(): { remote: string; branch: string; upstream: boolean } | null {
    const branch = this.git(['rev-parse', '--abbrev-ref', 'HEAD']).stdout.trim();
    if (this.git(['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{u}']).status === 0) return { remote: '', branch, upstream: true };
    const remotes = this.git(['remote']).stdout.split('\n').filter(Boolean);
    const remote = remotes.includes('origin') ? 'origin' : remotes.length === 1 ? remotes[0]! : null;
    return remote === null ? null : { remote, branch, upstream: false };
  }

  /**
   * Brings in the other devices' commits (`git pull --rebase --autostash`:
   * the user's uncommitted edits are set aside and put back by git itself).
   * Returns false when there is no remote to pull from.
   * @throws EngramError 'failed' with git's message and what to do; the work tree is left as git left it
   */
  pull(): boolean {
    const r = this.remote();
    if (r === null) return false;
    if (r.upstream) {
      this.check(this.git(['pull', '--quiet', '--rebase', '--autostash']), 'git pull --rebase');
      return true;
    }
    // No upstream yet (a repository just made for sync): pull the branch when the remote has it.
    const has = this.git(['ls-remote', '--exit-code', '--heads', r.remote, r.branch]);
    if (has.status === 2) return true;
    this.check(has, 'git ls-remote');
    this.check(this.git(['pull', '--quiet', '--rebase', '--autostash', r.remote, r.branch]), 'git pull --rebase');
    return true;
  }

  /**
   * Pushes this device's commits; a push refused because another device
   * pushed meanwhile is pulled and tried once more. Returns false without a remote.
   * @throws EngramError 'failed' with git's message
   */
  push(): boolean {
    const r = this.remote();
    if (r === null) return false;
    // Nothing committed on this branch yet (a new clone of an empty repository): nothing to push.
    if (this.git(['rev-parse', '--verify', '--quiet', 'HEAD']).status !== 0) return false;
    const args = r.upstream ? ['push', '--quiet'] : ['push', '--quiet', '--set-upstream', r.remote, `HEAD:${r.branch}`];
    let out = this.git(args);
    if (out.status !== 0 && /fetch first|non-fast-forward|rejected/.test(out.stderr)) {
      this.pull();
      out = this.git(args);
    }
    this.check(out, 'git push');
    return true;
  }

  private check(out: GitOutput, what: string): void {
    if (out.status === 0) return;
    const said = `${out.stderr}${out.stdout}`.trim();
    throw new EngramError(
      'failed',
      `${what} failed in ${this.top}:\n${said}\nNothing was lost: this device's events are in its own files (committed when the commit step was reached), and the store was not changed by this sync. Settle it with git (git status says where things stand: resolve and git rebase --continue, or git rebase --abort), then run engram sync again.`,
    );
  }
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv): GitOutput | null {
  const out = spawnSync('git', args, { cwd, env: { ...env, GIT_TERMINAL_PROMPT: '0' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (out.error) return null;
  return { status: out.status ?? 1, stdout: out.stdout, stderr: out.stderr };
}
