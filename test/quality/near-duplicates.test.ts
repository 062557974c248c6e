import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/schedule/seeded-random.js';
import {
  DERIVED_REPEAT_SIMILARITY,
  laterRepeats,
  NEAR_DUPLICATE_SIMILARITY,
  nearDuplicates,
  normalisedText,
  type DuplicateCandidate,
} from '../../src/quality/near-duplicates.js';

const cloze = (front: string, back: string, sibling: string | null = null): DuplicateCandidate => ({ kind: 'cloze', front, back, sibling });
const basic = (front: string, back: string): DuplicateCandidate => ({ kind: 'basic', front, back });

describe('normalisedText', () => {
  it('is a cloze sentence in lower-case words, wherever its gap is', () => {
    expect(normalisedText(cloze('We call this a **[...]**.', 'We call this a **bounded delay**.'))).toBe('we call this a bounded delay');
    expect(normalisedText(basic('What is *quorum*?', 'A `majority` vote.'))).toBe('what is quorum a majority vote');
  });
});

describe('nearDuplicates', () => {
  it('pairs the same sentence cut as two clozes from two editions of a chapter', () => {
    const cards = [
      cloze('On a busy network link, a packet may have to wait (this is called **[...]**).', 'On a busy network link, a packet may have to wait (this is called **network congestion**).'),
      basic('What is a lease?', 'A lock with a timeout.'),
      cloze('On a busy network link, a **[...]** may have to wait (this is called *network congestion*).', 'On a busy network link, a **packet** may have to wait (this is called *network congestion*).'),
    ];
    expect(nearDuplicates(cards)).toEqual([{ a: 0, b: 2, similarity: 1, exact: true }]);
  });

  it('pairs near-identical texts and says how near', () => {
    const a = 'Fencing tokens can detect and block a node that is inadvertently acting in error because its lease has expired.';
    const b = 'Fencing tokens can detect and block a node that is inadvertently acting in error because its lease expired.';
    const pairs = nearDuplicates([basic('What can fencing tokens do?', a), basic('What can fencing tokens do?', b)]);
    expect(pairs).toEqual([{ a: 0, b: 1, similarity: 0.87, exact: false }]);
  });

  it('pairs a text contained in a longer one of at least half its size', () => {
    const short = 'a node that is paused for a long time may not notice that its lease has expired and keep writing';
    const long = `${short} to the storage service`;
    expect(nearDuplicates([basic('Why?', short), basic('Why?', long)])).toEqual([{ a: 0, b: 1, similarity: 0.83, exact: false }]);
  });

  it('leaves siblings, different cards and very short ones alone', () => {
    const sentence = 'Such a situation is called a *limping node*, *gray failure*, or *fail-slow*.';
    const cards = [
      cloze('Such a situation is called a **[...]**, *gray failure*, or *fail-slow*.', 'Such a situation is called a **limping node**, *gray failure*, or *fail-slow*.', 's1'),
      cloze('Such a situation is called a *limping node*, **[...]**, or *fail-slow*.', 'Such a situation is called a *limping node*, **gray failure**, or *fail-slow*.', 's1'),
      basic('What is a zombie?', 'A former leaseholder that still acts as if it held the lease.'),
      basic('What is a fencing token?', 'A number that grows with every lock granted.'),
      basic('Paris?', 'France'),
      basic('Paris?', 'France'),
    ];
    expect(sentence).toContain('limping');
    expect(nearDuplicates(cards)).toEqual([]);
  });

  it('pairs each copy of a text with its first one', () => {
    const card = basic('What does a fencing token prevent?', 'Writes from a client whose lease has expired.');
    expect(nearDuplicates([card, card, card])).toEqual([
      { a: 0, b: 1, similarity: 1, exact: true },
      { a: 0, b: 2, similarity: 1, exact: true },
    ]);
  });

  it('tells apart cards that differ only in their code', () => {
    const py = basic('What does this print?\n```python\nprint(sorted("banana"))\n```', '```output\n[a, a, a, b, n, n]\n```');
    const sh = basic('What does this print?\n```bash\nprintf "b\\na\\n" | sort\n```', '```output\na\nb\n```');
    expect(nearDuplicates([py, sh])).toEqual([]);
  });
});

/**
 * A deck with every kind of pair the search must find or leave alone: base
 * sentences of random words, copies with a word changed or added (near),
 * exact copies, clozes of one sentence (siblings) and short cards. Drawn from
 * engram's seeded generator, so it is the same deck on every run.
 */
function generatedDeck(seed: number, size: number): DuplicateCandidate[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const vocabulary = Array.from({ length: 150 }, (_, i) => `w${i.toString(36)}${'xyz'[i % 3]}`);
  const sentence = () => Array.from({ length: 6 + Math.floor(random() * 10) }, () => pick(vocabulary));
  const deck: DuplicateCandidate[] = [];
  const bases: string[][] = [];
  while (deck.length < size) {
    const roll = random();
    if (bases.length === 0 || roll < 0.35) {
      const words = sentence();
      bases.push(words);
      deck.push(basic(`What about ${words.slice(0, 2).join(' ')}?`, words.join(' ')));
    } else if (roll < 0.55) {
      const words = [...pick(bases)];
      words[Math.floor(random() * words.length)] = pick(vocabulary);
      deck.push(basic(`What about ${words.slice(0, 2).join(' ')}?`, words.join(' ')));
    } else if (roll < 0.65) {
      const words = [...pick(bases), pick(vocabulary)];
      deck.push(basic(`What about ${words.slice(0, 2).join(' ')}?`, words.join(' ')));
    } else if (roll < 0.75) {
      deck.push(deck[Math.floor(random() * deck.length)]!);
    } else if (roll < 0.9) {
      const words = pick(bases);
      const gap = Math.floor(random() * words.length);
      const back = words.map((w, i) => (i === gap ? `**${w}**` : w)).join(' ');
      const front = words.map((w, i) => (i === gap ? '**[...]**' : w)).join(' ');
      deck.push(cloze(front, back, `s${bases.indexOf(words)}`));
    } else {
      deck.push(basic(pick(vocabulary), pick(vocabulary)));
    }
  }
  return deck;
}

/** The pairs by the definition, comparing every pair of cards by their word pairs as text (no hashing, no banding). */
function bruteForcePairs(cards: readonly DuplicateCandidate[], similarity: number): { a: number; b: number; similarity: number; exact: boolean }[] {
  const texts = cards.map(normalisedText);
  const words = texts.map((t) => (t === '' ? [] : t.split(' ')));
  const sets = words.map((w) => new Set(w.slice(1).map((x, i) => `${w[i]} ${x}`)));
  const sibling = (i: number, j: number) => cards[i]!.sibling != null && cards[i]!.sibling === cards[j]!.sibling;
  const firstOf = (i: number) => texts.indexOf(texts[i]!);
  const pairs = [];
  for (let b = 0; b < cards.length; b++) {
    if (words[b]!.length < 4) continue;
    if (firstOf(b) !== b) {
      if (!sibling(firstOf(b), b)) pairs.push({ a: firstOf(b), b, similarity: 1, exact: true });
      continue;
    }
    for (let a = 0; a < b; a++) {
      if (words[a]!.length < 4 || firstOf(a) !== a || sibling(a, b)) continue;
      const shared = [...sets[a]!].filter((x) => sets[b]!.has(x)).length;
      const jaccard = shared / (sets[a]!.size + sets[b]!.size - shared);
      const smaller = Math.min(sets[a]!.size, sets[b]!.size);
      const contained = smaller >= Math.max(sets[a]!.size, sets[b]!.size) / 2 && shared >= 0.9 * smaller;
      if (jaccard >= similarity || contained) pairs.push({ a, b, similarity: Math.round(jaccard * 100) / 100, exact: false });
    }
  }
  return pairs.sort((p, q) => p.a - q.a || p.b - q.b);
}

describe('nearDuplicates on a generated deck', () => {
  it('finds the pairs comparing every pair of cards finds, but for a rare short card contained in a far longer one', () => {
    const deck = generatedDeck(7, 400);
    const expected = bruteForcePairs(deck, NEAR_DUPLICATE_SIMILARITY);
    // The deck has every kind of pair, so a search that missed a kind would fail here.
    expect(expected.filter((p) => p.exact).length).toBeGreaterThan(20);
    expect(expected.filter((p) => !p.exact).length).toBeGreaterThan(20);
    expect(deck.filter((c) => c.sibling != null).length).toBeGreaterThan(20);
    const found = nearDuplicates(deck);
    const key = (p: { a: number; b: number }) => `${p.a} ${p.b}`;
    const foundKeys = new Set(found.map(key));
    // MinHash banding finds a pair with a probability that falls with its Jaccard similarity: every pair at the
    // search's own bar is found; of the pairs found only by containment (lower Jaccard), these two are not.
    expect(expected.filter((p) => !foundKeys.has(key(p)))).toEqual([
      { a: 6, b: 172, similarity: 0.56, exact: false },
      { a: 6, b: 367, similarity: 0.56, exact: false },
    ]);
    expect(found).toEqual(expected.filter((p) => foundKeys.has(key(p))));
  });
});

describe('laterRepeats', () => {
  /** The walk the notes' quality gate made over nearDuplicates' pairs: keep the first of each pair, leave out the second. */
  function walkOverPairs(cards: readonly DuplicateCandidate[], similarity: number): { a: number; b: number }[] {
    const left = new Set<number>();
    const out = [];
    for (const { a, b } of nearDuplicates(cards, similarity)) {
      if (left.has(a) || left.has(b)) continue;
      left.add(b);
      out.push({ a, b });
    }
    return out;
  }

  it('leaves out what a walk over every pair in order leaves out, each with the card it repeats', () => {
    for (const seed of [1, 2, 3]) {
      const deck = generatedDeck(seed, 600);
      const expected = walkOverPairs(deck, DERIVED_REPEAT_SIMILARITY);
      expect(expected.length).toBeGreaterThan(50);
      expect(laterRepeats(deck, DERIVED_REPEAT_SIMILARITY)).toEqual(expected);
    }
  });

  it('keeps a copy whose first card was itself left out, and pairs a copy with nothing else', () => {
    const a = basic('What does a fencing token prevent?', 'Writes from a client whose lease has expired.');
    const near = basic('What does a fencing token prevent?', 'Writes from any client whose lease has expired.');
    // near repeats a; its copy's first card (near) is left out, and a copy joins no bucket, so the copy stays.
    expect(laterRepeats([a, near, near], 0.6)).toEqual([{ a: 0, b: 1 }]);
    expect(laterRepeats([a, a, a])).toEqual([{ a: 0, b: 1 }, { a: 0, b: 2 }]);
  });
});
