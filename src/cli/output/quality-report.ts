import type { QualityFinding, QualitySummary } from '../../app/import/check-quality.js';
import { formatProblem } from '../../model/problem.js';
import { plainTextOf } from '../../parse/plain-text.js';
import { QUALITY_RULES } from '../../quality/finding.js';
import { sanitizeText } from '../../tui/markdown/sanitize-text.js';
import { displayPath } from './display-path.js';
import { plural } from './plural.js';

/** Characters of a card's front shown beside its finding: enough to recognise it. */
const FRONT_CHARS = 70;

/** A card's front on one line, cut to FRONT_CHARS (a cloze's gaps stay `[...]`). */
export function shortFront(front: string): string {
  const one = plainTextOf(front).replace(/\s+/g, ' ').trim();
  return one.length <= FRONT_CHARS ? one : `${one.slice(0, FRONT_CHARS - 1)}…`;
}

/** What a finding says is wrong; a duplicate's names the card it repeats. */
function messageOf(f: QualityFinding): string {
  const d = f.duplicateOf;
  if (!d) return f.message;
  const where = `${displayPath(d.path)}:${d.line}`;
  return d.exact ? `asks the same as ${where}` : `asks nearly the same as ${where} (${Math.round(d.similarity * 100)}% of its word pairs shared)`;
}

/**
 * Writes what `engram check --quality` found: per finding a line
 * `file:line: rule: "front"` (so editors can jump to it) and under it what is
 * wrong and what to do; then the totals, and the findings per rule. The
 * errors that kept a file from being read whole (a path that does not exist,
 * bytes that are not text) are said first.
 */
export function printQualityReport(stream: NodeJS.WritableStream, summary: QualitySummary): void {
  for (const e of summary.errors) stream.write(sanitizeText(`${formatProblem({ ...e, path: displayPath(e.path) })}\n`));
  for (const f of summary.findings) {
    const from = f.derived ? ' (from notes)' : '';
    stream.write(sanitizeText(`${displayPath(f.path)}:${f.line}: ${f.rule}: "${shortFront(f.front)}"${from}\n    ${messageOf(f)}. ${f.fix}.\n`));
  }
  const cardsWith = new Set(summary.findings.map((f) => `${f.path}\n${f.line}\n${f.front}`)).size;
  const found = summary.findings.length === 0 ? 'no findings' : `${plural(summary.findings.length, 'finding')} on ${plural(cardsWith, 'card')}`;
  // A path that does not exist was said above; the others are files whose cards may be missing from the check.
  const inFiles = summary.errors.filter((e) => !summary.missing.includes(e.path)).length;
  const unread = inFiles === 0 ? '' : `; ${plural(inFiles, 'error')} kept files from being read whole (engram check lists their problems)`;
  stream.write(`Checked ${plural(summary.files.length, 'file')}: ${plural(summary.cards, 'card')}, ${found}${unread}.\n`);
  const width = Math.max(...QUALITY_RULES.map((r) => r.length));
  for (const rule of QUALITY_RULES) {
    if (summary.byRule[rule] > 0) stream.write(`  ${rule.padEnd(width)}  ${summary.byRule[rule]}\n`);
  }
}

/** `engram check --quality --json`: the files, the paths that do not exist, every finding, the totals per rule. */
export function qualityJson(summary: QualitySummary): string {
  const findings = summary.findings.map((f) => ({
    path: displayPath(f.path),
    line: f.line,
    front: f.front,
    kind: f.kind,
    derived: f.derived,
    rule: f.rule,
    message: messageOf(f),
    fix: f.fix,
    ...(f.duplicateOf ? { duplicateOf: { path: displayPath(f.duplicateOf.path), line: f.duplicateOf.line, similarity: f.duplicateOf.similarity, exact: f.duplicateOf.exact } } : {}),
  }));
  const files = summary.files.map((f) => ({ path: displayPath(f.path), cards: f.cards }));
  const errors = summary.errors.map((e) => ({ path: displayPath(e.path), line: e.line, message: e.message, fix: e.fix }));
  return JSON.stringify({ files, missing: summary.missing.map((p) => displayPath(p)), errors, cards: summary.cards, findings, byRule: summary.byRule }, null, 2);
}
