import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { cleanCapture } from '../../../src/parse/notes/clean-capture.js';
import { MAX_ANSWER_CHARS } from '../../../src/parse/notes/derived-card.js';
import { extractSectionPoints, MAX_SECTION_BLOCKS, MIN_POINTS } from '../../../src/parse/notes/section-points.js';

// The prose fixtures (test/fixtures/notes/prose-*) check sections too: see emphasis-clozes.test.ts.

function sections(markdown: string) {
  const cleaned = cleanCapture(markdown);
  const tree = fromMarkdown(cleaned.text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  return extractSectionPoints(tree, cleaned.lineOf);
}

describe('extractSectionPoints', () => {
  it('sums up a short section by its bold phrases', () => {
    expect(
      sections('# 2 Storage\n\n## 2.1 Logs\n\nA **log** only grows. Old parts go by **compaction**.\n\n- Reads use an **index**.\n'),
    ).toEqual([
      {
        kind: 'basic',
        syntax: 'note-section',
        front: 'Logs: key points',
        back: '- log\n- compaction\n- index',
        context: null,
        headingPath: ['2 Storage', '2.1 Logs'],
        line: 3,
        endLine: 7,
      },
    ]);
  });

  it('uses the first sentence of each paragraph and item when there are fewer than two bold phrases', () => {
    expect(sections('## Clocks\n\nClocks drift. They do so slowly.\n\n1. NTP resets them. Often.\n2. GPS is *exact*.\n')).toEqual([
      {
        kind: 'basic',
        syntax: 'note-section',
        front: 'Clocks: key points',
        back: '- Clocks drift.\n- NTP resets them.\n- GPS is *exact*.',
        context: null,
        headingPath: ['Clocks'],
        line: 1,
        endLine: 6,
      },
    ]);
  });

  it(`leaves out sections over ${MAX_SECTION_BLOCKS} blocks, over ${MAX_ANSWER_CHARS} characters, without text, and note boxes`, () => {
    const long = Array.from({ length: MAX_SECTION_BLOCKS + 1 }, (_, i) => `Point ${i} stands.`).join('\n\n');
    const wall = `${'Word '.repeat(130)}ends.`;
    const text = `## Long\n\n${long}\n\n## Wall\n\n${wall}\n\n## Code\n\n\`\`\`\nx\n\`\`\`\n\n## Empty\n\n###### Note\n\nA side box.\n`;
    expect(sections(text)).toEqual([]);
  });

  it('does not count a bold line standing as a heading, a figure caption or an image as points', () => {
    const cards = sections('## Fences\n\n**Fencing tokens**\n\nFigure 8-5. Tokens.\n\n![](f.png)\n\nA token only grows.\n\nStorage checks it.\n');
    expect(cards.map((card) => card.back)).toEqual(['- A token only grows.\n- Storage checks it.']);
  });

  it(`gives no card for a section with fewer than ${MIN_POINTS} key points: one point is a paragraph to recite`, () => {
    expect(sections('## Fences\n\nA token only grows, and storage refuses an older one.\n')).toEqual([]);
  });
});
