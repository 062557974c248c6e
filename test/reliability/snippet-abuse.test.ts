import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSnippet, sandboxLevel } from '../../src/run/run-snippet.js';
import { tempDir } from '../helpers/temp-dir.js';
import { suiteFigures } from './figures.js';

const figures = suiteFigures('snippet abuse', ['attempts', 'contained']);

/** A test of one abuse: counted as an attempt when it starts, as contained when all it checks holds. */
function abuse(name: string, test: () => Promise<void>): void {
  it(name, async () => {
    figures.attempts++;
    // Without bubblewrap's pid namespace a root `kill -9 -1` or fork bomb reaches the whole
    // machine: fail here instead of trying it (CI installs bubblewrap).
    expect(sandboxLevel(), 'abuse is tried only inside bubblewrap').toBe('bubblewrap');
    await test();
    figures.contained++;
  });
}

/** Processes whose command line holds `marker`, once the kernel had up to 3 s to finish killing a sandbox. */
async function processesMarked(marker: string): Promise<string[]> {
  let left: string[] = [];
  for (let tries = 0; tries < 30; tries++) {
    const out = execFileSync('ps', ['-eo', 'args='], { encoding: 'utf8' });
    left = out.split('\n').filter((l) => l.includes(marker) && !l.includes('ps -eo'));
    if (left.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return left;
}

describe('the sandbox', () => {
  it('is bubblewrap on this machine (CI installs it)', () => {
    expect(sandboxLevel()).toBe('bubblewrap');
  });
});

describe.concurrent('limits', () => {
  abuse('stops an endless loop at the time limit, killing its process group', async () => {
    const r = await runSnippet({ language: 'bash', code: 'sleep 30 &\nwhile :; do :; done' }, { limits: { runMs: 1000 } });
    expect(r).toMatchObject({ reason: 'timeout', phase: 'run', exit: null, signal: 'SIGKILL', message: 'stopped after 1 s (time limit)' });
    expect(r.ms).toBeLessThan(4000);
  });

  abuse('stops an endless loop without the sandbox too, with the children it started', async () => {
    const code = 'require("node:child_process").spawn("sleep", ["30.4343"], { stdio: "ignore" });\nwhile (true) {}';
    const r = await runSnippet({ language: 'js', code }, { limits: { runMs: 1000 }, sandbox: 'off' });
    expect(r).toMatchObject({ reason: 'timeout', sandbox: 'none', message: 'stopped after 1 s (time limit)' });
    expect(await processesMarked('sleep 30.4343')).toEqual([]);
  });

  abuse('cuts a 100 MB flood at the output cap', async () => {
    const code = 'import sys\nchunk = b"x" * (1 << 20)\nfor _ in range(100):\n    sys.stdout.buffer.write(chunk)\nprint("never")';
    const r = await runSnippet({ language: 'python', code });
    expect(r).toMatchObject({ reason: 'output-cap', truncated: true, signal: 'SIGKILL', message: 'stopped after 64 KiB of output (output limit)' });
    expect(r.stdout.length + r.stderr.length).toBe(64 * 1024);
    expect(r.ms).toBeLessThan(4000);
  });

  abuse('counts stdout and stderr together against a smaller cap, never cutting a character', async () => {
    const r = await runSnippet({ language: 'bash', code: 'for i in $(seq 200); do echo "é€"; echo "err" >&2; done' }, { limits: { outputBytes: 1000 } });
    expect(r.reason).toBe('output-cap');
    expect(Buffer.byteLength(r.stdout) + Buffer.byteLength(r.stderr)).toBeLessThanOrEqual(1000);
    expect(r.stdout).not.toContain('\uFFFD');
  });

  abuse('cancels on abort, killing the run', async () => {
    const abort = new AbortController();
    const seen: string[] = [];
    const running = runSnippet(
      { language: 'python', code: 'import time\nwhile True:\n    print("tick", flush=True)\n    time.sleep(0.05)' },
      { hooks: { signal: abort.signal, onOutput: (_s, text) => { seen.push(text); abort.abort(); } } },
    );
    const r = await running;
    expect(seen.length).toBeGreaterThan(0);
    expect(r).toMatchObject({ reason: 'cancelled', message: 'cancelled', exit: null, signal: 'SIGKILL' });
    // What came before the cancel is kept; print's newline may arrive in a later read, after it.
    expect(r.stdout.startsWith('tick')).toBe(true);
    expect((await runSnippet({ language: 'bash', code: 'echo no' }, { hooks: { signal: AbortSignal.abort() } })).reason).toBe('cancelled');
  });

  abuse('stops a memory bomb at the memory cap', async () => {
    const code = [
      'held = []',
      'try:',
      '    while True:',
      '        held.append(bytearray(64 * 1024 * 1024))',
      'except MemoryError:',
      '    print("MemoryError after", len(held) * 64, "MiB")',
    ].join('\n');
    const r = await runSnippet({ language: 'python', code }, { limits: { memoryBytes: 256 * 1024 ** 2 } });
    expect(r).toMatchObject({ reason: null, exit: 0 });
    expect(r.stdout).toMatch(/^MemoryError after (64|128|192) MiB\n$/);
  });

  abuse('cannot fill memory through the sandbox /tmp: it is a 64 MiB tmpfs', async () => {
    // Files of 8 MiB (under the file cap) until /tmp says it is full: 8 of them fill 64 MiB.
    const code = 'i=0; while head -c 8388608 /dev/zero > /tmp/f$i 2>/dev/null; do i=$((i+1)); done; echo "full after $i files"';
    const r = await runSnippet({ language: 'bash', code }, { limits: { runMs: 10_000 } });
    expect(r).toMatchObject({ reason: null, exit: 0, stdout: 'full after 8 files\n' });
  });

  abuse('cannot fill the disk with many files under the file cap: stopped at the folder cap, its folder removed', async () => {
    // 15 MiB files, each under the 16 MiB file cap, without end; the folder's path first.
    const code = 'pwd; i=0; while :; do head -c 15728640 /dev/zero > f$i; i=$((i+1)); done';
    const r = await runSnippet({ language: 'bash', code }, { limits: { folderBytes: 64 * 1024 ** 2, runMs: 20_000 } });
    expect(r).toMatchObject({ reason: 'folder-cap', signal: 'SIGKILL', message: 'stopped: its files passed 64 MiB (folder limit)' });
    const folder = r.stdout.trim();
    expect(folder).toMatch(/\/engram-run-/);
    expect(existsSync(folder)).toBe(false);
  });

  abuse('stops a huge file at the file size cap', async () => {
    const limits = { fileBytes: 4 * 1024 ** 2 };
    // A program that takes the default action of SIGXFSZ is killed by it...
    const killed = await runSnippet({ language: 'bash', code: 'exec head -c 67108864 /dev/zero > huge' }, { limits });
    expect(killed).toMatchObject({ signal: 'SIGXFSZ', message: 'stopped: a file passed 4 MiB (file size limit)' });
    // ...one that ignores it (Python does) gets an error, with the file cut at the cap.
    const code = [
      'import os',
      'try:',
      '    with open("huge", "wb") as f:',
      '        for _ in range(64):',
      '            f.write(b"x" * (1024 * 1024))',
      '            f.flush()',
      'except OSError as e:',
      '    print(e.strerror, os.path.getsize("huge"))',
    ].join('\n');
    const r = await runSnippet({ language: 'python', code }, { limits });
    expect(r).toMatchObject({ reason: null, exit: 0, stdout: `File too large ${4 * 1024 ** 2}\n` });
  });

  abuse('stops compiling at the compile limit', async () => {
    const r = await runSnippet({ language: 'go', code: 'package main\nfunc main() {}' }, { limits: { compileMs: 50 } });
    expect(r).toMatchObject({ reason: 'timeout', phase: 'compile', message: 'compiling stopped after 50 ms (time limit)' });
  });
});

describe.concurrent('output decoding', () => {
  it('decodes multi-byte characters split across reads', async () => {
    // € and 😀 written a byte or two at a time, each piece its own read on the pipe.
    const code = 'import sys, time\nfor piece in [b"\\xe2", b"\\x82\\xac", b"\\xf0\\x9f", b"\\x98", b"\\x80\\n"]:\n    sys.stdout.buffer.write(piece)\n    sys.stdout.buffer.flush()\n    time.sleep(0.03)';
    const r = await runSnippet({ language: 'python', code });
    expect(r.stdout).toBe('€😀\n');
  });

  it('strips escape sequences whole, also when split across reads', async () => {
    const code = "printf '\\033[31mred\\033[0m \\033]0;title\\007ok\\r\\n'; printf 'x\\033[3'; sleep 0.1; printf '1my\\033[0m\\n'";
    const r = await runSnippet({ language: 'bash', code });
    expect(r.stdout).toBe('red ok\nxy\n');
  });
});

describe.concurrent('containment', () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    server = createServer((socket) => socket.end('reached\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  abuse('stops a fork bomb at the process cap', async () => {
    const code = [
      'import os, time',
      'n = 0',
      'try:',
      '    while True:',
      '        if os.fork() == 0:',
      '            os.execv("/bin/sleep", ["sleep", "30.4242"])',
      '        n += 1',
      'except OSError as e:',
      '    print("fork failed after", n, "children:", e.strerror)',
    ].join('\n');
    const r = await runSnippet({ language: 'python', code }, { limits: { processes: 40 } });
    expect(r.stdout).toMatch(/^fork failed after 3\d children: Resource temporarily unavailable\n$/);
    expect(r.exit).toBe(0);
    // The children die with the sandbox's pid namespace.
    expect(await processesMarked('sleep 30.4242')).toEqual([]);
  });

  abuse('contains a classic shell fork bomb until the time limit', async () => {
    // Forked shells keep their parent's command line: the marker names every process of the bomb.
    const code = "exec -a engram-bomb-4242 bash -c 'bomb() { bomb | bomb & }; bomb; while :; do sleep 1; done'";
    const r = await runSnippet({ language: 'bash', code }, { limits: { processes: 40, runMs: 1500 } });
    expect(r.reason).toBe('timeout');
    expect(r.stderr).toContain('Resource temporarily unavailable');
    expect(await processesMarked('engram-bomb-4242')).toEqual([]);
  });

  abuse('denies writes outside the run folder and hides the host files', async () => {
    const code = 'echo x > /etc/engram-test; echo x > /root/engram-test; echo x > /usr/engram-test; echo x > "$HOME/ok" && echo "home writable"; ls /work /root/.ssh 2>&1 | wc -l';
    const r = await runSnippet({ language: 'bash', code });
    expect(r.stderr).toContain('/etc/engram-test: Read-only file system');
    expect(r.stderr).toMatch(/\/root\/engram-test: (No such file or directory|Permission denied|Read-only file system)/);
    expect(r.stderr).toContain('/usr/engram-test: Read-only file system');
    expect(r.stdout).toBe('home writable\n2\n');
  });

  abuse('has no network: neither the host nor the internet', async () => {
    const code = [
      'import socket',
      `for host, p in [("127.0.0.1", ${port}), ("1.1.1.1", 53)]:`,
      '    try:',
      '        socket.create_connection((host, p), timeout=2).recv(16)',
      '        print(host, "reached")',
      '    except OSError as e:',
      '        print(host, "denied")',
    ].join('\n');
    const r = await runSnippet({ language: 'python', code });
    expect(r.stdout).toBe('127.0.0.1 denied\n1.1.1.1 denied\n');
    // The listener is real: the same code outside the sandbox reaches it.
    const open = await runSnippet({ language: 'python', code: code.replace('("1.1.1.1", 53)', '("127.0.0.1", 1)') }, { sandbox: 'off' });
    expect(open.stdout).toBe('127.0.0.1 reached\n127.0.0.1 denied\n');
  });

  abuse("cannot read the user's store or files outside the run folder", async () => {
    // A HOME like the user's, outside the run folder: the store where engram keeps it, and a private file.
    const home = tempDir('engram-abuse-home-');
    mkdirSync(join(home, '.local', 'share', 'engram'), { recursive: true });
    const store = join(home, '.local', 'share', 'engram', 'engram.db');
    writeFileSync(store, 'SQLite format 3\0 the answers of years');
    writeFileSync(join(home, '.netrc'), 'machine example.com password hunter2');
    const code = `cat '${store}' '${home}/.netrc' 2>&1; ls -A '${home}' 2>&1; cp '${store}' . 2>&1; ls -A; cat /etc/shadow > /dev/null 2>&1 || echo "no shadow"`;
    const r = await runSnippet({ language: 'bash', code });
    expect(r.stdout).not.toContain('hunter2');
    expect(r.stdout).not.toContain('answers of years');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.includes('No such file or directory'))).toHaveLength(4);
    expect(lines.slice(-2)).toEqual(['main.sh', 'no shadow']);
  });

  abuse('cannot kill its parent, engram, or any process outside', async () => {
    const bystander = spawn('sleep', ['30.5151'], { stdio: 'ignore' });
    try {
      const code = `kill -9 $PPID 2>&1; kill -9 1 2>&1; kill -9 ${process.pid} 2>&1; kill -9 ${bystander.pid} 2>&1; kill -9 -1 2>&1; echo "still here"`;
      const r = await runSnippet({ language: 'bash', code });
      // Inside its own pid namespace the host's processes are not there to be signalled.
      expect(r.stdout).toContain(`kill: (${process.pid}) - No such process`);
      expect(r.stdout).toContain(`kill: (${bystander.pid}) - No such process`);
      expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('still here');
      expect(r).toMatchObject({ reason: null, exit: 0 });
      expect(bystander.exitCode).toBeNull();
      expect(() => process.kill(bystander.pid!, 0)).not.toThrow();
    } finally {
      bystander.kill('SIGKILL');
    }
  });

  abuse('leaves no process behind: background, setsid, nohup and double-forked sleepers die with the run', async () => {
    const code = [
      'sleep 30.6161 &',
      'setsid sleep 30.6262 &',
      'nohup sleep 30.6363 > /dev/null 2>&1 &',
      '( sleep 30.6464 & )',
      'disown -a',
      'echo started',
    ].join('\n');
    const r = await runSnippet({ language: 'bash', code });
    expect(r).toMatchObject({ reason: null, exit: 0, stdout: 'started\n' });
    expect(await processesMarked('sleep 30.6')).toEqual([]);
  });

  abuse('cannot write beside its run folder, mount over the system or gain privileges', async () => {
    const mark = `engram-escaped-${process.pid}`;
    const code = [
      `echo x > ../${mark} && echo "wrote ../${mark}"`,
      `echo x > "$TMPDIR/../${mark}" 2>/dev/null`,
      'mount -t tmpfs none /usr > /dev/null 2>&1 || echo "mount denied"',
      'unshare --mount true > /dev/null 2>&1 || echo "unshare denied"',
      'id -u',
    ].join('\n');
    const r = await runSnippet({ language: 'bash', code });
    const [wrote, ...rest] = r.stdout.trimEnd().split('\n');
    // The folder above the run is the sandbox's own /tmp, thrown away with it.
    expect(wrote).toBe(`wrote ../${mark}`);
    expect(existsSync(join(tmpdir(), mark))).toBe(false);
    expect(rest.slice(0, 2)).toEqual(['mount denied', 'unshare denied']);
    expect(Number(rest[2])).not.toBe(0);
  });

  abuse('runs with a stripped environment in a fresh folder that is removed afterwards', async () => {
    process.env['ENGRAM_SECRET_FOR_TEST'] = 'leak';
    const r = await runSnippet({ language: 'bash', code: 'env | sort | cut -d= -f1 | tr "\\n" " "; echo; pwd; ls -A' });
    delete process.env['ENGRAM_SECRET_FOR_TEST'];
    const [names, cwd, files] = r.stdout.split('\n');
    expect(names!.trim().split(' ').filter((n) => !['PWD', 'SHLVL', '_', 'OLDPWD'].includes(n))).toEqual(['HOME', 'LANG', 'PATH', 'TERM', 'TMPDIR']);
    expect(files).toBe('main.sh');
    expect(() => execFileSync('ls', [cwd!], { stdio: 'ignore' })).toThrow();
  });
});
