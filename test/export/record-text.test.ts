import { describe, expect, it } from 'vitest';
import { cardLayout, type CardRecord } from '../../src/export/card-records.js';
import { csvText, recordText, type RecordLayout } from '../../src/export/record-text.js';
import { REVLOG_HEADER, reviewJson, revlogLine, type ReviewRow, type RevlogRow } from '../../src/export/review-records.js';
import { flattenReport, statsText } from '../../src/export/stats-records.js';

const PAIR: RecordLayout<[string, number]> = { header: ['name', 'n'], cells: (r) => r, json: ([name, n]) => ({ name, n }) };
const text = (records: [string, number][], format: 'csv' | 'json' | 'jsonl') => [...recordText(records, format, PAIR)].join('');

describe('recordText', () => {
  it('writes CSV with its header, JSON lines, and a JSON array one record a line', () => {
    const rows: [string, number][] = [['a,b', 1], ['c', 2]];
    expect(text(rows, 'csv')).toBe('name,n\n"a,b",1\nc,2\n');
    expect(text(rows, 'jsonl')).toBe('{"name":"a,b","n":1}\n{"name":"c","n":2}\n');
    expect(text(rows, 'json')).toBe('[\n{"name":"a,b","n":1},\n{"name":"c","n":2}\n]\n');
    expect(JSON.parse(text(rows, 'json'))).toEqual([{ name: 'a,b', n: 1 }, { name: 'c', n: 2 }]);
  });

  it('writes no records as a header, nothing, or an empty array', () => {
    expect(text([], 'csv')).toBe('name,n\n');
    expect(text([], 'jsonl')).toBe('');
    expect(text([], 'json')).toBe('[]\n');
  });

  it('pulls records one at a time', () => {
    let pulled = 0;
    const rows = (function* () {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield ['x', i] as [string, number];
      }
    })();
    const pieces = recordText(rows, 'csv', PAIR);
    pieces.next();
    pieces.next();
    expect(pulled).toBe(1);
  });
});

const review: ReviewRow = [7, 3, Date.parse('2026-03-01T09:30:00Z'), 3, 2, 4, 5200, 's1', null];

describe('review records', () => {
  it('are the FSRS revlog in CSV', () => {
    const revlog: RevlogRow[] = [
      [review[1], review[2], review[3], review[4], review[6]],
      [4, 1772357460000, 1, null, 0],
    ];
    expect([...csvText(revlog, REVLOG_HEADER, revlogLine)].join('')).toBe(
      'card_id,review_time,review_rating,review_state,review_duration\n3,1772357400000,3,2,5200\n4,1772357460000,1,,0\n',
    );
  });

  it('carry every field of the log in JSON, the time as ISO and ms, the state by name, the deck of the card', () => {
    expect(reviewJson((id) => (id === 3 ? 'sql' : null))(review)).toEqual({
      id: 7,
      card_id: 3,
      deck: 'sql',
      reviewed_at: '2026-03-01T09:30:00.000Z',
      reviewed_at_ms: 1772357400000,
      rating: 3,
      state_before: 'review',
      last_interval: 4,
      duration_ms: 5200,
      session_id: 's1',
      device: null,
    });
  });
});

describe('card records', () => {
  const NOW = Date.parse('2026-03-02T10:00:00Z');
  const card: CardRecord = {
    id: 1,
    deck: 'd',
    source_path: '/x/d.md',
    line: 4,
    end_line: 6,
    kind: 'basic',
    syntax: 'qa',
    title: null,
    context: null,
    heading_path: '["A","B"]',
    front: 'Why, "exactly"?',
    back: 'Two\nlines',
    state: null,
    due: null,
    stability: null,
    difficulty: null,
    scheduled_days: null,
    reps: null,
    lapses: null,
    last_review: null,
    suspended_at: null,
    buried_until: NOW - 1,
    archived_at: null,
    dropped_at: null,
  };

  it('write a new card with no schedule, and quote its fields', () => {
    expect([...recordText([card], 'csv', cardLayout(NOW))].join('').split('\n').slice(1).join('\n')).toBe(
      '1,d,/x/d.md,4,basic,qa,,,"[""A"",""B""]","Why, ""exactly""?","Two\nlines",new,,,,,,0,0,,false,,false,false\n',
    );
  });

  it('write a dropped card as dropped', () => {
    const dropped = { ...card, dropped_at: NOW - 60_000 };
    expect(cardLayout(NOW).cells(dropped).at(-1)).toBe(true);
    expect(cardLayout(NOW).json(dropped)).toMatchObject({ suspended: false, archived: false, dropped: true });
  });

  it('write a reviewed, suspended, buried card with its schedule', () => {
    const due = Date.parse('2026-03-05T04:00:00Z');
    const reviewed = { ...card, state: 2, due, stability: 3.5, difficulty: 5.25, scheduled_days: 3, reps: 4, lapses: 1, last_review: due - 3 * 86_400_000, suspended_at: NOW, buried_until: NOW + 1000 };
    expect(cardLayout(NOW).cells(reviewed).slice(11)).toEqual([
      'review', '2026-03-05T04:00:00.000Z', due, 3.5, 5.25, 3, 4, 1, '2026-03-02T04:00:00.000Z', true, '2026-03-02T10:00:01.000Z', false, false,
    ]);
    expect(cardLayout(NOW).json(reviewed)).toMatchObject({
      source: { path: '/x/d.md', line: 4, end_line: 6 },
      heading_path: ['A', 'B'],
      state: 'review',
      due: '2026-03-05T04:00:00.000Z',
      due_ms: due,
      last_review_ms: due - 3 * 86_400_000,
      suspended: true,
      buried_until: '2026-03-02T10:00:01.000Z',
    });
  });
});

describe('stats text', () => {
  const report = { date: '2026-03-02', today: { due: 3, againRate: null }, decks: ['a', 'b'], forecast: [{ due: 1 }], empty: [] };

  it('flattens a report to dotted figures', () => {
    expect(flattenReport(report)).toEqual([
      ['date', '2026-03-02'],
      ['today.due', 3],
      ['today.againRate', null],
      ['decks.0', 'a'],
      ['decks.1', 'b'],
      ['forecast.0.due', 1],
    ]);
  });

  it('writes JSON as engram stats --json does, CSV figures, and one JSON line per section', () => {
    expect(statsText(report, 'json')).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(statsText(report, 'csv')).toBe('figure,value\ndate,2026-03-02\ntoday.due,3\ntoday.againRate,\ndecks.0,a\ndecks.1,b\nforecast.0.due,1\n');
    expect(statsText(report, 'jsonl').split('\n')).toEqual([
      '{"date":"2026-03-02"}',
      '{"today":{"due":3,"againRate":null}}',
      '{"decks":["a","b"]}',
      '{"forecast":[{"due":1}]}',
      '{"empty":[]}',
      '',
    ]);
  });
});
