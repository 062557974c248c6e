import { spawnSync } from 'node:child_process';
import { isAbsolute } from 'node:path';
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
    // One call for the usual case (a branch that tracks a remote): the top, the branch and its upstream.
    const all = run(['rev-parse', '--show-toplevel', '--abbrev-ref', '--symbolic-full-name', 'HEAD', '@{u}'], folder, env);
    if (all === null) return null;
    const [top, branch] = all.stdout.split('\n').map((l) => l.trim());
    if (all.status === 0) {
      const found = new GitFolder(top!, env);
      found.remoteFound = { remote: '', branch: branch!, upstream: true };
      return found;
    }
    // git prints what it could before it stops at a missing upstream: the top when the folder is in a work tree.
    // Then the branch has no upstream, and remote() need not ask again.
    if (top !== undefined && isAbsolute(top)) {
      const found = new GitFolder(top, env);
      found.upstreamMissing = true;
      return found;
    }
    const out = run(['rev-parse', '--show-toplevel'], folder, env);
    if (out === null || out.status !== 0) return null;
    return new GitFolder(out.stdout.trim(), env);
  }

  /** find() saw the branch has no upstream (nothing changed it since): remote() starts from there. */
  private upstreamMissing = false;

  /** How many commits this branch has that its upstream has not, once a pull counted them. */
  private ahead: number | undefined;

  /** `-c` options that sign engram's commits (and rebases) in a repository with no identity set; empty when it has one. */
  private identity: string[] | undefined;
  private remoteFound: { remote: string; branch: string; upstream: boolean } | null | undefined;

  /** Runs git; `signed` for commands that may make commits (commit, a rebase), which need an identity. */
  private git(args: string[], signed = false): GitOutput {
    if (signed && this.identity === undefined) {
      // A repository made for sync may have no identity set: engram signs its own commits then.
      const named = run(['config', 'user.email'], this.top, this.env)?.stdout.trim() ?? '';
      this.identity = named !== '' ? [] : ['-c', 'user.name=engram', '-c', 'user.email=engram@localhost'];
    }
    const out = run([...(signed ? this.identity! : []), ...args], this.top, this.env);
    if (out === null) throw new EngramError('failed', 'git could not be started (is it installed and on PATH?).');
    return out;
  }

  /**
   * Commits the files under `paths` (engram's own, nothing else of the user's,
   * even what they staged), when they changed. Returns whether a commit was made.
   * @throws EngramError 'failed' with git's message
   */
  commitOnly(paths: readonly string[], message: string): boolean {
    // One look first: a sync with nothing new (or files a killed sync left uncommitted) costs one git call here.
    const status = this.git(['status', '--porcelain', '--untracked-files=all', '--', ...paths]);
    this.check(status, 'git status', 'commit');
    if (status.stdout.trim() === '') return false;
    this.check(this.git(['add', '--', ...paths]), 'git add', 'commit');
    this.check(this.git(['commit', '--quiet', '--no-verify', '-m', message, '--', ...paths], true), 'git commit', 'commit');
    return true;
  }

  /** Where pulls come from and pushes go: the branch's upstream, else origin (or the only remote), else null (a repository without a remote). */
  private remote(): { remote: string; branch: string; upstream: boolean } | null {
    if (this.remoteFound !== undefined) return this.remoteFound;
    if (!this.upstreamMissing) {
      const both = this.git(['rev-parse', '--abbrev-ref', '--symbolic-full-name', 'HEAD', '@{u}']);
      if (both.status === 0) return (this.remoteFound = { remote: '', branch: both.stdout.split('\n')[0]!.trim(), upstream: true });
    }
    // symbolic-ref names the branch even before its first commit (a clone of an empty repository), where rev-parse only says HEAD.
    const head = this.git(['symbolic-ref', '--quiet', '--short', 'HEAD']);
    // A detached HEAD is on no branch: nothing to pull into or push from.
    if (head.status !== 0) return (this.remoteFound = null);
    const branch = head.stdout.trim();
    const remotes = this.git(['remote']).stdout.split('\n').filter(Boolean);
    const remote = remotes.includes('origin') ? 'origin' : remotes.length === 1 ? remotes[0]! : null;
    return (this.remoteFound = remote === null ? null : { remote, branch, upstream: false });
  }

  /**
   * Brings in the other devices' commits, as `git pull --rebase --autostash`
   * does (the user's uncommitted edits are set aside and put back by git
   * itself): a fetch, then a rebase when the remote has something new.
   * Returns whether anything was fetched: false when there is no remote, or
   * the remote does not have this branch yet.
   * @throws EngramError 'failed' with git's message and what to do; the work tree is left as git left it
   */
  pull(): boolean {
    const r = this.remote();
    if (r === null) return false;
    if (r.upstream) {
      // A pull --rebase, in steps: the rebase (the costly part) only when the remote has something new.
      this.check(this.git(['fetch', '--quiet']), 'git fetch', 'fetch');
      const [ahead, behind] = this.git(['rev-list', '--left-right', '--count', 'HEAD...@{u}']).stdout.trim().split(/\s+/).map(Number);
      // The rebase keeps this device's commits (fewer only if git finds one already upstream, which a push then skips).
      this.ahead = ahead;
      if (!behind) return true;
      this.check(this.git(['rebase', '--quiet', '--autostash', '@{u}'], true), 'git rebase (of this device onto the remote)', 'rebase');
      return true;
    }
    // No upstream yet (a repository just made for sync): pull the branch when the remote has it.
    const has = this.git(['ls-remote', '--exit-code', '--heads', r.remote, r.branch]);
    // The remote has no such branch yet (an empty repository): nothing to pull, the push makes it.
    if (has.status === 2) return false;
    this.check(has, 'git ls-remote', 'fetch');
    if (this.git(['rev-parse', '--verify', '--quiet', 'HEAD']).status !== 0) {
      // No commit here yet (cloned while the repository was empty, nothing of this device's committed):
      // the remote's branch is taken as it is and tracked, as a clone made now would have it.
      this.check(this.git(['fetch', '--quiet', r.remote, `refs/heads/${r.branch}:refs/remotes/${r.remote}/${r.branch}`]), 'git fetch', 'fetch');
      this.check(this.git(['checkout', '--quiet', '-B', r.branch, '--track', `${r.remote}/${r.branch}`]), `git checkout of ${r.remote}/${r.branch}`, 'fetch');
      this.remoteFound = undefined;
      this.upstreamMissing = false;
      this.ahead = 0;
      return true;
    }
    this.check(this.git(['pull', '--quiet', '--rebase', '--autostash', r.remote, r.branch], true), 'git pull --rebase', 'rebase');
    // The branch tracks the remote's from now on (the push sets it): look again next time.
    this.remoteFound = undefined;
    this.upstreamMissing = false;
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
    if (r.upstream) {
      // Nothing of this device's ahead of the remote: no push (a sync with nothing new stays local after its pull).
      const ahead = this.ahead ?? Number(this.git(['rev-list', '--count', '@{u}..HEAD']).stdout.trim());
      if (ahead === 0) return false;
    } else if (this.git(['rev-parse', '--verify', '--quiet', 'HEAD']).status !== 0) {
      // Nothing committed on this branch yet (a new clone of an empty repository): nothing to push.
      return false;
    }
    const args = r.upstream ? ['push', '--quiet'] : ['push', '--quiet', '--set-upstream', r.remote, `HEAD:${r.branch}`];
    let out = this.git(args);
    if (out.status !== 0 && /fetch first|non-fast-forward|rejected/.test(out.stderr)) {
      this.pull();
      out = this.git(args);
    }
    this.check(out, 'git push', 'push');
    return true;
  }

  private check(out: GitOutput, what: string, step: GitStep): void {
    if (out.status === 0) return;
    const said = `${out.stderr}${out.stdout}`.trim();
    throw new EngramError('failed', `${what} failed in ${this.top}:\n${said}\n${ADVICE[step]}`);
  }
}

/** The step of a sync git failed at: what the user is told to do depends on it. */
type GitStep = 'commit' | 'fetch' | 'rebase' | 'push';

const KEPT = "Nothing was lost: this device's events are in its own files";

/**
 * What to do after each step fails. A commit or a fetch fails before the
 * store changes, a rebase may stop half-way for the user, a push fails after
 * the fold (the store holds the other devices' events already).
 */
const ADVICE: Record<GitStep, string> = {
  commit: `${KEPT} (not committed yet), and the store was not changed by this sync. git status says what stopped the commit (a lock another git left, a broken index); settle it, then run engram sync again.`,
  fetch: `${KEPT}, committed, and the store was not changed by this sync. Check that the remote can be reached and read (git remote -v, git fetch), then run engram sync again.`,
  rebase: `${KEPT}, committed, and the store was not changed by this sync. Settle it with git (git status says where things stand: resolve and git rebase --continue, or git rebase --abort), then run engram sync again.`,
  push: `${KEPT}, committed, and the other devices' events were folded into the store; only the push is left. Check that you may push to the remote (git push says why not), then run engram sync again.`,
};

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv): GitOutput | null {
  const out = spawnSync('git', args, { cwd, env: { ...env, GIT_TERMINAL_PROMPT: '0' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (out.error) return null;
  return { status: out.status ?? 1, stdout: out.stdout, stderr: out.stderr };
}
