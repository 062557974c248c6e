/** Which literal syntax to recognise: Java (char literals, text blocks) or JavaScript (template literals). */
export type CodeDialect = 'java' | 'javascript';

/**
 * Returns `code` with comments blanked entirely and the insides of string,
 * char and template literals and text blocks blanked, every blanked character
 * a space except newlines, so offsets and line numbers stay those of `code`.
 * Scanning the result for `class Foo` or `main(` cannot be fooled by a comment
 * or a string that happens to contain those words.
 */
export function blankCode(code: string, dialect: CodeDialect): string {
  const out = code.split('');
  const blank = (from: number, to: number): void => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  let i = 0;
  while (i < code.length) {
    const c = code[i]!;
    const next = code[i + 1];
    if (c === '/' && next === '/') {
      const end = lineEnd(code, i);
      blank(i, end);
      i = end;
    } else if (c === '/' && next === '*') {
      const close = code.indexOf('*/', i + 2);
      const end = close < 0 ? code.length : close + 2;
      blank(i, end);
      i = end;
    } else if (dialect === 'java' && code.startsWith('"""', i)) {
      const [contentEnd, end] = literalEnd(code, i + 3, '"""', true);
      blank(i + 3, contentEnd);
      i = end;
    } else if (c === '"' || c === "'" || (dialect === 'javascript' && c === '`')) {
      const [contentEnd, end] = literalEnd(code, i + 1, c, c === '`');
      blank(i + 1, contentEnd);
      i = end;
    } else {
      i++;
    }
  }
  return out.join('');
}

function lineEnd(code: string, from: number): number {
  const nl = code.indexOf('\n', from);
  return nl < 0 ? code.length : nl;
}

/**
 * Where the content of a literal starting at `from` ends, and the index just
 * past its closing `quote`. Backslash escapes the next character. A one-line
 * literal stops at a newline (the code is broken; the rest of the file is not
 * swallowed).
 */
function literalEnd(code: string, from: number, quote: string, multiline: boolean): [number, number] {
  let i = from;
  while (i < code.length) {
    if (code[i] === '\\') {
      i += 2;
    } else if (code.startsWith(quote, i)) {
      return [i, i + quote.length];
    } else if (!multiline && code[i] === '\n') {
      return [i, i];
    } else {
      i++;
    }
  }
  return [code.length, code.length];
}
