import type { StatsReport } from '../../stats/stats-report.js';
import { activitySection } from './activity-chart.js';
import { cardStateSection } from './card-state-chart.js';
import { deckSection } from './deck-figures-table.js';
import { countFigure, dateFigure, figure } from './figure-table.js';
import { count, duration, longDate, percent } from './figure-text.js';
import { forecastSection } from './forecast-chart.js';
import { heatmapSection } from './heatmap-chart.js';
import { escapeHtml } from './html-text.js';
import { PAGE_STYLE } from './page-style.js';
import { retentionSection } from './retention-chart.js';

/** "2026-03-02 10:00 UTC" for the instant `now` (UTC ms). */
function madeAt(now: number): string {
  return `${new Date(now).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function decksText(r: StatsReport): string {
  if (r.decks.length === 0) return 'no decks yet';
  if (!r.allDecks) return `${r.decks.length === 1 ? 'deck' : 'decks'} ${r.decks.join(', ')}`;
  return r.decks.length === 1 ? 'all decks (1)' : `all ${r.decks.length} decks`;
}

function glance(r: StatsReport): string {
  const t = r.today;
  // A tile: a figure in large type with its noun, and a line of detail under it.
  const tile = (title: string, path: string, n: number, noun: string, rest: string) =>
    `<div><dt>${escapeHtml(title)}</dt><dd><span class="big">${figure(path, n, count(n))}</span> ${noun}${n === 1 ? '' : 's'}<span class="rest">${rest}</span></dd></div>`;
  return [
    '<dl class="glance">',
    tile(
      'Today',
      'today.reviews',
      t.reviews,
      'review',
      `${figure('today.again', t.again, count(t.again))} again (${figure('today.againRate', t.againRate, percent(t.againRate))}), ${figure('today.timeMs', t.timeMs, duration(t.timeMs))}; ${figure('today.due', t.due, count(t.due))} still due`,
    ),
    tile('Streak', 'streak.current', r.streak.current, 'day', `longest ${countFigure('streak.longest', r.streak.longest, 'day')}`),
    tile(
      'All time',
      'history.reviews',
      r.history.reviews,
      'review',
      `on ${countFigure('history.studyDays', r.history.studyDays, 'day')}, ${figure('history.timeMs', r.history.timeMs, duration(r.history.timeMs))}${
        r.history.firstDay ? `; since ${dateFigure('history.firstDay', r.history.firstDay, longDate(r.history.firstDay))}` : ''
      }`,
    ),
    tile('Cards', 'cards.total', r.cards.total, 'card', `${figure('cards.review', r.cards.review, count(r.cards.review))} in review, ${figure('cards.new', r.cards.new, count(r.cards.new))} new`),
    '</dl>',
  ].join('\n');
}

/**
 * The stats report as one self-contained HTML page, for keeping or sharing:
 * today at a glance, the year of reviews as a calendar, the due forecast,
 * true retention (the periods and week by week), reviews and time per day,
 * cards by state and the per-deck table. Charts are inline SVG, the style is
 * inline CSS for light and dark; there is no script and nothing is loaded
 * from anywhere. Every chart's figures are also a table, each number marked
 * with its place in the report (see figure). Every user string is escaped.
 * Pure: the same report and `now` give the same page.
 * @param now UTC ms the page says it was made at
 */
export function statsPage(r: StatsReport, now: number): string {
  const hour = `${String(r.clock.rolloverHour).padStart(2, '0')}:00`;
  const sections: [id: string, title: string, body: string][] = [
    ['heatmap', 'Reviews per day, last 12 months', heatmapSection(r.heatmap)],
    ['forecast', 'Cards due, today and the next 30 days', forecastSection(r.forecast)],
    ['retention', 'True retention', retentionSection(r.retention, r.retentionByWeek, r.desiredRetention)],
    ['activity', 'Reviews and time, the last 30 days', activitySection(r.activity)],
    ['cards', 'Cards by state', cardStateSection(r.cards)],
    ['decks', 'Decks', deckSection(r.deckTable)],
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${escapeHtml(`engram progress, ${r.date}`)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<header>',
    '<h1>Study progress</h1>',
    `<p class="sub">${escapeHtml(decksText(r))} · study day ${dateFigure('date', r.date, longDate(r.date))} · days start at ${escapeHtml(hour)}, ${escapeHtml(r.clock.timeZone)} time</p>`,
    glance(r),
    '</header>',
    ...sections.map(([id, title, body]) => `<section id="${id}" aria-labelledby="${id}-title">\n<h2 id="${id}-title">${escapeHtml(title)}</h2>\n${body}\n</section>`),
    `<footer><p>Made by engram on ${escapeHtml(madeAt(now))} from its review log (<code>engram export --what stats --format html</code>); <code>engram stats --json</code> gives the same figures. True retention counts the reviews of cards in review answered Hard, Good or Easy, as Anki does.</p></footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
