import { describe, expect, it } from 'vitest';
import { deckFiles, safeFileName } from '../../src/anki/deck-files.js';
import { fieldMarkdown, type FieldMedia } from '../../src/anki/html-markdown.js';
import { ankiNoteId, clozeNumbers, guidOfNoteId, planNotes } from '../../src/anki/note-plan.js';
import type { AnkiCard, AnkiCollection, AnkiNoteType } from '../../src/model/anki-collection.js';
import { parseSource } from '../../src/parse/parse-source.js';

const ANSWER = '{{FrontSide}}\n\n<hr id=answer>\n\n';
const TYPES: AnkiNoteType[] = [
  { id: 1, name: 'Basic', cloze: false, fields: ['Front', 'Back'], templates: [{ name: 'Card 1', front: '{{Front}}', back: `${ANSWER}{{Back}}` }] },
  {
    id: 2,
    name: 'Basic (optional reversed card)',
    cloze: false,
    fields: ['Front', 'Back', 'Add Reverse'],
    templates: [
      { name: 'Card 1', front: '{{Front}}', back: `${ANSWER}{{Back}}` },
      { name: 'Card 2', front: '{{#Add Reverse}}{{Back}}{{/Add Reverse}}', back: `${ANSWER}{{Front}}` },
    ],
  },
  { id: 3, name: 'Basic (type in the answer)', cloze: false, fields: ['Front', 'Back'], templates: [{ name: 'Card 1', front: '{{Front}}\n\n{{type:Back}}', back: '{{Front}}<hr id=answer>{{type:Back}}' }] },
  { id: 4, name: 'Cloze', cloze: true, fields: ['Text', 'Back Extra'], templates: [{ name: 'Cloze', front: '{{cloze:Text}}', back: '{{cloze:Text}}<br>\n{{Back Extra}}' }] },
  { id: 5, name: 'Image Occlusion', cloze: true, fields: ['Occlusion', 'Image'], templates: [{ name: 'IO', front: '{{cloze:Occlusion}}{{Image}}', back: '{{cloze:Occlusion}}' }] },
  { id: 6, name: 'Vocab', cloze: false, fields: ['Word', 'Reading', 'Meaning'], templates: [{ name: 'Recognise', front: '{{Word}}', back: `${ANSWER}{{Reading}}<br>{{Meaning}}` }, { name: 'Listen', front: '{{Reading}}', back: '{{Word}}' }] },
];

function card(id: number, noteId: number, ord: number, deckId = 10): AnkiCard {
  return { id, noteId, deckId, ord, type: 0, queue: 0, due: 0, ivl: 0, factor: 0, reps: 0, lapses: 0, originalDeckId: 0, data: '' };
}

function collection(notes: AnkiCollection['notes'], cards: AnkiCard[]): AnkiCollection {
  return {
    layout: 'anki21',
    schema: 11,
    createdSecs: 0,
    noteTypes: new Map(TYPES.map((t) => [t.id, t])),
    decks: new Map([[10, { id: 10, path: ['Lang', 'Spanish'], filtered: false }], [11, { id: 11, path: ['Cram'], filtered: true }]]),
    notes,
    cards,
  revlog: [],
  };
}

describe('planNotes', () => {
  it('writes each stock note type in engram syntax, with an id from its guid', () => {
    const c = collection(
      [
        { id: 1, guid: 'abc', noteTypeId: 1, tags: [], fields: ['<b>Hola</b>', 'Hello<br>Hi'] },
        { id: 2, guid: 'a<|>b', noteTypeId: 2, tags: [], fields: ['perro', 'dog', 'y'] },
        { id: 3, guid: 'n3', noteTypeId: 2, tags: [], fields: ['gato', 'cat', ''] },
        { id: 4, guid: 'n4', noteTypeId: 3, tags: [], fields: ['Capital of Spain?', '<i>Madrid</i>'] },
        { id: 5, guid: 'n5', noteTypeId: 4, tags: [], fields: ['{{c1::Madrid}} is on the {{c2::Manzanares::river}}', 'Extra&nbsp;fact'] },
      ],
      [card(100, 1, 0), card(200, 2, 0), card(201, 2, 1), card(300, 3, 0), card(400, 4, 0), card(500, 5, 0), card(501, 5, 1, 11)],
    );
    c.cards[6]!.originalDeckId = 10;
    const { plans, skipped } = planNotes(c, 'media');
    expect(skipped).toEqual([]);
    expect(plans.map((p) => p.markdown)).toEqual([
      `<!-- engram-id: ${ankiNoteId('abc')} -->\nQ: **Hola**\nA: Hello\nHi`,
      `<!-- engram-id: ${ankiNoteId('a<|>b')} -->\nperro\n??\ndog`,
      `<!-- engram-id: ${ankiNoteId('n3')} -->\nQ: gato\nA: cat`,
      `<!-- engram-id: ${ankiNoteId('n4')} -->\nQ: Capital of Spain?\nA: _Madrid_\n\n\`\`\`answer\nMadrid\n\`\`\``,
      `<!-- engram-id: ${ankiNoteId('n5')} -->\n{{c1::Madrid}} is on the {{c2::Manzanares::river}}\nExtra fact`,
    ]);
    expect(plans.map((p) => [...p.roles.entries()])).toEqual([
      [[100, { kind: 'basic' }]],
      [[200, { kind: 'basic' }], [201, { kind: 'reversed' }]],
      [[300, { kind: 'basic' }]],
      [[400, { kind: 'basic' }]],
      [[500, { kind: 'cloze', number: 1 }], [501, { kind: 'cloze', number: 2 }]],
    ]);
    expect(plans.every((p) => p.deck.join('::') === 'Lang::Spanish')).toBe(true);
  });

  it('gives the cards engram parses, by id, as many as Anki has', () => {
    const c = collection(
      [
        { id: 2, guid: 'rev', noteTypeId: 2, tags: [], fields: ['perro', 'dog', 'y'] },
        { id: 5, guid: 'clz', noteTypeId: 4, tags: [], fields: ['{{c1::Madrid}} is on the {{c2::Manzanares::river}}', ''] },
      ],
      [card(200, 2, 0), card(201, 2, 1), card(500, 5, 0), card(501, 5, 1)],
    );
    const [file] = deckFiles(planNotes(c, 'media').plans, () => false);
    expect(file!.path).toBe('Lang/Spanish.md');
    expect(file!.mediaFolder).toBe('Lang/media');
    const parsed = parseSource(Buffer.from(file!.text), file!.path, 'cards');
    expect(parsed.problems).toEqual([]);
    expect(parsed.deck).toBe('Lang/Spanish');
    expect(parsed.cards.map((k) => [k.explicitId, k.kind, k.front, k.back])).toEqual([
      [ankiNoteId('rev'), 'basic', 'perro', 'dog'],
      [ankiNoteId('rev'), 'reversed', 'dog', 'perro'],
      [ankiNoteId('clz'), 'cloze', '**[...]** is on the Manzanares', '**Madrid** is on the Manzanares'],
      [ankiNoteId('clz'), 'cloze', 'Madrid is on the **[river]**', 'Madrid is on the **Manzanares**'],
    ]);
  });

  it('maps other note types from their first template and says what it leaves out', () => {
    const c = collection(
      [
        { id: 6, guid: 'v', noteTypeId: 6, tags: [], fields: ['犬', 'いぬ', 'dog'] },
        { id: 7, guid: 'io', noteTypeId: 5, tags: [], fields: ['{{c1::image-occlusion:rect:left=.1}}', '<img src="a.png">'] },
        { id: 8, guid: 'empty', noteTypeId: 1, tags: [], fields: ['Front only', ''] },
        { id: 9, guid: 'none', noteTypeId: 1, tags: [], fields: ['No cards', 'x'] },
      ],
      [card(600, 6, 0), card(601, 6, 1), card(700, 7, 0), card(800, 8, 0)],
    );
    const { plans, skipped } = planNotes(c, 'media');
    expect(plans.map((p) => p.markdown)).toEqual([`<!-- engram-id: ${ankiNoteId('v')} -->\nQ: 犬\nA: いぬ\ndog`]);
    expect(plans[0]!.skipped.map((s) => [s.card.id, s.reason])).toEqual([[601, 'its note type "Vocab" has a card 2 that engram has no syntax for']]);
    expect(skipped.map((s) => [s.note.guid, s.reason])).toEqual([
      ['io', 'it is an image occlusion note: engram cannot mask parts of an image'],
      ['empty', 'its answer is empty'],
      ['none', 'it has no card'],
    ]);
  });
});

describe('fieldMarkdown', () => {
  it('links media into the media folder and keeps card structure out of the text', () => {
    const media: FieldMedia[] = [];
    const md = fieldMarkdown('<h1>Title</h1><div>Q: not a card</div><img src="my pic.jpg"> [sound:say &amp; hear.mp3]<br>?', 'media', media);
    expect(md).toBe('**Title**\n\\Q: not a card\n![](<media/my pic.jpg>) [say & hear.mp3](<media/say & hear.mp3>)\n\\?');
    expect(media).toEqual([{ name: 'my pic.jpg', kind: 'image' }, { name: 'say & hear.mp3', kind: 'sound' }]);
  });
});

describe('ids, numbers, names', () => {
  it('turns a guid into an id and back', () => {
    for (const guid of ['cYo+,.?%Nh', 'AY~Y<|>p34', 'ünï']) expect(guidOfNoteId(ankiNoteId(guid))).toBe(guid);
    expect(ankiNoteId('AY~Y<|>p34')).toMatch(/^anki-[A-Za-z0-9_-]+$/);
    expect(guidOfNoteId('my-own-id')).toBeNull();
  });

  it('reads cloze numbers as Anki does: several on a gap, none for c0', () => {
    expect(clozeNumbers('{{c2::a}} {{c1,3::b}} {{c0::c}} {{c2::d}}')).toEqual([1, 2, 3]);
  });

  it('makes deck names safe file names', () => {
    expect(['1/ Easy', 'a:b*c?', '..hidden', 'CON', ''].map(safeFileName)).toEqual(['1- Easy', 'a-b-c-', 'hidden', 'deck-CON', 'deck-unnamed']);
  });

  it('never reuses a path that is taken', () => {
    const plan = (guid: string, deck: string[]) => ({ note: { id: 1, guid, noteTypeId: 1, tags: [], fields: [] }, id: guid, deck, markdown: `x ${guid}`, roles: new Map(), media: [], skipped: [] });
    const files = deckFiles([plan('a', ['Default']), plan('b', ['Default', 'Sub'])], (p) => p === 'Default.md');
    expect(files.map((f) => [f.path, f.deckName])).toEqual([['Default (2).md', 'Default'], ['Default/Sub.md', 'Default/Sub']]);
  });
});
