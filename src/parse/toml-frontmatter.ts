/**
 * The little of TOML that frontmatter holds (hashcards' `name = "Medicine"`):
 * `key = value` lines with strings, numbers, booleans, dates and one-line
 * arrays, comments and blank lines, and `[table]` headers, whose keys are not
 * the file's own and are skipped.
 */

/** What a TOML frontmatter block gave: its top-level values, or the first line it could not read. */
export type TomlRead = { ok: true; data: Record<string, unknown> } | { ok: false; line: number; reason: string };

const KEY_RE = /^[ \t]*([A-Za-z0-9_-]+|"[^"\\]*"|'[^']*')[ \t]*=[ \t]*(.*?)[ \t]*$/;
const TABLE_RE = /^[ \t]*\[\[?[^\]]+\]\]?[ \t]*(?:#.*)?$/;
const NUMBER_RE = /^[+-]?(?:\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?|0x[0-9A-Fa-f_]+|0o[0-7_]+|0b[01_]+|inf|nan)$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?)?$|^\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/** Whether a frontmatter block reads as TOML rather than YAML: its first key line is `key = value`. */
export function looksLikeToml(lines: readonly string[]): boolean {
  for (const line of lines) {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    return KEY_RE.test(line) || TABLE_RE.test(line);
  }
  return false;
}

/** Reads the lines of a TOML frontmatter block; `firstLine` is the 1-based file line of `lines[0]`. */
export function readToml(lines: readonly string[], firstLine: number): TomlRead {
  const data: Record<string, unknown> = {};
  let inTable = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    if (TABLE_RE.test(line)) {
      inTable = true;
      continue;
    }
    const m = KEY_RE.exec(line);
    if (!m) return { ok: false, line: firstLine + i, reason: `"${t}" is not a line "key = value"` };
    const value = tomlValue(m[2]!);
    if (value === undefined) {
      return { ok: false, line: firstLine + i, reason: `the value of ${m[1]} is not TOML: text needs quotes, as in ${m[1]} = "${m[2]!.replace(/"/g, '')}"` };
    }
    if (!inTable) data[unquote(m[1]!)] = value;
  }
  return { ok: true, data };
}

/** A value as written after `=` (a trailing comment allowed), or undefined when it is none TOML knows. */
function tomlValue(raw: string): unknown {
  if (raw.startsWith('"')) {
    const end = closingQuote(raw);
    if (end < 0 || !restIsComment(raw.slice(end + 1))) return undefined;
    try {
      return JSON.parse(raw.slice(0, end + 1)) as string;
    } catch {
      return undefined;
    }
  }
  if (raw.startsWith("'")) {
    const end = raw.indexOf("'", 1);
    if (end < 0 || !restIsComment(raw.slice(end + 1))) return undefined;
    return raw.slice(1, end);
  }
  const value = raw.replace(/[ \t]+#.*$/, '');
  if (value === 'true' || value === 'false') return value === 'true';
  if (NUMBER_RE.test(value)) return Number(value.replace(/_/g, ''));
  if (DATE_RE.test(value)) return value;
  if (value.startsWith('[') && value.endsWith(']')) return value;
  if (value.startsWith('{') && value.endsWith('}')) return value;
  return undefined;
}

/** Index of the `"` that closes a basic string starting at 0, or -1. */
function closingQuote(raw: string): number {
  for (let i = 1; i < raw.length; i++) {
    if (raw[i] === '\\') i++;
    else if (raw[i] === '"') return i;
  }
  return -1;
}

function restIsComment(rest: string): boolean {
  const t = rest.trim();
  return t === '' || t.startsWith('#');
}

function unquote(key: string): string {
  return key.startsWith('"') || key.startsWith("'") ? key.slice(1, -1) : key;
}
