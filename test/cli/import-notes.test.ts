import { describe, expect, it } from 'vitest';
import { cliEnv, md, type CardJson } from './cli-env.js';

// A bullet summary and a chapter in prose, in the shapes of users' notes (not copies of any).
const SUMMARY = md(
  '# Storage engines',
  '',
  '- **B-tree:** a balanced tree of fixed-size pages, updated in place.',
  '- **LSM-tree:** sorted runs written once and merged in the background.',
  '- **Write amplification:** one write to the database causing several writes to disk.',
);
const CHAPTER = md(
  '# Encoding',
  '',
  'Turning in-memory objects into bytes is called *encoding*.',
  'The reverse is called *decoding*.',
);
const CARDS = md('Q: What does a WAL protect against?', 'A: Losing committed writes in a crash.');

type ExplainJson = { files: { path: string; cards: number; mode: string; madeBy: Record<string, number> }[] };

describe('engram import: notes', () => {
  it('derives cards from notes, keeps written cards for card files, and --explain says which extractor made how many', () => {
    const env = cliEnv();
    env.write('notes/summary.md', SUMMARY);
    env.write('notes/chapter.md', CHAPTER);
    env.write('notes/cards.md', CARDS);
    const r = env.run(['import', 'notes', '--explain']);
    expect(r.status).toBe(0);
    const explained = r.stdout.slice(r.stdout.indexOf('\n\nnotes/'));
    expect(explained).toBe(
      [
        '',
        '',
        'notes/cards.md (mode auto): 1 card, the cards written in it',
        '  1  written cards (Q: / A:)',
        '',
        // One paragraph is one point: not enough for a "key points" card.
        'notes/chapter.md (mode auto): 2 cards, cards derived from its notes',
        '  2  definitions in prose (X is ... -> What is X?)',
        '',
        'notes/summary.md (mode auto): 3 cards, cards derived from its notes',
        '  3  definition bullets (- **Term:** definition)',
        '',
      ].join('\n'),
    );
    const cards = env.json<CardJson[]>(['cards']).data as (CardJson & { derived: boolean })[];
    expect(cards.filter((c) => c.deck === 'summary').map((c) => [c.front, c.back, c.derived])).toEqual([
      ['What is a B-tree?', 'A balanced tree of fixed-size pages, updated in place.', true],
      ['What is an LSM-tree?', 'Sorted runs written once and merged in the background.', true],
      ['What is write amplification?', 'One write to the database causing several writes to disk.', true],
    ]);
    const fromNotes = env.json<CardJson[]>(['cards', '--from', 'notes']).data.map((c) => c.deck);
    expect(fromNotes).toEqual(['chapter', 'chapter', 'summary', 'summary', 'summary']);
    expect(env.json<CardJson[]>(['cards', '--from', 'cards']).data.map((c) => c.front)).toEqual(['What does a WAL protect against?']);
  });

  it('--mode is kept for the file: a later bare re-sync of an edit reads it the same way', () => {
    const env = cliEnv();
    const mixed = env.write('mixed.md', SUMMARY + '\n' + CARDS);
    expect(env.json<ExplainJson>(['import', 'mixed.md', '--explain']).data.files[0]).toMatchObject({ cards: 1, mode: 'auto', madeBy: { qa: 1 } });
    expect(env.json<ExplainJson>(['import', 'mixed.md', '--mode', 'notes', '--explain']).data.files[0]).toMatchObject({
      cards: 3,
      mode: 'notes',
      madeBy: { 'note-definition': 3 },
    });
    env.write('mixed.md', SUMMARY.replace('updated in place', 'updated in place, page by page') + '\n' + CARDS);
    const resync = env.json<ExplainJson>(['import', '--explain']);
    expect(resync.data.files[0]).toMatchObject({ path: 'mixed.md', cards: 3, mode: 'notes', madeBy: { 'note-definition': 3 } });
    expect(mixed.endsWith('mixed.md')).toBe(true);
  });

  it('engram check reads files in the mode asked for, writing nothing', () => {
    const env = cliEnv();
    env.write('summary.md', SUMMARY);
    expect(env.run(['check', 'summary.md']).stdout).toBe('summary.md: 3 cards for deck "summary"\nChecked 1 file: 3 cards, no problems.\n');
    const asCards = env.run(['check', 'summary.md', '--mode', 'cards']);
    expect(asCards.stdout).toContain('summary.md: 0 cards for deck "summary"\n');
    expect(asCards.stdout).toContain('summary.md: warning: has no cards.');
  });

  it('refuses an unknown mode with the choices (usage: exit 2)', () => {
    const env = cliEnv();
    env.write('a.md', CARDS);
    const r = env.run(['import', 'a.md', '--mode', 'prose']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("error: option '--mode <mode>' argument 'prose' is invalid. Allowed choices are auto, cards, notes.");
  });
});
