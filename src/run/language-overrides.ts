import { defaultRegistry, findLanguage } from './language-registry.js';
import type { LanguageEntry, LanguageOverride, LanguageRegistry } from './run-types.js';

/** A wrong value in the user's `"languages"` config: `key` is its path (`languages.ruby.run`). */
export interface LanguageConfigError {
  key: string;
  why: string;
}

const FIELDS = ['aliases', 'file', 'compile', 'run', 'env'] as const;
const LANGUAGE_NAME = /^[a-z0-9][a-z0-9+#._-]*$/;
const FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Checks the `"languages"` value of a config file: an object of language name ->
 * override, commands as argv arrays (a shell string is refused, so nothing is
 * ever run through a shell). Returns the overrides keyed by lower-case name,
 * or the first error found.
 */
export function checkLanguageOverrides(value: unknown): { overrides: Record<string, LanguageOverride> } | { error: LanguageConfigError } {
  if (!isObject(value)) return fail('languages', 'must be an object of language name -> { "run": [...], ... }');
  const overrides: Record<string, LanguageOverride> = {};
  const builtIn = defaultRegistry();
  for (const [rawName, raw] of Object.entries(value)) {
    const name = rawName.toLowerCase();
    const at = `languages.${rawName}`;
    if (!LANGUAGE_NAME.test(name)) return fail(at, 'a language name is letters, digits and + # . _ -');
    if (!isObject(raw)) return fail(at, 'must be an object with "run" (and optionally "file", "compile", "aliases", "env")');
    const o: LanguageOverride = {};
    for (const [field, v] of Object.entries(raw)) {
      const key = `${at}.${field}`;
      if (!(FIELDS as readonly string[]).includes(field)) return fail(key, `is not a language field (fields: ${FIELDS.join(', ')})`);
      if (field === 'run' || field === 'compile') {
        if (field === 'compile' && v === null) {
          o.compile = null;
          continue;
        }
        if (!isArgv(v)) return fail(key, `must be an argv array of non-empty strings, e.g. ["ruby", "{file}"], not a shell command`);
        o[field] = [...v];
      } else if (field === 'file') {
        if (typeof v !== 'string' || !FILE_NAME.test(v)) return fail(key, 'must be a plain file name such as "main.rb" (no folders)');
        o.file = v;
      } else if (field === 'aliases') {
        if (!Array.isArray(v) || !v.every((a) => typeof a === 'string' && LANGUAGE_NAME.test(a.toLowerCase()))) {
          return fail(key, 'must be a list of language names');
        }
        o.aliases = v.map((a: string) => a.toLowerCase());
      } else {
        if (!isObject(v)) return fail(key, 'must be an object of variable name -> string');
        for (const [n, s] of Object.entries(v)) {
          if (!ENV_NAME.test(n) || typeof s !== 'string') return fail(`${key}.${n}`, 'must be a string, under a variable name of letters, digits and _');
        }
        o.env = { ...(v as Record<string, string>) };
      }
    }
    if (!findLanguage(builtIn, name) && (!o.file || !o.run)) return fail(at, `is not a built-in language, so it needs "file" and "run"`);
    overrides[name] = o;
  }
  return { overrides };
}

/**
 * The registry with the user's overrides applied: an override named after an
 * existing language or alias changes that entry, any other adds a language.
 * A new alias is taken away from the entry that had it.
 */
export function registryWithOverrides(base: LanguageRegistry, overrides: Record<string, LanguageOverride>): LanguageRegistry {
  const languages = base.languages.map((l) => ({ ...l, aliases: [...l.aliases] }));
  for (const [name, o] of Object.entries(overrides)) {
    const existing = findLanguage({ languages }, name);
    const entry: LanguageEntry = existing ?? { name, aliases: [], file: o.file ?? '', run: o.run ?? [] };
    if (!existing) languages.push(entry);
    if (o.file) entry.file = o.file;
    if (o.run) {
      // `locate` asks the built-in interpreter for its real path; another tool may not understand it.
      if (entry.locate && o.run[0] !== entry.run[0]) delete entry.locate;
      entry.run = [...o.run];
    }
    if (o.compile === null) delete entry.compile;
    else if (o.compile) entry.compile = [...o.compile];
    if (o.env) entry.env = { ...entry.env, ...o.env };
    if (o.aliases) {
      for (const other of languages) other.aliases = other.aliases.filter((a) => !o.aliases!.includes(a));
      entry.aliases = [...new Set([...entry.aliases, ...o.aliases.filter((a) => a !== entry.name)])];
    }
  }
  return { languages };
}

function fail(key: string, why: string): { error: LanguageConfigError } {
  return { error: { key, why } };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isArgv(v: unknown): v is string[] {
  return Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string' && s.length > 0);
}
