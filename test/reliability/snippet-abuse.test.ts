import { execFileSync } from 'node:child_process';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSnippet, sandboxLevel } from '../../src/run/run-snippet.js';

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
  it('stops an endless loop at the time limit, killing its process group', async () => {
    const r = await runSnippet({ language: 'bash', code: 'sleep 30 &\nwhile :; do :; done' }, { limits: { runMs: 1000 } });
    expect(r).toMatchObject({ reason: 'timeout', phase: 'run', exit: null, signal: 'SIGKILL', message: 'stopped after 1 s (time limit)' });
    expect(r.ms).toBeLessThan(4000);
  });

  it('stops an endless loop without the sandbox too, with the children it started', async () => {
    const code = 'require("node:child_process").spawn("sleep", ["30.4343"], { stdio: "ignore" });\nwhile (true) {}';
    const r = await runSnippet({ language: 'js', code }, { limits: { runMs: 1000 }, sandbox: 'off' });
    expect(r).toMatchObject({ reason: 'timeout', sandbox: 'none', message: 'stopped after 1 s (time limit)' });
    expect(await processesMarked('sleep 30.4343')).toEqual([]);
  });

  it('cuts a 100 MB flood at the output cap', async () => {
    const code = 'import sys\nchunk = b"x" * (1 << 20)\nfor _ in range(100):\n    sys.stdout.buffer.write(chunk)\nprint("never")';
    const r = await runSnippet({ language: 'python', code });
    expect(r).toMatchObject({ reason: 'output-cap', truncated: true, signal: 'SIGKILL', message: 'stopped after 64 KiB of output (output limit)' });
    expect(r.stdout.length + r.stderr.length).toBe(64 * 1024);
    expect(r.ms).toBeLessThan(4000);
  });

  it('counts stdout and stderr together against a smaller cap, never cutting a character', async () => {
    const r = await runSnippet({ language: 'bash', code: 'for i in $(seq 200); do echo "é€"; echo "err" >&2; done' }, { limits: { outputBytes: 1000 } });
    expect(r.reason).toBe('output-cap');
    expect(Buffer.byteLength(r.stdout) + Buffer.byteLength(r.stderr)).toBeLessThanOrEqual(1000);
    expect(r.stdout).not.toContain('\uFFFD');
  });

  it('cancels on abort, killing the run', async () => {
    const abort = new AbortController();
    const seen: string[] = [];
    const running = runSnippet(
      { language: 'python', code: 'import time\nwhile True:\n    print("tick", flush=True)\n    time.sleep(0.05)' },
      { hooks: { signal: abort.signal, onOutput: (_s, text) => { seen.push(text); abort.abort(); } } },
    );
    const r = await running;
    expect(seen.length).toBeGreaterThan(0);
    expect(r).toMatchObject({ reason: 'cancelled', message: 'cancelled', exit: null, signal: 'SIGKILL' });
    expect(r.stdout.startsWith('tick\n')).toBe(true);
    expect((await runSnippet({ language: 'bash', code: 'echo no' }, { hooks: { signal: AbortSignal.abort() } })).reason).toBe('cancelled');
  });

  it('stops compiling at the compile limit', async () => {
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

  it('stops a fork bomb at the process cap', async () => {
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

  it('contains a classic shell fork bomb until the time limit', async () => {
    // Forked shells keep their parent's command line: the marker names every process of the bomb.
    const code = "exec -a engram-bomb-4242 bash -c 'bomb() { bomb | bomb & }; bomb; while :; do sleep 1; done'";
    const r = await runSnippet({ language: 'bash', code }, { limits: { processes: 40, runMs: 1500 } });
    expect(r.reason).toBe('timeout');
    expect(r.stderr).toContain('Resource temporarily unavailable');
    expect(await processesMarked('engram-bomb-4242')).toEqual([]);
  });

  it('denies writes outside the run folder and hides the host files', async () => {
    const code = 'echo x > /etc/engram-test; echo x > /root/engram-test; echo x > /usr/engram-test; echo x > "$HOME/ok" && echo "home writable"; ls /work /root/.ssh 2>&1 | wc -l';
    const r = await runSnippet({ language: 'bash', code });
    expect(r.stderr).toContain('/etc/engram-test: Read-only file system');
    expect(r.stderr).toMatch(/\/root\/engram-test: (No such file or directory|Permission denied|Read-only file system)/);
    expect(r.stderr).toContain('/usr/engram-test: Read-only file system');
    expect(r.stdout).toBe('home writable\n2\n');
  });

  it('has no network: neither the host nor the internet', async () => {
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

  it('runs with a stripped environment in a fresh folder that is removed afterwards', async () => {
    process.env['ENGRAM_SECRET_FOR_TEST'] = 'leak';
    const r = await runSnippet({ language: 'bash', code: 'env | sort | cut -d= -f1 | tr "\\n" " "; echo; pwd; ls -A' });
    delete process.env['ENGRAM_SECRET_FOR_TEST'];
    const [names, cwd, files] = r.stdout.split('\n');
    expect(names!.trim().split(' ').filter((n) => !['PWD', 'SHLVL', '_', 'OLDPWD'].includes(n))).toEqual(['HOME', 'LANG', 'PATH', 'TERM', 'TMPDIR']);
    expect(files).toBe('main.sh');
    expect(() => execFileSync('ls', [cwd!], { stdio: 'ignore' })).toThrow();
  });
});
