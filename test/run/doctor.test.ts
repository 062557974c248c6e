import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findOnPath } from '../../src/run/toolchain.js';
import { describe, expect, it } from 'vitest';
import type { LanguageStatus } from '../../src/run/toolchain-report.js';
import { runEngram } from '../helpers/run-engram.js';
import { tempDir } from '../helpers/temp-dir.js';

interface DoctorJson {
  sandbox: { level: string; why: string | null };
  languages: LanguageStatus[];
  limits: Record<string, number>;
  config: { path: string; languages: Record<string, unknown> };
}

function doctor(args: string[], config?: unknown, env?: Record<string, string>) {
  const home = tempDir();
  if (config) {
    mkdirSync(join(home, '.config', 'engram'), { recursive: true });
    writeFileSync(join(home, '.config', 'engram', 'config.json'), JSON.stringify(config));
  }
  return runEngram(['doctor', ...args], { cwd: home, home, ...(env ? { env } : {}) });
}

describe.concurrent('engram doctor', () => {
  it('reports the sandbox, every toolchain and the limits as JSON', () => {
    const r = doctor(['--json'], { languages: { ruby: { file: 'main.rb', run: ['engram-no-such-ruby', '{file}'] } } });
    expect(r.status).toBe(0);
    const data = JSON.parse(r.stdout) as DoctorJson;
    expect(data.sandbox).toEqual({ level: 'bubblewrap', why: null });
    expect(data.languages.map((l) => [l.language, l.ready])).toEqual([
      ['bash', true], ['python', true], ['js', true], ['ts', true], ['c', true], ['go', true], ['java', true], ['ruby', false],
    ]);
    const java = data.languages.find((l) => l.language === 'java')!;
    expect(java.tools.map((t) => t.command)).toEqual(['javac', 'java']);
    expect(java.tools[0]!.version).toMatch(/^javac \d+/);
    expect(data.languages.at(-1)!.tools).toEqual([{ command: 'engram-no-such-ruby', path: null, version: null }]);
    expect(data.limits).toMatchObject({ runMs: 5000, compileMs: 15000, outputBytes: 65536 });
    // The optimizer's native package is installed on linux-x64 (CI and these machines).
    expect((data as unknown as { optimizer: unknown }).optimizer).toEqual({ available: true, backend: 'native', description: 'native (linux-x64)' });
  });

  it('prints a readable report, saying what is not found', () => {
    const r = doctor([], { languages: { ruby: { file: 'main.rb', run: ['engram-no-such-ruby', '{file}'] } } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Sandbox: bubblewrap \(no network, read-only system/m);
    expect(r.stdout).toMatch(/^ {2}python +py, python3 +python3 +\/\S+ +Python 3\./m);
    expect(r.stdout).toMatch(/^ {2}ruby +engram-no-such-ruby +not found$/m);
    expect(r.stdout).toContain('Limits: run 5 s, compile 15 s, output 64 KiB');
    expect(r.stdout).toMatch(/Languages changed in .*config\.json: ruby/);
    expect(r.stdout).toContain('\nFSRS optimizer: native (linux-x64); engram optimize fits parameters to your reviews.\n');
  });

  it('says the WebAssembly optimizer is in use when the optimizer setting asks for it', () => {
    const r = doctor([], { optimizer: 'wasm' });
    expect(r.stdout).toContain('\nFSRS optimizer: WebAssembly (the optimizer setting is wasm); engram optimize fits parameters to your reviews.\n');
  });

  it('falls back to prlimit and says why when bubblewrap is missing', () => {
    // A PATH holding bash and prlimit but no bwrap.
    const bin = tempDir();
    for (const tool of ['bash', 'prlimit']) symlinkSync(findOnPath(tool, process.env['PATH'] ?? '')!, join(bin, tool));
    const r = doctor(['--json'], undefined, { PATH: bin });
    expect((JSON.parse(r.stdout) as DoctorJson).sandbox).toEqual({ level: 'prlimit', why: 'bubblewrap (bwrap) is not installed' });
    const text = doctor([], undefined, { PATH: bin });
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Sandbox: prlimit caps only: code runs unsandboxed, with your files and network\n  why: bubblewrap (bwrap) is not installed\n');
    expect(text.stdout).toMatch(/^ {2}go +golang +go +not found$/m);
  });
});
