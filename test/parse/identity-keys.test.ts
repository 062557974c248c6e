import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/parse-source.js';

const keys = (text: string) => parseText(text, 'deck.md').cards.map((c) => c.key);

describe('card keys', () => {
  it('do not change when a card is re-formatted or moved', () => {
    const [a] = keys('Q: What is **TCP**?\nA: A transport   protocol.');
    const [b] = keys('# Moved under a heading\n\nintro\n\nQ: What is TCP?\nA: A transport\nprotocol.');
    expect(b).toBe(a);
  });

  it('are the same for the same question written in another syntax', () => {
    expect(keys('What is TCP?::A transport protocol.')).toEqual(keys('Q: What is TCP?\nA: A transport protocol.'));
  });

  it('change when the words change', () => {
    expect(keys('What is TCP?::A transport protocol.')).not.toEqual(keys('What is UDP?::A transport protocol.'));
  });

  it('key a cloze gap by its own text, not its position', () => {
    const before = keys('C: The [sky] is blue.');
    const after = keys('C: The [sky] is [blue].');
    expect(after[0]).toBe(before[0]);
    expect(after).toHaveLength(2);
  });

  it('give the two directions of a card different keys and one sibling group', () => {
    const cards = parseText('Hydrogen:::H', 'deck.md').cards;
    expect(cards.map((c) => c.kind)).toEqual(['basic', 'reversed']);
    expect(cards[0]!.key).not.toBe(cards[1]!.key);
    expect(cards[0]!.sibling).toBe(cards[1]!.sibling);
    expect(cards[0]!.sibling).not.toBeNull();
  });

  it('use the explicit id over the text', () => {
    const [a] = keys('<!-- engram-id: tcp -->\nQ: What is TCP?\nA: A protocol.');
    const [b] = keys('<!-- engram-id: tcp -->\nQ: Entirely new words\nA: here.');
    expect(b).toBe(a);
  });
});
