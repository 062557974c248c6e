import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { fastMarkdown } from '../../../src/parse/notes/fast-markdown.js';
import { parseMarkdown } from '../../../src/parse/notes/notes-markdown.js';
import { seededRandom } from '../../../src/schedule/seeded-random.js';

// The fast reader must give remark's very tree (positions included) for
// everything it reads, and leave the rest to remark (null).

function fast(text: string): RootContent[] | null {
  const lines = text.split('\n');
  return fastMarkdown(lines, 0, lines.length, 0);
}

/** remark's blocks of the text, as plain JSON (no undefined fields). */
function remark(text: string): unknown {
  return JSON.parse(JSON.stringify(fromMarkdown(text).children));
}

function expectLikeRemark(text: string): void {
  const got = fast(text);
  expect(got, `read fast: ${JSON.stringify(text)}`).not.toBeNull();
  expect(JSON.parse(JSON.stringify(got)), JSON.stringify(text)).toEqual(remark(text));
}

/** The random cases are drawn from engram's own seeded generator, so they are the same on every run. */
const prng = seededRandom;

const FIXTURES = join(import.meta.dirname, '../../fixtures');

describe('fastMarkdown', () => {
  it.each([
    ['a paragraph over lines, with trailing blanks and a hard break', 'one  \n  two \nthree\t\n'],
    ['headings with closing hashes', '# Title #\n\n### Part 2 ##  \n#not a heading\n## C# and F#'],
    ['nested bullets by tabs, a lazy line, a Description', '- [[Topic]]\n\t- Description\n\t\t- one [[a|b]].\n\t  lazy line\n\t- ![[image.png]] #tag'],
    ['bold-term bullets and a group', '- **Term:** text.\n- **Group:**\n\t- one.\n\t- two.'],
    ['loose lists: blank lines between items and inside one', '- a\n\n- b\n  - c\n\n  d\n- e'],
    ['numbered lists: a new delimiter starts a new list', '1. a\n2. b\n\n3) c\n10) d'],
    ['an item may not break into a paragraph unless it is a bullet', 'text\n- item\n\npara\n  - indented item'],
    ['emphasis by the rule of three, nested and intraword', '*a **b** c* ***x* y** a*b*c snake_case __s__ _a_b_ **a**b'],
    ['code spans, with padding and backticks inside', 'use `fsync()`, `` a`b ``, ` x `, `  ` and ``` `` ```'],
    ['links, images, and links in images', '[text *em*](http://x.y/a(b)) ![alt *e*](i.png) ![a [b](c)](d) [a [b](c)](d)'],
    ['brackets that are no links: wiki links, references, citations', '[[Topic 1]] [x][y] [only] ] [ [[1](/en/ch9#ref)]'],
    ['backslash escapes and a lone less-than', 'a \\*b\\* \\(d\\) \\\\ x < y, a<3 and \\a'],
    ['fenced code with an info string, a blank line and indentation taken off', 'text\n ```js  x y \n  one\n\n two\n ```  \n~~~\n- not a list\n~~~~'],
    ['fenced code in a list item, the item staying tight', '- a\n  ```\n  code\n\n    more\n  ```\n- b'],
  ])('reads %s as remark does', (_name, text) => {
    expectLikeRemark(text);
  });

  it.each([
    ['a quote', '> quoted'],
    ['a code fence left open', '```js\ncode'],
    ['HTML', 'a <b>bold</b> word'],
    ['an autolink', 'see <https://x.org>'],
    ['a thematic break', 'a\n\n***\n\nb'],
    ['a setext heading', 'Title\n====='],
    ['an entity', 'a &amp; b'],
    ['indented code', '    code'],
    ['an empty item', '- a\n-\n- b'],
    ['a link title', '[a](b "title")'],
    ['a backslash hard break', 'a\\\nb'],
    ['carriage returns', 'a\r\nb'],
  ])('leaves %s to remark', (_name, text) => {
    expect(fast(text)).toBeNull();
  });

  it('reads every block of the notes fixtures that it reads at all as remark does, and most of them', () => {
    let read = 0;
    let blocks = 0;
    for (const dir of readdirSync(join(FIXTURES, 'notes'))) {
      const text = readFileSync(join(FIXTURES, 'notes', dir, 'input.md'), 'utf8');
      for (const block of text.split(/\n\s*\n(?=\S)/)) {
        blocks++;
        if (fast(block) === null) continue;
        read++;
        expectLikeRemark(block);
      }
    }
    expect(read / blocks).toBeGreaterThan(0.8);
  });

  it('reads 3000 random notes-like texts as remark does whenever it reads them', () => {
    const rand = prng(11);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    const words = ['alpha', 'x', 'a.b', '(p)', 'q!', '“q”', "it's", 'é', '—', 'snake_case', '[[Wiki]]', '[[a|b]]', '#tag', 'C#', 'a*b', '\\(d\\)', '\\*', 'x < y', '$t_x$'];
    const inline = [
      () => pick(words), () => `*${pick(words)}*`, () => `**${pick(words)}**`, () => `_${pick(words)}_`, () => `\`${pick(words)}\``,
      () => '``a ` b``', () => `[${pick(words)}](http://x.y/${pick(['a', 'b(c)', ''])})`, () => `![${pick(words)}](i.png)`,
      () => pick(['*', '**', '_', '***', '[', ']', '![', '(', ')', '`', '!', ' ', '  ', '\t']), () => '***a* b**', () => '*a **b***', () => '[x][y]',
    ];
    const phrase = () => Array.from({ length: 1 + Math.floor(rand() * 6) }, () => pick(inline)()).join(pick([' ', '', ' ']));
    const starts = ['', '- ', '* ', '+ ', '1. ', '2) ', '# ', '### ', '- - ', '-  ', '- **Term:** ', '- # '];
    const indents = ['', '', '', '', ' ', '  ', '   ', '    ', '\t', '\t\t', '\t  ', '  \t'];
    let read = 0;
    for (let n = 0; n < 3000; n++) {
      const lines = Array.from({ length: 1 + Math.floor(rand() * 8) }, (_, k) => {
        if (rand() < 0.15) return pick(['', '  ']);
        return (k === 0 ? '' : pick(indents)) + pick(starts) + phrase() + pick(['', '', ' ', '  ', '\t']);
      });
      const text = lines.join('\n');
      if (fast(text) === null) continue;
      read++;
      expectLikeRemark(text);
    }
    // The test means something only if the fast reader read a good share of them.
    expect(read).toBeGreaterThan(1200);
  });
});

describe('parseMarkdown', () => {
  it('gives remark\'s tree when blocks the fast reader leaves sit among those it reads', () => {
    const text = [
      '# Notes',
      '',
      '- **Term:** a *definition*.',
      '',
      '- a list that goes on with code:',
      '  ```js',
      '  let a = 1;',
      '',
      '  ```',
      '- and a last item',
      '',
      'A paragraph with `code`.',
      '',
      '> a quote',
      '',
      'Text \\*not emphasis\\*.',
    ].join('\n');
    expect(JSON.parse(JSON.stringify(parseMarkdown(text).children))).toEqual(remark(text));
  });

  it('reads a chunk with a definition or an HTML block whole, as remark does', () => {
    for (const text of ['[a] and more\n\nlater [a]\n\n[a]: http://x.y', '<!--\n\nstill a comment\n\n-->\n\nafter']) {
      expect(JSON.parse(JSON.stringify(parseMarkdown(text).children))).toEqual(remark(text));
    }
  });
});
