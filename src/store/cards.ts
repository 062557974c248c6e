import type { Card, CardKind, CardSyntax, ParsedCard } from '../model/card.js';
import type { Store } from './open-store.js';
import { addKeyAlias } from './key-aliases.js';
import { MultiRowInsert } from './multi-row-insert.js';
import { recordEvent } from './sync-log.js';

/** What an import writes for a card: the parsed card, placed in a deck and a source file. */
export type CardWrite = Omit<ParsedCard, 'explicitId'> & { deckId: number; sourceId: number | null };

interface CardRow {
  id: number;
  key: string;
  sibling: string | null;
  deck: string;
  source_path: string | null;
  shown_path: string | null;
  line: number;
  end_line: number;
  kind: CardKind;
  syntax: CardSyntax;
  front: string;
  back: string;
  title: string | null;
  context: string | null;
  heading_path: string;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
  suspended_at: number | null;
  dropped_at: number | null;
  seed: string;
}

const SELECT_CARDS = `
  SELECT c.id, c.key, c.sibling, d.name AS deck, s.path AS source_path, s.shown_path, c.line, c.end_line, c.kind,
         c.syntax, c.front, c.back, c.title, c.context, c.heading_path, c.created_at, c.updated_at,
         c.archived_at, c.suspended_at, c.dropped_at, COALESCE(c.fuzz_seed, c.key) AS seed
  FROM cards c JOIN decks d ON d.id = c.deck_id LEFT JOIN sources s ON s.id = c.source_id`;

function toCard(r: CardRow): Card {
  return {
    id: r.id,
    key: r.key,
    sibling: r.sibling,
    deck: r.deck,
    sourcePath: r.source_path,
    shownPath: r.shown_path ?? undefined,
    line: r.line,
    endLine: r.end_line,
    kind: r.kind,
    syntax: r.syntax,
    front: r.front,
    back: r.back,
    title: r.title,
    context: r.context,
    headingPath: JSON.parse(r.heading_path) as string[],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    archived: r.archived_at !== null,
    suspended: r.suspended_at !== null,
    droppedAt: r.dropped_at,
    seed: r.seed,
  };
}

/** SQLite's default limit on bound parameters is far above this; it keeps statements reusable. */
const CHUNK = 500;

/** `run` over `items` a statement's worth at a time, its rows gathered in order. */
export function inChunks<T, R>(items: readonly T[], run: (chunk: readonly T[]) => R[]): R[] {
  const out: R[] = [];
  // A loop, not push(...rows): a chunk of one big file can hold more rows than a call has arguments.
  for (let i = 0; i < items.length; i += CHUNK) for (const row of run(items.slice(i, i + CHUNK))) out.push(row);
  return out;
}

/** `?, ?, …`: `n` parameters of an IN list. */
export function placeholders(n: number): string {
  return new Array(n).fill('?').join(', ');
}

/** Every card (archived too) last read from one of the given sources. */
export function cardsOfSources(store: Store, sourceIds: readonly number[]): Card[] {
  return inChunks(sourceIds, (ids) =>
    (store.sql(`${SELECT_CARDS} WHERE c.source_id IN (${placeholders(ids.length)})`).all(...ids) as CardRow[]).map(toCard),
  );
}

/** The cards (archived too) holding any of the given identity keys. */
export function cardsByKeys(store: Store, keys: readonly string[]): Card[] {
  return inChunks(keys, (ks) =>
    (store.sql(`${SELECT_CARDS} WHERE c.key IN (${placeholders(ks.length)})`).all(...ks) as CardRow[]).map(toCard),
  );
}

/** Every card derived from notes that is not archived (another edition of a chapter may repeat them). */
export function derivedCards(store: Store): Card[] {
  return (store.sql(`${SELECT_CARDS} WHERE c.syntax LIKE 'note-%' AND c.archived_at IS NULL`).all() as CardRow[]).map(toCard);
}

/** Cards for listing: one deck or all, archived ones only when asked; in file order. */
export function listCards(store: Store, options: { deck?: string; includeArchived: boolean }): Card[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (options.deck !== undefined) {
    where.push('d.name = ?');
    params.push(options.deck);
  }
  if (!options.includeArchived) where.push('c.archived_at IS NULL');
  const sql = `${SELECT_CARDS} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.name, s.path, c.line, c.kind`;
  return (store.sql(sql).all(...params) as CardRow[]).map(toCard);
}

/** Number of archived cards (for "N archived cards not shown"). */
export function countArchived(store: Store, deck?: string): number {
  const row = (
    deck === undefined
      ? store.sql('SELECT COUNT(*) AS n FROM cards WHERE archived_at IS NOT NULL').get()
      : store
          .sql('SELECT COUNT(*) AS n FROM cards c JOIN decks d ON d.id = c.deck_id WHERE c.archived_at IS NOT NULL AND d.name = ?')
          .get(deck)
  ) as { n: number };
  return row.n;
}

/** Cards of one section share their heading path array: stringify it once. */
const pathJson = new WeakMap<string[], string>();
/** The last path asked for and its JSON: the cards of an import come section by section, so most ask for the one before. */
let lastPath: string[] | null = null;
let lastJson = '[]';
function headingPathJson(path: string[]): string {
  if (path === lastPath) return lastJson;
  let json = pathJson.get(path);
  if (json === undefined) pathJson.set(path, (json = JSON.stringify(path)));
  lastPath = path;
  lastJson = json;
  return json;
}

/** Inserts a new card; returns its id. */
export function insertCard(store: Store, c: CardWrite, now: number): number {
  const result = store
    .sql(
      `INSERT INTO cards (key, sibling, deck_id, source_id, line, end_line, kind, syntax, front, back,
                          title, context, heading_path, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(c.key, c.sibling, c.deckId, c.sourceId, c.line, c.endLine, c.kind, c.syntax, c.front, c.back,
      c.title, c.context, headingPathJson(c.headingPath), now, now);
  return Number(result.lastInsertRowid);
}

/** The columns of a card an import writes, as the parser gives them. */
export type CardFields = Omit<ParsedCard, 'explicitId' | 'deck'>;

/**
 * Rows an INSERT of {@link insertCards} writes at once: one statement per card
 * costs a call into SQLite and a bind of every value per card; 16 a call was
 * ~20% faster over 100k cards, and more was no faster.
 */
const INSERT_ROWS = 16;
const INSERT_COLUMNS = 15;

/**
 * OR FAIL: a row that breaks a constraint ends the statement without undoing
 * its earlier rows, so SQLite keeps no statement journal for it (see
 * withoutStatementJournals); the import's transaction is rolled back whole.
 */
const INSERT_CARDS = new MultiRowInsert(
  'INSERT OR FAIL INTO cards (key, sibling, deck_id, source_id, line, end_line, kind, syntax, front, back, title, context, heading_path, created_at, updated_at) VALUES ',
  `(${placeholders(INSERT_COLUMNS)})`,
);

/**
 * Inserts new cards in the order given (their ids ascend in that order), the
 * i-th into deck `deckIds[i]` and source `sourceIds[i]`: the new cards of an
 * import, written a batch of rows a statement, with no object made per card.
 * Call it inside a transaction that a failure rolls back whole: a row that
 * fails leaves the rows before it in its statement (see INSERT_CARDS).
 */
export function insertCards(store: Store, cards: readonly CardFields[], deckIds: readonly number[], sourceIds: readonly (number | null)[], now: number): void {
  const batch = store.sql(INSERT_CARDS.text(INSERT_ROWS));
  const single = store.sql(INSERT_CARDS.text(1));
  const values = new Array<unknown>(INSERT_ROWS * INSERT_COLUMNS);
  const put = (at: number, i: number): void => {
    const c = cards[i]!;
    values[at] = c.key;
    values[at + 1] = c.sibling;
    values[at + 2] = deckIds[i];
    values[at + 3] = sourceIds[i];
    values[at + 4] = c.line;
    values[at + 5] = c.endLine;
    values[at + 6] = c.kind;
    values[at + 7] = c.syntax;
    values[at + 8] = c.front;
    values[at + 9] = c.back;
    values[at + 10] = c.title;
    values[at + 11] = c.context;
    values[at + 12] = headingPathJson(c.headingPath);
    values[at + 13] = now;
    values[at + 14] = now;
  };
  let i = 0;
  for (; i + INSERT_ROWS <= cards.length; i += INSERT_ROWS) {
    for (let r = 0; r < INSERT_ROWS; r++) put(r * INSERT_COLUMNS, i + r);
    // As arguments, not one array: the binding reads an array's values one V8 lookup each, a sixth of the insert's work.
    batch.run(...values);
  }
  values.length = INSERT_COLUMNS;
  for (; i < cards.length; i++) {
    put(0, i);
    single.run(...values);
  }
}

/**
 * Rewrites a card's imported columns and brings it back from the archive if
 * it was there; a new key is recorded as an identity event for sync.
 */
export function updateCard(store: Store, id: number, c: CardWrite, now: number): void {
  const before = store.sql('SELECT key FROM cards WHERE id = ?').pluck().get(id) as string | undefined;
  // A typo fix re-keyed the card: other devices learn both keys name one card.
  if (before !== undefined && before !== c.key) {
    recordEvent(store, { kind: 'identity', card: c.key, from: before }, now, id);
    addKeyAlias(store, before, c.key);
  }
  store
    .sql(
      `UPDATE cards SET key = ?, sibling = ?, deck_id = ?, source_id = ?, line = ?, end_line = ?, kind = ?,
         syntax = ?, front = ?, back = ?, title = ?, context = ?, heading_path = ?, updated_at = ?,
         archived_at = NULL
       WHERE id = ?`,
    )
    .run(c.key, c.sibling, c.deckId, c.sourceId, c.line, c.endLine, c.kind, c.syntax, c.front, c.back,
      c.title, c.context, headingPathJson(c.headingPath), now, id);
}

/** Archives cards (keeping them and their reviews); already archived ones keep their date. */
export function archiveCards(store: Store, ids: readonly number[], now: number): void {
  const stmt = store.sql('UPDATE cards SET archived_at = COALESCE(archived_at, ?), updated_at = ? WHERE id = ?');
  for (const id of ids) stmt.run(now, now, id);
}

/** One card by id (archived too), or null. */
export function cardById(store: Store, id: number): Card | null {
  const row = store.sql(`${SELECT_CARDS} WHERE c.id = ?`).get(id) as CardRow | undefined;
  return row ? toCard(row) : null;
}

/** The active card of a source file whose lines include `line`, or null. */
export function cardAtLine(store: Store, sourcePath: string, line: number): Card | null {
  const row = store
    .sql(`${SELECT_CARDS} WHERE s.path = ? AND c.line <= ? AND c.end_line >= ? AND c.archived_at IS NULL ORDER BY c.line DESC LIMIT 1`)
    .get(sourcePath, line, line) as CardRow | undefined;
  return row ? toCard(row) : null;
}

/** How many active cards of the file at `sourcePath` there are of each syntax. */
export function cardCountsBySyntax(store: Store, sourcePath: string): Map<CardSyntax, number> {
  const rows = store
    .sql(
      `SELECT c.syntax AS syntax, COUNT(*) AS n FROM cards c JOIN sources s ON s.id = c.source_id
       WHERE s.path = ? AND c.archived_at IS NULL GROUP BY c.syntax ORDER BY c.syntax`,
    )
    .all(sourcePath) as { syntax: CardSyntax; n: number }[];
  return new Map(rows.map((r) => [r.syntax, r.n]));
}

/**
 * The heading every active card of the file at `sourcePath` sits under, the
 * outermost of each card's path: the file's title (its one H1 above all its
 * cards). Null when the cards' outermost headings differ, one card has none,
 * or the file has no active card.
 */
export function sharedFirstHeading(store: Store, sourcePath: string): string | null {
  // Reading every card's heading JSON (json_extract) took ~3 ms over a file of
  // 10,000 cards before the review's first card. The usual answer is checked
  // on the text instead: the first card's outermost heading, then whether any
  // card's path does not begin with it. A path of valid JSON that begins with
  // `["<that heading, as JSON.stringify writes it>"` and then `,` or `]` has it
  // as its first heading; any other path (another heading, or one written
  // differently) sends the question to the full query, which parses each.
  const first = store
    .sql(`SELECT c.heading_path FROM cards c JOIN sources s ON s.id = c.source_id WHERE s.path = ? AND c.archived_at IS NULL LIMIT 1`)
    .pluck()
    .get(sourcePath) as string | undefined;
  if (first === undefined) return null;
  const head = (JSON.parse(first) as unknown[])[0];
  if (typeof head === 'string') {
    const open = `[${JSON.stringify(head)}`;
    // Under BINARY collation, the texts that begin with `open,` are those from `open,` up to but not including `open-`.
    const other = store
      .sql(
        `SELECT 1 FROM cards c JOIN sources s ON s.id = c.source_id
         WHERE s.path = ? AND c.archived_at IS NULL AND NOT (c.heading_path = ? OR (c.heading_path >= ? AND c.heading_path < ?)) LIMIT 1`,
      )
      .get(sourcePath, `${open}]`, `${open},`, `${open}-`);
    if (other === undefined) return head;
  }
  const rows = store
    .sql(
      `SELECT DISTINCT json_extract(c.heading_path, '$[0]') AS first FROM cards c JOIN sources s ON s.id = c.source_id
       WHERE s.path = ? AND c.archived_at IS NULL LIMIT 2`,
    )
    .all(sourcePath) as { first: string | null }[];
  return rows.length === 1 ? rows[0]!.first : null;
}

/** Whether the store holds any card at all (archived ones too): a store without one has nothing to back up. */
export function hasCards(store: Store): boolean {
  return (store.sql('SELECT EXISTS (SELECT 1 FROM cards) AS yes').get() as { yes: number }).yes === 1;
}
