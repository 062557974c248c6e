import type { Store } from './open-store.js';

/** Study beyond the daily limits asked for on one study day, for some decks or every deck (decks null). */
export interface ExtraLimitRow {
  decks: string[] | null;
  newCards: number;
  reviews: number;
}

/** How a selection of decks is keyed: '' for every deck, else the names sorted, one a line. */
function decksKey(decks: readonly string[]): string {
  return [...new Set(decks)].sort().join('\n');
}

/** The extra study asked for on study day `day` (a study-clock day number), every selection of decks. */
export function extraLimitsOn(store: Store, day: number): ExtraLimitRow[] {
  const rows = store.sql('SELECT decks, new_cards AS newCards, reviews FROM extra_limits WHERE day = ? ORDER BY decks').all(day) as {
    decks: string;
    newCards: number;
    reviews: number;
  }[];
  return rows.map((r) => ({ decks: r.decks === '' ? null : r.decks.split('\n'), newCards: r.newCards, reviews: r.reviews }));
}

/**
 * Adds `more` to the extra study of study day `day` for `decks` (every deck
 * when empty): asked twice, the amounts add up. Rows of earlier days are
 * dropped, being of no use any more. One transaction.
 * @returns the selection's extra study for the day, all asks together
 */
export function addExtraLimits(store: Store, day: number, decks: readonly string[], more: { newCards: number; reviews: number }): ExtraLimitRow {
  const key = decksKey(decks);
  return store.transaction(() => {
    store.sql('DELETE FROM extra_limits WHERE day < ?').run(day);
    const row = store
      .sql(
        `INSERT INTO extra_limits (day, decks, new_cards, reviews) VALUES (?, ?, ?, ?)
         ON CONFLICT (day, decks) DO UPDATE SET new_cards = new_cards + excluded.new_cards, reviews = reviews + excluded.reviews
         RETURNING new_cards AS newCards, reviews`,
      )
      .get(day, key, more.newCards, more.reviews) as { newCards: number; reviews: number };
    return { decks: key === '' ? null : key.split('\n'), ...row };
  });
}
