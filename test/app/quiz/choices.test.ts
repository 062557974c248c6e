import { describe, expect, it } from 'vitest';
import { answerText, choiceEligible, choiceOptions, normaliseOption, type QuizCard } from '../../../src/app/quiz/choices.js';

const card = (id: number, back: string, deck = 'geo', front = `Question ${id}?`): QuizCard => ({ id, deck, sibling: null, front, back });

const capitals = [card(1, 'Paris'), card(2, 'Berlin'), card(3, 'Madrid'), card(4, 'Rome'), card(5, 'Lisbon')];

describe('answerText', () => {
  it('is the answer as one line of plain text', () => {
    expect(answerText(card(1, '**Paris**,\n  the [capital](x)'))).toBe('Paris, the capital');
  });

  it('is the gap of a cloze card', () => {
    expect(answerText({ front: 'The capital of France is **[...]**.', back: 'The capital of France is **Paris**.' })).toBe('Paris');
  });
});

describe('choiceEligible', () => {
  it('takes a short one-line plain answer', () => {
    expect(choiceEligible(card(1, '*Paris*'))).toBe(true);
    expect(choiceEligible(card(1, 'x'.repeat(120)))).toBe(true);
  });

  it('refuses long, multi-line, empty and code answers', () => {
    expect(choiceEligible(card(1, 'x'.repeat(121)))).toBe(false);
    expect(choiceEligible(card(1, '- one\n- two'))).toBe(false);
    expect(choiceEligible(card(1, '---'))).toBe(false);
    expect(choiceEligible(card(1, '```\nx\n```'))).toBe(false);
  });

  it('judges an edited card object by its new text', () => {
    const c = card(1, 'short');
    expect(choiceEligible(c)).toBe(true);
    c.back = 'x'.repeat(200);
    expect(choiceEligible(c)).toBe(false);
    expect(answerText(c)).toBe('x'.repeat(200));
  });
});

describe('choiceOptions', () => {
  it('offers the right answer and three others from the deck, the index pointing at the right one', () => {
    const got = choiceOptions(capitals[0]!, capitals, 1)!;
    expect(got.options).toHaveLength(4);
    expect(got.options[got.correct]).toBe('Paris');
    expect(new Set(got.options).size).toBe(4);
    expect(got.options.every((o) => ['Paris', 'Berlin', 'Madrid', 'Rome', 'Lisbon'].includes(o))).toBe(true);
  });

  it('draws distractors and order from the seed alone', () => {
    expect(choiceOptions(capitals[0]!, capitals, 1)).toEqual({ options: ['Lisbon', 'Paris', 'Madrid', 'Berlin'], correct: 1 });
    expect(choiceOptions(capitals[0]!, capitals, 2)).toEqual({ options: ['Paris', 'Madrid', 'Berlin', 'Lisbon'], correct: 0 });
  });

  it('gives the same options for the same seed and varies with the seed', () => {
    expect(choiceOptions(capitals[0]!, capitals, 7)).toEqual(choiceOptions(capitals[0]!, capitals, 7));
    const orders = new Set(Array.from({ length: 20 }, (_, seed) => JSON.stringify(choiceOptions(capitals[0]!, capitals, seed))));
    expect(orders.size).toBeGreaterThan(1);
    const positions = new Set(Array.from({ length: 20 }, (_, seed) => choiceOptions(capitals[0]!, capitals, seed)!.correct));
    expect(positions.size).toBeGreaterThan(1);
  });

  it('never repeats an answer, or the right one, however the pool spells it', () => {
    const pool = [card(1, 'Paris'), card(2, 'paris.'), card(3, ' PARIS '), card(4, 'Berlin'), card(5, 'berlin!'), card(6, 'Rome'), card(7, 'Oslo')];
    for (let seed = 0; seed < 10; seed++) {
      const got = choiceOptions(pool[0]!, pool, seed)!;
      expect([...got.options].sort()).toEqual(['Berlin', 'Oslo', 'Paris', 'Rome']);
    }
  });

  it('is null when the deck has fewer than three distinct other answers', () => {
    const pool = [card(1, 'Paris'), card(2, 'Berlin'), card(3, 'BERLIN'), card(4, 'Paris'), card(5, 'Rome')];
    expect(choiceOptions(pool[0]!, pool, 1)).toBeNull();
  });

  it('takes distractors from the same deck only', () => {
    const pool = [card(1, 'Paris'), card(2, 'Berlin'), card(3, 'Rome'), card(4, 'Blue', 'colours'), card(5, 'Red', 'colours')];
    expect(choiceOptions(pool[0]!, pool, 1)).toBeNull();
  });

  it('skips answers that cannot be options and the card itself', () => {
    const pool = [card(1, 'Paris'), card(1, 'Paris copy'), card(2, 'Berlin'), card(3, 'Rome'), card(4, '```\ncode\n```'), card(5, 'y'.repeat(121))];
    expect(choiceOptions(pool[0]!, pool, 1)).toBeNull();
  });

  it('never offers the question itself, as a reversed sibling would', () => {
    const pool = [card(1, 'Paris', 'geo', 'Capital of France'), card(2, 'Capital of France', 'geo', 'Paris'), card(3, 'Berlin'), card(4, 'Rome')];
    expect(choiceOptions(pool[0]!, pool, 1)).toBeNull();
  });

  it('is null when the card itself cannot be an option', () => {
    expect(choiceOptions(card(9, '- a\n- b'), [...capitals, card(9, '- a\n- b')], 1)).toBeNull();
  });

  it('shows the first spelling of a repeated distractor', () => {
    const pool = [card(1, 'Paris'), card(2, 'Berlin'), card(3, 'berlin'), card(4, 'Rome'), card(5, 'Oslo')];
    expect([...choiceOptions(pool[0]!, pool, 3)!.options].sort()).toEqual(['Berlin', 'Oslo', 'Paris', 'Rome']);
  });
});

describe('normaliseOption', () => {
  it('folds case, whitespace and trailing punctuation', () => {
    expect(normaliseOption('  The  Answer!? ')).toBe('the answer');
    expect(normaliseOption('e.g. Rome')).toBe('e.g. rome');
  });
});
