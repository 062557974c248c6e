/**
 * TypeScript turned into JavaScript, or the first syntax error
 * (`main.ts:3:7: Expected ";" but found "x"`); `missing` when esbuild itself is not installed.
 */
export type Transpiled = { ok: true; code: string } | { ok: false; error: string; missing?: boolean };

/**
 * Strips a TypeScript snippet's types in-process with esbuild (no type
 * checking: a card's snippet should run the way it reads). esbuild is loaded
 * on first use only, so starting engram does not pay for it.
 */
export async function transpileTypeScript(code: string, fileName: string): Promise<Transpiled> {
  let transformSync: typeof import('esbuild').transformSync;
  try {
    ({ transformSync } = await import('esbuild'));
  } catch {
    return { ok: false, error: 'esbuild is not installed (reinstall engram: npm install)', missing: true };
  }
  try {
    const out = transformSync(code, { loader: 'ts', target: 'node20', sourcefile: fileName, logLevel: 'silent' });
    return { ok: true, code: out.code };
  } catch (err) {
    const first = (err as { errors?: { text: string; location?: { line: number; column: number } | null }[] }).errors?.[0];
    if (!first) return { ok: false, error: (err as Error).message.split('\n')[0] ?? 'esbuild failed' };
    const where = first.location ? `${fileName}:${first.location.line}:${first.location.column + 1}: ` : '';
    return { ok: false, error: `${where}${first.text}` };
  }
}
