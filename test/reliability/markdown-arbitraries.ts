/**
 * fast-check generators of the markdown users really write and of the markdown
 * that breaks parsers: fragments of every syntax engram's parser knows (and of
 * the markdown its notes extractors read), nasty text (unicode, control
 * characters, CR, NUL, huge lines, deep nesting), and mutations of the real
 * decks and parse fixtures. Every generator is deterministic for a seed, so a
 * failure found in CI replays here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// ---------------------------------------------------------------------------
// Text

/** Characters that break naive text handling, one string each. */
const NASTY_PIECES = [
  '\u0000', // NUL
  '\u0001\u0002\u0007\b\v\f\u001b[31m\u007f', // C0 controls and an escape sequence
  '\u0085', // NEL
  '\u2028', // line separator
  '\u2029', // paragraph separator
  '\uFEFF', // BOM in the middle
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  '\uDBFF\uDFFF', // the last code point
  '\u200B\u200C\u200D', // zero widths
  '👩‍👩‍👧‍👦', // ZWJ family
  '🏳️‍🌈',
  '🇫🇷🇯🇵',
  '👍🏽',
  'e\u0301\u0302\u0303\u0304', // stacked combining marks
  'Z̸̧̛̖͎̦̺̜͎̜͈̤̟̩͎̤̱̽̇͊̋̈́͐̆͑̾̉̕͝',
  'שלום עולם', // RTL
  'مرحبا',
  '\u202Eevil\u202C', // right-to-left override
  'データベース', // wide CJK
  'ﬁ ß İ ǅ Ⅻ ㎏', // NFKC and case folding change these
  '\t',
  '\r',
  '\r\n',
  '\\',
  '\u00A0', // no-break space
];

/** Words that appear in real decks, including ones that look like markers. */
const WORDS = [
  'TCP', 'cache', 'lease', 'quorum', 'Paris', 'état', 'std::vector', 'a_b', 'snake_case', 'C#', 'x', 'y',
  '>=', 'a|b', 'http://x.y/z', '[link](http://a)', '![img](a.png)', '`code`', '``a`b``', '$x^2$', '&amp;',
  '<b>', '</b>', '#tag', '#flashcards/geo', '#flashcards', 'Q:', 'A:', 'C:', ':p', '::', ':::', '==', '{{c1::',
  '}}', '[', ']', '(', ')', '{', '}', '*', '**', '_', '~~', '?', '??', '!', '\\[', 'x??', '??x', '-->', '<!--',
];

const nastyPiece = fc.constantFrom(...NASTY_PIECES);
const word = fc.constantFrom(...WORDS);

/** Random text in every unit fast-check has: graphemes, any code point, control characters. */
const randomText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'binary-ascii', maxLength: 20 }),
  fc.string({ maxLength: 30 }),
);

/** A run of inline text, meant for one line (random code points may bring a line end). */
export const inlineText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 6, arbitrary: word }, { weight: 2, arbitrary: randomText }, { weight: 1, arbitrary: nastyPiece }), {
    minLength: 1,
    maxLength: 10,
  })
  .map((parts) => parts.join(' '));

/** Plain words only: the text of cards that are otherwise well formed. */
const plainText = fc.array(fc.constantFrom('TCP', 'cache', 'lease', 'quorum', 'Paris', 'état', 'token', 'データ', '👍🏽'), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));

const text = fc.oneof({ weight: 3, arbitrary: plainText }, { weight: 2, arbitrary: inlineText });

// ---------------------------------------------------------------------------
// Fragments: each is an array of lines (without line ends)

const indent = fc.constantFrom('', ' ', '  ', '   ', '    ', '\t');

const atxHeading = fc
  .tuple(fc.constantFrom('', ' ', '   ', '    '), fc.integer({ min: 1, max: 7 }), text, fc.constantFrom('', ' #', ' ###', '#'))
  .map(([pad, level, t, close]) => [`${pad}${'#'.repeat(level)} ${t}${close}`]);

const setextHeading = fc
  .tuple(text, fc.constantFrom('=', '-'), fc.integer({ min: 1, max: 8 }))
  .map(([t, ch, n]) => [t, ch.repeat(n)]);

const qaCard = fc
  .tuple(indent, text, fc.array(text, { maxLength: 2 }), fc.boolean(), text, fc.array(fc.oneof(text, fc.constant(''), text.map((t) => `- ${t}`)), { maxLength: 3 }))
  .map(([pad, q, more, hasA, a, rest]) => [`${pad}Q: ${q}`, ...more, ...(hasA ? [`${pad}A: ${a}`] : []), ...rest]);

const qaCloze = fc
  .tuple(text, fc.array(fc.oneof(text, text.map((t) => `[${t}]`), fc.constantFrom('\\[x]', '[a](b)', '[[w]]', '[^1]', '[]', '![i](p)', '[a][b]', '[')), { maxLength: 8 }))
  .map(([t, parts]) => [`C: ${t} ${parts.join(' ')}`]);

const titleBlock = fc
  .tuple(
    fc.option(text),
    fc.option(text),
    text,
    fc.boolean(),
    fc.array(fc.oneof(text, fc.constant('```java run'), fc.constant('```'), fc.constant('')), { maxLength: 5 }),
    fc.constantFrom('x??', '', 'x?? ', ' x??'),
    fc.constantFrom('---', '', '***'),
  )
  .map(([title, context, q, open, answer, close, rule]) => [
    ...(title === null ? [] : [`#### ${title}`]),
    ...(context === null ? [] : [context]),
    `:p ${q}`,
    ...(open ? ['??x'] : []),
    ...answer,
    close,
    rule,
  ]);

const inlineCard = fc
  .tuple(fc.constantFrom('', '- ', '> ', '1. ', '- [ ] '), text, fc.constantFrom('::', ':::', '::::', ' :: ', '::\t'), text)
  .map(([prefix, f, sep, b]) => [`${prefix}${f}${sep}${b}`]);

const multilineCard = fc
  .tuple(fc.array(text, { minLength: 0, maxLength: 3 }), fc.constantFrom('?', '??', ' ? ', '???'), fc.array(text, { minLength: 0, maxLength: 3 }))
  .map(([front, sep, back]) => [...front, sep, ...back]);

const ankiCloze = fc
  .array(
    fc.oneof(
      text,
      fc.tuple(fc.integer({ min: 0, max: 120 }), text).map(([n, t]) => `{{c${n}::${t}}}`),
      fc.tuple(fc.integer({ min: 1, max: 3 }), text, text).map(([n, t, h]) => `{{c${n}::${t}::${h}}}`),
      fc.constantFrom('{{c1::unclosed', '}}', '{{c1::}}', '{{c::x}}', '{{c1::a {{c2::b}} c}}'),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => [parts.join(' ')]);

const highlightCloze = fc
  .array(fc.oneof(text, text.map((t) => `==${t}==`), fc.constantFrom('==', 'a == b', 'x===y', '== x ==', 'a==b==c')), { minLength: 1, maxLength: 8 })
  .map((parts) => [parts.join(' ')]);

const fenceMarker = fc.tuple(fc.constantFrom('`', '~'), fc.integer({ min: 3, max: 6 })).map(([c, n]) => c.repeat(n));
const infoString = fc.constantFrom('', 'java run', 'python', 'js run', 'bash', '`weird', 'sh {.line-numbers}', ' java   run ');

/** A fenced block, closed or never closed, possibly holding other fences and card markers. */
const fence = fc
  .tuple(indent, fenceMarker, infoString, fc.array(fc.oneof(text, fc.constantFrom('Q: in code', 'a::b', '??x', '```', '~~~', '<!--', '')), { maxLength: 6 }), fc.constantFrom('same', 'longer', 'shorter', 'other', 'none'))
  .map(([pad, marker, info, body, close]) => {
    const closer =
      close === 'same' ? marker : close === 'longer' ? marker + marker[0] : close === 'shorter' ? marker.slice(1) : close === 'other' ? (marker[0] === '`' ? '~~~' : '```') : null;
    return [`${pad}${marker}${info}`, ...body, ...(closer === null ? [] : [`${pad}${closer}`])];
  });

const listMarker = fc.constantFrom('-', '*', '+', '1.', '2)', '- [ ]', '- [x]');
const noteItem = fc.oneof(
  text,
  text.map((t) => `**${t}:** definition of ${t}`),
  text.map((t) => `**${t}**: ${t}`),
  text.map((t) => `[[${t}]]`),
  fc.constant('Description'),
  text.map((t) => `A sentence with a *${t}* term. Another sentence.`),
);

/** A list nested `depth` levels deep, one level per line, in one of several indent styles. */
const deepList = fc
  .tuple(fc.integer({ min: 1, max: 300 }), fc.constantFrom('  ', '    ', '\t', ' '), listMarker, noteItem)
  .map(([depth, step, marker, item]) => Array.from({ length: depth }, (_, i) => `${step.repeat(i)}${marker} ${item}`));

/** Markers nested on one line: `- - - x`, `> > x`, `> - > - x`. */
const sameLineNesting = fc
  .tuple(fc.constantFrom('- ', '* ', '1. ', '> ', '>', '> - ', '- > ', '+ 1. '), fc.integer({ min: 1, max: 3000 }), noteItem)
  .map(([unit, depth, item]) => [unit.repeat(depth) + item]);

const deepQuote = fc
  .tuple(fc.integer({ min: 1, max: 300 }), fc.constantFrom('>', '> ', '>  '), fc.oneof(noteItem, inlineCard.map((l) => l[0]!)))
  .map(([depth, unit, item]) => Array.from({ length: Math.min(depth, 20) }, (_, i) => `${unit.repeat(depth - i)}${item}`));

const table = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 8 }), text, fc.boolean())
  .map(([cols, rows, cell, pipes]) => {
    const row = (c: string): string => (pipes ? `| ${Array(cols).fill(c).join(' | ')} |` : Array(cols).fill(c).join(' | '));
    return [row('head'), row('---'), ...Array.from({ length: rows }, () => row(cell))];
  });

const htmlComment = fc.oneof(
  text.map((t) => [`<!-- ${t} -->`]),
  fc.constantFrom('my-id', 'a b', 'x'.repeat(300), 'id-with-->-in', '').map((id) => [`<!-- engram-id: ${id} -->`]),
  text.map((t) => [`<!-- ${t}`, t, '-->']),
  fc.constant<string[]>(['<!--']),
  fc.constant<string[]>(['-->']),
  text.map((t) => [`${t} <!-- engram-id: inline --> ${t}`]),
);

const emphasis = fc.oneof(
  text.map((t) => [`*${t}* and **${t}** and _${t}_ and __${t}__ and ***${t}***`]),
  fc.tuple(fc.constantFrom('*', '_', '**', '*_', '~~', '`', '[', ']', '![', '[a](', '<a'), fc.integer({ min: 1, max: 400 })).map(([u, n]) => [u.repeat(n)]),
  fc.tuple(fc.integer({ min: 1, max: 200 }), text).map(([n, t]) => [`${'**'.repeat(n)}${t}${'**'.repeat(n)}`]),
  // A paragraph dense with unmatched markers: what remark matches in quadratic time.
  fc.tuple(fc.constantFrom('*a_ ', 'a* ', '[a](', '[a] ', '`` ` '), fc.integer({ min: 1, max: 120 })).map(([u, n]) => Array<string>(n).fill(u.repeat(25))),
);

const wikiAndFootnotes = fc.oneof(
  text.map((t) => [`[[${t}]] and [[${t}|alias]] and ![[${t}.png]] and [[unclosed`]),
  text.map((t) => [`A claim[^1] and another[^note].`, '', `[^1]: ${t}`, `[^note]: ${t}`, `    - **Term:** in a footnote`]),
  fc.constant<string[]>(['text [[73](/en/ch9#Gray1989)] more [[1](/a), [2](/b)]', '<a id="x"></a>Anchored']),
);

/** YAML aliases nesting a list `depth` levels deep: 9^depth strings if anything spells it out. */
const yamlAliasBomb = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.constantFrom('tags', 'deck', 'aliases')).map(([depth, key]) => {
  const out = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let d = 1; d < depth; d++) out.push(`a${d}: &a${d} [${Array(9).fill(`*a${d - 1}`).join(',')}]`);
  out.push(`${key}: [*a${depth - 1}]`);
  return out;
});

const frontmatterBody = fc.oneof(
  fc.constant<string[]>(['deck: geography']),
  fc.constant<string[]>(['tags: [flashcards/geo, other]']),
  fc.constant<string[]>(['tags: flashcards/a flashcards/b']),
  fc.constant<string[]>(['deck: 42']),
  fc.constant<string[]>(['deck: [unclosed']),
  fc.constant<string[]>(['deck: "unterminated']),
  fc.constant<string[]>(['key: value', '  bad indent: x', ': nothing']),
  fc.constant<string[]>(['- a list', '- not a map']),
  fc.constant<string[]>(['title: A captured page', 'date: 2024-01-01']),
  text.map((t) => [t]),
  yamlAliasBomb,
);

/** Frontmatter: valid, broken YAML, unclosed, or holding card markers. */
const frontmatter = fc
  .tuple(fc.constantFrom('---', '+++'), frontmatterBody, fc.constantFrom('---', '...', '+++', null))
  .map(([open, body, close]) => [open, ...body, ...(close === null ? [] : [close])]);

const captureChrome = fc.constant<string[]>(['mirror of https://example.org/book', 'synced 2024-01-02', '1,204 lines', '56.4 KiB', 'Markdown', '', '|', '||', 'A *captured* line.', '|', '||']);

const backMatter = fc.constantFrom<string[]>(['## References', '1. A ref', '## Next'], ['###### Figure 9-1. A caption', 'Prose after *it*.'], ['# Footnotes', '[^1]: x']);

const rule = fc.constantFrom<string[]>(['---'], ['***'], ['___'], ['- - -'], ['* * *']);

const flashcardTag = fc.constantFrom<string[]>(['#flashcards/deck-a'], ['text #flashcards/b/c more'], ['#flashcards'], ['`#flashcards/not`']);

const blankRun = fc.integer({ min: 1, max: 200 }).map((n) => Array<string>(n).fill(''));

/** A line of 100,000 or more characters made of one repeated unit. */
const hugeLine = fc
  .tuple(
    fc.constantFrom('word ', 'a::b ', '`a ``b ', '{{c1::x ', '<!-- a ', '==a ', '[b ', '*_', '**a ', ' ', '|', '- ', '> ', '#', 'Q: ', '😀', 'e\u0301', '\t'),
    fc.integer({ min: 100_000, max: 160_000 }),
    fc.constantFrom('', 'front::', 'Q: ', '# ', 'C: [x] ', '- **Term:** '),
  )
  .map(([unit, length, prefix]) => [prefix + unit.repeat(Math.ceil(length / unit.length))]);

/** One fragment of a markdown file: any syntax engram reads, well formed or broken. */
export const fragment: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 3, arbitrary: atxHeading },
  { weight: 1, arbitrary: setextHeading },
  { weight: 4, arbitrary: qaCard },
  { weight: 2, arbitrary: qaCloze },
  { weight: 3, arbitrary: titleBlock },
  { weight: 4, arbitrary: inlineCard },
  { weight: 2, arbitrary: multilineCard },
  { weight: 2, arbitrary: ankiCloze },
  { weight: 2, arbitrary: highlightCloze },
  { weight: 3, arbitrary: fence },
  { weight: 2, arbitrary: deepList },
  { weight: 1, arbitrary: sameLineNesting },
  { weight: 1, arbitrary: deepQuote },
  { weight: 1, arbitrary: table },
  { weight: 2, arbitrary: htmlComment },
  { weight: 2, arbitrary: emphasis },
  { weight: 1, arbitrary: wikiAndFootnotes },
  { weight: 1, arbitrary: frontmatter },
  { weight: 1, arbitrary: captureChrome },
  { weight: 1, arbitrary: backMatter },
  { weight: 1, arbitrary: rule },
  { weight: 1, arbitrary: flashcardTag },
  { weight: 1, arbitrary: blankRun },
  { weight: 3, arbitrary: text.map((t) => [t]) },
  { weight: 1, arbitrary: nastyPiece.map((t) => [t]) },
);

/** A line end: mostly `\n`, sometimes CRLF or a lone CR. */
const lineEnd = fc.oneof({ weight: 8, arbitrary: fc.constant('\n') }, { weight: 1, arbitrary: fc.constant('\r\n') }, { weight: 1, arbitrary: fc.constant('\r') });

/** Joins lines with generated line ends (one per line, so mixed ends happen). */
function joinLines(lineList: readonly string[], ends: readonly string[], trailing: boolean): string {
  let out = '';
  for (let i = 0; i < lineList.length; i++) {
    out += lineList[i];
    if (i < lineList.length - 1 || trailing) out += ends[i % ends.length] ?? '\n';
  }
  return out;
}

/** `arb` one time in `oneIn`, else null. */
const rarely = <T>(arb: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });

/** A generated markdown file: fragments with blank lines between some of them, mixed line ends. */
export const markdownDocument: fc.Arbitrary<string> = fc
  .tuple(
    rarely(frontmatter, 4),
    fc.array(fc.tuple(fragment, fc.boolean()), { maxLength: 25 }),
    fc.array(lineEnd, { minLength: 1, maxLength: 8 }),
    fc.boolean(),
    rarely(hugeLine, 12),
    fc.nat(),
  )
  .map(([front, parts, ends, trailing, huge, at]) => {
    const out: string[] = front ?? [];
    for (const [frag, blank] of parts) {
      out.push(...frag);
      if (blank) out.push('');
    }
    if (huge) out.splice(at % (out.length + 1), 0, ...huge);
    return joinLines(out, ends, trailing);
  });

// ---------------------------------------------------------------------------
// Mutations of real files

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, keep));
    else if (keep(name)) out.push(path);
  }
  return out;
}

/** The sample decks and every parse and notes fixture input, as text. */
export const REAL_FILES: readonly string[] = [
  ...filesUnder(join(ROOT, 'decks'), (n) => n.endsWith('.md')),
  ...filesUnder(join(ROOT, 'test', 'fixtures'), (n) => n.startsWith('input.')),
].map((path) => readFileSync(path, 'utf8'));

/** Marker flips: each turns one marker into a near miss or another marker. */
const FLIPS: readonly [RegExp, string][] = [
  [/^(\s*)Q:/, '$1A:'],
  [/^(\s*)A:/, '$1Q:'],
  [/^(\s*)C:/, '$1Q:'],
  [/\?\?x/, 'x??'],
  [/x\?\?/, '??x'],
  [/:::/, '::'],
  [/::/, ':::'],
  [/::/, ':'],
  [/```/, '~~~'],
  [/~~~/, '```'],
  [/```/, '``'],
  [/^---$/, ''],
  [/^$/, '---'],
  [/==/, '='],
  [/\}\}/, '}'],
  [/\{\{c1::/, '{{c2::'],
  [/\]/, ''],
  [/<!--/, '<!-'],
  [/-->/, ''],
  [/^:p/, 'p:'],
  [/^#/, '##'],
  [/^#+ /, ''],
  [/^\?$/, '??'],
  [/^(\s*)- /, '$1'],
  [/\*\*/, '*'],
];

type Mutation =
  | { op: 'delete' | 'duplicate' | 'flip' | 'blank'; at: number; k: number }
  | { op: 'swap'; at: number; k: number }
  | { op: 'truncate'; at: number; k: number }
  | { op: 'insert'; at: number; k: number; lines: string[] };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete', 'duplicate', 'flip', 'blank', 'swap', 'truncate'), at: fc.nat(), k: fc.nat() }) as fc.Arbitrary<Mutation>,
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), k: fc.nat(), lines: fragment }),
);

function mutate(source: string, mutations: readonly Mutation[]): string {
  let lineList = source.split('\n');
  for (const m of mutations) {
    const n = lineList.length;
    const i = m.at % n;
    switch (m.op) {
      case 'delete':
        lineList.splice(i, 1 + (m.k % 3));
        if (lineList.length === 0) lineList = [''];
        break;
      case 'duplicate':
        lineList.splice(i, 0, ...lineList.slice(i, i + 1 + (m.k % 4)));
        break;
      case 'swap': {
        const j = m.k % n;
        [lineList[i], lineList[j]] = [lineList[j]!, lineList[i]!];
        break;
      }
      case 'truncate': {
        // Cuts at any UTF-16 index, so a surrogate pair can be split.
        const textNow = lineList.join('\n');
        lineList = textNow.slice(0, m.k % (textNow.length + 1)).split('\n');
        break;
      }
      case 'flip': {
        const [re, to] = FLIPS[m.k % FLIPS.length]!;
        for (let d = 0; d < n; d++) {
          const j = (i + d) % n;
          if (re.test(lineList[j]!)) {
            lineList[j] = lineList[j]!.replace(re, to);
            break;
          }
        }
        break;
      }
      case 'blank':
        lineList.splice(i, 0, ...Array<string>(1 + (m.k % 50)).fill(''));
        break;
      case 'insert':
        lineList.splice(i, 0, ...m.lines);
        break;
    }
  }
  return lineList.join('\n');
}

/** A real deck or fixture with up to 8 mutations: lines deleted, repeated, swapped, cut, markers flipped, fragments inserted. */
export const mutatedRealFile: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...REAL_FILES), fc.array(mutation, { minLength: 1, maxLength: 8 }))
  .map(([source, mutations]) => mutate(source, mutations));

/** Any markdown text: generated or a mutated real file. */
export const anyMarkdown: fc.Arbitrary<string> = fc.oneof({ weight: 3, arbitrary: markdownDocument }, { weight: 2, arbitrary: mutatedRealFile });

// ---------------------------------------------------------------------------
// Bytes on disk

const utf16 = (s: string, bigEndian: boolean): Uint8Array => {
  const le = Buffer.from(s, 'utf16le');
  if (bigEndian) le.swap16();
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), le]);
};

/** Byte-level damage applied after encoding: stray bytes, a NUL, a cut multi-byte sequence. */
const byteDamage = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('latin1', 'nul', 'cut', 'random'), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 6 }) }) },
);

/** The bytes of a card file: UTF-8 (with or without BOM), UTF-16 with BOM, damaged bytes, or pure noise. */
export const fileBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.tuple(anyMarkdown, fc.constantFrom('utf8', 'utf8', 'utf8', 'utf8-bom', 'utf16le', 'utf16be'), byteDamage).map(([t, encoding, damage]) => {
      let bytes: Uint8Array =
        encoding === 'utf16le' || encoding === 'utf16be'
          ? utf16(t, encoding === 'utf16be')
          : Buffer.concat([Buffer.from(encoding === 'utf8-bom' ? [0xef, 0xbb, 0xbf] : []), Buffer.from(t, 'utf8')]);
      if (damage !== null) {
        const at = bytes.length === 0 ? 0 : damage.at % bytes.length;
        const b = Buffer.from(bytes);
        if (damage.kind === 'latin1') bytes = Buffer.concat([b.subarray(0, at), Buffer.from([0xe9, 0xfc, 0x80]), b.subarray(at)]);
        else if (damage.kind === 'nul') bytes = Buffer.concat([b.subarray(0, at), Buffer.from([0]), b.subarray(at)]);
        else if (damage.kind === 'cut') bytes = b.subarray(0, at);
        else bytes = Buffer.concat([b.subarray(0, at), damage.bytes, b.subarray(at)]);
      }
      return bytes;
    }),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
  // A NUL past the 8,000 bytes the binary check looks at.
  { weight: 1, arbitrary: anyMarkdown.map((t) => Buffer.concat([Buffer.from('x'.repeat(8000) + '\n'), Buffer.from(t), Buffer.from([0]), Buffer.from('\nQ: after\nA: nul\n')])) },
);

// ---------------------------------------------------------------------------
// Folders whose files share cards

/**
 * Cards in every syntax, a few of them near copies of each other (a typo fix,
 * one explicit id on two texts), so that files drawn from this pool hold the
 * same cards, move them between each other and edit them.
 */
const CARD_POOL: readonly string[] = [
  'Q: What is a quorum?\nA: A majority of the nodes.',
  'Q: What is a quorum?\nA: A majority of nodes.',
  'Lease::A lock with a timeout',
  'Hydrogen:::H',
  'C: The capital of [France] is [Paris].',
  'The exit status of a pipeline is that of the ==last== command.',
  '{{c1::Paris}} is the capital of {{c2::France}}.',
  '#### Write-through caching\nA write-through cache writes to the cache and to the store together.\n\n:p What does a write-through cache do on a write?\n??x\nIt writes to both before reporting success.\n```java run\ncache.put(k, v); store.put(k, v);\n```\nx??\n\n---',
  '<!-- engram-id: fence-token -->\nQ: What is a fencing token?\nA: A number that only goes up.',
  '<!-- engram-id: fence-token -->\nQ: What stops a zombie leader?\nA: The fencing token.',
  'Send stdout and stderr to a file\n?\n`cmd > out.log 2>&1`',
  '- **Quorum:** a majority of the nodes.\n- **Lease:** a lock with a timeout.\n- **Token:** a number that only grows.',
  'A *replica* keeps a copy of the data on another machine.',
  '## Consensus\n\nQ: Why do leaders need leases?\nA: So that two never act at once.',
];

/** A card file drawn from a shared pool of cards, in any order, under an optional heading. */
export const pooledDeck: fc.Arbitrary<Uint8Array> = fc
  .tuple(fc.option(fc.constantFrom('# Deck', '---\ndeck: shared\n---', '#flashcards/pool')), fc.shuffledSubarray([...CARD_POOL], { minLength: 1, maxLength: 6 }))
  .map(([head, cards]) => Buffer.from(`${head === null ? '' : `${head}\n\n`}${cards.join('\n\n')}\n`));
