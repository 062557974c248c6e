import { createRequire } from 'node:module';
import type { Problem } from '../model/problem.js';
import { looksLikeToml, readToml } from './toml-frontmatter.js';

/** YAML frontmatter of a file and where its body starts. */
export interface Frontmatter {
  data: Record<string, unknown>;
  /** 0-based index of the first line after the frontmatter (0 when there is none). */
  bodyStart: number;
  problems: Problem[];
}

type Matter = (input: string, options: object) => { data: unknown };
let matter: Matter | undefined;
/** gray-matter (with js-yaml) costs ~20 ms to load; only files with frontmatter pay it. */
function loadMatter(): Matter {
  matter ??= createRequire(import.meta.url)('gray-matter') as Matter;
  return matter;
}

/** Lines that mean the block between two `---` is cards, not YAML (`a:: b` is valid YAML too). */
const CARD_LINE_RE = /^(?:[QAC]:(?:\s|$)|:p(?:\s|$)|\?\?x\s*$|x\?\?\s*$|\?\??\s*$)|::/;

/** A first line that starts frontmatter: a YAML `key:` or a TOML `key =`. */
const KEY_LINE_RE = /^[A-Za-z_][\w-]*(?:[ \t]*=|:(?:[ \t]|$))/;

/**
 * Reads frontmatter between a first line `---` and the next `---` or `...`:
 * YAML, or TOML as hashcards writes it (`name = "Medicine"`, whose `name` names
 * the deck, read into `deck`). A block that holds card markers is a card
 * between two rules, not frontmatter. Broken YAML or TOML, and frontmatter
 * never closed, are warnings; the body is still read. Never throws.
 */
export function readFrontmatter(lines: readonly string[]): Frontmatter {
  const none: Frontmatter = { data: {}, bodyStart: 0, problems: [] };
  if (lines.length < 2 || lines[0]!.trimEnd() !== '---') return none;
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i]!.trimEnd();
    if (l === '---' || l === '...') {
      close = i;
      break;
    }
    if (CARD_LINE_RE.test(l)) return { ...none, problems: unclosed(lines, i) };
  }
  if (close < 0) return { ...none, problems: unclosed(lines, lines.length) };
  const block = lines.slice(1, close);
  if (looksLikeToml(block)) return tomlFrontmatter(block, close);
  const yaml = block.join('\n');
  try {
    // Passing options keeps gray-matter from caching every file's text in memory.
    const parsed = loadMatter()(`---\n${yaml}\n---\n`, {});
    const data = parsed.data as unknown;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return none;
    return { data: data as Record<string, unknown>, bodyStart: close + 1, problems: [] };
  } catch (err) {
    const e = err as { reason?: string; mark?: { line?: number }; message?: string };
    const yamlLine = typeof e.mark?.line === 'number' ? e.mark.line : 0;
    const reason = e.reason ?? String(e.message ?? err).split('\n')[0];
    return {
      data: {},
      bodyStart: close + 1,
      problems: [
        {
          // js-yaml counts from the newline after the opening ---, which is file line 1.
          line: Math.min(yamlLine + 1, close + 1),
          severity: 'warning',
          message: `has broken YAML frontmatter (${reason}); it was ignored and the cards below were read.`,
          fix: `Fix the YAML between lines 1 and ${close + 1}.`,
        },
      ],
    };
  }
}

/** TOML frontmatter in lines 2..close: its values, `name` as the deck; a warning when a line is no TOML. */
function tomlFrontmatter(block: readonly string[], close: number): Frontmatter {
  const read = readToml(block, 2);
  if (!read.ok) {
    return {
      data: {},
      bodyStart: close + 1,
      problems: [
        {
          line: read.line,
          severity: 'warning',
          message: `has TOML frontmatter engram cannot read (${read.reason}); it was ignored and the cards below were read.`,
          fix: `Fix the TOML between lines 1 and ${close + 1}.`,
        },
      ],
    };
  }
  const data = read.data;
  if (typeof data['name'] === 'string' && data['deck'] === undefined) data['deck'] = data['name'];
  return { data, bodyStart: close + 1, problems: [] };
}

/**
 * The warning for a first line `---` followed by frontmatter keys that no
 * `---` closes before `stop` (the first card line, or the end of the file):
 * the block was read as text, so the deck or tags it names were not used.
 */
function unclosed(lines: readonly string[], stop: number): Problem[] {
  if (!KEY_LINE_RE.test(lines[1]!)) return [];
  let last = 1;
  while (last + 1 < stop && lines[last + 1]!.trim() !== '') last++;
  const where = stop < lines.length ? `before the card at line ${stop + 1}` : 'anywhere below it';
  return [
    {
      line: 1,
      severity: 'warning',
      message: `opens frontmatter with --- but no line --- closes it ${where}; it was read as text, so the deck or tags it names were not used.`,
      fix: `Add a line --- after line ${last + 1}, where the frontmatter ends.`,
    },
  ];
}
