import { SURE_RECALL } from '../../../stats/hard-cards.js';
import type { HardCard } from '../../../stats/stats-report.js';
import { formatTable } from '../format-table.js';
import { sectionTitle } from './section-title.js';
import { count, percent } from './stats-figures.js';
import { dim, type StatsStyle } from './stats-style.js';

/** Rows of each list shown; --json has them all. */
const SHOWN = 5;

/**
 * The cards forgotten most often, and those least likely to be recalled now,
 * with ids to act on; `inReview` (cards in review) tells an empty second list
 * of a collection with no reviewed card from one whose cards are all sure.
 */
export function hardCardLines(leeches: { mostLapses: HardCard[]; lowestRetrievability: HardCard[] }, inReview: number, style: StatsStyle): string[] {
  const right = 'right' as const;
  const columns = [
    { header: 'id', align: right },
    { header: 'deck', min: 8 },
    { header: 'lapses', align: right },
    { header: 'recall', align: right },
    { header: 'front', min: 12 },
  ];
  const lapsed = leeches.mostLapses.slice(0, SHOWN);
  const unlikely = leeches.lowestRetrievability.slice(0, SHOWN);
  const row = (c: HardCard) => [String(c.id), c.deck, count(c.lapses), c.retrievability === null ? '—' : percent(c.retrievability), c.front];
  // One table for both lists, so their columns line up.
  const [header, ...rows] = formatTable(columns, [...lapsed, ...unlikely].map(row), style.width - 4).map((l) => `    ${l}`);
  const out = [sectionTitle(style, 'Hardest cards', 'recall: the chance to remember it now')];
  out.push('  forgotten most often');
  out.push(...(lapsed.length ? [header!, ...rows.slice(0, lapsed.length)] : ['    none: no card has been forgotten after learning it']));
  out.push('  least likely to be recalled now');
  const noneUnlikely = inReview > 0 ? `    none: every card in review is at least ${percent(SURE_RECALL)} likely to be recalled` : '    none: no card is in review yet';
  out.push(...(unlikely.length ? [header!, ...rows.slice(lapsed.length)] : [noneUnlikely]));
  if (lapsed.length + unlikely.length > 0) out.push(dim(style, '  engram suspend <id> sets a card aside until engram unsuspend <id>'));
  return out;
}
