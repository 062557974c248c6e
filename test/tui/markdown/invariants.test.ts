import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/tui/markdown/render-markdown.js';
import { lineWidth } from '../../../src/tui/markdown/styled-line.js';
import { plain, render, widestLine } from './helpers.js';

const MIXED = `# Card about everything, with a rather long heading

Some *italic*, **bold**, ~~struck~~ and \`inline code\` text with a [link](https://example.com/a/long/path/to/somewhere) and
a hard break  
then 日本語のテキスト and emoji 😀😀 and supercalifragilisticexpialidocious.

![diagram](images/diagram.png)

- first item that is long enough to wrap at most widths we try
  - nested item with \`code\`
    - third level
      - fourth level goes deeper still
- [ ] open task
- [x] done task

3. three
4. four that wraps around the width when it is narrow

> quoted text that goes on for a while
> > nested quote with **bold** words
>
> - list in quote

\`\`\`typescript
export function add(a: number, b: number): number {
\treturn a + b; // a comment that is long enough to need breaking at most widths
}
\`\`\`

| Column one | Two | A much longer third column |
|:-----------|:---:|---------------------------:|
| cell | 2 | some text that will wrap when the table is squeezed |
| 漢字 | x | y |

---

Final paragraph.[^n]

[^n]: A footnote.
`;

describe('width invariant', () => {
  for (const width of [10, 20, 40, 80, 200]) {
    it(`keeps every line within ${width} cells`, () => {
      const { lines, images } = renderMarkdown(MIXED, { width, color: true });
      for (const line of lines) expect(lineWidth(line), JSON.stringify(line)).toBeLessThanOrEqual(width);
      expect(lines.length).toBeGreaterThan(20);
      expect(lines[0]).not.toEqual([]);
      expect(lines[lines.length - 1]).not.toEqual([]);
      expect(images).toEqual(['images/diagram.png']);
    });
  }

  it('uses the width: wider screens give fewer lines', () => {
    const counts = [10, 20, 40, 80].map((width) => render(MIXED, width).lines.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[0]).toBeGreaterThan(counts[3]!);
  });

  it('never leaves two blank lines in a row', () => {
    const text = plain(render(MIXED, 40).lines).join('\n');
    expect(text).not.toContain('\n\n\n');
  });

  it('contains no colour at all when colour is off, but keeps the other styles', () => {
    const { lines } = renderMarkdown(MIXED, { width: 80, color: false });
    expect(lines.flat().filter((seg) => 'color' in seg)).toEqual([]);
    expect(lines.flat().some((seg) => seg.bold)).toBe(true);
    expect(lines.flat().some((seg) => seg.dim)).toBe(true);
    expect(plain(lines)).toEqual(plain(render(MIXED, 80, true).lines));
  });

  it('uses colour when it is on', () => {
    expect(render(MIXED, 80).lines.flat().some((seg) => seg.color !== undefined)).toBe(true);
  });

  it('puts no control characters in the output', () => {
    const { lines } = render(`${MIXED}\n\x1b[2J\ttab\r\nline\u0000`, 40);
    for (const seg of lines.flat()) expect(seg.text).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
  });
});

describe('robustness', () => {
  it('survives odd widths', () => {
    for (const width of [0, -5, 1, 2.7, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => renderMarkdown(MIXED, { width, color: true })).not.toThrow();
    }
    expect(widestLine(render('---', Number.POSITIVE_INFINITY).lines)).toBeLessThanOrEqual(1000);
  });

  it('never throws and keeps the width for random markdown-like input', () => {
    // A fixed seed keeps the inputs the same on every run.
    let seed = 12345;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pieces = ['*', '_', '~~', '`', '```', '\n', '\n\n', ' ', '  ', '\t', '# ', '- ', '1. ', '> ', '|', '|---|', '[', ']', '(', ')', '!', '<', '>', 'word', 'longerword', '日本', '😀', '\\', '[ ] ', 'http://x.y', '---', '    '];
    for (let round = 0; round < 300; round++) {
      let md = '';
      const length = next(120);
      for (let i = 0; i < length; i++) md += pieces[next(pieces.length)];
      const width = 2 + next(60);
      const { lines } = renderMarkdown(md, { width, color: next(2) === 0 });
      for (const line of lines) expect(lineWidth(line), `${JSON.stringify(md)} at ${width}`).toBeLessThanOrEqual(width);
      if (lines.length > 0) expect(lines[lines.length - 1]).not.toEqual([]);
    }
  });
});
