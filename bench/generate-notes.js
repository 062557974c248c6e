// Deterministic generator of notes in the shapes engram derives cards from:
// chapters of English prose (definitions, causes, contrasts, consequences,
// announced lists, emphasised terms, links and code), web captures of such a
// chapter (gutter lines, citation markers, page chrome), bold-term bullet
// summaries and outliner notes. The prose is grammatical English built from
// templates, because the English model's time depends on real sentences (a
// salad of repeated words tokenizes and tags differently).
import { prng } from './generate-deck.js';

const NOUNS = [
  'clock', 'lease', 'quorum', 'fencing token', 'replica', 'leader', 'follower', 'network packet', 'timeout',
  'partition', 'snapshot', 'transaction', 'write-ahead log', 'index', 'cache', 'message queue', 'shard',
  'heartbeat', 'checksum', 'sequence number', 'lock service', 'storage node', 'client', 'request', 'response',
  'garbage collector', 'process pause', 'time-of-day clock', 'monotonic clock', 'failure detector',
];
const PLURALS = {
  'clock': 'clocks', 'lease': 'leases', 'quorum': 'quorums', 'fencing token': 'fencing tokens', 'replica': 'replicas',
  'leader': 'leaders', 'follower': 'followers', 'network packet': 'network packets', 'timeout': 'timeouts',
  'partition': 'partitions', 'snapshot': 'snapshots', 'transaction': 'transactions', 'write-ahead log': 'write-ahead logs',
  'index': 'indexes', 'cache': 'caches', 'message queue': 'message queues', 'shard': 'shards', 'heartbeat': 'heartbeats',
  'checksum': 'checksums', 'sequence number': 'sequence numbers', 'lock service': 'lock services',
  'storage node': 'storage nodes', 'client': 'clients', 'request': 'requests', 'response': 'responses',
  'garbage collector': 'garbage collectors', 'process pause': 'process pauses', 'time-of-day clock': 'time-of-day clocks',
  'monotonic clock': 'monotonic clocks', 'failure detector': 'failure detectors',
};
const ADJECTIVES = [
  'unreliable', 'synchronous', 'asynchronous', 'distributed', 'faulty', 'stale', 'consistent', 'durable',
  'partial', 'slow', 'remote', 'local', 'expired', 'shared', 'independent', 'temporary',
];
const VERBS = [
  ['detects', 'detect'], ['stores', 'store'], ['rejects', 'reject'], ['delays', 'delay'], ['replicates', 'replicate'],
  ['orders', 'order'], ['protects', 'protect'], ['measures', 'measure'], ['retries', 'retry'], ['discards', 'discard'],
  ['acknowledges', 'acknowledge'], ['sends', 'send'], ['holds', 'hold'], ['loses', 'lose'], ['checks', 'check'],
];
const ADVERBS = ['quickly', 'eventually', 'silently', 'safely', 'repeatedly', 'usually', 'rarely'];
const PLACES = [
  'in a datacenter', 'across the network', 'on every node', 'during a failover', 'after a restart',
  'under heavy load', 'within a few milliseconds', 'before the lease expires',
];
const NUMBERS = ['two', 'three', 'four', 'five'];
const CODE = ['`System.currentTimeMillis()`', '`clock_gettime()`', '`fsync()`', '`SELECT ... FOR UPDATE`', '`ntpd`'];

/** A generator of English notes from one seed: the same seed gives the same text. */
function writer(seed) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const cap = (s) => s[0].toUpperCase() + s.slice(1);
  const a = (noun) => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);
  const the = (noun) => `the ${noun}`;
  const np = () => (rand() < 0.4 ? `${the(pick(ADJECTIVES))} ${pick(NOUNS)}` : the(pick(NOUNS)));
  const verb = () => pick(VERBS);
  const clause = () => `${np()} ${verb()[0]} ${np()}${rand() < 0.5 ? ` ${pick(PLACES)}` : ''}`;
  const term = () => pick(NOUNS);
  const emphasised = (t) => (rand() < 0.5 ? `*${t}*` : `**${t}**`);

  const sentences = [
    // plain claim, sometimes with a link, code or an emphasised term
    () => `${cap(clause())}.`,
    () => `${cap(np())} ${pick(ADVERBS)} ${verb()[0]} ${np()} ${pick(PLACES)}.`,
    () => `${cap(np())} ${verb()[0]} ${np()}, as described in [the chapter on ${plural()}](https://example.org/${Math.floor(rand() * 100)}).`,
    () => `On Linux, ${CODE[Math.floor(rand() * CODE.length)]} ${verb()[0]} ${np()}.`,
    // prose definitions
    () => { const t = term(); return `${cap(a(t))} is ${a(pick(ADJECTIVES))} ${pick(NOUNS)} that ${verb()[0]} ${np()}.`; },
    () => `${cap(np())} that ${verb()[0]} ${np()} is called ${a(emphasised(term()))}.`,
    () => `This technique is known as ${emphasised(`${pick(ADJECTIVES)} ${term()}`)}.`,
    // causes
    () => `${cap(clause())} because ${clause()}.`,
    () => `Since ${clause()}, ${clause()}.`,
    () => `${cap(np())} cannot ${verb()[1]} ${np()}, so ${clause()}.`,
    // contrasts
    () => `${cap(clause())}, whereas ${clause()}.`,
    () => `Unlike ${np()}, ${clause()}.`,
    // consequences
    () => `If ${clause()}, then ${clause()}.`,
    () => `When ${clause()}, ${np()} may ${verb()[1]} ${np()}.`,
  ];
  const sentence = () => pick(sentences)();
  const paragraph = (n) => Array.from({ length: n }, sentence).join(rand() < 0.3 ? '\n' : ' ');
  const plural = () => PLURALS[pick(NOUNS)];
  const title = () => cap(`${pick(ADJECTIVES)} ${plural()} and ${plural()}`);

  return {
    /** A chapter section: a heading, paragraphs, sometimes an announced list. */
    chapter(i) {
      const out = [`## ${title()}`, ''];
      for (let p = 0; p < 2 + Math.floor(rand() * 3); p++) out.push(paragraph(3 + Math.floor(rand() * 4)), '');
      if (i % 3 === 0) {
        const n = 2 + Math.floor(rand() * 3);
        out.push(`There are ${NUMBERS[n - 2]} kinds of ${plural()}:`, '');
        for (let k = 0; k < n; k++) out.push(`- ${cap(clause())}.`);
        out.push('');
      }
      return out.join('\n');
    },
    /** The same kind of section as a web capture shows it: gutter lines and citation markers. */
    capture(i) {
      const lines = [`### ${title()}`, '', `${paragraph(3)} [[${i}](/en/ch9#ref${i})]`, '', paragraph(4), ''];
      // Every source line is followed by `|` and `||`; a blank source line is that pair alone.
      return lines.map((line) => (line === '' ? '|\n||' : `${line}\n|\n||`)).join('\n');
    },
    /** A bold-term bullet summary. */
    summary() {
      const out = [`## ${title()}`, ''];
      for (let k = 0; k < 4; k++) {
        if (k === 3) out.push(`- **${cap(term())}:**`, `\t- ${cap(clause())}.`, `\t- ${cap(clause())}.`);
        else out.push(`- **${cap(term())}:** ${sentence()}`);
      }
      return out.join('\n');
    },
    /** An outliner page: a topic with a Description, wiki links, an embed and a tag. */
    outline(i) {
      return [
        `- [[${cap(term())}]]`,
        '\t- Description',
        `\t\t- ${sentence()}`,
        `\t\t- ${cap(clause())} [[${term()}|${term()}]].`,
        `\t- ![[image-${i}.png]] #comment`,
      ].join('\n');
    },
  };
}

/**
 * About `bytes` of notes, mostly chapter prose (as the user's notes are: a
 * chapter and its capture are four fifths of them), then captures, bullet
 * summaries and outlines. The same text for a given size and seed.
 */
export function generateNotes(bytes, seed = 3) {
  const w = writer(seed);
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const slot = i % 10;
    const block = slot < 5 ? w.chapter(i) : slot < 7 ? w.capture(i) : slot < 9 ? w.summary(i) : w.outline(i);
    parts.push(block, '\n\n');
    size += block.length + 2;
  }
  return parts.join('');
}
