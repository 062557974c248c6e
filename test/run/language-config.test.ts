import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig, writeConfig } from '../../src/app/settings/config-file.js';
import { EngramError } from '../../src/model/engram-error.js';
import { defaultRegistry, registryWithOverrides, runSnippet } from '../../src/run/run-snippet.js';
import { findLanguage } from '../../src/run/language-registry.js';
import { tempDir } from '../helpers/temp-dir.js';

function configWith(value: unknown): string {
  const path = join(tempDir(), 'engram', 'config.json');
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, JSON.stringify(value));
  return path;
}

describe('"languages" in the config file', () => {
  it('adds and changes languages, and a run uses them (inside the sandbox)', async () => {
    const path = configWith({
      retention: 0.85,
      languages: {
        Shout: { aliases: ['loud'], file: 'words.txt', run: ['tr', 'a-z', 'A-Z'] },
        upper: { file: 'in.txt', run: ['cat', '{file}'] },
        Py: { run: ['python3', '-I', '-u', '-O', '{file}'] },
        c: { compile: ['gcc', '-O0', '-o', '{out}', '{file}'] },
      },
    });
    const file = readConfig(path);
    expect(file.settings).toEqual({ retention: 0.85 });
    expect(Object.keys(file.languages ?? {})).toEqual(['shout', 'upper', 'py', 'c']);
    const registry = registryWithOverrides(defaultRegistry(), file.languages ?? {});
    expect(findLanguage(registry, 'loud')?.name).toBe('shout');
    expect(findLanguage(registry, 'python')?.run).toEqual(['python3', '-I', '-u', '-O', '{file}']);
    expect(findLanguage(registry, 'c')?.compile).toEqual(['gcc', '-O0', '-o', '{out}', '{file}']);
    const r = await runSnippet({ language: 'upper', code: 'hello from a user language' }, { registry });
    expect(r).toMatchObject({ language: 'upper', stdout: 'hello from a user language\n', exit: 0, sandbox: 'bubblewrap' });
    const py = await runSnippet({ language: 'python', code: 'assert False\nprint("asserts off")' }, { registry });
    expect(py.stdout).toBe('asserts off\n');
  });

  it('drops a compile step with null and keeps languages when the file is written back', () => {
    const path = configWith({ languages: { go: { compile: null, run: ['go', 'run', '{file}'] } } });
    const file = readConfig(path);
    const go = findLanguage(registryWithOverrides(defaultRegistry(), file.languages ?? {}), 'golang');
    expect(go?.compile).toBeUndefined();
    expect(go?.run).toEqual(['go', 'run', '{file}']);
    writeConfig(path, file);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ languages: { go: { compile: null, run: ['go', 'run', '{file}'] } } });
  });

  it.each([
    [{ ruby: { file: 'main.rb', run: 'ruby main.rb' } }, '"languages.ruby.run" must be an argv array of non-empty strings'],
    [{ ruby: { file: 'main.rb', run: [] } }, '"languages.ruby.run" must be an argv array'],
    [{ ruby: { run: ['ruby', '{file}'] } }, '"languages.ruby" is not a built-in language, so it needs "file" and "run"'],
    [{ ruby: { file: '../main.rb', run: ['ruby'] } }, '"languages.ruby.file" must be a plain file name'],
    [{ python: { command: ['python3'] } }, '"languages.python.command" is not a language field (fields: aliases, file, compile, run, env)'],
    [{ python: { env: { 'BAD NAME': 'x' } } }, '"languages.python.env.BAD NAME" must be a string'],
    [{ python: { aliases: 'py3' } }, '"languages.python.aliases" must be a list of language names'],
    [{ 'my lang': { file: 'a', run: ['a'] } }, '"languages.my lang" a language name is letters'],
    [['python'], '"languages" must be an object'],
  ])('refuses %j, naming the file and the key', (languages, why) => {
    const path = configWith({ languages });
    let error: unknown;
    try {
      readConfig(path);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(EngramError);
    expect((error as Error).message).toContain(`the settings file ${path} is wrong: ${why}`);
  });
});
