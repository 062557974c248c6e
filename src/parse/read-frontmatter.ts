import { createRequire } from 'node:module';
import type { Problem } from '../model/problem.js';

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

/**
 * Reads YAML frontmatter between a first line `---` and the next `---` or `...`.
 * A block that holds card markers is a card between two rules, not frontmatter.
 * Broken YAML is a warning; the body after the block is still read. Never throws.
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
    if (CARD_LINE_RE.test(l)) return none;
  }
  if (close < 0) return none;
  const yaml = lines.slice(1, close).join('\n');
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
