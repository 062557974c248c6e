import { javaCompilerOutput } from './java-compiler-output.js';
import { planJavaSources } from './java-sources.js';
import { isModuleSource } from './js-module.js';
import type { LanguageEntry } from './run-types.js';
import { transpileTypeScript } from './transpile-typescript.js';

/** The files of one run and the values of the `{file}`, `{files}` and `{class}` placeholders. */
export interface PreparedSource {
  files: { name: string; text: string }[];
  /** The file `{file}` names: the one holding the entry point. */
  file: string;
  /** Java's main class, '' for other languages. */
  mainClass: string;
  /**
   * A failed compile's output told in terms of the user's block (Java: its
   * lines, never the wrapper's text); absent when the compiler's own words
   * already are.
   */
  compilerOutput?: (output: string) => string;
}

/** Why a snippet cannot run, found before anything started; `phase` is 'compile' for transpile errors. */
export interface NotRunnable {
  message: string;
  phase: 'prepare' | 'compile';
  reason: 'not-runnable' | 'no-toolchain';
}

/**
 * Turns a snippet into the files to write for `entry`: as written for most
 * languages; Java's main class found and its files laid out (wrapped when it
 * is bare statements); JavaScript named `.mjs` or `.cjs` by its module syntax;
 * TypeScript transpiled first.
 */
export async function prepareSource(entry: LanguageEntry, code: string): Promise<PreparedSource | NotRunnable> {
  const text = code.endsWith('\n') ? code : `${code}\n`;
  if (entry.prepare === 'java') {
    const plan = planJavaSources(text);
    if (!plan.runnable) return { message: plan.message, phase: 'prepare', reason: 'not-runnable' };
    const mainFile = plan.files.find((f) => f.name === `${plan.mainClass.split('.').pop()}.java`) ?? plan.files[0]!;
    return { files: plan.files, file: mainFile.name, mainClass: plan.mainClass, compilerOutput: (output) => javaCompilerOutput(output, { ...plan, code: text }) };
  }
  if (entry.prepare === 'javascript') return script(entry, text);
  if (entry.prepare === 'typescript') {
    const js = await transpileTypeScript(text, `${stem(entry.file)}.ts`);
    if (!js.ok && js.missing) return { message: `cannot run ${entry.name}: ${js.error}`, phase: 'prepare', reason: 'no-toolchain' };
    if (!js.ok) return { message: `not runnable: ${js.error}`, phase: 'compile', reason: 'not-runnable' };
    return script(entry, js.code);
  }
  return { files: [{ name: entry.file, text }], file: entry.file, mainClass: '' };
}

function script(entry: LanguageEntry, text: string): PreparedSource {
  // .mjs/.cjs, never .js: a package.json above the run's folder must not decide how it runs.
  const name = `${stem(entry.file)}${isModuleSource(text) ? '.mjs' : '.cjs'}`;
  return { files: [{ name, text }], file: name, mainClass: '' };
}

function stem(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}
