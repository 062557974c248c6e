/**
 * How a word of a title-cased label reads inside a question: "Fencing Tokens"
 * asks "What are fencing tokens?" but "Byzantine Faults" keeps its capital.
 * The note's own prose decides: a word it writes in lower case mid-sentence
 * is a common word, one it only writes capitalised mid-sentence is a name.
 * Words with inner capitals or all capitals (TrueTime, API, ZooKeeper) keep
 * theirs always.
 */
import type { Nodes, Root } from 'mdast';

/** A word as it should read in the middle of a sentence. */
export type Casing = (word: string) => string;

/**
 * The casing a note's text teaches: one pass over its prose (linear).
 * Unknown words are lower-cased: a label's Title Case is the exception,
 * and a name the note never writes mid-sentence is rare.
 */
export function casingFrom(text: string): Casing {
  const lower = new Set<string>();
  const capital = new Set<string>();
  // A word in lower case is one the note writes as a common word, wherever it stands.
  // Matched as strings, not match objects: this reads every word of the note.
  eachLowerWord(text, (word) => lower.add(word));
  // A capitalised word after a lower-case word (which may end in , ; or a bracket) is mid-sentence; after
  // a colon, a full stop or a quote it may open a sentence or a title
  for (const m of text.matchAll(CAPITAL_AFTER_LOWER)) capital.add(m[1]!.toLowerCase());
  return (word) => wordCase(word, (w) => lower.has(w) || !capital.has(w));
}

/**
 * Calls `add` with every word that starts with a lower-case letter after no
 * letter, digit, apostrophe or hyphen, and runs on over lower-case letters
 * and apostrophes: what `/(?<![\p{L}\p{N}'’-])\p{Ll}[\p{Ll}'’]*\/gu` matches,
 * found by a scan because that pattern, with its look-behind, ran in the
 * regexp interpreter over every word of the note (ASCII decided without it).
 */
function eachLowerWord(text: string, add: (word: string) => void): void {
  const n = text.length;
  // Whether the code point before i is a letter, digit, apostrophe or hyphen (which bars a word starting at i).
  let barred = false;
  let i = 0;
  while (i < n) {
    const c = text.codePointAt(i)!;
    if (!barred && isLower(c)) {
      let j = i + (c > 0xffff ? 2 : 1);
      while (j < n) {
        const d = text.codePointAt(j)!;
        if (d !== 0x27 && d !== 0x2019 && !isLower(d)) break;
        j += d > 0xffff ? 2 : 1;
      }
      add(text.slice(i, j));
      // The word's last character is a letter or an apostrophe: no word starts right after it.
      barred = true;
      i = j;
      continue;
    }
    barred = isWordish(c);
    i += c > 0xffff ? 2 : 1;
  }
}

const LOWER_RE = /^\p{Ll}$/u;
const WORDISH_RE = /^[\p{L}\p{N}'’-]$/u;

function isLower(c: number): boolean {
  if (c < 128) return c >= 97 && c <= 122;
  return LOWER_RE.test(String.fromCodePoint(c));
}

function isWordish(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 0x27 || c === 0x2d;
  return WORDISH_RE.test(String.fromCodePoint(c));
}
// ("Google's Spanner": after a name's possessive, a name too).
const CAPITAL_AFTER_LOWER = /(?<![\p{L}\p{N}'’-])(?:[\p{Ll}\p{N}][\p{L}\p{N}'’-]*[,;)]?|\p{Lu}\p{L}*['’]s) [(]?(\p{Lu}[\p{L}'’]*)/gu;

/** Every word lower-cased except those with inner or only capitals: for tests and texts without prose. */
export const plainCasing: Casing = (word) => wordCase(word, () => true);

function wordCase(word: string, common: (lower: string) => boolean): string {
  // Hyphen-joined parts are cased one by one: "Real-Time" -> "real-time", "Wi-Fi" keeps.
  return word
    .split('-')
    .map((part) => {
      // Inner capitals (TrueTime), all capitals (API) and a lone capital (the B of B-tree) stay.
      if (!/^\p{Lu}/u.test(part) || /\p{Lu}/u.test(part.slice(1)) || (part.length === 1 && word.includes('-'))) return part;
      const lower = part.toLowerCase();
      const bare = lower.replace(/['’]s$/, '');
      return common(bare) ? lower : part;
    })
    .join('-');
}

const cache = new WeakMap<Root, Casing>();

/**
 * The casing of a parsed note, worked out once per tree (both bullet
 * extractors ask for it) and only when a label is first cased: a chapter
 * without labels never pays for matching all its words. The casing holds the
 * note's prose text until then, never the tree (a casing outlives its parse
 * in label-questions' cache, and must not keep a whole file's tree alive).
 */
export function casingOf(tree: Root): Casing {
  let casing = cache.get(tree);
  if (casing === undefined) {
    const parts: string[] = [];
    collectProse(tree, parts);
    let text: string | null = parts.join('\n');
    let made: Casing | null = null;
    casing = (word) => {
      if (made === null) {
        made = casingFrom(text!);
        text = null;
      }
      return made(word);
    };
    cache.set(tree, casing);
  }
  return casing;
}

/** The text of paragraphs (not headings, whose words are title-cased), a paragraph a line. */
function collectProse(node: Nodes, parts: string[]): void {
  if (node.type === 'heading' || node.type === 'code') return;
  if (node.type === 'paragraph') {
    const words: string[] = [];
    collectText(node, words);
    parts.push(words.join(''));
    return;
  }
  if ('children' in node) for (const child of node.children) collectProse(child as Nodes, parts);
}

function collectText(node: Nodes, words: string[]): void {
  // Bold runs are often title-cased terms ("**Partial Failure** refers to"): they teach nothing.
  if (node.type === 'strong') {
    words.push('. ');
    return;
  }
  if (node.type === 'text') words.push(node.value);
  else if (node.type === 'inlineCode') words.push('x');
  else if ('children' in node) for (const child of node.children) collectText(child as Nodes, words);
}
