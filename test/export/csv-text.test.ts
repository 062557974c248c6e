import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from '../../src/export/csv-text.js';

describe('RFC 4180 quoting', () => {
  it('leaves plain fields alone and writes null as an empty field', () => {
    expect(csvLine(['a', 1, 2.5, true, null, ''])).toBe('a,1,2.5,true,,\n');
  });

  it('quotes fields with a comma, a quote, CR or LF, doubling inner quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('"')).toBe('""""');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
    expect(csvField('```js\nf("x, y");\n```')).toBe('"```js\nf(""x, y"");\n```"');
  });

  it('does not quote for spaces, semicolons, tabs or single quotes', () => {
    expect(csvLine([' padded ', 'a;b', 'a\tb', "it's"])).toBe(" padded ,a;b,a\tb,it's\n");
  });
});
