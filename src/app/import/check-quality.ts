import { checkPaths } from '../../library/check-paths.js';
import { isDerivedSyntax, type ParsedCard } from '../../model/card.js';
import { EngramError } from '../../model/engram-error.js';
import type { ParseMode } from '../../model/parse-mode.js';
import type { FileProblem } from '../../model/problem.js';
import { cardFindings } from '../../quality/card-findings.js';
import { QUALITY_RULES, type QualityRule } from '../../quality/finding.js';
import { nearDuplicates } from '../../quality/near-duplicates.js';

/** Where a card is: its file (as the user gave it) and first line. */
export interface CardPlace {
  path: string;
  line: number;
}

/** One rule one card breaks. */
export interface QualityFinding extends CardPlace {
  /** The card's question side, markdown (a cloze's gaps as `**[...]**`). */
  front: string;
  kind: ParsedCard['kind'];
  /** Derived from notes rather than written as a card. */
  derived: boolean;
  rule: QualityRule;
  /** What is wrong, one line; for 'duplicate', empty: the output words it from `duplicateOf`. */
  message: string;
  fix: string;
  /** For 'duplicate': the card this one repeats (earlier in path and line order), and how alike they are (0..1). */
  duplicateOf?: CardPlace & { similarity: number; exact: boolean };
}

/** What `engram check --quality` found, in all. */
export interface QualitySummary {
  /** Files read (paths that do not exist left out), in path order, with their cards checked. */
  files: { path: string; cards: number }[];
  cards: number;
  /** In path, line and rule order. */
  findings: QualityFinding[];
  /** Findings per rule, every rule listed. */
  byRule: Record<QualityRule, number>;
  /** Paths given that do not exist, as given. */
  missing: string[];
  /**
   * The errors that kept a file from being read whole (a path that does not
   * exist, bytes that are not text, a card left unfinished): its cards may be
   * missing from the check, so a clean report would mislead.
   */
  errors: FileProblem[];
  /** None of the paths given exists. */
  nothingFound: boolean;
}

/** Which cards to check: all, only the ones written as cards, or only the ones derived from notes. */
export type CardOrigin = 'cards' | 'notes';

/**
 * Parses the given files and folders as an import would (in `o.mode`,
 * default auto: written cards, or cards derived from notes) and checks every
 * card against the rules of a good card (src/quality/), and all of them
 * together for duplicates, across files. Writes nothing anywhere.
 * @throws EngramError 'notFound' when the paths hold no card file
 */
export function checkQuality(
  paths: readonly string[],
  o: { cwd: string; mode?: ParseMode; from?: CardOrigin; progress?: (done: number, total: number) => void },
): QualitySummary {
  const reports = checkPaths(paths, o.cwd, o.progress, o.mode);
  if (reports.length === 0) throw new EngramError('notFound', `no card files (.md, .markdown, .txt) found in ${paths.join(', ')}.`);
  const wanted = (c: ParsedCard) => o.from === undefined || isDerivedSyntax(c.syntax) === (o.from === 'notes');
  const files = reports.filter((r) => !r.missing).map((r) => ({ path: r.path, cards: r.parsed.filter(wanted) }));
  const all = files.flatMap((f) => f.cards.map((card) => ({ path: f.path, card })));

  const findings: QualityFinding[] = [];
  const place = (i: number) => ({ path: all[i]!.path, line: all[i]!.card.line });
  const about = (i: number) => {
    const c = all[i]!.card;
    return { ...place(i), front: c.front, kind: c.kind, derived: isDerivedSyntax(c.syntax) };
  };
  all.forEach(({ card }, i) => {
    for (const f of cardFindings(card)) findings.push({ ...about(i), ...f });
  });
  for (const pair of nearDuplicates(all.map((x) => x.card))) {
    findings.push({
      ...about(pair.b),
      rule: 'duplicate',
      message: '',
      fix: 'Keep one of the two cards: delete this one or make it ask something else',
      duplicateOf: { ...place(pair.a), similarity: pair.similarity, exact: pair.exact },
    });
  }
  const order = new Map(files.map((f, i) => [f.path, i]));
  const ruleOrder = (r: QualityRule) => QUALITY_RULES.indexOf(r);
  findings.sort((a, b) => order.get(a.path)! - order.get(b.path)! || a.line - b.line || ruleOrder(a.rule) - ruleOrder(b.rule));
  const byRule = Object.fromEntries(QUALITY_RULES.map((r) => [r, 0])) as Record<QualityRule, number>;
  for (const f of findings) byRule[f.rule]++;
  return {
    files: files.map((f) => ({ path: f.path, cards: f.cards.length })),
    cards: all.length,
    findings,
    byRule,
    missing: reports.filter((r) => r.missing).map((r) => r.path),
    errors: reports.flatMap((r) => r.problems.filter((p) => p.severity === 'error').map((p) => ({ ...p, path: r.path }))),
    nothingFound: reports.every((r) => r.missing),
  };
}
