// Deterministic generator of large card files in every syntax engram reads.

const WORDS = (
  'clock skew drift lease quorum token fence replica leader follower write read ' +
  'node network packet timeout retry partition consensus log snapshot commit ' +
  'transaction isolation index page cache buffer queue stream batch shard'
).split(' ');

/** A small seeded PRNG (mulberry32), so every run generates the same text. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Markdown holding exactly `cards` cards, cycling through the title-block
 * (`:p` / `??x` / `x??`, with a code block), Q:/A:, `::`, `:::` (two cards),
 * C: cloze (one card per gap) and Anki cloze syntaxes.
 */
export function generateDeck(cards, seed = 1) {
  const rand = prng(seed);
  const words = (n) => Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
  const parts = ['---', 'deck: bench', '---', '', '# Generated deck', ''];
  let made = 0;
  let i = 0;
  while (made < cards) {
    const left = cards - made;
    switch (i % 6) {
      case 0:
        parts.push(`## Section ${i}`, '', `#### Card ${i}`, `Context: ${words(12)}.`, '', `:p Question ${i}: why ${words(8)}?`, '??x', `Answer ${i}: ${words(20)}.`, '```js', `console.log(${i});`, '```', 'x??', '', '---', '');
        made += 1;
        break;
      case 1:
        parts.push(`Q: What is ${i} ${words(6)}?`, `A: It is ${words(12)}.`, '');
        made += 1;
        break;
      case 2:
        parts.push(`- Term ${i} ${words(3)}::Definition ${words(10)}`, '');
        made += 1;
        break;
      case 3:
        if (left < 2) { i++; continue; }
        parts.push(`Both ${i} ${words(3)}:::Other side ${words(6)}`, '');
        made += 2;
        break;
      case 4:
        if (left < 2) { i++; continue; }
        parts.push(`C: The ${words(3)} number [${i}] is [${words(2)}] here.`, '');
        made += 2;
        break;
      case 5:
        parts.push(`The {{c1::${words(2)} ${i}}} of ${words(8)}.`, '');
        made += 1;
        break;
    }
    i++;
  }
  return `${parts.join('\n')}\n`;
}
