import { createHash } from 'node:crypto';
import { sideHtml, type SideMedia } from '../anki/markdown-html.js';
import { ENGRAM_GUID_PREFIX } from '../anki/note-plan.js';
import { BASIC_ID, CLOZE_ID, collectionConfJson, deckConfigJson, deckJson, REVERSED_ID, stockModels } from '../anki/stock-note-types.js';
import type { AnkiCollectionWrite, AnkiRevlogWrite, ApkgAnswerVisit, ApkgCard, ApkgReviewLog } from '../model/anki-collection.js';
import { timeOrder } from '../anki/time-order.js';
import { clozeNote } from './cloze-note.js';

/** A media file an exported card refers to: the card's file and the link as written, and the name it gets in the package. */
export interface ApkgMediaRef {
  sourcePath: string | null;
  target: string;
  name: string;
}

/**
 * A collection to write but for its review log, the media it refers to and
 * the cards it had to leave out (with why); `revlog` makes the log from the
 * cards' answers, once they are read.
 */
export interface ApkgBuild {
  collection: Omit<AnkiCollectionWrite, 'revlog'>;
  media: ApkgMediaRef[];
  notes: number;
  cards: number;
  leftOut: { card: ApkgCard; reason: string }[];
  /**
   * The review log: every answer of the cards written, ids made unique (an
   * id taken moves on, in the order the rows are made: card by card in the
   * order they were written, each card's answers in replay order), in id order.
   */
  revlog(reviews: ApkgReviewLog): AnkiRevlogWrite;
}

const DAY_MS = 86_400_000;

/** A deck id from its name: the same deck gets the same id in every export (Anki matches decks by name, ids only need to be apart). */
function deckId(name: string): number {
  const h = createHash('sha1').update(name).digest();
  return 1_000_000_000 + (h.readUInt32BE(0) % 1_000_000_000) * 1000 + (h[4]! % 1000);
}

/** Anki's note checksum: the first 8 hex digits of the SHA-1 of the sort field's text. */
function checksum(sortField: string): number {
  return parseInt(createHash('sha1').update(sortField.replace(/<[^>]*>/g, '')).digest('hex').slice(0, 8), 16);
}

/** A cloze card's note text: its gaps (`**[...]**` on the front, `**text**` on the back) as `{{c1::text::hint}}`; null when they cannot be found. */
function clozeText(card: ApkgCard): string | null {
  const note = clozeNote([{ front: card.front, back: card.back }]);
  if ('reason' in note) return null;
  let out = '';
  let at = 0;
  for (const g of note.gaps) {
    if (g.from < at) continue; // a nested gap is inside the outer one's text already
    out += note.plain.slice(at, g.from) + `{{c1::${g.text}${g.hint ? `::${g.hint}` : ''}}}`;
    at = g.to;
  }
  return out + note.plain.slice(at);
}

/**
 * The collection an Anki export writes: each basic card a Basic note, a card
 * and its reverse one Basic (and reversed card) note, each cloze card a
 * Cloze note of its own gap; decks by engram's names ('/' becomes '::');
 * each card's schedule (due, interval, FSRS memory state in `data`),
 * suspension and burial; every answer in the review log (made by the
 * build's `revlog`, so the notes and cards can be made while the answers are
 * still being read). `firstAnswerAt` is the time of the cards' earliest
 * answer (null: none): review cards' due days count from the collection's
 * first day. Guids are `engram-<card key>`, so exporting again updates the
 * same notes in Anki and an import of the package finds engram's cards again.
 */
export function buildApkgCollection(cards: readonly ApkgCard[], firstAnswerAt: number | null, now: number): ApkgBuild {
  let firstMs = now;
  for (const c of cards) firstMs = Math.min(firstMs, c.createdAt);
  if (firstAnswerAt !== null) firstMs = Math.min(firstMs, firstAnswerAt);
  const crtMs = Math.floor(firstMs / DAY_MS) * DAY_MS;
  const modSecs = Math.floor(now / 1000);
  const decks = new Map<number, string>();
  // A few decks, many cards: each deck's id (a hash of its name) made once.
  const deckIds = new Map<string, number>();
  // Ids are times in Anki and must be unique: handed out in increasing order, each past the last (cards made in one import share a time).
  let nextId = 0;
  const uniqueId = (wanted: number) => {
    const id = Math.max(wanted, nextId);
    nextId = id + 1;
    return id;
  };
  const out: ApkgBuild['collection'] = {
    createdSecs: crtMs / 1000,
    modMs: now,
    conf: collectionConfJson(),
    models: stockModels(modSecs),
    decks: '',
    dconf: deckConfigJson(modSecs),
    notes: [],
    cards: [],
  };
  const media: ApkgMediaRef[] = [];
  const leftOut: ApkgBuild['leftOut'] = [];
  const reversedOf = new Map<string, ApkgCard>();
  for (const c of cards) if (c.kind === 'reversed' && c.sibling !== null) reversedOf.set(c.sibling, c);
  // A reverse card goes into its basic card's note, whichever of the two comes first.
  const paired = new Set<number>();
  for (const c of cards) {
    const partner = c.kind === 'basic' && c.sibling !== null ? reversedOf.get(c.sibling) : undefined;
    if (partner) paired.add(partner.id);
  }
  let position = 0;
  // Each card written, in order: its engram id, its Anki id, and its interval when it is in review (its last answer's `ivl`).
  const written: { card: number; cid: number; reviewIvl: number | null }[] = [];
  const addCard = (card: ApkgCard, nid: number, did: number, ord: number) => {
    const id = uniqueId(Math.max(card.createdAt, 1) + ord);
    const s = card.state ?? 0;
    const dueMs = card.due ?? now;
    const due = s === 0 ? ++position : s === 2 ? Math.floor((dueMs - crtMs) / DAY_MS) : Math.floor(dueMs / 1000);
    const ivl = s === 2 || s === 3 ? Math.max(1, Math.round(card.scheduledDays ?? 1)) : 0;
    const data = card.stability !== null && card.difficulty !== null && s !== 0 ? JSON.stringify({ s: round(card.stability, 4), d: round(card.difficulty, 3) }) : '{}';
    const queue = card.suspended ? -1 : card.buried ? -3 : s === 0 ? 0 : s === 2 ? 2 : 1;
    out.cards.push({ id, nid, did, ord, mod: modSecs, type: s, queue, due, ivl, factor: s === 0 ? 0 : 2500, reps: card.reps ?? 0, lapses: card.lapses ?? 0, left: s === 1 || s === 3 ? 1 : 0, data });
    written.push({ card: card.id, cid: id, reviewIvl: s === 2 ? ivl : null });
  };
  for (const card of cards) {
    if (paired.has(card.id)) continue;
    const name = card.deck.split('/').map((p) => p.trim()).filter(Boolean).join('::') || 'Default';
    let did = deckIds.get(name);
    if (did === undefined) deckIds.set(name, (did = name === 'Default' ? 1 : deckId(name)));
    if (did !== 1) decks.set(did, name);
    const sideMedia: SideMedia[] = [];
    let mid: number;
    let fields: string[];
    const partner = card.kind === 'basic' && card.sibling !== null ? reversedOf.get(card.sibling) : undefined;
    if (card.kind === 'cloze') {
      const text = clozeText(card);
      if (text === null) {
        leftOut.push({ card, reason: 'its gaps cannot be told apart from the rest of its text' });
        continue;
      }
      mid = CLOZE_ID;
      fields = [sideHtml(text, sideMedia), ''];
    } else {
      mid = partner ? REVERSED_ID : BASIC_ID;
      fields = [sideHtml(card.front, sideMedia), sideHtml(card.back, sideMedia)];
    }
    for (const m of sideMedia) media.push({ sourcePath: card.sourcePath, target: m.target, name: m.name });
    const nid = uniqueId(Math.max(card.createdAt, 1));
    out.notes.push({ id: nid, guid: ENGRAM_GUID_PREFIX + card.key, mid, mod: modSecs, tags: '', flds: fields.join('\x1f'), sfld: fields[0]!.replace(/<[^>]*>/g, ''), csum: checksum(fields[0]!) });
    addCard(card, nid, did, 0);
    if (partner) addCard(partner, nid, did, 1);
  }
  out.decks = deckJson(decks, modSecs);
  return { collection: out, media, notes: out.notes.length, cards: out.cards.length, leftOut, revlog: (reviews) => reviewLog(written, reviews) };
}

/** The review log's fields, in the order a row holds them while the log is made. */
const FIELDS = ['id', 'cid', 'ease', 'ivl', 'lastIvl', 'factor', 'time', 'type'] as const;
const WIDTH = FIELDS.length;

/**
 * The review log of the cards written, in id order: each answer a row, its
 * `ivl` the interval the next answer found (or the card's own for its last,
 * -600 s for learning), its type from the state it was answered in. The rows
 * are made card by card, eight numbers a row side by side (one cache line),
 * then put in id order into the columns: a million rows taken in an order
 * that jumps about cost a memory read each, not one a column.
 */
function reviewLog(written: readonly { card: number; cid: number; reviewIvl: number | null }[], reviews: ApkgReviewLog): AnkiRevlogWrite {
  // As many rows as the log had answers (a card left out has some). A card whose answers are read again (see
  // ApkgReviewLog.each) may have more by then, written meanwhile by another engram: the rows grow to hold them.
  let rows = new Float64Array(reviews.size * WIDTH);
  let n = 0;
  // The row of the card's answer before this one, whose `ivl` is what this one found.
  let before = -1;
  let cid = 0;
  const answer: ApkgAnswerVisit = (reviewedAt, rating, stateBefore, lastInterval, durationMs) => {
    if (before >= 0) rows[before * WIDTH + 3] = stateBefore === 2 ? (lastInterval ?? 1) : -600;
    const type = stateBefore === 2 ? 1 : stateBefore === 3 ? 2 : 0;
    const at = n * WIDTH;
    if (at === rows.length) {
      const more = new Float64Array(Math.max(rows.length * 2, 64 * WIDTH));
      more.set(rows);
      rows = more;
    }
    // Its time for now: uniqueRevlogIds moves the few that share one apart once every row is made.
    rows[at] = reviewedAt;
    rows[at + 1] = cid;
    rows[at + 2] = rating;
    rows[at + 4] = stateBefore === 2 ? (lastInterval ?? 0) : 0;
    rows[at + 5] = type === 0 ? 0 : 2500;
    rows[at + 6] = Math.min(Math.max(0, durationMs), 3_600_000);
    rows[at + 7] = type;
    before = n++;
  };
  for (const w of written) {
    cid = w.cid;
    before = -1;
    reviews.each(w.card, answer);
    if (before >= 0) rows[before * WIDTH + 3] = w.reviewIvl ?? -600;
  }
  const ids = new Float64Array(n);
  for (let i = 0; i < n; i++) ids[i] = rows[i * WIDTH]!;
  const order = uniqueRevlogIds(ids);
  const out = {} as AnkiRevlogWrite;
  FIELDS.forEach((field, f) => {
    const column = (out[field] = new Float64Array(n));
    // The ids as uniqueRevlogIds left them; the rest as made.
    if (f === 0) for (let i = 0; i < n; i++) column[i] = ids[order[i]!]!;
    else for (let i = 0; i < n; i++) column[i] = rows[order[i]! * WIDTH + f]!;
  });
  return out;
}

/**
 * Makes the review log's ids unique, as Anki needs (an id is the answer's
 * time in ms, and two answers may share one): an id already taken moves to
 * the next free millisecond, in the order the rows were made. Returns the
 * rows in id order. Most logs have no two answers in one millisecond, which
 * the one sort of the rows finds without a set of a million ids; only then
 * are ids moved, row by row, and the rows sorted again.
 */
function uniqueRevlogIds(ids: Float64Array): Uint32Array {
  const order = timeOrder(ids);
  let shared = false;
  for (let i = 1; i < order.length && !shared; i++) shared = ids[order[i]!] === ids[order[i - 1]!];
  if (!shared) return order;
  const taken = new Set<number>();
  for (let i = 0; i < ids.length; i++) {
    let id = ids[i]!;
    while (taken.has(id)) id++;
    taken.add(id);
    ids[i] = id;
  }
  return timeOrder(ids);
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
