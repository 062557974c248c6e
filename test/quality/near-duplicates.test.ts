import { describe, expect, it } from 'vitest';
import { nearDuplicates, normalisedText, type DuplicateCandidate } from '../../src/quality/near-duplicates.js';

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
