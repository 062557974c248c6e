import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerMarkdown } from '../../src/check/card-answer.js';
import { cardNumbers, parseAnkiLine } from '../../src/parse/anki-clozes.js';
import { parseText } from '../../src/parse/parse-source.js';
import { scanLines } from '../../src/parse/scan-lines.js';
import { ankiView, type AnkiClozeCase } from './anki-view.js';
import { conformanceCases } from './conformance-cases.js';

// Anki's own cloze tests (rslib cloze.rs, its Python model tests, card
// generation), each a note and the cards Anki makes of it
// (docs/conformance/anki-cloze.md says how they were read). conformance.test.ts
// imports each and compares the cards; here they must also come in Anki's
// card-number order, show what Anki shows, and ask what Anki asks to type.
const cases = conformanceCases('anki-cloze') as AnkiClozeCase[];

describe("Anki's cloze cases, card by card", () => {
  it('are all here', () => {
    expect(cases).toHaveLength(38);
  });

  for (const c of cases) {
    it(`${c.name}: ${c.test}`, () => {
      const note = readFileSync(join(c.dir, 'input.md'), 'utf8');
      const cards = parseText(note, 'input.md', 'cards').cards;
      expect(cards.map(ankiView)).toEqual(c.anki.map(({ front, back }) => ({ front, back })));
      const lines = scanLines(note.split('\n')).lines;
      expect(cardNumbers(lines.flatMap((l) => parseAnkiLine(l).clozes))).toEqual(c.anki.map((k) => k.number));
      c.anki.forEach((k, i) => {
        if (k.typed !== undefined) expect(answerMarkdown(cards[i]!)).toBe(k.typed);
      });
    });
  }
});
