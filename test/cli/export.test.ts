import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DeckCard } from '../../src/export/deck-notes.js';
import { asWrittenCard } from '../../src/export/written-card.js';
import { appendReview } from '../../src/store/reviews.js';
import { cliEnv, md, type CardJson, type CliEnv } from './cli-env.js';
import { DAY, idOf, importFiles, stateAt, withStore } from './study-fixtures.js';

const at = (iso: string) => Date.parse(iso);

/**
 * Two decks, four cards, six answers: four recorded with the state before them
 * (as engram records answers now) and two without (as before schema v3), which
 * the export fills in by replaying the card's log.
 */
function studied(): { env: CliEnv; ids: Record<string, number> } {
  const env = cliEnv();
  // One import each, so the ids are known: sql's cards 1 and 2, then geo's 3 (forward) and 4 (reversed).
  importFiles(env, { 'sql.md': md('---', 'deck: sql', '---', '', 'q1::a1', 'q2::a2') });
  importFiles(env, { 'geo.md': md('---', 'deck: geo', '---', '', 'Paris:::France') });
  const ids = { q1: idOf(env, 'q1'), q2: idOf(env, 'q2'), paris: idOf(env, 'Paris') };
  withStore(env, (store) => {
    const answer = (cardId: number, iso: string, rating: 1 | 2 | 3 | 4, durationMs: number, before?: ReturnType<typeof stateAt> | null) =>
      appendReview(store, { cardId, reviewedAt: at(iso), rating, durationMs, sessionId: 's1', device: 'test' }, before);
    answer(ids.q1, '2026-02-20T09:00:00Z', 3, 4000, null);
    answer(ids.q2, '2026-02-20T09:01:00Z', 1, 12000, null);
    answer(ids.q1, '2026-02-20T09:10:00Z', 3, 3000, stateAt('learning', at('2026-02-20T09:10:00Z')));
    answer(ids.q1, '2026-02-23T08:00:00Z', 4, 2500, stateAt('review', at('2026-02-23T04:00:00Z')));
    answer(ids.paris, '2026-02-24T18:30:00Z', 3, 7000);
    answer(ids.paris, '2026-02-24T18:31:30Z', 3, 6000);
  });
  return { env, ids };
}

/** The revlog of `studied()`: card ids 1, 2 (sql) and 3 (geo's forward card), times in ms. */
const REVLOG = [
  'card_id,review_time,review_rating,review_state,review_duration',
  '1,1771578000000,3,0,4000',
  '2,1771578060000,1,0,12000',
  '1,1771578600000,3,1,3000',
  '1,1771833600000,4,2,2500',
  '3,1771957800000,3,0,7000',
  '3,1771957890000,3,1,6000',
  '',
].join('\n');

describe('engram export --what reviews', () => {
  it('prints the review log as the FSRS revlog CSV, in log order, with the state before each answer', () => {
    const { env, ids } = studied();
    expect(ids).toEqual({ q1: 1, q2: 2, paris: 3 });
    const r = env.run(['export', '--what', 'reviews']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(REVLOG);
  });

  it('-o writes the same to a file, says so on stderr, and leaves no temporary file', () => {
    const { env } = studied();
    const r = env.run(['export', '--what', 'reviews', '-o', 'revlog.csv']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('wrote 6 reviews to revlog.csv\n');
    expect(readFileSync(join(env.work, 'revlog.csv'), 'utf8')).toBe(REVLOG);
    expect(readdirSync(env.work).sort()).toEqual(['geo.md', 'revlog.csv', 'sql.md']);
  });

  it('never overwrites a file without --force', () => {
    const { env } = studied();
    env.write('revlog.csv', 'keep me\n');
    const r = env.run(['export', '--what', 'reviews', '-o', 'revlog.csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('engram: revlog.csv already exists; add --force to overwrite it, or pick another name.\n');
    expect(readFileSync(join(env.work, 'revlog.csv'), 'utf8')).toBe('keep me\n');

    const forced = env.run(['export', '--what', 'reviews', '-o', 'revlog.csv', '--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(join(env.work, 'revlog.csv'), 'utf8')).toBe(REVLOG);
    expect(readdirSync(env.work).sort()).toEqual(['geo.md', 'revlog.csv', 'sql.md']);
  });

  it('refuses a folder, or a file in a folder that does not exist', () => {
    const { env } = studied();
    expect(env.run(['export', '--what', 'reviews', '-o', '.']).stderr).toBe(`engram: ${env.work} is a folder; give -o a file name.\n`);
    const r = env.run(['export', '--what', 'reviews', '-o', 'no/such/revlog.csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('engram: cannot write no/such/revlog.csv: the folder no/such does not exist.\n');
  });

  it('exports only the decks named; an unknown deck is an error naming the decks there are', () => {
    const { env } = studied();
    expect(env.run(['export', 'sql', '--what', 'reviews']).stdout).toBe(REVLOG.split('\n').filter((l) => !l.startsWith('3,')).join('\n'));
    const r = env.run(['export', 'nope', '--what', 'reviews']);
    expect(r.status).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('engram: no deck named "nope". Decks: geo, sql.\n');
  });

  it('JSON lines give one line per review; JSON gives an array with every field of the log', () => {
    const { env } = studied();
    const lines = env.run(['export', '--what', 'reviews', '--format', 'jsonl']).stdout.split('\n');
    expect(lines.length).toBe(7);
    expect(lines[6]).toBe('');
    const all = JSON.parse(env.run(['export', '--what', 'reviews', '--format', 'json']).stdout) as unknown[];
    expect(all.length).toBe(6);
    expect(all.map((l) => JSON.stringify(l))).toEqual(lines.slice(0, 6));
    expect(all[3]).toEqual({
      id: 4,
      card_id: 1,
      deck: 'sql',
      reviewed_at: '2026-02-23T08:00:00.000Z',
      reviewed_at_ms: 1771833600000,
      rating: 4,
      state_before: 'review',
      last_interval: 3,
      duration_ms: 2500,
      session_id: 's1',
      device: 'test',
    });
  });

  it('a store with no reviews gives the header only, or an empty array', () => {
    const env = cliEnv();
    importFiles(env, { 'a.md': md('q::a') });
    expect(env.run(['export', '--what', 'reviews']).stdout).toBe('card_id,review_time,review_rating,review_state,review_duration\n');
    expect(env.run(['export', '--what', 'reviews', '--format', 'json']).stdout).toBe('[]\n');
  });
});

describe('engram export --what cards', () => {
  it('writes one CSV row per card with its schedule, quoting commas, quotes and line breaks', () => {
    const { env } = studied();
    env.write('sql.md', md('---', 'deck: sql', '---', '', 'q1::a1', 'q2::a2', '', 'Q: Why, "exactly"?', 'A: line 1', 'line 2'));
    expect(env.run(['import', 'sql.md']).status).toBe(0);
    const r = env.run(['export', 'sql', '--what', 'cards']);
    expect(r.status).toBe(0);
    const sql = join(env.work, 'sql.md');
    expect(r.stdout).toBe(
      [
        'id,deck,source,line,kind,syntax,title,context,heading_path,front,back,state,due,due_ms,stability,difficulty,scheduled_days,reps,lapses,last_review,suspended,buried_until,archived,dropped',
        `1,sql,${sql},5,basic,inline,,,[],q1,a1,new,,,,,,0,0,,false,,false,false`,
        `2,sql,${sql},6,basic,inline,,,[],q2,a2,new,,,,,,0,0,,false,,false,false`,
        `5,sql,${sql},8,basic,qa,,,[],"Why, ""exactly""?","line 1\nline 2",new,,,,,,0,0,,false,,false,false`,
        '',
      ].join('\n'),
    );
  });

  it('carries the cached state; --archived adds archived cards', () => {
    const { env, ids } = studied();
    const due = at('2026-03-05T04:00:00Z');
    withStore(env, (store) => {
      store.db.prepare('INSERT INTO card_state VALUES (?, 2, ?, 4.5, 5.5, 3, 0, 2, 0, ?)').run(ids.q1, due, due - 3 * DAY);
    });
    env.write('sql.md', md('---', 'deck: sql', '---', '', 'q1::a1'));
    expect(env.run(['import', 'sql.md']).status).toBe(0);
    const cards = (args: string[]) => env.run(['export', 'sql', '--what', 'cards', '--format', 'jsonl', ...args]).stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(cards([])).toEqual([
      expect.objectContaining({ id: 1, state: 'review', due: '2026-03-05T04:00:00.000Z', due_ms: due, stability: 4.5, difficulty: 5.5, scheduled_days: 3, reps: 2, lapses: 0, last_review: '2026-03-02T04:00:00.000Z', archived: false }),
    ]);
    expect(cards(['--archived']).map((c) => [c['id'], c['archived']])).toEqual([
      [1, false],
      [2, true],
    ]);
  });
});

/** What a card says, for comparing two stores' cards. */
function said(c: CardJson) {
  return JSON.stringify([c.deck, c.kind, c.syntax, c.front, c.back, c.title, c.context, c.headingPath]);
}

function cardsOf(env: CliEnv, db: string, asWritten = false): string[] {
  const r = env.json<CardJson[]>(['cards', '--db', db]);
  expect(r.status).toBe(0);
  return r.data.map((c) => said(asWritten ? asWrittenCard(c as unknown as DeckCard) as unknown as CardJson : c)).sort();
}

const EVERY_SYNTAX = {
  'title.md': md(
    '---',
    'deck: every syntax',
    '---',
    '',
    '# Caching',
    '',
    '#### Write-through',
    'A write-through cache writes to both.',
    '',
    ':p What does it do on a write?',
    '??x',
    'Writes both.',
    '```java',
    'cache.put(k, v);',
    '',
    '    store.put(k, v);',
    '```',
    'x??',
    '',
    '---',
    '',
    ':p No title here?',
    '??x',
    '- one',
    '',
    '- two',
    'x??',
  ),
  'qa.md': md('---', 'tags: [flashcards/every syntax]', '---', '', '## Q and A', '', 'Q: What does TCP add?', 'A: Ordered bytes,', '', '- reliably', '', 'C: The capital of [France] is [Paris].', '', 'C: [Only] one gap.'),
  'osr.md': md(
    '---',
    'deck: every syntax',
    '---',
    '',
    '- pwd::`pwd`',
    'Hydrogen:::H',
    '',
    'What does this print?',
    '```python',
    'print(1)',
    '```',
    '?',
    '1',
    '',
    'A question over',
    'two lines',
    '??',
    'An answer both ways',
    '',
    'The ==mitochondrion== is the ==powerhouse== of the cell.',
  ),
  'anki.md': md('---', 'deck: every syntax', '---', '', '# Anki', '', '{{c1::Canberra}} is the capital of {{c2::Australia::country}}.', '', '{{c1::Ottawa}} and {{c1::Canada}}.'),
};

describe('engram export --what deck', () => {
  it('writes a deck of every syntax back to markdown that imports to the same cards', () => {
    const env = cliEnv();
    importFiles(env, EVERY_SYNTAX);
    const r = env.run(['export', 'every syntax', '--what', 'deck', '-o', 'out.md']);
    expect(r.stderr).toBe('wrote 17 cards of deck "every syntax" to out.md\n');
    expect(r.status).toBe(0);
    const fresh = join(env.work, 'fresh.db');
    expect(env.run(['import', 'out.md', '--db', fresh]).status).toBe(0);
    expect(cardsOf(env, fresh)).toEqual(cardsOf(env, env.defaultStore));
    expect(cardsOf(env, fresh).length).toBe(17);
  });

  it('writes every bundled deck to a folder, one file each, that imports to the same cards', () => {
    const env = cliEnv();
    const decks = fileURLToPath(new URL('../../decks', import.meta.url));
    expect(env.run(['import', decks]).status).toBe(0);
    const r = env.run(['export', '--what', 'deck', '-o', 'out']);
    expect(r.status).toBe(0);
    const files = readdirSync(join(env.work, 'out')).sort();
    expect(files.length).toBe(readdirSync(decks).filter((f) => f.endsWith('.md')).length);
    expect(r.stderr.split('\n').filter(Boolean).length).toBe(files.length);
    const fresh = join(env.work, 'fresh.db');
    expect(env.run(['import', 'out', '--db', fresh]).status).toBe(0);
    // Cards derived from notes come back as the written cards they ask (Q:/A:, C:), without their context.
    expect(cardsOf(env, fresh)).toEqual(cardsOf(env, env.defaultStore, true));
    // Again into the same folder: refused without --force, every file kept.
    const again = env.run(['export', '--what', 'deck', '-o', 'out']);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/^engram: out\/.*\.md already exists; add --force to overwrite it, or pick another name\.\n$/);
    expect(env.run(['export', '--what', 'deck', '-o', 'out', '--force']).status).toBe(0);
  });

  it('several decks need a folder, not stdout', () => {
    const { env } = studied();
    const r = env.run(['export', '--what', 'deck']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'engram: 2 decks are selected and a markdown file holds one deck: give -o a folder (one file per deck, e.g. -o decks-export/) or name one deck (geo, sql).\n',
    );
  });

  it('names a card it cannot write back, leaves it out, writes the rest and exits 1', () => {
    const { env, ids } = studied();
    withStore(env, (store) => store.db.prepare("UPDATE cards SET front = 'two\nlines' WHERE id = ?").run(ids.q2));
    const r = env.run(['export', 'sql', '--what', 'deck']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('engram: card 2 at sql.md:6 cannot be written back as markdown: a front::back card must fit on one line. It was left out; copy it from its file by hand.\n');
    expect(r.stdout).toBe(md('---', 'deck: sql', '---', '', 'q1::a1'));
  });
});

describe('engram export --what stats', () => {
  it('prints what engram stats --json prints, or its figures as CSV', () => {
    const { env } = studied();
    const stats = env.run(['stats', '--json']);
    expect(stats.status).toBe(0);
    const r = env.run(['export', '--what', 'stats']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(stats.stdout);
    const csv = env.run(['export', 'geo', '--what', 'stats', '--format', 'csv']).stdout.split('\n');
    expect(csv[0]).toBe('figure,value');
    expect(csv).toContain('decks.0,geo');
  });
});

describe('engram export usage', () => {
  it('asks what to export, and refuses a format that does not fit', () => {
    const { env } = studied();
    const r = env.run(['export']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('engram: say what to export with --what: reviews, cards, deck, stats, apkg (e.g. engram export --what reviews -o revlog.csv).\n');
    expect(env.run(['export', '--what', 'deck', '--format', 'json']).stderr).toBe('engram: --what deck takes --format markdown (md), not "json"; see the formats in engram export --help.\n');
  });
});
