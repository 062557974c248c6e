import { describe, expect, it } from 'vitest';
import { codeBlocksOf, splitFenced } from '../../src/parse/card-code.js';

const side = (front: string, back = '') => codeBlocksOf({ front, back });

describe('codeBlocksOf', () => {
  it('reads blocks of both sides, question first, with language and attributes lower-cased', () => {
    const blocks = codeBlocksOf({
      front: 'What does this print?\n\n```Java Predict Unordered\nSystem.out.println(1);\n```',
      back: '~~~output\n1\n~~~\n\nand\n\n```\nplain\n```',
    });
    expect(blocks).toEqual([
      { side: 'front', index: 0, lang: 'java', attributes: ['predict', 'unordered'], code: 'System.out.println(1);' },
      { side: 'back', index: 1, lang: 'output', attributes: [], code: '1' },
      { side: 'back', index: 2, lang: '', attributes: [], code: 'plain' },
    ]);
  });

  it('splits attributes on commas as well as spaces', () => {
    expect(side('```js predict,any-order\nx\n```')[0]).toMatchObject({ lang: 'js', attributes: ['predict', 'any-order'] });
  });

  it('gives a pandoc {.lang} info string no language', () => {
    expect(side('```{.python .predict}\nx\n```')[0]).toMatchObject({ lang: '', attributes: [], code: 'x' });
  });

  it('keeps a fence inside a longer fence as text', () => {
    const md = '````md\n```js\nx\n```\n````';
    expect(side(md)).toEqual([{ side: 'front', index: 0, lang: 'md', attributes: [], code: '```js\nx\n```' }]);
  });

  it('keeps a fence of the other character inside a fence as text', () => {
    expect(side('~~~\n```\ny\n```\n~~~').map((b) => b.code)).toEqual(['```\ny\n```']);
  });

  it('closes only on the same character, at least as long, with nothing after it', () => {
    expect(side('~~~~\na\n~~~\nb\n```\nc\n~~~~ x\nd\n~~~~~\ne').map((b) => b.code)).toEqual(['a\n~~~\nb\n```\nc\n~~~~ x\nd']);
  });

  it('accepts up to 3 spaces of indent and strips that much from the lines', () => {
    expect(side('   ```py\n   a\n     b\n  c\n   ```').map((b) => b.code)).toEqual(['a\n  b\nc']);
  });

  it('does not take 4 spaces of indent as a fence', () => {
    expect(side('    ```\n    x\n    ```')).toEqual([]);
  });

  it('does not take a backtick fence with a backtick in its info string as a fence', () => {
    expect(side('```a``` b\nx\n```\ny')).toEqual([{ side: 'front', index: 0, lang: '', attributes: [], code: 'y' }]);
  });

  it('runs an unclosed fence to the end of its side only', () => {
    expect(codeBlocksOf({ front: '```js\nlet a;\n\nmore', back: 'answer' })).toEqual([
      { side: 'front', index: 0, lang: 'js', attributes: [], code: 'let a;\n\nmore' },
    ]);
  });

  it('drops trailing newlines of the code and reads \\r\\n line ends', () => {
    expect(side('```\r\na\r\n\r\n\r\n```\r\n').map((b) => b.code)).toEqual(['a']);
  });

  it('gives an empty block empty code', () => {
    expect(side('```sh\n```').map((b) => b.code)).toEqual(['']);
  });

  it('finds nothing in text without fences or with inline code only', () => {
    expect(side('use `x` and ``y``', 'no code')).toEqual([]);
  });
});

describe('splitFenced', () => {
  it('cuts a side into prose and code in order', () => {
    expect(splitFenced('before\n```js\ncode\n```\nafter\nmore')).toEqual([
      { kind: 'prose', text: 'before' },
      { kind: 'code', lang: 'js', attributes: [], code: 'code' },
      { kind: 'prose', text: 'after\nmore' },
    ]);
  });
});
