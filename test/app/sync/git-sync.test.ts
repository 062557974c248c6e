import { spawnSync } from 'node:child_process';
import { mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EngramError } from '../../../src/model/engram-error.js';
import { setSyncFolder, syncFolder } from '../../../src/store/sync-events.js';
import { syncDevice, type SyncDevice } from '../../helpers/sync-device.js';
import { tempDir } from '../../helpers/temp-dir.js';

const T = Date.parse('2026-03-02T10:00:00Z');
const open: SyncDevice[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

/** git in `cwd`, with no user or system configuration of this machine; throws on failure. */
function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'], GIT_CONFIG_NOSYSTEM: '1', HOME: cwd } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A bare repository (the remote, no network) and a clone of it per device, each device syncing through its clone. */
function gitDevices(names: readonly string[]) {
  const root = tempDir();
  git(root, 'init', '--quiet', '--bare', '--initial-branch=main', 'remote.git');
  // The user's repository already has history: a first commit every clone shares.
  git(root, 'clone', '--quiet', 'remote.git', 'seed');
  writeFileSync(join(root, 'seed', 'README.md'), 'my notes\n');
  git(join(root, 'seed'), 'add', 'README.md');
  git(join(root, 'seed'), '-c', 'user.name=u', '-c', 'user.email=u@x', 'commit', '--quiet', '-m', 'start');
  git(join(root, 'seed'), 'push', '--quiet', 'origin', 'HEAD:main');
  const made = names.map((name) => {
    git(root, 'clone', '--quiet', 'remote.git', `${name}-repo`);
    const repo = join(root, `${name}-repo`);
    git(repo, 'checkout', '--quiet', '-B', 'main');
    const notes = join(root, name, 'notes');
    mkdirSync(notes, { recursive: true });
    writeFileSync(join(notes, 'geo.md'), 'Capital of France::Paris\nCapital of Spain::Madrid\n');
    const d = syncDevice(join(root, name), repo, T);
    d.import(notes);
    open.push(d);
    return Object.assign(d, { repo });
  });
  // As many as named: a tuple, so destructuring needs no checks.
  return made as [typeof made[number], typeof made[number], typeof made[number]];
}

describe('sync through a git work tree', () => {
  it("commits only engram's files, pulls and pushes: answers cross through a bare repository", () => {
    const [a, b] = gitDevices(['laptop', 'desktop']);
    a.answer('Capital of France', 3);
    // The user's own staged work is not committed by engram.
    writeFileSync(join(a.repo, 'todo.md'), 'buy milk\n');
    git(a.repo, 'add', 'todo.md');
    const sent = a.sync();
    expect(sent).toMatchObject({ sent: 1, git: { committed: true, pulled: true, pushed: true } });
    expect(git(a.repo, 'show', '--name-only', '--format=', 'HEAD').trim()).toMatch(/^engram-sync\/[a-z0-9]{12}\/2026-03\.jsonl$/);
    expect(git(a.repo, 'status', '--porcelain')).toBe('A  todo.md\n');

    b.setNow(T + 60_000);
    b.answer('Capital of Spain', 4);
    expect(b.sync()).toMatchObject({ sent: 1, received: 1, folded: 1, git: { committed: true, pulled: true, pushed: true } });
    expect(a.sync()).toMatchObject({ sent: 0, received: 1, git: { committed: false } });
    expect(a.log()).toEqual(b.log());
    expect(a.cards()).toEqual(b.cards());
    expect(git(b.repo, 'log', '--format=%s', 'origin/main')).toMatch(/engram sync: 1 event from device/);
  });

  it('syncs through a symlink to the work tree (git names the real path): every sync, not only the first', () => {
    const [a, b] = gitDevices(['a', 'b']);
    const root = join(a.repo, '..');
    const link = join(root, 'notes-link');
    symlinkSync(b.repo, link);
    // b set up its sync through the link, as a user whose repository is reached by one.
    const linked = syncDevice(join(root, 'b-linked'), link, T);
    open.push(linked);
    expect(syncFolder(linked.store)).toBe(realpathSync(b.repo));
    linked.import(join(root, 'b', 'notes'));
    a.answer('Capital of France', 3);
    expect(a.sync()).toMatchObject({ sent: 1, git: { pushed: true } });
    linked.setNow(T + 60_000);
    linked.answer('Capital of Spain', 4);
    expect(linked.sync()).toMatchObject({ sent: 1, received: 1, git: { committed: true, pulled: true, pushed: true } });
    expect(linked.sync()).toMatchObject({ sent: 0, received: 0, git: { committed: false } });
    expect(a.sync()).toMatchObject({ received: 1 });
    expect(a.log()).toEqual(linked.log());
  });

  it('a store that kept the path of a symlink (set up before) still syncs through it', () => {
    const [a] = gitDevices(['a', 'b']);
    const link = join(a.repo, '..', 'a-link');
    symlinkSync(a.repo, link);
    setSyncFolder(a.store, link);
    a.answer('Capital of France', 3);
    expect(a.sync()).toMatchObject({ sent: 1, git: { committed: true, pushed: true } });
  });

  it('words what to do by the step git failed at: a lock at the commit, a remote gone at the fetch', () => {
    const [a] = gitDevices(['a', 'b']);
    a.answer('Capital of France', 3);
    writeFileSync(join(a.repo, '.git', 'index.lock'), '');
    expect(() => a.sync()).toThrow(/^git add failed in .*a-repo:\n[\s\S]*index\.lock[\s\S]*\nNothing was lost: this device's events are in its own files \(not committed yet\), and the store was not changed by this sync\. git status says what stopped the commit \(a lock another git left, a broken index\); settle it, then run engram sync again\.$/);
    rmSync(join(a.repo, '.git', 'index.lock'));
    git(a.repo, 'remote', 'set-url', 'origin', join(a.repo, '..', 'gone.git'));
    let error: unknown;
    try {
      a.sync();
    } catch (err) {
      error = err;
    }
    expect((error as EngramError).message).toMatch(/^git fetch failed in .*a-repo:\n[\s\S]*gone\.git[\s\S]*\nNothing was lost: this device's events are in its own files, committed, and the store was not changed by this sync\. Check that the remote can be reached and read \(git remote -v, git fetch\), then run engram sync again\.$/);
    expect((error as EngramError).message).not.toMatch(/rebase/);
  });

  it('a clone of an empty repository pulls what another device pushed since, and says "pulled" only when something was fetched', () => {
    const root = tempDir();
    git(root, 'init', '--quiet', '--bare', '--initial-branch=main', 'remote.git');
    // Both machines cloned the repository made for sync while it was still empty: no commit on either branch.
    const [a, b] = ['a', 'b'].map((name) => {
      git(root, 'clone', '--quiet', 'remote.git', `${name}-repo`);
      const repo = join(root, `${name}-repo`);
      git(repo, 'symbolic-ref', 'HEAD', 'refs/heads/main');
      const notes = join(root, name, 'notes');
      mkdirSync(notes, { recursive: true });
      writeFileSync(join(notes, 'geo.md'), 'Capital of France::Paris\nCapital of Spain::Madrid\n');
      const d = syncDevice(join(root, name), repo, T);
      d.import(notes);
      open.push(d);
      return Object.assign(d, { repo });
    }) as [SyncDevice & { repo: string }, SyncDevice & { repo: string }];
    // Nothing on the remote yet: nothing pulled, even by the device that pushes the first commit.
    expect(b.sync()).toMatchObject({ sent: 0, git: { committed: false, pulled: false, pushed: false } });
    a.answer('Capital of France', 3);
    expect(a.sync()).toMatchObject({ sent: 1, git: { committed: true, pulled: false, pushed: true } });
    // b still has no commit of its own: the remote's branch is fetched and checked out, a's answer folded.
    expect(b.sync()).toMatchObject({ sent: 0, received: 1, folded: 1, git: { committed: false, pulled: true, pushed: false } });
    expect(git(b.repo, 'rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{u}').trim()).toBe('origin/main');
    b.setNow(T + 60_000);
    b.answer('Capital of Spain', 4);
    expect(b.sync()).toMatchObject({ sent: 1, git: { committed: true, pulled: true, pushed: true } });
    expect(a.sync()).toMatchObject({ received: 1, git: { pulled: true } });
    expect(a.log()).toEqual(b.log());
    expect(a.log()).toHaveLength(2);
  });

  it("stops at a conflict in the user's own files with git's message and what to do, losing nothing", () => {
    const [a, b] = gitDevices(['a', 'b']);
    a.sync();
    b.sync();
    for (const [d, text] of [[a, 'from a\n'], [b, 'from b\n']] as const) {
      writeFileSync(join(d.repo, 'notes.md'), text);
      git(d.repo, 'add', 'notes.md');
      git(d.repo, '-c', 'user.name=u', '-c', 'user.email=u@x', 'commit', '--quiet', '-m', 'notes');
    }
    a.answer('Capital of France', 3);
    a.sync();
    b.answer('Capital of Spain', 2);
    let error: unknown;
    try {
      b.sync();
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(EngramError);
    expect((error as EngramError).message).toMatch(/^git rebase \(of this device onto the remote\) failed in .*b-repo:\n[\s\S]*CONFLICT[\s\S]*notes\.md[\s\S]*Nothing was lost[\s\S]*git rebase --abort\), then run engram sync again\.$/);
    // The store was not folded into; the rebase waits for the user, b's event commit in it.
    expect(b.log()).toHaveLength(1);
    expect(git(b.repo, 'status')).toMatch(/rebase in progress/);
    expect(git(b.repo, 'log', '--format=%s', 'ORIG_HEAD')).toMatch(/^engram sync: 1 event from device [a-z0-9]{12}\nnotes\n/);
    // Settled by the user, the next sync goes through.
    writeFileSync(join(b.repo, 'notes.md'), 'from a and b\n');
    git(b.repo, 'add', 'notes.md');
    git(b.repo, '-c', 'user.name=u', '-c', 'user.email=u@x', '-c', 'core.editor=true', 'rebase', '--continue');
    expect(b.sync()).toMatchObject({ received: 1, folded: 1 });
    a.sync();
    expect(a.log()).toEqual(b.log());
  });
});
