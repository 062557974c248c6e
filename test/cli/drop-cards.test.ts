import { describe, expect, it } from 'vitest';
import { cliEnv, md, type CardJson, type CliEnv, type DeckJson } from './cli-env.js';
import { cardsByFront, deckFile, importFiles, type DueJson } from './study-fixtures.js';

/** Notes in deck N (every card of them derived), and deck D of two written cards. */
const NOTES = md(
  '---',
  'deck: N',
  '---',
  '',
  '# Distributed systems',
  '',
  '- **Fencing token:** a number the lock service increases with every grant.',
  '- **Quorum:** a majority of nodes whose decision counts.',
  '',
);

interface World {
  env: CliEnv;
  /** Card ids: the two written cards, the derived card asking about Quorum, one asking about fencing tokens, and every derived card. */
  written: [number, number];
  quorum: number;
  fencing: number;
  derived: CardJson[];
}

function world(): World {
  const env = cliEnv();
  importFiles(env, { 'd.md': deckFile('D', ['Card one', 'Card two']), 'notes.md': NOTES });
  const cards = [...cardsByFront(env).values()];
  const derived = cards.filter((c) => c.syntax.startsWith('note-'));
  // By what the card asks, whichever rule made it (the rules change; the notes here do not).
  const about = (word: string) => derived.find((c) => c.front.toLowerCase().includes(word))!.id;
  const written: [number, number] = [cards.find((c) => c.front === 'Card one')!.id, cards.find((c) => c.front === 'Card two')!.id];
  return { env, written, quorum: about('quorum'), fencing: about('fencing'), derived };
}

const dueIds = (env: CliEnv): number[] => {
  const r = env.json<DueJson>(['due']);
  if (r.status !== 0) throw new Error(`due failed (${r.status}): ${r.stderr}`);
  return r.data.cards.map((c) => c.id);
};

describe('engram drop / undrop', () => {
  it('drop prints the id and the card leaves due, cards and the deck total; cards --dropped lists it with its rule and time', () => {
    const { env, quorum, written, derived } = world();
    expect(env.run(['drop', String(quorum)])).toEqual({ status: 0, stdout: `Dropped ${quorum}\n`, stderr: '' });
    const rest = [...written, ...derived.map((c) => c.id).filter((id) => id !== quorum)];
    expect(dueIds(env).sort((a, b) => a - b)).toEqual(rest.sort((a, b) => a - b));

    const listed = env.run(['cards', '--deck', 'N']).stdout.trimEnd().split('\n');
    expect(listed.slice(1, -1).some((l) => new RegExp(`^\\s*${quorum}  `).test(l))).toBe(false);
    expect(listed.at(-1)).toBe('(1 dropped card not shown; --dropped lists them.)');

    const dropped = env.json<CardJson[]>(['cards', '--dropped']).data;
    expect(dropped.map((c) => [c.id, c.deck, c.dropped, c.droppedAt])).toEqual([[quorum, 'N', true, '2026-03-02T10:00:00.000Z']]);
    const rule = derived.find((c) => c.id === quorum)!.rule!;
    expect(dropped[0]!.rule).toEqual(rule);
    const text = env.run(['cards', '--dropped']).stdout.trimEnd().split('\n');
    expect(text[0]!.split(/\s{2,}/)).toEqual(['id', 'deck', 'rule', 'front', 'dropped', 'source']);
    expect(text[1]).toMatch(new RegExp(`^\\s*${quorum}  N +${rule.name}  .*  2026-03-02 10:00 UTC  notes\\.md:\\d+$`));
    expect(text.slice(2)).toEqual(['', 'Rules:', `  ${rule.name}  ${rule.madeBy}`]);

    const decks = env.json<DeckJson[]>(['decks']).data;
    expect(decks.find((d) => d.name === 'N')).toMatchObject({ total: derived.length - 1, new: derived.length - 1, dropped: 1 });
    expect(env.run(['decks']).stdout.split('\n')[0]!.trim().split(/\s{2,}/)).toEqual(['deck', 'total', 'new', 'new today', 'due', 'learning', 'suspended', 'dropped']);
  });

  it('a dropped card stays dropped after a re-sync, an import of its file, and an import of it in notes mode', () => {
    const { env, quorum } = world();
    env.run(['drop', String(quorum)]);
    for (const args of [['import'], ['import', 'notes.md'], ['import', '--mode', 'notes', 'notes.md']]) {
      expect(env.run(args).status).toBe(0);
      expect(env.json<CardJson[]>(['cards', '--dropped']).data.map((c) => c.id), args.join(' ')).toEqual([quorum]);
      expect(dueIds(env), args.join(' ')).not.toContain(quorum);
    }
  });

  it('export marks it dropped in card records and leaves it out of the deck written back as markdown', () => {
    const { env, quorum, derived } = world();
    env.run(['drop', String(quorum)]);
    const records = env.run(['export', 'N', '--what', 'cards', '--format', 'json']);
    expect(records.status).toBe(0);
    const flags = (JSON.parse(records.stdout) as { id: number; dropped: boolean }[]).map((r) => [r.id, r.dropped]);
    expect(flags).toEqual(derived.map((c) => [c.id, c.id === quorum]));
    const deck = env.run(['export', 'N', '--what', 'deck']);
    expect(deck.status).toBe(0);
    // Each card is written as its question: the dropped card's is not there, every other one is.
    const questions = deck.stdout.split('\n').filter((l) => /^[QC]: /.test(l));
    const asked = (c: CardJson) => questions.some((q) => q.includes(c.front.split('\n')[0]!.replace(/\*\*\[\.\.\.\]\*\*/, '')));
    expect(derived.filter(asked).map((c) => c.id)).toEqual(derived.map((c) => c.id).filter((id) => id !== quorum));
  });

  it('undrop brings it back into due and the listings; undropping a card not dropped is no error', () => {
    const { env, quorum, fencing } = world();
    env.run(['drop', String(quorum)]);
    expect(env.run(['undrop', String(quorum), String(fencing)])).toEqual({ status: 0, stdout: `Undropped ${quorum}, ${fencing}\n`, stderr: '' });
    expect(dueIds(env)).toContain(quorum);
    const r = env.run(['cards', '--dropped']);
    expect([r.status, r.stdout]).toEqual([4, 'No dropped cards.\n']);
  });

  it('refuses a card written by hand (exit 2), saying what to do instead, and drops the derived ones given with it', () => {
    const { env, quorum, written } = world();
    expect(env.run(['drop', String(written[0])])).toEqual({
      status: 2,
      stdout: '',
      stderr: `engram: Card ${written[0]} was written as a card, not derived from notes: only derived cards can be dropped. Suspend it (engram suspend ${written[0]}) or edit its file.\n`,
    });
    expect(env.run(['drop', String(quorum), String(written[0]), String(written[1])])).toEqual({
      status: 2,
      stdout: `Dropped ${quorum}\n`,
      stderr: `engram: Cards ${written[0]}, ${written[1]} were written as cards, not derived from notes: only derived cards can be dropped. Suspend them (engram suspend ${written[0]} ${written[1]}) or edit their files.\n`,
    });
  });

  it('an unknown id exits 4 (nothing matched), naming a written card refused with it too', () => {
    const { env, written } = world();
    for (const change of ['drop', 'undrop']) expect(env.run([change, '9999'])).toEqual({ status: 4, stdout: '', stderr: 'engram: no card with id 9999.\n' });
    expect(env.run(['drop', String(written[0]), '9999'])).toEqual({
      status: 4,
      stdout: '',
      stderr: `engram: no card with id 9999. And card ${written[0]} was written as a card, not derived from notes: only derived cards can be dropped. Suspend it (engram suspend ${written[0]}) or edit its file.\n`,
    });
  });
});

describe('engram cards --from notes', () => {
  it('names the rule that made each card in the table, with what each rule reads below it, and in --json', () => {
    const { env, derived } = world();
    const json = env.json<CardJson[]>(['cards', '--from', 'notes']).data;
    expect(json.map((c) => c.id)).toEqual(derived.map((c) => c.id));
    // The rule is the card's syntax without note-, described as import --explain describes it.
    for (const c of json) expect(c.rule?.name).toBe(c.syntax.slice('note-'.length).replace(/-/g, ' '));
    expect(json.find((c) => c.syntax === 'note-definition')!.rule).toEqual({ name: 'definition', madeBy: 'definition bullets (- **Term:** definition)' });

    const lines = env.run(['cards', '--from', 'notes']).stdout.trimEnd().split('\n');
    expect(lines[0]!.split(/\s{2,}/)).toEqual(['id', 'deck', 'kind', 'rule', 'front', 'back', 'context', 'source']);
    json.forEach((c, i) => expect(lines[i + 1]).toMatch(new RegExp(`^\\s*${c.id}  N +${c.kind}  ${c.rule!.name} +`)));
    const rules = [...new Map(json.map((c) => [c.rule!.name, c.rule!.madeBy])).entries()].sort(([a], [b]) => a.localeCompare(b));
    const width = Math.max(...rules.map(([name]) => name.length));
    expect(lines.slice(json.length + 1)).toEqual(['', 'Rules:', ...rules.map(([name, madeBy]) => `  ${name.padEnd(width)}  ${madeBy}`)]);
    expect(env.json<CardJson[]>(['cards', '--from', 'cards']).data.map((c) => c.rule)).toEqual([null, null]);
  });
});
