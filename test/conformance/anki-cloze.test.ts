import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerMarkdown } from '../../src/check/card-answer.js';
import { cardNumbers, parseAnkiLine } from '../../src/parse/anki-clozes.js';
import { parseText } from '../../src/parse/parse-source.js';
import { scanLines } from '../../src/parse/scan-lines.js';
import { ankiView, type AnkiClozeCase } from './anki-view.js';

// Anki's own cloze tests (rslib cloze.rs, its Python model tests, card
// generation), each written down as a note and the cards Anki makes of it
// (docs/conformance/anki-cloze.md says how they were read). engram reads each
// note as a card file and must make the same cards, in card-number order.
const cases = JSON.parse(readFileSync(new URL('./anki-cloze-cases.json', import.meta.url), 'utf8')) as AnkiClozeCase[];

describe("Anki's cloze cases", () => {
  it('are all here', () => {
    expect(cases).toHaveLength(38);
  });

  for (const c of cases) {
    it(c.name, () => {
      const parsed = parseText(`${c.note}\n`, 'case.md', 'cards');
      expect(parsed.cards.map(ankiView)).toEqual(c.cards.map(({ front, back }) => ({ front, back })));
      const lines = scanLines(c.note.split('\n')).lines;
      expect(cardNumbers(lines.flatMap((l) => parseAnkiLine(l).clozes))).toEqual(c.cards.map((k) => k.number));
      c.cards.forEach((k, i) => {
        if (k.typed !== undefined) expect(answerMarkdown(parsed.cards[i]!)).toBe(k.typed);
      });
    });
  }
});
