import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSnippet } from '../../src/run/run-snippet.js';
import { sandboxProbe } from '../../src/run/sandbox.js';
import { toolchainReport } from '../../src/run/toolchain-report.js';
import { findOnPath, placeTool } from '../../src/run/toolchain.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A folder holding an executable `name`. */
function binWith(name: string): string {
  const bin = tempDir();
  writeFileSync(join(bin, name), '#!/bin/sh\necho hi\n');
  chmodSync(join(bin, name), 0o755);
  return bin;
}

describe('tools are looked for on the PATH given, never on the process environment', () => {
  it('findOnPath searches only the folders given, skipping relative ones', () => {
    const bin = binWith('engram-tool');
    expect(findOnPath('engram-tool', `relative/bin:${bin}`)).toBe(join(bin, 'engram-tool'));
    expect(findOnPath('engram-tool', '')).toBeNull();
    expect(findOnPath('engram-tool', 'relative/bin')).toBeNull();
  });

  it('placeTool never binds the home folder it is given as a whole', () => {
    // Not on disk: the path is taken as it is.
    expect(placeTool('node', '/opt/node/bin/node', '')).toEqual({ command: 'node', path: '/opt/node/bin/node', prefix: '/opt/node' });
    expect(placeTool('node', '/opt/node/bin/node', '/opt/node')).toEqual({ command: 'node', path: '/opt/node/bin/node', prefix: '/opt/node/bin' });
    expect(placeTool('python3', '/usr/bin/python3', '/home/u')).toEqual({ command: 'python3', path: '/usr/bin/python3', prefix: null });
  });

  it('an empty PATH finds no sandbox and no toolchain; a run says what is missing', async () => {
    const nothing = { path: '', home: '' };
    expect(sandboxProbe(nothing)).toEqual({ level: 'none', why: 'neither bubblewrap nor prlimit (util-linux) is installed' });
    const bash = (await toolchainReport(undefined, nothing))[0]!;
    expect(bash).toEqual({ language: 'bash', aliases: ['sh', 'shell'], tools: [{ command: 'bash', path: null, version: null }], ready: false });
    const r = await runSnippet({ language: 'bash', code: 'echo hi' }, { toolEnv: nothing });
    expect(r).toMatchObject({ reason: 'no-toolchain', sandbox: 'none', message: 'cannot run bash: bash is not installed (not found on PATH)' });
  });

  it('a tool on the PATH given is found and run', async () => {
    const bin = binWith('engram-echo');
    const registry = { languages: [{ name: 'echo', aliases: [], file: 'main.txt', run: ['engram-echo', '{file}'] }] };
    const found = await toolchainReport(registry, { path: bin, home: '' });
    expect(found).toEqual([{ language: 'echo', aliases: [], tools: [{ command: 'engram-echo', path: join(bin, 'engram-echo'), version: 'hi' }], ready: true }]);
  });
});
