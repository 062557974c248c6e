import { describe, expect, it } from 'vitest';
import { render, renderPlain } from './helpers.js';

describe('bullet lists', () => {
  it('indents nested levels by two with their own bullets and hangs continuation lines under the text', () => {
    const md = [
      '- apples are a kind of fruit that grows on trees',
      '- pears',
      '  - nested one',
      '    - level three',
      '      - level four',
      '- last',
    ].join('\n');
    // Each level indents by two cells under its bullet's text.
    expect(renderPlain(md, 24)).toEqual([
      '• apples are a kind of',
      '  fruit that grows on',
      '  trees',
      '• pears',
      '  ◦ nested one',
      '    ▪ level three',
      '      • level four',
      '• last',
    ]);
  });

  it('keeps a blank line between items of a loose list and between blocks of an item', () => {
    expect(renderPlain('- a\n\n- b\n\n  para two')).toEqual(['• a', '', '• b', '', '  para two']);
  });

  it('joins lazy continuation lines into the item paragraph', () => {
    expect(renderPlain('- first\n  continued\n- second')).toEqual(['• first continued', '• second']);
  });

  it('puts other blocks inside items under the text', () => {
    expect(renderPlain('- item\n\n  ```\n  code\n  ```', 30)).toEqual(['• item', '', '    code']);
  });

  it('draws an empty item as just its bullet', () => {
    expect(render('- \n- b').lines).toEqual([[{ text: '•' }], [{ text: '• b' }]]);
  });
});

describe('ordered lists', () => {
  it('keeps the numbers and indents continuation lines under the text', () => {
    const md = '1. first item that wraps onto the next line\n2. second\n   1. sub a\n   2. sub b';
    expect(renderPlain(md, 20)).toEqual([
      '1. first item that',
      '   wraps onto the',
      '   next line',
      '2. second',
      '   1. sub a',
      '   2. sub b',
    ]);
  });

  it('starts at the given number and right-aligns numbers of different lengths', () => {
    expect(renderPlain('9. nine\n10. ten\n11. eleven is long', 16)).toEqual([
      ' 9. nine',
      '10. ten',
      '11. eleven is',
      '    long',
    ]);
  });
});

describe('task lists', () => {
  it('draws check boxes in place of bullets, continuation under the text', () => {
    expect(renderPlain('- [ ] open task with text that wraps around\n- [x] done', 20)).toEqual([
      '☐ open task with',
      '  text that wraps',
      '  around',
      '☑ done',
    ]);
  });

  it('keeps the numbers of ordered task lists', () => {
    expect(renderPlain('1. [x] done\n2. [ ] to do')).toEqual(['1. ☑ done', '2. ☐ to do']);
  });

  it('nests task lists under bullets', () => {
    expect(renderPlain('- parent\n  - [ ] child\n  - [x] other')).toEqual(['• parent', '  ☐ child', '  ☑ other']);
  });
});
