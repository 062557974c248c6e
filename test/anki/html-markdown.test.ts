import { describe, expect, it } from 'vitest';
import { editorMarkupMarkdown } from '../../src/anki/editor-html-markdown.js';
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

// Pieces of what Anki's editor writes, and near misses that the parser would mend or the converter reads otherwise.
const EDITOR_PIECES = [
  'What', 'is', 'café', '🙂', '0', '12', '1.', '3. ', ',', '?', 'Q:', "'", ' ', ' ', '  ', '\n', '\t', '-', '- ', '+ ', '# ', '=', '>',
  '*', '_', '`', '~', '[', ']', '\\', '{{c1::', '}}', '::hint', '\u00a0',
  '&nbsp;', '&nbsp;', '&nbsp;', '&amp;', '&lt;', '&gt;', '&quot;', '&#39;', '&amp;lt;', '&lt;!DOCTYPE x&gt;',
  '<b>', '</b>', '<i>', '</i>', '<u>', '</u>', '<strong>', '</strong>', '<em>', '</em>', '<br>', '<br>', '<br/>', '<br />',
  '<div>', '</div>', '<div>', '</div>', '<div><br></div>', '<span style="color: rgb(0, 0, 255);">', '<span>', '</span>',
  '<div class="x">', '<h1>', '</h1>', '<h2>', '</h2>', '<h1></h1>', '<b></b>', '<i> </i>', '<div></div>', '<span></span>',
  '<ul>', '</ul>', '<ol>', '</ol>', '<li>', '</li>', '<li>', '</li>', '<ul><li>x</li></ul>', '<ol><li></li><li>y</li></ol>', '<li> </li>',
];
/** Near misses: other tags and entities, stray markup, self-closed elements. */
const NEAR_MISSES = [
  '<p>', '</p>', '<B>', '<a href="x">y</a>', '<div/>', '</b x="1">', '&', '&copy;', '&#160;', '<', '<!-- c -->',
];

/** A field of EDITOR_PIECES (now and then a near miss), mostly well nested: an open element is closed in the order opened, now and then left open or closed out of turn. */
function editorField(next: () => number): string {
  let out = '';
  const open: string[] = [];
  const n = 1 + Math.floor(next() * 14);
  for (let i = 0; i < n; i++) {
    const pieces = next() < 0.03 ? NEAR_MISSES : EDITOR_PIECES;
    const piece = pieces[Math.floor(next() * pieces.length)]!;
    const tag = /^<([a-z0-9]+)[^>/]*>$/.exec(piece);
    const close = /^<\/([a-z0-9]+)>$/.exec(piece);
    if (tag && tag[1] !== 'br' && next() < 0.97) {
      open.push(tag[1]!);
      out += piece;
    } else if (close && open.length > 0 && next() < 0.97) out += `</${open.pop()}>`;
    else out += piece;
  }
  while (open.length > 0 && next() < 0.98) out += `</${open.pop()}>`;
  return out;
}

describe('editorMarkupMarkdown', () => {
  it('reads the markup Anki\'s editor writes as the converter does', () => {
    const cases = [
      'Paris?&nbsp;',
      'word&nbsp; word',
      'line<div>line 2</div><div><br></div><div>after</div>',
      '<span style="color: rgb(0, 0, 255);">blue</span> and <u>under</u>',
      '1 &lt; 2 &amp;&amp; b &gt; 0',
      '<h1>G</h1>',
      '<div><b>bold</b> <i>it</i></div>',
      '<b>{{c1::alpha}}</b> goes with&nbsp;{{c2::<i>beta</i>::hint}}',
      'Parts:<ul><li>first</li><li>second<ol><li>a</li><li> </li><li>b<br>c</li></ol></li></ul>after',
    ];
    for (const html of cases) expect([html, editorMarkupMarkdown(html)]).toEqual([html, convertedMarkdown(html)]);
    expect(editorMarkupMarkdown('Paris?&nbsp;')).toBe('Paris?');
    expect(editorMarkupMarkdown('line<div>line 2</div>')).toBe('line\n\nline 2');
    expect(editorMarkupMarkdown('1 &lt; 2 &amp;&amp; b &gt; 0')).toBe('1 < 2 && b > 0');
    expect(editorMarkupMarkdown('<ol><li>a</li><li>b</li></ol>')).toBe('1. a\n2. b');
  });

  it('leaves to the converter what it does not read', () => {
    for (const html of ['<p>a</p>', '<B>a</B>', '<ul><li>a<li>b</ul>', '<a href="x">y</a>', 'a & b', '&copy;', '<b>a<div>b</div></b>', '<b>a</i>', '<div>a', '<h1>a<h1>b</h1></h1>', '<div/>', 'a < b', '<!-- c -->'])
      expect([html, editorMarkupMarkdown(html)]).toEqual([html, null]);
  });

  it('is the converter, character for character, over many generated fields', () => {
    const next = random(1818);
    let taken = 0;
    let left = 0;
    for (let i = 0; i < 40_000; i++) {
      const html = editorField(next);
      const fast = editorMarkupMarkdown(html);
      if (fast === null) {
        left++;
        continue;
      }
      taken++;
      expect([html, fast]).toEqual([html, convertedMarkdown(html)]);
    }
    // Both kinds are common enough that the comparison means something.
    expect(taken).toBeGreaterThan(12_000);
    expect(left).toBeGreaterThan(5_000);
  });
});
