import type { Problem } from '../model/problem.js';

/** The text of a file, or null when the file is not text. */
export interface DecodedSource {
  text: string | null;
  problems: Problem[];
}

/** How many bytes git looks at to call a file binary; we follow its habit. */
const BINARY_SNIFF_BYTES = 8000;
/** Lines listed one by one in an encoding problem before we summarise. */
const MAX_LISTED_BAD_LINES = 5;

/**
 * Turns a file's bytes into the text the parser reads: UTF-8 (or UTF-16 with a
 * BOM), without BOM, with `\n` line ends. Bytes that are not UTF-8 become U+FFFD
 * and are reported per line; files with NUL bytes in their first 8,000 bytes are
 * binary and give no text, and a NUL further on becomes U+FFFD and is reported.
 * Never throws.
 */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  const problems: Problem[] = [];
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = new TextDecoder(encoding).decode(bytes.subarray(2));
    return { text: withoutNul(normaliseLineEnds(text), problems), problems };
  }
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.includes(0)) {
    problems.push({
      line: 0,
      severity: 'error',
      message: 'is a binary file (it holds NUL bytes), skipped.',
      fix: 'engram reads markdown and plain text; leave binary files out of the import.',
    });
    return { text: null, problems };
  }
  let body = bytes;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) body = bytes.subarray(3);

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    text = new TextDecoder('utf-8').decode(body);
    problems.push(...invalidUtf8Problems(body));
  }
  text = withoutNul(normaliseLineEnds(text), problems);
  if (text.trim() === '') {
    problems.push({
      line: 0,
      severity: 'warning',
      message: 'is empty.',
      fix: 'Write cards in it, or leave it out of the import.',
    });
  }
  return { text, problems };
}

/**
 * `text` with each NUL replaced by U+FFFD, one problem per line holding one.
 * Only the first bytes are sniffed for binary content, so a NUL can sit
 * further on; card text must never hold one: identity keys join their parts
 * with NUL, so a card holding one could take another card's key.
 */
function withoutNul(text: string, problems: Problem[]): string {
  if (!text.includes('\u0000')) return text;
  const badLines: number[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) if (lines[i]!.includes('\u0000')) badLines.push(i + 1);
  problems.push(
    ...lineProblems(
      badLines,
      { message: 'holds a NUL byte; it reads as \uFFFD.', fix: 'Text files hold no NUL bytes: the file may be damaged or partly binary; remove them.' },
      (n) => ({ message: `and ${n} more lines hold NUL bytes.`, fix: 'Remove them.' }),
    ),
  );
  return text.replaceAll('\u0000', '\uFFFD');
}

/** Errors at the first few of `badLines` (`each`), then one at the next counting the rest. */
function lineProblems(
  badLines: readonly number[],
  each: { message: string; fix: string },
  rest: (more: number) => { message: string; fix: string },
): Problem[] {
  const listed = badLines.slice(0, MAX_LISTED_BAD_LINES);
  const problems: Problem[] = listed.map((line) => ({ line, severity: 'error', ...each }));
  if (badLines.length > listed.length) problems.push({ line: badLines[listed.length]!, severity: 'error', ...rest(badLines.length - listed.length) });
  return problems;
}

/** `text` with CRLF and lone CR line ends as `\n`. */
export function normaliseLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** One problem per line holding bytes that are not UTF-8 (the first few, then a count). */
function invalidUtf8Problems(bytes: Uint8Array): Problem[] {
  const badLines: number[] = [];
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      line++;
      i++;
      continue;
    }
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) {
      if (badLines[badLines.length - 1] !== line) badLines.push(line);
      i++;
    } else {
      i += length;
    }
  }
  return lineProblems(
    badLines,
    { message: 'holds bytes that are not UTF-8; they read as \uFFFD.', fix: 'Re-save the file as UTF-8 (it is probably Latin-1 or Windows-1252).' },
    (n) => ({ message: `and ${n} more lines hold bytes that are not UTF-8.`, fix: 'Re-save the file as UTF-8.' }),
  );
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  let length: number;
  let min: number;
  if (b >= 0xc2 && b <= 0xdf) {
    length = 2;
    min = 0x80;
  } else if (b >= 0xe0 && b <= 0xef) {
    length = 3;
    min = 0x800;
  } else if (b >= 0xf0 && b <= 0xf4) {
    length = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + length > bytes.length) return 0;
  let code = b & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) {
    const c = bytes[i + k]!;
    if ((c & 0xc0) !== 0x80) return 0;
    code = (code << 6) | (c & 0x3f);
  }
  if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return 0;
  return length;
}
