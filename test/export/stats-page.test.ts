import { describe, expect, it } from 'vitest';
import { statsPage } from '../../src/export/stats-page/stats-page.js';
import { statsFixtureReport } from '../stats/stats-fixture-report.js';
import { STATS_NOW } from '../stats/stats-store-fixture.js';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const textOf = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!).replace(/\u00ad/g, '').trim();

/** The body rows of the table `id` as the text of their cells. */
function tableRows(page: string, id: string): string[][] {
  const table = new RegExp(`<table id="${id}">([\\s\\S]*?)</table>`).exec(page);
  if (!table) throw new Error(`no table ${id}`);
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table[1]!)![1]!;
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => textOf(c[1]!)));
}

/** The value at a dotted path of the report (`forecast.days.3.due`). */
function at(report: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], report);
}

describe('statsPage', () => {
  it('is one self-contained page: no script, no link, nothing fetched from anywhere', () => {
    const page = statsPage(statsFixtureReport(), STATS_NOW);
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(page).not.toMatch(/https?:\/\//i);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<link/i);
    expect(page).not.toMatch(/<(img|iframe|object|embed)\b/i);
    expect(page).not.toMatch(/\b(src|href)=/i);
    expect(page).not.toMatch(/@import|url\(/i);
    expect(page).toContain('<meta name="color-scheme" content="light dark">');
    expect(page).toContain('@media (prefers-color-scheme: dark)');
    // The heatmap, forecast, weekly retention, reviews and time per day, cards by state.
    expect(page.match(/<svg /g)).toHaveLength(6);
    expect(page.match(/<svg class="chart[^"]*" role="img" aria-label="[^"]+"/g)).toHaveLength(6);
  });

  it('gives each chart its figures as a table', () => {
    const page = statsPage(statsFixtureReport(), STATS_NOW);
    const forecast = tableRows(page, 'forecast-table');
    expect(forecast).toHaveLength(31);
    expect(forecast.slice(0, 3)).toEqual([
      ['today, Mon Mar 2, 2026', '3'],
      ['Tue Mar 3, 2026', '2'],
      ['Wed Mar 4, 2026', '0'],
    ]);
    expect(forecast[30]).toEqual(['Wed Apr 1, 2026', '1']);
    expect(page).toContain('Today <data value="3" data-figure="forecast.days.0.due">3</data> cards, <data value="1" data-figure="forecast.overdue">1</data> of them overdue; <data value="4" data-figure="forecast.next30">4</data> cards in the next 30 days.');

    expect(tableRows(page, 'heatmap-table')).toEqual([
      ['Wed Jan 21, 2026', '1'],
      ['Tue Feb 17, 2026', '1'],
      ['Wed Feb 18, 2026', '1'],
      ['Thu Feb 19, 2026', '1'],
      ['Fri Feb 20, 2026', '1'],
      ['Wed Feb 25, 2026', '1'],
      ['Sat Feb 28, 2026', '2'],
      ['Sun Mar 1, 2026', '2'],
      ['Mon Mar 2, 2026', '4'],
    ]);

    expect(tableRows(page, 'retention-table')).toEqual([
      ['today', '0.0%', '1', '100.0%', '1', '50.0%', '2'],
      ['7 days', '66.7%', '3', '66.7%', '3', '66.7%', '6'],
      ['30 days', '60.0%', '5', '66.7%', '3', '62.5%', '8'],
      // D-400 is outside the year; D-40 (8 Hard, mature) is in it.
      ['365 days', '60.0%', '5', '75.0%', '4', '66.7%', '9'],
    ]);
    const weeks = tableRows(page, 'retention-weeks-table');
    expect(weeks).toHaveLength(26);
    expect(weeks[0]).toEqual(['Sep 8 – Sep 14', '—', '0', '—', '0', '—', '0']);
    expect(weeks.slice(23)).toEqual([
      ['Feb 16 – Feb 22', '50.0%', '2', '—', '0', '50.0%', '2'],
      ['Feb 23 – Mar 1', '100.0%', '2', '50.0%', '2', '75.0%', '4'],
      ['Mar 2 – Mar 2', '0.0%', '1', '100.0%', '1', '50.0%', '2'],
    ]);

    const days = tableRows(page, 'activity-table');
    expect(days).toHaveLength(30);
    expect(days.filter((d) => d[1] !== '0')).toEqual([
      // day, reviews, new, learning, review, relearning, again, time
      ['Tue Feb 17, 2026', '1', '1', '0', '0', '0', '0', '4s'],
      ['Wed Feb 18, 2026', '1', '0', '1', '0', '0', '0', '4s'],
      ['Thu Feb 19, 2026', '1', '0', '0', '1', '0', '0', '4s'],
      ['Fri Feb 20, 2026', '1', '0', '0', '1', '0', '1', '4s'],
      ['Wed Feb 25, 2026', '1', '0', '0', '1', '0', '0', '7s'],
      ['Sat Feb 28, 2026', '2', '0', '0', '1', '1', '1', '36s'],
      ['Sun Mar 1, 2026', '2', '0', '0', '2', '0', '0', '20s'],
      ['Mon Mar 2, 2026', '4', '1', '1', '2', '0', '1', '40s'],
    ]);

    expect(tableRows(page, 'cards-table')).toEqual([
      ['new', '1', '9.1%'],
      ['learning', '1', '9.1%'],
      ['review', '4', '36.4%'],
      ['relearning', '1', '9.1%'],
      ['suspended', '1', '9.1%'],
      ['buried', '2', '18.2%'],
      ['archived', '1', '9.1%'],
    ]);

    // deck, cards, new, learning, relearning, review, suspended, due today, reviewed today, time today, retention 30 days
    expect(tableRows(page, 'deck-table')).toEqual([
      ['Go', '4', '0', '0', '0', '2', '0', '0', '0', '0s', '100.0% of 2'],
      ['Spanish', '7', '1', '1', '1', '2', '1', '3', '4', '40s', '50.0% of 6'],
    ]);
  });

  it('marks every number with the report figure it shows, and each equals that figure', () => {
    const report = statsFixtureReport();
    const page = statsPage(report, STATS_NOW);
    const marked = [...page.matchAll(/<data value="([^"]*)" data-figure="([^"]+)">([^<]*)<\/data>/g)];
    expect(marked.length).toBeGreaterThan(400);
    for (const [, value, path, text] of marked) {
      const figure = at(report, path!);
      expect(typeof figure === 'number' || figure === null, path).toBe(true);
      expect(value === '' ? null : Number(value), path).toBe(figure);
      // Counts read as they are; rates (percent) and times (45s) are checked through their value.
      if (!/(rate|Rate|Retention|Ms)$/.test(path!)) expect(text!.replace(/,/g, ''), path).toBe(String(figure));
      else if (/(rate|Rate|Retention)$/.test(path!)) expect(text, path).toBe(figure === null ? '—' : `${((figure as number) * 100).toFixed(1)}%`);
    }
    for (const [, iso, path] of page.matchAll(/<time datetime="([^"]+)" data-figure="([^"]+)">/g)) expect(iso, path).toBe(at(report, path!));
    const paths = new Set(marked.map((m) => m[2]!));
    for (const path of ['today.reviews', 'streak.current', 'history.reviews', 'heatmap.reviews', 'forecast.next30', 'retention.3.all.rate', 'retentionByWeek.25.all.rate', 'activity.29.timeMs', 'cards.archived', 'deckTable.1.retention30d.reviews']) {
      expect(paths, path).toContain(path);
    }
  });

  it('gives dropped cards a row, a slice and a colour only in a collection that has some', () => {
    const report = statsFixtureReport();
    expect(statsPage(report, STATS_NOW)).not.toContain('s-dropped"');
    const page = statsPage({ ...report, cards: { ...report.cards, total: 12, dropped: 1 } }, STATS_NOW);
    expect(tableRows(page, 'cards-table').map((r) => r[0])).toEqual(['new', 'learning', 'review', 'relearning', 'suspended', 'dropped', 'buried', 'archived']);
    expect(tableRows(page, 'cards-table')[5]).toEqual(['dropped', '1', '8.3%']);
    expect(page).toContain('<rect class="s-dropped"');
    expect(page).toContain('.s-dropped { fill: var(--dropped); background: var(--dropped); }');
    expect(page).toContain('each counted once: archived, else dropped, else suspended, else buried, else by its state.');
  });

  it('escapes every user string: deck names in the header and the deck table', () => {
    const report = statsFixtureReport();
    const evil = `<script>alert("x")</script> & 'Tom'`;
    const page = statsPage({ ...report, decks: [evil], allDecks: false, deckTable: [{ ...report.deckTable[0]!, name: evil }] }, STATS_NOW);
    expect(page).not.toContain('<script>');
    expect(page).toContain('deck &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Tom&#39;');
    expect(tableRows(page, 'deck-table')[0]![0]).toBe(evil);
  });

  it('says what there is not yet, and draws no empty chart, for a store without reviews', () => {
    const page = statsPage(statsFixtureReport(false), STATS_NOW);
    expect(page).toContain('No reviews in the last 12 months.');
    expect(page).toContain('Nothing is due in the next 30 days.');
    expect(page).toContain('No reviews of cards in review in these weeks yet');
    expect(page).toContain('No reviews in these days.');
    expect(page).toContain('No cards yet.');
    expect(page).toContain('No decks yet.');
    // Only the calendar is drawn, empty.
    expect(page.match(/<svg /g)).toHaveLength(1);
    expect(page).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('is the same page for the same report and time', () => {
    const report = statsFixtureReport();
    expect(statsPage(report, STATS_NOW)).toBe(statsPage(structuredClone(report), STATS_NOW));
    expect(statsPage(report, STATS_NOW)).toContain('Made by engram on 2026-03-02 10:00 UTC');
  });
});
