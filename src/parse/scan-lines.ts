/** Where a line stands with respect to fenced code blocks. */
export const enum Fence {
  None = 0,
  Open = 1,
  Inside = 2,
  Close = 3,
}

/** One line of a file with what the card scanner needs to know about it. */
export interface ScannedLine {
  /** The line as written (without its `\n`). */
  text: string;
  /**
   * The line with inline code spans and HTML comments blanked to spaces (same
   * length as `text`, so positions carry over); '' for lines of a fenced block.
   * Card markers are only ever looked for here.
   */
  masked: string;
  fence: Fence;
  /** Start/end pairs of HTML comment ranges in `text`, or null. */
  comments: number[] | null;
  /** Empty or whitespace only, and not inside a fenced block. */
  blank: boolean;
}

/** A fence opener or comment opener that never closes, reported by the scanner. */
export interface Unclosed {
  /** 0-based line index. */
  index: number;
  /** The fence (``` or ~~~…) or `<!--`. */
  marker: string;
}

const FENCE_RE = /^[ \t]*(`{3,}|~{3,})(.*)$/;
const BLANK_RE = /^\s*$/;

/**
 * Classifies each line from `bodyStart` on in one pass (lines before it, the
 * frontmatter, come back blank). Fences of any length of ``` or ~~~ are
 * recognised. A fence or an HTML comment that is never closed is read as
 * plain text (so it cannot swallow the rest of the file) and is returned in
 * `unclosed`. Linear in the length of the text.
 */
export function scanLines(raw: readonly string[], bodyStart = 0): { lines: ScannedLine[]; unclosed: Unclosed[] } {
  const n = raw.length;
  // Per line: fence char and run length when the line could close a fence.
  const closerLen = new Int32Array(n);
  const closerChar = new Uint8Array(n); // 0 none, 1 backtick, 2 tilde
  for (let i = bodyStart; i < n; i++) {
    const line = raw[i]!;
    const first = firstNonSpace(line);
    const c = line.charCodeAt(first);
    if (c !== 96 && c !== 126) continue;
    let j = first;
    while (j < line.length && line.charCodeAt(j) === c) j++;
    if (j - first < 3) continue;
    if (line.slice(j).trim() !== '') continue;
    closerLen[i] = j - first;
    closerChar[i] = c === 96 ? 1 : 2;
  }
  // Longest closer at or after each line, per fence char, and whether any later
  // line closes a comment: an opener knows in O(1) whether it can ever close.
  const maxBacktickFrom = new Int32Array(n + 1);
  const maxTildeFrom = new Int32Array(n + 1);
  const commentCloseAfter = new Uint8Array(n + 1);
  for (let i = n - 1; i >= bodyStart; i--) {
    maxBacktickFrom[i] = Math.max(maxBacktickFrom[i + 1]!, closerChar[i] === 1 ? closerLen[i]! : 0);
    maxTildeFrom[i] = Math.max(maxTildeFrom[i + 1]!, closerChar[i] === 2 ? closerLen[i]! : 0);
    commentCloseAfter[i] = commentCloseAfter[i + 1]! || (raw[i + 1] !== undefined && raw[i + 1]!.includes('-->')) ? 1 : 0;
  }

  const lines: ScannedLine[] = new Array(n);
  for (let i = 0; i < Math.min(bodyStart, n); i++) lines[i] = { text: raw[i]!, masked: '', fence: Fence.None, comments: null, blank: true };
  const unclosed: Unclosed[] = [];
  let openChar = 0;
  let openLen = 0;
  const comment = { open: false, unclosedAt: -1 };
  for (let i = bodyStart; i < n; i++) {
    const text = raw[i]!;
    if (openChar !== 0) {
      if (closerChar[i] === openChar && closerLen[i]! >= openLen) {
        lines[i] = { text, masked: '', fence: Fence.Close, comments: null, blank: false };
        openChar = 0;
      } else {
        lines[i] = { text, masked: '', fence: Fence.Inside, comments: null, blank: false };
      }
      continue;
    }
    if (!comment.open) {
      const m = FENCE_RE.exec(text);
      if (m && !(m[1]![0] === '`' && m[2]!.includes('`'))) {
        const ch = m[1]![0] === '`' ? 1 : 2;
        const len = m[1]!.length;
        const reach = ch === 1 ? maxBacktickFrom[i + 1]! : maxTildeFrom[i + 1]!;
        if (reach >= len) {
          openChar = ch;
          openLen = len;
          lines[i] = { text, masked: '', fence: Fence.Open, comments: null, blank: false };
          continue;
        }
        unclosed.push({ index: i, marker: m[1]! });
      }
    }
    const { masked, comments } = maskLine(text, comment, commentCloseAfter[i] === 1);
    if (comment.unclosedAt >= 0) {
      unclosed.push({ index: i, marker: '<!--' });
      comment.unclosedAt = -1;
    }
    lines[i] = { text, masked, fence: Fence.None, comments, blank: BLANK_RE.test(text) };
  }
  return { lines, unclosed };
}

function firstNonSpace(line: string): number {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return i;
}

/**
 * Blanks inline code spans and HTML comments in one line. `state.open` carries an
 * HTML comment across lines; a `<!--` that closes neither on this line nor on a
 * later one (`closesLater`) is text, and its column is left in
 * `state.unclosedAt`. Linear: each backtick run learns the next run of the same
 * length from a right-to-left pass, and the next comment start is searched again
 * only once the scan has passed it.
 */
export function maskLine(
  text: string,
  state: { open: boolean; unclosedAt?: number },
  closesLater = true,
): { masked: string; comments: number[] | null } {
  if (!state.open && text.indexOf('`') < 0 && text.indexOf('<!--') < 0) return { masked: text, comments: null };
  const blanks: number[] = [];
  const comments: number[] = [];
  let pos = 0;
  if (state.open) {
    const end = text.indexOf('-->');
    const stop = end < 0 ? text.length : end + 3;
    blanks.push(0, stop);
    comments.push(0, stop);
    if (end < 0) return { masked: blankRanges(text, blanks), comments };
    state.open = false;
    pos = stop;
  }
  const runStart: number[] = [];
  const runLen: number[] = [];
  for (let i = pos; i < text.length; ) {
    if (text.charCodeAt(i) === 96) {
      let j = i;
      while (j < text.length && text.charCodeAt(j) === 96) j++;
      runStart.push(i);
      runLen.push(j - i);
      i = j;
    } else {
      i++;
    }
  }
  const nextSame = new Int32Array(runStart.length).fill(-1);
  const seen = new Map<number, number>();
  for (let r = runStart.length - 1; r >= 0; r--) {
    nextSame[r] = seen.get(runLen[r]!) ?? -1;
    seen.set(runLen[r]!, r);
  }
  let r = 0;
  let commentAt = text.indexOf('<!--', pos);
  while (pos < text.length) {
    while (r < runStart.length && runStart[r]! < pos) r++;
    if (commentAt >= 0 && commentAt < pos) commentAt = text.indexOf('<!--', pos);
    const nextRun = r < runStart.length ? runStart[r]! : Infinity;
    const nextComment = commentAt < 0 ? Infinity : commentAt;
    if (nextRun === Infinity && nextComment === Infinity) break;
    if (nextRun < nextComment) {
      const close = nextSame[r]!;
      if (close < 0) {
        pos = nextRun + runLen[r]!;
        r++;
        continue;
      }
      const end = runStart[close]! + runLen[close]!;
      blanks.push(nextRun, end);
      pos = end;
      r = close + 1;
    } else {
      const end = text.indexOf('-->', nextComment + 4);
      if (end < 0 && !closesLater) {
        // Nothing ever closes it: a literal "<!--", as in prose about HTML. No
        // later opener can close either, so the rest is only code spans.
        state.unclosedAt = nextComment;
        pos = nextComment + 4;
        commentAt = -1;
        continue;
      }
      const stop = end < 0 ? text.length : end + 3;
      blanks.push(nextComment, stop);
      comments.push(nextComment, stop);
      if (end < 0) {
        state.open = true;
        break;
      }
      pos = stop;
    }
  }
  return { masked: blankRanges(text, blanks), comments: comments.length ? comments : null };
}

/** `text` with each [from, to) range of the sorted, disjoint pairs replaced by spaces. */
function blankRanges(text: string, ranges: number[]): string {
  if (ranges.length === 0) return text;
  let out = '';
  let at = 0;
  for (let k = 0; k < ranges.length; k += 2) {
    out += text.slice(at, ranges[k]) + ' '.repeat(ranges[k + 1]! - ranges[k]!);
    at = ranges[k + 1]!;
  }
  return out + text.slice(at);
}
