import { describe, expect, it } from 'vitest';
import { highlightCode } from '../../../src/tui/markdown/highlight-code.js';
import { render, renderPlain, segmentWithText } from './helpers.js';

describe('code blocks', () => {
  it('indents code by two cells, without a label when there is no language', () => {
    expect(render('```\nplain code\n  indented\n```').lines).toEqual([[{ text: '  plain code' }], [{ text: '    indented' }]]);
  });

  it('shows the language name dim on the first line', () => {
    const { lines } = render('```js\nlet x;\n```');
    expect(lines[0]).toEqual([{ text: '  ' }, { text: 'js', dim: true }]);
    expect(renderPlain('```js\nlet x;\n```')).toEqual(['  js', '  let x;']);
  });

  it('leaves code in an unknown language plain but still labels it', () => {
    expect(render('```nosuchlang\nfoo bar\n```').lines).toEqual([
      [{ text: '  ' }, { text: 'nosuchlang', dim: true }],
      [{ text: '  foo bar' }],
    ]);
  });

  it('renders indented code blocks too', () => {
    expect(renderPlain('para\n\n    indented code')).toEqual(['para', '', '  indented code']);
  });

  it('breaks long lines at the width with a dim ↪ marker instead of reflowing words', () => {
    expect(renderPlain('```\nabcdefghijklmnopqrstuvwxyz0123456789\n```', 20)).toEqual([
      '  abcdefghijklmnopqr',
      '  ↪ stuvwxyz01234567',
      '  ↪ 89',
    ]);
    const { lines } = render('```\nfoo bar baz qux quux corge\n```', 20);
    expect(lines).toEqual([[{ text: '  foo bar baz qux qu' }], [{ text: '  ' }, { text: '↪ ', dim: true }, { text: 'ux corge' }]]);
  });

  it('turns tabs into four spaces and keeps blank lines', () => {
    expect(renderPlain('```\n\tindented\n\n\t\tdeeper\n```')).toEqual(['      indented', '', '          deeper']);
  });

  it('keeps highlighting across a broken line', () => {
    const { lines } = render('```js\nconst message = "a string that is long";\n```', 30);
    expect(renderPlain('```js\nconst message = "a string that is long";\n```', 30)).toEqual([
      '  js',
      '  const message = "a string th',
      '  ↪ at is long";',
    ]);
    expect(segmentWithText(lines, '"a string th').color).toBe('green');
    expect(segmentWithText(lines, 'at is long"').color).toBe('green');
  });
});

describe('syntax highlighting', () => {
  it('colours a JavaScript snippet', () => {
    const { lines } = render("```js\nconst x = 42; // note\nfunction f() { return 'hi'; }\n```");
    expect(segmentWithText(lines, 'const').color).toBe('magenta');
    expect(segmentWithText(lines, 'function').color).toBe('magenta');
    expect(segmentWithText(lines, 'return').color).toBe('magenta');
    expect(segmentWithText(lines, '42').color).toBe('yellow');
    expect(segmentWithText(lines, '// note').color).toBe('gray');
    expect(segmentWithText(lines, 'f').color).toBe('cyan');
    expect(segmentWithText(lines, "'hi'").color).toBe('green');
  });

  it('colours a Python snippet', () => {
    const md = "```python\ndef greet(name):\n    # say hi\n    return str(42) + 'x' if True else None\n```";
    const { lines } = render(md);
    expect(segmentWithText(lines, 'def').color).toBe('magenta');
    expect(segmentWithText(lines, 'greet').color).toBe('cyan');
    expect(segmentWithText(lines, '# say hi').color).toBe('gray');
    expect(segmentWithText(lines, 'return').color).toBe('magenta');
    expect(segmentWithText(lines, 'str').color).toBe('blue');
    expect(segmentWithText(lines, '42').color).toBe('yellow');
    expect(segmentWithText(lines, "'x'").color).toBe('green');
    expect(segmentWithText(lines, 'True').color).toBe('yellow');
  });

  it('understands language aliases', () => {
    const { lines } = render('```py\nimport os\n```');
    expect(segmentWithText(lines, 'import').color).toBe('magenta');
  });

  it('uses no colour when colour is off, and dims comments instead', () => {
    const md = "```python\ndef greet(name):\n    # say hi\n    return 'x'\n```";
    const { lines } = render(md, 80, false);
    expect(JSON.stringify(lines)).not.toContain('"color"');
    expect(segmentWithText(lines, '# say hi')).toEqual({ text: '# say hi', dim: true });
    expect(renderPlain(md, 80, false)).toEqual(renderPlain(md, 80, true));
  });

  it('gives one plain line per source line for unknown or missing languages', () => {
    expect(highlightCode('a\n\nb', 'nope', true)).toEqual([[{ text: 'a' }], [], [{ text: 'b' }]]);
    expect(highlightCode('a', undefined, true)).toEqual([[{ text: 'a' }]]);
  });
});
