import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { statsText } from '../../src/cli/output/stats/stats-dashboard.js';
import { visibleWidth } from '../../src/cli/output/stats/text-columns.js';
import { DAY, studyDay } from '../../src/schedule/study-time.js';
import { statsReport } from '../../src/stats/build-stats-report.js';
import type { CardFacts, DeckReviewTally, ReviewTally } from '../../src/stats/stats-input.js';
import type { StatsReport } from '../../src/stats/stats-report.js';
import { statsFixtureReport } from '../stats/stats-fixture-report.js';
import { STATS_NOW } from '../stats/stats-store-fixture.js';

const plain = (r: StatsReport) => statsText(r, { color: false, width: 80 });
const section = (lines: string[], title: string) => {
  const start = lines.findIndex((l) => l.startsWith(title));
  const end = lines.indexOf('', start);
  return lines.slice(start, end < 0 ? undefined : end);
};

const CLOCK = { rolloverHour: 4, timeZone: 'UTC' };

/** A collection far bigger than the fixture: long deck names, millions of reviews, five-digit due counts. */
function hugeReport(): StatsReport {
  const today = studyDay(STATS_NOW, CLOCK);
  const decks = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, name: `Programming languages/Rust/ownership and borrowing ${i}`, weights: default_w }));
  const tallies: ReviewTally[] = [];
  const recent: DeckReviewTally[] = [];
  for (let d = today - 2000; d <= today; d++) {
    tallies.push({ day: d, stateBefore: 2, mature: true, passed: true, reviews: 9_000 + (d % 977), durationMs: 9_000 * 60_000 });
    tallies.push({ day: d, stateBefore: 2, mature: false, passed: false, reviews: 1_234, durationMs: 1_000_000 });
    if (d > today - 30) for (const deck of decks) recent.push({ ...tallies[tallies.length - 1]!, deckId: deck.id });
  }
  const cards: CardFacts[] = [];
  for (let i = 0; i < 120_000; i++) {
    cards.push({
      id: i + 1,
      deckId: (i % 12) + 1,
      archived: i % 50 === 0,
      suspended: i % 70 === 0,
      dropped: false,
      buriedUntil: null,
      state: 2,
      due: STATS_NOW + ((i % 40) - 5) * DAY,
      stability: 1 + (i % 900),
      difficulty: 1 + (i % 10),
      scheduledDays: 1 + (i % 3000),
      lapses: i % 17,
      lastReview: STATS_NOW - (i % 400) * DAY,
    });
  }
  const fronts = new Map(cards.map((c) => [c.id, `A very long question about lifetimes number ${c.id} that goes on and on past any terminal width`]));
  return statsReport({ now: STATS_NOW, clock: CLOCK, desiredRetention: 0.9, decks, allDecks: false, tallies, recentDeckTallies: recent, cards, fronts });
}

describe('statsText', () => {
  it('shows today, the streak and the history', () => {
    expect(section(plain(statsFixtureReport()), 'Today')).toEqual([
      'Today  Mon 2026-03-02',
      '  due                3  still to review today, 1 of them overdue',
      '  reviewed           4  new 1 · learn 1 · review 2 · relearn 0',
      "  again              1  25.0% of today's reviews",
      '  time             40s  10s a review',
      '  streak        3 days  longest 4 days',
      '  all time          15  reviews on 10 days since 2025-01-26, 2m 19s',
    ]);
  });

  it('draws the year as a calendar, a column a week, shades in characters without colour', () => {
    const lines = section(plain(statsFixtureReport()), 'Reviews per day');
    expect(lines[0]).toBe('Reviews per day, last 12 months  14 reviews on 9 of 365 days');
    // Week columns from Monday 2025-03-03: April 1st falls in the 5th week, March 2026 in the 53rd.
    expect(lines[1]).toBe('      Mar Apr May Jun  Jul Aug  Sep Oct Nov  Dec Jan Feb');
    const dots = (n: number) => '·'.repeat(n);
    // The 53rd week holds only today (Monday); 2026-02-16 starts week 51, 2026-01-19 week 47.
    expect(lines.slice(2, 9)).toEqual([
      `  Mon ${dots(52)}█`,
      `  Tue ${dots(50)}░·`,
      `  Wed ${dots(46)}░${dots(3)}░░`,
      `  Thu ${dots(50)}░·`,
      `  Fri ${dots(50)}░·`,
      `  Sat ${dots(51)}▓`,
      `  Sun ${dots(51)}▓`,
    ]);
    expect(lines[9]).toBe('      · 0  ░ 1  ▓ 2  █ 3-4');
  });

  it('charts the forecast in two columns of bars with counts', () => {
    const lines = section(plain(statsFixtureReport()), 'Cards due per day');
    expect(lines[0]).toBe('Cards due per day  today 3 (1 overdue), next 30 days 4');
    expect(lines[1]).toBe('  today     █████████████████████████ 3   Wed 03-18                           0');
    expect(lines[2]).toBe('  Tue 03-03 ████████████████▋         2   Thu 03-19                           0');
    expect(lines[15]).toBe('  Mon 03-16                           0   Wed 04-01 ████████▍                 1');
    expect(lines[16]).toBe('  Tue 03-17                           0');
  });

  it('marks easy days in the forecast with their share of the normal load, and says so', () => {
    const lines = section(plain({ ...statsFixtureReport(), easyDays: [0, 1, 1, 1, 1, 1, 0.5] }), 'Cards due per day');
    // 2026-03-07 is a Saturday, 03-08 a Sunday; the share takes a column of its own, the bars shrink by it.
    expect(lines[1]).toBe('  today          ████████████████████ 3   Wed 03-18                           0');
    expect(lines[4]).toBe('  Thu 03-05      ██████▋              1   Sat 03-21  50%                      0');
    expect(lines[6]).toBe('  Sat 03-07  50%                      0   Mon 03-23                           0');
    expect(lines[7]).toBe('  Sun 03-08   0%                      0   Tue 03-24                           0');
    expect(lines.at(-1)).toBe('  easy days are marked with their share of the normal load (setting easy-days)');
    // Without easy days the forecast is as before.
    expect(section(plain({ ...statsFixtureReport(), easyDays: [1, 1, 1, 1, 1, 1, 1] }), 'Cards due per day')).toEqual(section(plain(statsFixtureReport()), 'Cards due per day'));
  });

  it('shows retention, decks and hard cards as right-aligned tables', () => {
    const lines = plain(statsFixtureReport());
    expect(section(lines, 'True retention')).toEqual([
      'True retention  reviews of cards in review passed; desired 90.0%',
      '  period    young  reviews  mature  reviews    all  reviews',
      '  today      0.0%        1  100.0%        1  50.0%        2',
      '  7 days    66.7%        3   66.7%        3  66.7%        6',
      '  30 days   60.0%        5   66.7%        3  62.5%        8',
      '  365 days  60.0%        5   75.0%        4  66.7%        9',
      '  young: interval under 21 days; mature: 21 days or more',
    ]);
    expect(section(lines, 'Decks')).toEqual([
      'Decks  cards: not archived; learn: learning and relearning',
      '  deck     cards  new  learn  review  susp.  due  done  ret. 30d',
      '  Go           3    0      0       2      0    0     0    100.0%',
      '  Spanish      7    1      2       2      1    3     4     50.0%',
      '  due: still due today; done: reviewed today',
    ]);
    const hard = section(lines, 'Hardest cards');
    expect(hard.slice(1, 4)).toEqual(['  forgotten most often', '    id  deck     lapses  recall  front', '     9  Go            2   99.9%  What does defer do?']);
    expect(hard).toContain('     4  Spanish       1   76.1%  El perro ladra');
    // Cards 9, 8 and 1 are 99.9% likely to be recalled: not among the least likely.
    expect(hard.slice(hard.indexOf('  least likely to be recalled now') + 1, -1)).toEqual([
      '    id  deck     lapses  recall  front',
      '     4  Spanish       1   76.1%  El perro ladra',
      '    11  Go            0   97.2%  Go 11',
    ]);
  });

  it('says why no card is least likely to be recalled: none in review, or every one all but sure', () => {
    const r = statsFixtureReport();
    const sure = { ...r, leeches: { ...r.leeches, lowestRetrievability: [] } };
    expect(plain(sure)).toContain('    none: every card in review is at least 99.5% likely to be recalled');
    expect(plain({ ...sure, cards: { ...r.cards, review: 0 } })).toContain('    none: no card is in review yet');
  });

  it('shows card counts beside difficulty, intervals beside stability', () => {
    const lines = section(plain(statsFixtureReport()), 'Cards  ');
    expect(lines[0]).toBe('Cards  11 in all                         Difficulty  mean 5.8 on a 1–10 scale');
    expect(lines[1]).toBe('  new               1    9.1%               1 ███████████████▌                1');
    expect(lines[6]).toBe('  buried            2   18.2%               6                                 0');
    expect(lines[10]).toBe('                                           10 ███████████████▌                1');
    expect(lines[11]).toBe('                                           1 is easiest, 10 hardest');
    expect(lines[12]).toBe('  each card counted once: archived, else suspended, else buried, else by state');
  });

  it('lists dropped cards only in a collection that has some, and says where they count', () => {
    const r = statsFixtureReport();
    const dropped = { ...r, cards: { ...r.cards, total: 12, dropped: 1 } };
    const lines = section(plain(dropped), 'Cards  ');
    expect(lines.slice(5, 8).map((l) => l.slice(0, 30).trimEnd())).toEqual(['  suspended         1    8.3%', '  dropped           1    8.3%', '  buried            2   16.7%']);
    expect(plain(dropped)).toContain('  each card counted once: archived, else dropped, else suspended, else buried, else by state');
    expect(plain(r)).not.toContain('dropped');
  });

  it('fits 80 columns, even with huge counts and long deck names', () => {
    for (const r of [statsFixtureReport(), statsFixtureReport(false), hugeReport()]) {
      for (const color of [false, true]) {
        const over = statsText(r, { color, width: 80 }).filter((l) => visibleWidth(l) > 80);
        expect(over).toEqual([]);
      }
    }
  });

  it('uses escape sequences only with colour, and says the same either way', () => {
    const r = statsFixtureReport();
    const coloured = statsText(r, { color: true, width: 80 });
    expect(coloured.join('\n')).toMatch(/\x1b\[38;5;46m█\x1b\[39m/);
    expect(plain(r).join('\n')).not.toMatch(/\x1b/);
    expect(coloured.map((l) => l.replace(/\x1b\[[0-9;]*m/g, ''))).toEqual(plain(r));
  });

  it('reads sensibly with no reviews', () => {
    const text = plain(statsFixtureReport(false)).join('\n');
    expect(text).toContain('engram stats: no decks yet');
    expect(text).toContain('  all time           0  no reviews yet');
    expect(text).toContain('Reviews per day, last 12 months\n  no reviews yet');
    expect(text).toContain('  nothing due in the next 30 days');
    expect(text).toContain('  no reviews of cards in review yet');
    expect(text).toContain('  no decks yet');
    expect(text).not.toMatch(/NaN|undefined|Infinity|null/);
  });
});
