import type { StatsReport } from '../../../stats/stats-report.js';
import { sanitizeText } from '../../../tui/markdown/sanitize-text.js';
import { cardCountLines } from './card-count-lines.js';
import { deckLines } from './deck-lines.js';
import { forecastLines } from './forecast-lines.js';
import { hardCardLines } from './hard-card-lines.js';
import { heatmapLines } from './heatmap-lines.js';
import { retentionLines } from './retention-lines.js';
import { bold, dim, type StatsStyle } from './stats-style.js';
import { todayLines } from './today-lines.js';

function header(r: StatsReport, style: StatsStyle): string[] {
  const hour = `${String(r.clock.rolloverHour).padStart(2, '0')}:00`;
  // Deck names come from users' files: no escape sequence reaches the terminal.
  const decks = r.decks.length === 0 ? 'no decks yet' : !r.allDecks ? sanitizeText(r.decks.join(', ')) : r.decks.length === 1 ? 'all decks (1)' : `all ${r.decks.length} decks`;
  const room = style.width - 'engram stats: '.length;
  const shown = decks.length > room ? `${decks.slice(0, Math.max(1, room - 1))}…` : decks;
  return [`${bold(style, 'engram stats:')} ${shown}`, dim(style, `Study days start at ${hour}, ${r.clock.timeZone} time.`)];
}

/** The dashboard as lines of text, laid out for `style.width` columns (made for 80). */
export function statsText(r: StatsReport, style: StatsStyle): string[] {
  const sections = [
    header(r, style),
    todayLines(r, style),
    heatmapLines(r.heatmap, style),
    forecastLines(r.forecast, style, r.easyDays),
    retentionLines(r.retention, r.desiredRetention, style),
    cardCountLines(r, style),
    deckLines(r.deckTable, style),
    hardCardLines(r.leeches, r.cards.review, style),
  ];
  return sections.flatMap((lines, i) => (i === 0 ? lines : ['', ...lines]));
}
