import { describe, expect, it } from 'vitest';
import { render, renderPlain } from './helpers.js';

describe('inline styles', () => {
  it('draws strong, emphasis, strikethrough and code without their markers', () => {
    const { lines } = render('**bold** *it* ~~del~~ `code` plain');
    expect(lines).toEqual([
      [
        { text: 'bold', bold: true },
        { text: ' ' },
        { text: 'it', italic: true },
        { text: ' ' },
        { text: 'del', strikethrough: true },
        { text: ' ' },
        { text: 'code', color: 'yellow' },
        { text: ' plain' },
      ],
    ]);
  });

  it('combines nested styles', () => {
    expect(render('**bold _and italic_**').lines).toEqual([
      [
        { text: 'bold ', bold: true },
        { text: 'and italic', bold: true, italic: true },
      ],
    ]);
  });

  it('leaves inline code uncoloured without colour', () => {
    expect(render('use `npm ci` here', 80, false).lines).toEqual([[{ text: 'use npm ci here' }]]);
  });

  it('shows cloze gaps as bold text', () => {
    expect(render('The capital is **[...]** and **[hint]**.').lines).toEqual([
      [
        { text: 'The capital is ' },
        { text: '[...]', bold: true },
        { text: ' and ' },
        { text: '[hint]', bold: true },
        { text: '.' },
      ],
    ]);
  });

  it('drops HTML comments and tags but keeps the text between tags', () => {
    expect(renderPlain('a <!-- hidden --> b <kbd>Ctrl</kbd> c')).toEqual(['a b Ctrl c']);
  });

  it('drops an HTML block that is only a comment, and keeps the words of one with tags', () => {
    expect(renderPlain('before\n\n<!-- note to self -->\n\nafter')).toEqual(['before', '', 'after']);
    expect(renderPlain('<p align="center">\nHello there\n</p>')).toEqual(['Hello there']);
  });
});

describe('links and images', () => {
  it('underlines link text and adds the url after it', () => {
    expect(render('[Engram](https://engram.dev) docs').lines).toEqual([
      [{ text: 'Engram', underline: true }, { text: ' (https://engram.dev) docs' }],
    ]);
  });

  it('shows autolinks and links whose text is their url once', () => {
    expect(renderPlain('<https://auto.link> and [https://a.b](https://a.b)')).toEqual(['https://auto.link and https://a.b']);
    expect(render('<https://auto.link>').lines).toEqual([[{ text: 'https://auto.link', underline: true }]]);
  });

  it('shows GFM literal autolinks once', () => {
    expect(renderPlain('visit www.example.com or https://x.org/a or mail me@x.org')).toEqual([
      'visit www.example.com or https://x.org/a or mail me@x.org',
    ]);
  });

  it('resolves reference links', () => {
    expect(renderPlain('see [the docs][d]\n\n[d]: https://d.example')).toEqual(['see the docs (https://d.example)']);
  });

  it('draws images as a magenta placeholder and lists their urls in order', () => {
    const result = render('See ![diagram](img/a.png) and ![](b.svg)\n\n![x][pic]\n\n[pic]: c.jpg');
    expect(result.lines).toEqual([
      [
        { text: 'See ' },
        { text: '[image: img/a.png]', color: 'magenta' },
        { text: ' and ' },
        { text: '[image: b.svg]', color: 'magenta' },
      ],
      [],
      [{ text: '[image: c.jpg]', color: 'magenta' }],
    ]);
    expect(result.images).toEqual(['img/a.png', 'b.svg', 'c.jpg']);
  });

  it('draws images without colour when colour is off', () => {
    expect(render('![a](x.png)', 80, false).lines).toEqual([[{ text: '[image: x.png]' }]]);
  });
});

describe('safety of the text itself', () => {
  it('removes escape sequences and other control characters', () => {
    const { lines } = render('red \x1b[31mtext\x1b[0m and a bell\x07');
    expect(lines).toEqual([[{ text: 'red [31mtext[0m and a bell' }]]);
  });

  it('removes 8-bit escape introducers and replaces broken surrogate pairs', () => {
    expect(render('a\u009b31mb \ud83d c \ud83d\ude00').lines).toEqual([[{ text: 'a31mb \ufffd c \ud83d\ude00' }]]);
  });
});
