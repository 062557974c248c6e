import { askedPart, DERIVED_REPEAT_SIMILARITY, nearDuplicates, type DuplicateCandidate } from '../quality/near-duplicates.js';
import { isDerivedSyntax, type Card, type ParsedCard } from '../model/card.js';
import type { Problem } from '../model/problem.js';
import { normaliseForKey } from '../parse/card-key.js';
import { pairSameQuestion } from './pair-same-question.js';
import { pairSimilar, textSimilarity } from './pair-similar.js';

/**
 * Leftover old and new cards of one file at or above this trigram similarity
 * are the same card edited (a typo fix, a reworded answer), and keep its history.
 */
export const SAME_CARD_SIMILARITY = 0.6;
/**
 * And each side on its own at least this similar: templated cards share most of
 * their words, so "Which port does HTTP use? 80" must not become "… DNS … 53".
 */
export const SAME_SIDE_SIMILARITY = 0.4;

/** One file as parsed in this import. */
export interface ParsedFile {
  /** Absolute path: the source's identity. */
  path: string;
  deck: string;
  cards: ParsedCard[];
}

/** A parsed card and where it goes. */
export interface Placement {
  parsed: ParsedCard;
  path: string;
  deck: string;
}

/** What happens to each card in each file. */
export interface ReconcilePlan {
  inserts: Placement[];
  /** Stored cards whose text or place changed, or that come back from the archive. */
  updates: (Placement & { id: number })[];
  archives: number[];
  counts: Map<string, FileCounts>;
  /** Cards skipped because another file already holds them, by the file they were in. */
  problems: Map<string, Problem[]>;
  /** The keys of those skipped cards, by file: they take over if the holder lets go. */
  skippedKeys: Map<string, string[]>;
  /** Files outside this run holding cards that files of the run also have. */
  foreignHolders: Set<string>;
}

/** Per-file tallies for the import summary. */
export interface FileCounts {
  added: number;
  updated: number;
  unchanged: number;
  archived: number;
  restored: number;
}

/**
 * Decides, for the files parsed in one import, which parsed cards are stored
 * cards (same key anywhere, even moved to another line or file; else, for a
 * card derived from notes, a leftover of the same file asking the same
 * question; else a similar leftover of the same file), which are new, and
 * which stored cards are gone and get archived. Pure.
 * @param stored every stored card of the parsed files' sources, and every
 *   stored card holding one of the parsed keys
 */
export function reconcileCards(
  files: readonly ParsedFile[],
  stored: readonly Card[],
  describe: (path: string) => string = (p) => p,
  otherDerived: readonly Card[] = [],
): ReconcilePlan {
  const inRun = new Set(files.map((f) => f.path));
  const byKey = new Map(stored.map((c) => [c.key, c]));
  const claimedBy = new Map<number, { path: string; line: number }>();
  const matches: { placement: Placement; card: Card }[] = [];
  const leftovers = new Map<string, ParsedCard[]>(files.map((f) => [f.path, []]));
  const problems = new Map<string, Problem[]>();
  const skippedKeys = new Map<string, string[]>();
  const foreignHolders = new Set<string>();
  const newKeys = new Map<string, { path: string; line: number }>();
  const skip = (f: ParsedFile, p: ParsedCard, where: { path: string; line: number }): void => {
    duplicate(problems, f, p, `${describe(where.path)}:${where.line}`);
    const keys = skippedKeys.get(f.path);
    if (keys) keys.push(p.key);
    else skippedKeys.set(f.path, [p.key]);
  };
  const counts = new Map<string, FileCounts>();
  const countsOf = (path: string): FileCounts => {
    let c = counts.get(path);
    if (!c) counts.set(path, (c = { added: 0, updated: 0, unchanged: 0, archived: 0, restored: 0 }));
    return c;
  };
  for (const f of files) countsOf(f.path);

  const claim = (f: ParsedFile, parsed: ParsedCard, card: Card): void => {
    claimedBy.set(card.id, { path: f.path, line: parsed.line });
    matches.push({ placement: { parsed, path: f.path, deck: parsed.deck ?? f.deck }, card });
  };
  const handled = new Set<ParsedCard>();
  // First, cards still in the file they were stored from keep that file, so a
  // copy elsewhere is the duplicate and not the other way round.
  for (const f of byKey.size > 0 ? files : []) {
    for (const p of f.cards) {
      const card = byKey.get(p.key);
      if (card && card.sourcePath === f.path && !claimedBy.has(card.id)) {
        claim(f, p, card);
        handled.add(p);
      }
    }
  }
  for (const f of files) {
    for (const p of f.cards) {
      if (handled.has(p)) continue;
      const card = byKey.get(p.key);
      if (!card) {
        const first = newKeys.get(p.key);
        if (first) {
          skip(f, p, first);
        } else {
          newKeys.set(p.key, { path: f.path, line: p.line });
          leftovers.get(f.path)!.push(p);
        }
        continue;
      }
      const holder = claimedBy.get(card.id);
      if (holder) {
        skip(f, p, holder);
      } else if (card.archived || card.sourcePath === null || inRun.has(card.sourcePath)) {
        claim(f, p, card);
      } else {
        foreignHolders.add(card.sourcePath);
        skip(f, p, { path: card.sourcePath, line: card.line });
      }
    }
  }

  // Grouped once: filtering all stored cards per file would be quadratic in the library.
  const storedByPath = new Map<string, Card[]>();
  for (const c of stored) {
    if (c.sourcePath === null || c.archived || claimedBy.has(c.id)) continue;
    const list = storedByPath.get(c.sourcePath);
    if (list) list.push(c);
    else storedByPath.set(c.sourcePath, [c]);
  }
  const inserts: Placement[] = [];
  for (const f of files) {
    const news = leftovers.get(f.path)!;
    const stale = storedByPath.get(f.path) ?? [];
    // A derived card asking the same question as before is that card, whatever
    // its answer or rule now (a new version of the rules): before any guessing by similarity.
    for (const [oi, ni] of pairSameQuestion(stale, news)) {
      claim(f, news[ni]!, stale[oi]!);
      handled.add(news[ni]!);
    }
    const olds = stale.filter((c) => !claimedBy.has(c.id));
    // A new file has no old cards: nothing to pair, and its new cards are not even sorted by kind.
    for (const kind of olds.length > 0 ? (['basic', 'reversed', 'cloze'] as const) : []) {
      const o = olds.filter((c) => c.kind === kind);
      if (o.length === 0) continue;
      const n = news.filter((c) => c.kind === kind && !handled.has(c));
      if (n.length === 0) continue; // nothing to pair: skip the text work
      const bothSides = (oi: number, ni: number): boolean =>
        textSimilarity(normaliseForKey(o[oi]!.front), normaliseForKey(n[ni]!.front)) >= SAME_SIDE_SIMILARITY &&
        textSimilarity(normaliseForKey(o[oi]!.back), normaliseForKey(n[ni]!.back)) >= SAME_SIDE_SIMILARITY;
      for (const [oi, ni] of pairSimilar(o.map(similarityText), n.map(similarityText), SAME_CARD_SIMILARITY, bothSides)) {
        claim(f, n[ni]!, o[oi]!);
        handled.add(n[ni]!);
      }
    }
    const before = inserts.length;
    for (const p of news) if (!handled.has(p)) inserts.push({ parsed: p, path: f.path, deck: p.deck ?? f.deck });
    countsOf(f.path).added += inserts.length - before;
  }

  for (const drop of nearRepeats(inserts, matches, otherDerived)) {
    inserts.splice(inserts.indexOf(drop.placement), 1);
    countsOf(drop.placement.path).added--;
    const f = files.find((x) => x.path === drop.placement.path)!;
    nearRepeat(problems, f, drop.placement.parsed, `${describe(drop.holder.path)}:${drop.holder.line}`);
  }

  const updates: (Placement & { id: number })[] = [];
  for (const { placement, card } of matches) {
    const c = countsOf(placement.path);
    const changed = changedText(card, placement);
    if (card.archived) c.restored++;
    else if (changed) c.updated++;
    else c.unchanged++;
    if (card.archived || changed || movedOnly(card, placement)) updates.push({ ...placement, id: card.id });
  }

  const archives: number[] = [];
  for (const card of stored) {
    if (card.archived || claimedBy.has(card.id) || card.sourcePath === null || !inRun.has(card.sourcePath)) continue;
    archives.push(card.id);
    countsOf(card.sourcePath).archived++;
  }
  return { inserts, updates, archives, counts, problems, skippedKeys, foreignHolders };
}

/**
 * The new derived cards that ask what a card derived from another file
 * already asks (two editions of a chapter word one sentence a little
 * differently): each with the card it repeats. Cards already stored, and
 * earlier files of the run, keep theirs.
 */
function nearRepeats(
  inserts: readonly Placement[],
  matches: readonly { placement: Placement; card: Card }[],
  otherDerived: readonly Card[],
): { placement: Placement; holder: { path: string; line: number } }[] {
  const fresh = inserts.filter((p) => isDerivedSyntax(p.parsed.syntax));
  if (fresh.length === 0) return [];
  const held: { path: string; line: number; card: DuplicateCandidate }[] = [
    ...otherDerived.map((c) => ({ path: c.sourcePath!, line: c.line, card: c })),
    ...matches.filter((m) => isDerivedSyntax(m.placement.parsed.syntax)).map((m) => ({ path: m.placement.path, line: m.placement.parsed.line, card: m.placement.parsed })),
  ];
  const all = [...held.map((h) => askedPart(h.card)), ...fresh.map((p) => askedPart(p.parsed))];
  const holderOf = (i: number) => (i < held.length ? held[i]! : { path: fresh[i - held.length]!.path, line: fresh[i - held.length]!.parsed.line });
  const dropped = new Map<number, { path: string; line: number }>();
  for (const { a, b } of nearDuplicates(all, DERIVED_REPEAT_SIMILARITY)) {
    // Pairs come ordered by `a`: the earlier card (stored, or the earlier file) holds.
    if (b < held.length || dropped.has(a) || dropped.has(b)) continue;
    const holder = holderOf(a);
    if (holder.path === holderOf(b).path) continue; // one file's own repeats were settled when it was parsed
    dropped.set(b, holder);
  }
  return [...dropped].map(([i, holder]) => ({ placement: fresh[i - held.length]!, holder }));
}

/** The warning for a derived card that repeats, in other words, one derived from another file. */
function nearRepeat(problems: Map<string, Problem[]>, f: ParsedFile, p: ParsedCard, where: string): void {
  repeatWarning(
    problems,
    f,
    p,
    `gives a card that asks what the card derived from ${where} asks, in other words; it was left out.`,
    `Nothing to do if the two files are editions of one text; to silence this: engram config set duplicates allow --deck ${shellWord(f.deck)}`,
  );
}

/** Adds a repeat warning (code 'duplicate', which the `duplicates allow` setting silences) to a file's problems. */
function repeatWarning(problems: Map<string, Problem[]>, f: ParsedFile, p: ParsedCard, message: string, fix: string): void {
  let list = problems.get(f.path);
  if (!list) problems.set(f.path, (list = []));
  list.push({ line: p.line, severity: 'warning', message, fix, code: 'duplicate' });
}

/**
 * The warning for a copy of a card another file holds. It is studied once, as
 * that card: a card is its text. Two editions of one chapter repeat cards on
 * purpose, so the fix also says how to accept repeats without editing notes.
 */
function duplicate(problems: Map<string, Problem[]>, f: ParsedFile, p: ParsedCard, where: string): void {
  repeatWarning(
    problems,
    f,
    p,
    `repeats a card already imported from ${where}; this copy was skipped.`,
    `Remove one of the two or make them differ (if the other goes, this one takes its place and its history); or accept repeats in this deck: engram config set duplicates allow --deck ${shellWord(f.deck)}`,
  );
}

/** A word as a shell reads it back: quoted when it holds anything but plain characters. */
function shellWord(word: string): string {
  return /^[\w./-]+$/.test(word) ? word : JSON.stringify(word);
}

function similarityText(c: { front: string; back: string }): string {
  return normaliseForKey(`${c.front} | ${c.back}`);
}

/** Whether what the user reads or where it belongs (deck, file, kind) changed. */
function changedText(card: Card, { parsed, path, deck }: Placement): boolean {
  return (
    card.front !== parsed.front ||
    card.back !== parsed.back ||
    card.title !== parsed.title ||
    card.context !== parsed.context ||
    card.kind !== parsed.kind ||
    card.syntax !== parsed.syntax ||
    card.deck !== deck ||
    card.sourcePath !== path ||
    JSON.stringify(card.headingPath) !== JSON.stringify(parsed.headingPath)
  );
}

/** Same text, but its lines or identity bookkeeping moved: rewritten silently. */
function movedOnly(card: Card, { parsed }: Placement): boolean {
  return card.line !== parsed.line || card.endLine !== parsed.endLine || card.key !== parsed.key || card.sibling !== parsed.sibling;
}
