import type { DeckFigures } from '../../stats/stats-report.js';
import { figure, figureTable } from './figure-table.js';
import { count, duration, percent } from './figure-text.js';
import { escapeHtml } from './html-text.js';

/**
 * The per-deck table of `engram stats`: cards (archived ones too, as the
 * report counts them) by state, today's work and time, and true retention over
 * 30 days with its count of reviews.
 */
export function deckSection(decks: readonly DeckFigures[]): string {
  if (decks.length === 0) return '<p class="empty">No decks yet.</p>';
  const rows = decks.map((d, i) => {
    const p = `deckTable.${i}`;
    return [
      escapeHtml(d.name),
      figure(`${p}.cards.total`, d.cards.total, count(d.cards.total)),
      figure(`${p}.cards.new`, d.cards.new, count(d.cards.new)),
      figure(`${p}.cards.learning`, d.cards.learning, count(d.cards.learning)),
      figure(`${p}.cards.relearning`, d.cards.relearning, count(d.cards.relearning)),
      figure(`${p}.cards.review`, d.cards.review, count(d.cards.review)),
      figure(`${p}.cards.suspended`, d.cards.suspended, count(d.cards.suspended)),
      figure(`${p}.dueToday`, d.dueToday, count(d.dueToday)),
      figure(`${p}.reviewsToday`, d.reviewsToday, count(d.reviewsToday)),
      figure(`${p}.timeTodayMs`, d.timeTodayMs, duration(d.timeTodayMs)),
      `${figure(`${p}.retention30d.rate`, d.retention30d.rate, percent(d.retention30d.rate))} <span class="of">of ${figure(`${p}.retention30d.reviews`, d.retention30d.reviews, count(d.retention30d.reviews))}</span>`,
    ];
  });
  const note = '<p class="note">Cards: every card of the deck, archived ones too. Retention: true retention of the last 30 days, of so many reviews.</p>';
  return `${note}\n<div class="scroll">${figureTable(
    {
      id: 'deck-table',
      caption: 'Decks',
            columns: ['deck', 'cards', 'new', 'learning', 'relearning', 'review', 'suspended', 'due today', 'reviewed today', 'time today', 'retention, 30 days'],
    },
    rows,
  )}</div>`;
}
