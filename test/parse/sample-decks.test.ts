import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ParsedCard } from '../../src/model/card.js';
import { parseText } from '../../src/parse/parse-source.js';
import { plainTextOf } from '../../src/parse/plain-text.js';

// The decks `npm start` reviews are a new user's first cards: read as a
// learner reads them, none may show its answer with the question, and none
// may be about engram's own card syntax instead of its subject.
const DECKS = fileURLToPath(new URL('../../decks', import.meta.url));

const cards: { file: string; card: ParsedCard }[] = readdirSync(DECKS)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .flatMap((file) => parseText(readFileSync(join(DECKS, file), 'utf8'), file).cards.map((card) => ({ file, card })));

/** Lower case, emphasis and code marks dropped, whitespace runs as one space. */
function folded(markdown: string): string {
  return plainTextOf(markdown).toLowerCase().replace(/[*`]/g, '').replace(/\s+/g, ' ').trim();
}

/** What a card asks to recall: the texts its gaps hide, or the first line of its answer. */
function answers(card: ParsedCard): string[] {
  const bold = (text: string): string[] => [...text.matchAll(/\*\*(.+?)\*\*/g)].map((m) => m[1]!);
  if (card.kind === 'cloze') {
    const shown = bold(card.front);
    return bold(card.back).filter((b) => !shown.includes(b));
  }
  const first = card.back.split('\n').find((l) => l.trim() !== '' && !/^(`{3,}|~{3,})/.test(l.trim()));
  return first === undefined ? [] : [first];
}

/** Whether `text` holds `word` with no letter or digit either side. */
function holdsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + word.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}

describe('the sample decks in decks/', () => {
  it('have cards to read', () => {
    expect(cards.length).toBeGreaterThan(20);
  });

  it('never show a card its answer with the question: not in its headings, title, context or the rest of a cloze', () => {
    const giveaways: string[] = [];
    for (const { file, card } of cards) {
      const shown = folded([...card.headingPath, card.title ?? '', card.context ?? '', card.kind === 'cloze' ? card.front : ''].join('\n'));
      for (const answer of answers(card).map(folded)) {
        // One or two characters (`~`, `2`) are in every text by chance.
        if (answer.replace(/[^\p{L}\p{N}]/gu, '').length < 2) continue;
        if (holdsWord(shown, answer)) giveaways.push(`${file}:${card.line}: "${answer}" shows with the question`);
      }
    }
    expect(giveaways).toEqual([]);
  });

  it('are about their subjects, not about writing engram cards', () => {
    // Card markers outside code (code may hold `==` or `::` as the language's own).
    const about = /\b(?:engram|flashcards?|clozes?)\b|\{\{c\d|==|\\\[|^\s*(?:Q|A|C):|:::?|\?\?x/im;
    const prose = (markdown: string): string => markdown.replace(/^(`{3,}|~{3,})[^]*?^\1/gm, '').replace(/`[^`\n]*`/g, '');
    const off = cards.filter(({ card }) => about.test(prose(`${card.front}\n${card.back}\n${card.context ?? ''}\n${card.title ?? ''}`)));
    expect(off.map(({ file, card }) => `${file}:${card.line}`)).toEqual([]);
  });
});
