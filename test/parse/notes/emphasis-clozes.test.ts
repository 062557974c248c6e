import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { cleanCapture } from '../../../src/parse/notes/clean-capture.js';
import { MAX_CARDS_PER_TERM } from '../../../src/parse/notes/emphasis-clozes.js';
import { emphasisClozesOnly } from '../../helpers/emphasis-clozes-only.js';
import { noteCards } from '../../../src/parse/notes/note-cards.js';
import { paragraphSentences, splitSentences } from '../../../src/parse/notes/sentences.js';

// test/fixtures/notes/prose-*: a chapter (input.md) and expected.json, the
// cards the whole notes pipeline derives from it and those the card-quality
// rules left out (one runner, so an update writes each file once). Regenerate only on purpose (UPDATE_FIXTURES=1) and read the result.
const root = fileURLToPath(new URL('../../fixtures/notes', import.meta.url));
const update = process.env['UPDATE_FIXTURES'] === '1';

function parse(markdown: string) {
  const cleaned = cleanCapture(markdown);
  const tree = fromMarkdown(cleaned.text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  return { tree, lineOf: cleaned.lineOf };
}

function clozes(markdown: string) {
  const { tree, lineOf } = parse(markdown);
  return emphasisClozesOnly(tree, lineOf);
}

function sentencesOf(text: string): string[] {
  return splitSentences(text).map((range) => text.slice(range.from, range.to));
}

describe('splitSentences', () => {
  it('ends sentences at stops followed by a capital, not at abbreviations, initials or numbers', () => {
    expect(sentencesOf('It works (e.g. on Linux). Then it stops. A.A. Milne wrote it in 1928. See 9.1 here!')).toEqual([
      'It works (e.g. on Linux).',
      'Then it stops.',
      'A.A. Milne wrote it in 1928.',
      'See 9.1 here!',
    ]);
    expect(sentencesOf('He said “stop.” Then left? Yes… no. lower case. Next')).toEqual([
      'He said “stop.”',
      'Then left?',
      'Yes… no. lower case.',
      'Next',
    ]);
  });

  it('never ends a sentence inside a code span', () => {
    const text = 'Call `a. B` now. Done.';
    expect(sentencesOf(text)).toEqual(['Call `a. B` now.', 'Done.']);
  });

  it('gives each sentence of a paragraph its emphasis and its lines', () => {
    const tree = fromMarkdown('First *one* here.\nSecond line has **two\nwords**. Third [*link*](x) and `code`.\n');
    const paragraph = tree.children[0]!;
    if (paragraph.type !== 'paragraph') throw new Error('expected a paragraph');
    const sentences = paragraphSentences(paragraph.children, 1);
    expect(sentences.map((s) => [s.text, s.line, s.endLine])).toEqual([
      ['First *one* here.', 1, 1],
      ['Second line has **two words**.', 2, 3],
      ['Third *link* and `code`.', 3, 3],
    ]);
    expect(sentences[1]!.emphasis).toEqual([{ from: 16, to: 29, term: 'two words', strong: true }]);
  });
});

describe('emphasisCloze', () => {
  it('asks for the emphasised term in its sentence, with the heading path and the sentence before', () => {
    expect(clozes('# Nets\n\n## Faults\n\nNetworks fail in *many* ways. A cut link is called a *network partition* in practice.\n')).toEqual([
      {
        kind: 'cloze',
        syntax: 'note-emphasis',
        front: 'A cut link is called a **[...]** in practice.',
        back: 'network partition',
        context: 'Networks fail in many ways.',
        headingPath: ['Nets', 'Faults'],
        line: 5,
        endLine: 5,
      },
    ]);
  });

  it('skips stress, labels, short and long terms, quotes, headings, code and sentences giving the term away', () => {
    const cards = clozes(
      [
        '# *Heading* term',
        '> A *quoted* phrase in an epigraph here.',
        '',
        'Anything that *can* go wrong *will* go wrong today.',
        '- **Label:** a definition bullet made elsewhere.',
        'A *UI* is short and *this phrase has far too many words to be a term* here.',
        'A *lease* is a lease with a timeout on it.',
        '```',
        'not *a term* in code at all',
        '```',
      ].join('\n'),
    );
    expect(cards).toEqual([]);
  });

  it(`keeps only the first ${MAX_CARDS_PER_TERM} uses of a term and masks every emphasised use in a sentence`, () => {
    const text = Array.from({ length: 5 }, (_, i) => `Pass ${i} runs the *merger* on old segments.`).join(' ');
    expect(clozes(text).map((card) => card.front)).toEqual([
      'Pass 0 runs the **[...]** on old segments.',
      'Pass 1 runs the **[...]** on old segments.',
      'Pass 2 runs the **[...]** on old segments.',
    ]);
    expect(clozes('The *merger* feeds the next *merger* in a chain of steps.').map((card) => card.front)).toEqual([
      'The **[...]** feeds the next **[...]** in a chain of steps.',
    ]);
  });

  it('makes no cloze whose gap the rest of the card gives away, and keeps those where only part of the term shows', () => {
    const text = [
      '# Faults and Partial Failures',
      '',
      '## Small systems',
      '',
      'Even in small systems of a few nodes, it is important to think about *partial failure*.',
      'The Byzantine Generals Problem generalises the so-called *Two Generals Problem*, in which two army generals must agree.',
      'In a virtual machine, the CPU time spent in other machines is known as *steal time* by the operators.',
      'Many databases writing pages first use a *write-ahead log* as their single durable record.',
    ].join('\n');
    // "partial failure" stands in a heading above; "Generals Problem" in the sentence; "time" alone (1 of 2) does not
    // give "steal time" away, and "write-ahead" is one word that "writing" does not echo.
    expect(clozes(text).map((card) => card.back)).toEqual(['steal time', 'write-ahead log']);
  });

  it('hides one fact: no gap for two things joined by "and", for an example after "e.g.", or for a verb it does not define', () => {
    const text = [
      '# Clocks',
      '',
      '*Fault tolerance and low latency* are equally important goals for a service of this kind.',
      'A fault that cuts one part of a network from the rest is called a *network partition or netsplit* by operators.',
      'Old clocks had a coarse resolution, e.g., moving forward in *steps of 10 ms* on older systems.',
      'To tolerate faults, the first step is to *detect* them, but even that is hard.',
      'The quartz clock in a computer is not very accurate: it *drifts* (runs faster or slower than it should).',
    ].join('\n');
    expect(clozes(text).map((card) => card.back)).toEqual(['network partition or netsplit', 'drifts']);
  });

  it('makes no cloze of a category its examples name, or of a bare magnitude, but keeps a measure that names what it measures', () => {
    const text = [
      '# Networks',
      '',
      'Supercomputers often use *specialized network topologies*, such as meshes and toruses, for their workloads.',
      'Some NTP servers are wrong or misconfigured, reporting a time that is *off by hours* to their clients.',
      'One experiment showed that a *minimum error of 35 ms* is achievable when synchronizing over the internet.',
    ].join('\n');
    expect(clozes(text).map((card) => card.back)).toEqual(['minimum error of 35 ms']);
  });

  it('makes no cloze of a phrase whose leading verb the sentence repeats, and hides one noun with its adjective', () => {
    const text = [
      '# Clouds',
      '',
      'In public clouds, resources are *shared among many customers*: the links and even the CPUs are shared.',
      'With many small transactions, creating transaction IDs becomes an untenable *bottleneck* for the system.',
      'Each machine on the network has its own clock, usually a *quartz crystal oscillator* on the board.',
    ].join('\n');
    expect(clozes(text).map((card) => [card.front, card.back])).toEqual([
      ['With many small transactions, creating transaction IDs becomes an **[...]** for the system.', 'untenable bottleneck'],
      ['Each machine on the network has its own clock, usually a **[...]** on the board.', 'quartz crystal oscillator'],
    ]);
  });

  it('leaves out the initials in brackets that would spell the gap out', () => {
    expect(clozes('Many runtimes (such as the JVM) have a *garbage collector* (GC) that stops all threads.\n').map((card) => card.front)).toEqual([
      'Many runtimes (such as the JVM) have a **[...]** that stops all threads.',
    ]);
    expect(clozes('Many clocks are synchronised by the *Network Time Protocol* (NTP) over the network.\n').map((card) => card.front)).toEqual([
      'Many clocks are synchronised by the **[...]** over the network.',
    ]);
    expect(clozes('Many runtimes have a *garbage collector* (JVM) that stops all threads.\n').map((card) => card.front)).toEqual([
      'Many runtimes have a **[...]** (JVM) that stops all threads.',
    ]);
  });

  it('shows no sentence before that names the term in another form', () => {
    const text = [
      '# Locks',
      '',
      'The figure shows how fencing tokens make access to storage safe.',
      'Every time the lock service grants a lock, it also returns a *fencing token*, which is a number that increases.',
    ].join('\n');
    expect(clozes(text).map((card) => [card.back, card.context])).toEqual([['fencing token', null]]);
  });

  it('makes no cloze about "this feature" the sentence before never names, nor of one word after "its"', () => {
    const text = [
      '# Virtual machines',
      '',
      'A virtual machine can be suspended and resumed by the hypervisor.',
      'This feature is sometimes used for *live migration* of virtual machines between hosts.',
      'To define what it means for an algorithm to be correct, we can describe its *properties* in a model.',
      'A hypervisor feature lets operators pause a guest. This feature is used for *live migration* between hosts.',
    ].join('\n');
    // The last "This feature" follows a sentence that names a feature.
    expect(clozes(text).map((card) => card.back)).toEqual(['live migration']);
  });

  it('leaves out sentences longer than an answer may be', () => {
    expect(clozes(`A *term* ${'word '.repeat(150)}end.`)).toEqual([]);
  });

  it('gives line numbers of the original file when cleaning removed lines', () => {
    const capture = 'mirror of\nhttps://x.org/a.git\n3 lines\n1 KiB\nMarkdown\n# A\n|\n||\nA *quorum* decides for the nodes.\n|\n||\n';
    expect(clozes(capture).map((card) => [card.line, card.headingPath])).toEqual([[9, ['A']]]);
  });
});

describe('prose fixtures', () => {
  for (const name of readdirSync(root).filter((n) => n.startsWith('prose-')).sort()) {
    it(name, () => {
      const dir = join(root, name);
      const { cards, withheld } = noteCards(readFileSync(join(dir, 'input.md'), 'utf8'));
      const result = { cards: cards.map(({ syntax, front, back, context, headingPath, line }) => ({ syntax, front, back, context, headingPath, line })), withheld };
      const expectedPath = join(dir, 'expected.json');
      if (update) writeFileSync(expectedPath, `${JSON.stringify(result, null, 2)}\n`);
      expect(result).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});
