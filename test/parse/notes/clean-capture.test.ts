import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { cleanCapture, isFigureCaption } from '../../../src/parse/notes/clean-capture.js';
import { emphasisClozesOnly } from '../../helpers/emphasis-clozes-only.js';

// Each test/fixtures/notes/capture-* folder holds a noisy web capture (input.md)
// and expected.json: the cleaned text, the original line of each cleaned line,
// and the prose cards made from it. Regenerate only on purpose
// (UPDATE_FIXTURES=1) and read the result before committing it.
const root = fileURLToPath(new URL('../../fixtures/notes', import.meta.url));
const update = process.env['UPDATE_FIXTURES'] === '1';

function lines(text: string): string[] {
  return text.split('\n');
}

describe('cleanCapture', () => {
  it('leaves plain markdown as it is, lines mapping to themselves', () => {
    const text = '# Title\n\nSome *text* with a [link](http://x.org).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    const cleaned = cleanCapture(text);
    expect(cleaned.text).toBe(text);
    expect(cleaned.removed).toBe(0);
    expect(cleaned.title).toBeNull();
    expect([1, 2, 3, 7, 8].map(cleaned.lineOf)).toEqual([1, 2, 3, 7, 8]);
  });

  it('drops the page chrome of a capture and keeps a note that only starts with a url', () => {
    const capture = cleanCapture('mirror of\nhttps://x.org/a.git\nsynced 2025-01-01\n3 lines\n1 KiB\nMarkdown\n# A\n');
    expect(capture.text).toBe('# A\n');
    expect(capture.lineOf(1)).toBe(7);
    expect(capture.removed).toBe(6);
    const note = 'https://x.org\n\n# A\n';
    expect(cleanCapture(note).text).toBe(note);
  });

  it('joins gutter-split lines and turns a doubled gutter into one blank line', () => {
    const cleaned = cleanCapture('one\n|\n||\ntwo\n|\n||\n|\n||\nthree\n|\n||\n');
    expect(lines(cleaned.text)).toEqual(['one', 'two', '', 'three', '']);
    expect([1, 2, 3, 4].map(cleaned.lineOf)).toEqual([1, 4, 7, 9]);
  });

  it('removes citation markers, also one whose items run over two lines', () => {
    const cleaned = cleanCapture(
      'Known [[3](/en/ch9#Hale2010)]. Also [[1](/en/ch9#A), [2](/en/ch9#B)] and [[18](/en/ch9#Liu), Table 3].\n' +
        'Split [[4](/en/ch9#C),\n[5](/en/ch9#D)]. Next line.\n',
    );
    expect(lines(cleaned.text)).toEqual(['Known. Also and.', 'Split. Next line.', '']);
    expect([1, 2, 3].map(cleaned.lineOf)).toEqual([1, 2, 4]);
  });

  it('writes LaTeX inline math as code, so no stray brackets reach a card', () => {
    expect(cleanCapture('If x returns \\( t_x \\) first, then \\(t_x < t_y\\). Keep `\\( raw \\)`.').text).toBe(
      'If x returns `t_x` first, then `t_x < t_y`. Keep `\\( raw \\)`.',
    );
  });

  it('leaves wiki links and code alone', () => {
    const text = 'See [[Topic]] and `a[[1](x)]`? No: [[Topic|alias]].\n';
    expect(cleanCapture(text).text).toBe(text);
  });

  it('removes a references section up to the next heading of the same level, not inside code', () => {
    const text = [
      '## Body',
      'Text.',
      '```',
      '## References',
      '```',
      '## References',
      '[1] A paper.',
      '### Deeper',
      'Still references.',
      '## After',
      'Kept.',
    ].join('\n');
    const cleaned = cleanCapture(text);
    expect(lines(cleaned.text)).toEqual(['## Body', 'Text.', '```', '## References', '```', '## After', 'Kept.']);
    expect(cleaned.lineOf(6)).toBe(10);
  });

  it('turns a figure caption heading into a paragraph of its own and drops anchors', () => {
    const cleaned = cleanCapture('<a id="fig1"></a>Before.\n###### Figure 9-1. A caption.\nAfter.\n');
    expect(lines(cleaned.text)).toEqual(['Before.', '', 'Figure 9-1. A caption.', '', 'After.', '']);
    expect(isFigureCaption('Figure 9-1. A caption.')).toBe(true);
    expect(isFigureCaption('Figures are nice.')).toBe(false);
  });

  it('takes frontmatter off the top with its title, but not a thematic break before prose', () => {
    const cleaned = cleanCapture('---\ntitle: "Ch. 9"\nweight: 2\n---\n# A\n');
    expect(cleaned.text).toBe('# A\n');
    expect(cleaned.title).toBe('Ch. 9');
    const ruled = '---\nJust prose here.\n---\n';
    expect(cleanCapture(ruled).text).toBe(ruled);
  });

  it('stays linear on a large capture', () => {
    const text = 'Text [[1](/x#a),\n|\n||\n[2](/x#b)].\n|\n||\n'.repeat(20_000);
    const cleaned = cleanCapture(text);
    expect(cleaned.text.includes('[[')).toBe(false);
  });
});

describe('capture fixtures', () => {
  for (const name of readdirSync(root).filter((n) => n.startsWith('capture-')).sort()) {
    it(name, () => {
      const dir = join(root, name);
      const cleaned = cleanCapture(readFileSync(join(dir, 'input.md'), 'utf8'));
      const tree = fromMarkdown(cleaned.text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
      const result = {
        title: cleaned.title,
        removed: cleaned.removed,
        lines: lines(cleaned.text).map((line, i) => `${cleaned.lineOf(i + 1)}: ${line}`),
        clozes: emphasisClozesOnly(tree, cleaned.lineOf),
      };
      const expectedPath = join(dir, 'expected.json');
      if (update) writeFileSync(expectedPath, `${JSON.stringify(result, null, 2)}\n`);
      expect(result).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});
