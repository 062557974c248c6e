import type { CardFacts } from '../model/review-tally.js';
import type { Store } from './open-store.js';

/** A deck that holds cards (archived ones count: their reviews are still history). */
export interface DeckRow {
  id: number;
  name: string;
}

/** Every deck holding at least one card, archived or not, by name. */
export function decksWithCards(store: Store): DeckRow[] {
  return store.sql('SELECT d.id, d.name FROM decks d WHERE EXISTS (SELECT 1 FROM cards c WHERE c.deck_id = d.id) ORDER BY d.name').all() as DeckRow[];
}

type FactsRow = [
  id: number,
  deckId: number,
  archived: number,
  suspended: number,
  dropped: number,
  buriedUntil: number | null,
  state: number | null,
  due: number | null,
  stability: number | null,
  difficulty: number | null,
  scheduledDays: number | null,
  lapses: number | null,
  lastReview: number | null,
];

const FACTS = `
  SELECT c.id, c.deck_id, c.archived_at IS NOT NULL, c.suspended_at IS NOT NULL, c.dropped_at IS NOT NULL, c.buried_until,
         s.state, s.due, s.stability, s.difficulty, s.scheduled_days, s.lapses, s.last_review
  FROM cards c LEFT JOIN card_state s ON s.card_id = c.id`;

/**
 * The facts of every card (archived ones too) of the given decks, or of every
 * deck when `deckIds` is null; only the cards `ids` when given.
 */
export function cardFacts(store: Store, deckIds: readonly number[] | null, ids?: readonly number[]): CardFacts[] {
  // Arrays, not row objects: a large collection is read on every `engram stats`.
  const rows = (
    ids !== undefined
      ? store.sql(`${FACTS} WHERE c.id IN (${ids.map((id) => Number(id)).join(', ') || 'NULL'}) ORDER BY c.id`).raw().all()
      : deckIds === null
        ? store.sql(FACTS).raw().all()
        : store.sql(`${FACTS} WHERE c.deck_id IN (${deckIds.map(() => '?').join(', ') || 'NULL'})`).raw().all(...deckIds)
  ) as FactsRow[];
  const out: CardFacts[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const [id, deckId, archived, suspended, dropped, buriedUntil, state, due, stability, difficulty, scheduledDays, lapses, lastReview] = rows[i]!;
    out[i] = { id, deckId, archived: archived === 1, suspended: suspended === 1, dropped: dropped === 1, buriedUntil, state, due, stability, difficulty, scheduledDays, lapses, lastReview };
  }
  return out;
}

/** The question side (markdown) of each of the given cards, by id. */
export function cardFronts(store: Store, ids: readonly number[]): Map<number, string> {
  const out = new Map<number, string>();
  if (ids.length === 0) return out;
  const rows = store.sql(`SELECT id, front FROM cards WHERE id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as { id: number; front: string }[];
  for (const r of rows) out.set(r.id, r.front);
  return out;
}
