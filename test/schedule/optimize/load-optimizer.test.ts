import { describe, expect, it } from 'vitest';
import { loadOptimizer, NATIVE_PACKAGE } from '../../../src/schedule/optimize/fsrs-optimizer.js';

const where = `${process.platform}-${process.arch}`;
const MISSING = '@open-spaced-repetition/no-such-binding';

describe('loadOptimizer', () => {
  it('takes the native optimizer where it is installed (linux-x64, as CI)', async () => {
    const load = await loadOptimizer('auto', NATIVE_PACKAGE);
    expect(load.ok && [load.backend, load.description]).toEqual(['native', `native (${where})`]);
  });

  it('falls back to WebAssembly where no native build is published, and says so', async () => {
    const load = await loadOptimizer('auto', null);
    expect(load.ok && [load.backend, load.description]).toEqual(['wasm', `WebAssembly (no native build for ${where})`]);
  });

  it('falls back to WebAssembly when the native build is missing or does not load, and says why', async () => {
    const load = await loadOptimizer('auto', MISSING);
    expect(load.ok && load.backend).toBe('wasm');
    expect(load.ok && load.description).toMatch(new RegExp(`^WebAssembly \\(the native build \\(${MISSING}\\) cannot load on ${where}: Cannot find module`));
  });

  it('uses WebAssembly when the setting says wasm, even with the native build installed', async () => {
    const load = await loadOptimizer('wasm', NATIVE_PACKAGE);
    expect(load.ok && [load.backend, load.description]).toEqual(['wasm', 'WebAssembly (the optimizer setting is wasm)']);
  });

  it('refuses, saying why, when the setting says native and there is none', async () => {
    const load = await loadOptimizer('native', null);
    expect(!load.ok && load.reason).toBe(
      `the FSRS optimizer cannot run natively: no native build for ${where} (the optimizer setting is native; "engram config set optimizer auto" uses the WebAssembly build)`,
    );
  });
});
