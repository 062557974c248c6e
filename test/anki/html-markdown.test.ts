import { describe, expect, it } from 'vitest';
import { convertedMarkdown, fieldMarkdown, plainMarkupMarkdown } from '../../src/anki/html-markdown.js';
import { seededRandom as random } from '../../src/schedule/seeded-random.js';

// Pieces of fields: words, the characters the converter escapes at a line's start or anywhere, spaces, the tags the
// fast path reads, and some it leaves to the converter (other tags, entities, other whitespace, escaped characters).
const PIECES = [
  'What', 'is', 'item', 'Answer', 'é', '🙂', '0', '12', '1.', '3. ', '. ', ',', '?', ':', 'Q:', 'A:', "'", '"', '(', ')',
  ' ', ' ', ' ', '  ', '   ', '-', '- ', '--', '+', '+ ', '#', '# ', '## ', '=', '>', '> ', '??', '{{c1::x}}',
  '<b>', '</b>', '<i>', '</i>', '<br>', '<b>', '</b>', '<i>', '</i>', '<br>', '<br>',
  '<u>', '<div>', '</div>', '<br/>', '<B>', '&amp;', '&nbsp;', '*', '_', '`', '~', '[', ']', '\\', '\t', '\n', '\u00a0',
];

function field(next: () => number): string {
  let out = '';
  const n = 1 + Math.floor(next() * 12);
  for (let i = 0; i < n; i++) out += PIECES[Math.floor(next() * PIECES.length)]!;
  return out;
}

/** Fields of the plain kind: text in and between well-formed tags, which the fast path must take. */
function plainField(next: () => number): string {
  const words = ['What is', 'item 7', ' Think of 3.', 'Answer 1, because', ' - no', '2. two ', '=', '+ q', '# h', 'é 🙂', ' '];
  const word = () => words[Math.floor(next() * words.length)]!;
  // A tag around a blank text is no plain field: the converter drops it.
  const inTag = () => words[Math.floor(next() * (words.length - 1))]!;
  let out = '';
  const n = 1 + Math.floor(next() * 6);
  for (let i = 0; i < n; i++) {
    const r = next();
    if (r < 0.2) out += `<b>${inTag()}</b>`;
    else if (r < 0.4) out += `<i>${inTag()}</i>`;
    else if (r < 0.55) out += '<br>';
    else out += word();
  }
  return out;
}

describe('plainMarkupMarkdown', () => {
  it('gives what the converter gives for a plain field, and leaves other markup to it', () => {
    expect(plainMarkupMarkdown('What is <b>item 0</b>?<br>Think of 0.')).toBe('What is **item 0**?  \nThink of 0.');
    expect(plainMarkupMarkdown('Answer 0, because of <i>reason 0</i>.')).toBe('Answer 0, because of _reason 0_.');
    expect(plainMarkupMarkdown('<b>a</b><b>b</b>')).toBe(convertedMarkdown('<b>a</b><b>b</b>'));
    expect(plainMarkupMarkdown('a &amp; b')).toBeNull();
    expect(plainMarkupMarkdown('<b><i>a</i></b>')).toBeNull();
    expect(plainMarkupMarkdown('<b> </b>x')).toBeNull();
    expect(plainMarkupMarkdown('<div>a</div>')).toBeNull();
    expect(plainMarkupMarkdown('a*b')).toBeNull();
  });

  it('is the converter, character for character, over many generated fields', () => {
    const next = random(18);
    let taken = 0;
    for (let i = 0; i < 20_000; i++) {
      const html = field(next);
      const fast = plainMarkupMarkdown(html);
      if (fast === null) continue;
      taken++;
      expect([html, fast]).toEqual([html, convertedMarkdown(html)]);
    }
    // Enough of the generated fields are plain that the comparison means something.
    expect(taken).toBeGreaterThan(2_000);
  });

  it('takes every well-formed plain field, as the converter writes it', () => {
    const next = random(7);
    for (let i = 0; i < 20_000; i++) {
      const html = plainField(next);
      expect([html, plainMarkupMarkdown(html)]).toEqual([html, convertedMarkdown(html)]);
    }
  });

  it('leaves fieldMarkdown as it was: media tokens and the tidying after', () => {
    const media: { name: string; kind: 'image' | 'sound' }[] = [];
    expect(fieldMarkdown('<b>Look</b><br><img src="a b.jpg"> [sound:c.mp3]<br><br><br>Q: x', 'media', media)).toBe('**Look**\n![](<media/a b.jpg>) [c.mp3](<media/c.mp3>)\n\\Q: x');
    expect(media).toEqual([
      { name: 'a b.jpg', kind: 'image' },
      { name: 'c.mp3', kind: 'sound' },
    ]);
  });
});
