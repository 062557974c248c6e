/**
 * A bullet's label, a heading or an outline topic as the question a card
 * asks: "Fencing Tokens" -> "What are fencing tokens?", "Causes of Delay" ->
 * "What causes delay?", "Fencing Tokens — Implementation" -> "How are fencing
 * tokens implemented?", "Circuit Switching vs. Packet Switching" -> "How does
 * circuit switching differ from packet switching?". A label too vague to ask
 * anything ("Other Reasons", "Realistic Approach", "Overview") or that is
 * itself a claim or an instruction ("Clocks Are Unreliable", "Use Only for
 * Short-Lived Objects") gives null: a label is an answer looking for a
 * question, and only some labels name one. Parts of speech and lemmas come
 * from wink-nlp, run on the short label alone (cached per label).
 */
import { analyse, type Token } from '../../nlp/english.js';
import { plainCasing, type Casing } from './label-casing.js';

/** What kind of question a label asks. */
export type LabelAsk =
  | 'what' // What is X? / What are X?
  | 'facet' // What are the limitations of X?
  | 'examples' // What are examples of X?
  | 'causes' // What causes X? (children: How can T cause X?)
  | 'methods' // What are the ways to reduce X? (children: How can T reduce X?)
  | 'how' // How are X implemented? / How do you handle X?
  | 'contrast' // How does X differ from Y?
  | 'why' // Why do X matter?
  | 'quality' // How reliable are X? / Why are X inaccurate?
  | 'member'; // What is the uniqueness property of X? (a child of a 'facet' group)

/** A label read as a question. */
export interface LabelQuestion {
  /** The question, capitalised and ending in "?". */
  question: string;
  asks: LabelAsk;
  /** What is asked about, as it reads mid-sentence ("fencing tokens", "a single computer"). */
  subject: string;
  /** The facet noun of a 'facet' question as written ("limitations", "properties"), else null. */
  facet: string | null;
  /** The subject is plural ("fencing tokens") or coordinated ("delay and reliability"). */
  plural: boolean;
  /** The verb phrase a child item of a 'causes' or 'methods' label is asked about ("cause delay"). */
  relation: string | null;
  /** Lower-case stems of the label's content words, for telling answers that only restate it. */
  stems: string[];
  /** The two things a 'contrast' compares (an answer must speak of both); [] otherwise. */
  sides: string[];
}

/** What a label is read with. */
export interface LabelContext {
  /** What a bare facet label ("Definition", "Examples") is about: the enclosing term or heading. */
  about?: string | null;
  /** How the label's words read mid-sentence (see label-casing.ts). Defaults to lower case. */
  casing?: Casing;
  /**
   * Whether "X and Y" may be asked as one thing. Alone, "What are clocks and
   * timing issues?" asks two things at once; under "Causes of Delay", "CPU and
   * VM Queues" is one cause.
   */
  pairs?: boolean;
}

/** One word of the label: as written, lower-cased for the tagger, and its tag. */
interface Word {
  text: string;
  lower: string;
  lemma: string;
  pos: Token['pos'];
  /** Joined to the word before with no space ("time-of-day", "Spanner's"). */
  glued: boolean;
  /** Half-open offsets in the text tagged. */
  from: number;
  to: number;
}

const NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** The number as a word ("three"), or as digits past twelve. */
export function numberWord(n: number): string {
  return NUMBERS[n] ?? String(n);
}

// Labels that say where a thing is in the notes, not what it is.
const VAGUE = new Set([
  'overview', 'description', 'descriptions', 'summary', 'conclusion', 'conclusions', 'introduction', 'intro',
  'background', 'notes', 'note', 'details', 'misc', 'miscellaneous', 'other', 'others', 'discussion',
  'thoughts', 'takeaways', 'key points', 'key takeaways', 'recap', 'review', 'questions', 'idea', 'ideas',
  'problem', 'problems', 'solution', 'solutions', 'result', 'results', 'part', 'section', 'chapter', 'topic',
  'main idea', 'todo', 'references', 'sources', 'links', 'further reading', 'context', 'example', 'examples',
  'significance', 'importance', 'definition', 'definitions', 'implementation', 'characteristics', 'properties',
  'features', 'advantages', 'disadvantages', 'benefits', 'drawbacks', 'limitations', 'pros', 'cons', 'types',
  'usage', 'use cases', 'purpose', 'goal', 'goals', 'approach', 'method', 'methods', 'issues', 'challenges',
]);

// Heads that name a kind of remark, not a thing: vague when all that qualifies them is an adjective or one noun.
const GENERIC_HEADS = new Set([
  'approach', 'discussion', 'design', 'analysis', 'scenario', 'philosophy', 'reason', 'point', 'thought', 'idea',
  'note', 'consideration', 'aspect', 'topic', 'part', 'section', 'summary', 'overview', 'introduction',
  'conclusion', 'background', 'context', 'detail', 'example', 'case', 'situation', 'question', 'issue', 'matter',
  'thing', 'way', 'view', 'perspective', 'observation', 'remark', 'comment', 'insight', 'lesson', 'takeaway',
  'step', 'change', 'mission', 'task', 'goal', 'possibility', 'significance', 'importance', 'information', 'fact',
  'concern', 'challenge', 'problem', 'difference', 'thinking', 'strategy', 'aim', 'guideline', 'tip',
]);

// Heads of names of problems and arguments: "What is the Byzantine generals problem?" is a question whatever follows.
const NAMED_PROBLEM_HEADS = new Set(['problem', 'argument', 'theorem', 'paradox', 'dilemma', 'principle', 'law', 'conjecture']);

/** Facet nouns read before "of X" / "with X" ...: how each one asks. */
type FacetRule = { ask: LabelAsk; template?: (x: Subject) => string };

const FACETS: Record<string, FacetRule> = {
  cause: { ask: 'causes', template: (x) => `What causes ${x.text}?` },
  reason: { ask: 'causes', template: (x) => `What are the reasons for ${x.text}?` },
  source: { ask: 'causes', template: (x) => `What are the sources of ${x.text}?` },
  example: { ask: 'examples', template: (x) => `What are examples of ${x.text}?` },
  instance: { ask: 'examples', template: (x) => `What are examples of ${x.text}?` },
  definition: { ask: 'what' },
  concept: { ask: 'what' },
  notion: { ask: 'what' },
  meaning: { ask: 'what' },
  importance: { ask: 'why', template: (x) => `Why ${x.plural ? 'are' : 'is'} ${x.text} important?` },
  significance: { ask: 'why', template: (x) => `Why ${x.plural ? 'do' : 'does'} ${x.text} matter?` },
  role: { ask: 'facet', template: (x) => `What is the role of ${x.text}?` },
  purpose: { ask: 'facet', template: (x) => `What is the purpose of ${x.text}?` },
  goal: { ask: 'facet', template: (x) => `What is the goal of ${x.text}?` },
  idea: { ask: 'facet', template: (x) => `What is the idea behind ${x.text}?` },
  behavior: { ask: 'how', template: (x) => `How ${x.plural ? 'do' : 'does'} ${x.text} behave?` },
  behaviour: { ask: 'how', template: (x) => `How ${x.plural ? 'do' : 'does'} ${x.text} behave?` },
  implementation: { ask: 'how', template: (x) => `How ${x.plural ? 'are' : 'is'} ${x.text} implemented?` },
  use: { ask: 'how', template: (x) => `How ${x.plural ? 'are' : 'is'} ${x.text} used?` },
  usage: { ask: 'how', template: (x) => `How ${x.plural ? 'are' : 'is'} ${x.text} used?` },
  possibility: { ask: 'causes', template: (x) => `What can cause ${x.text}?` },
  method: { ask: 'methods' },
  way: { ask: 'methods' },
  technique: { ask: 'methods' },
  strategy: { ask: 'methods' },
  approach: { ask: 'methods' },
  tool: { ask: 'methods' },
  // Facets whose answer is a list of that facet: "What are the limitations of NTP?"
  advantage: { ask: 'facet' }, benefit: { ask: 'facet' }, disadvantage: { ask: 'facet' },
  drawback: { ask: 'facet' }, downside: { ask: 'facet' }, limitation: { ask: 'facet' }, limit: { ask: 'facet' },
  cost: { ask: 'facet' }, challenge: { ask: 'facet' }, problem: { ask: 'facet' }, issue: { ask: 'facet' },
  pitfall: { ask: 'facet' }, risk: { ask: 'facet' }, weakness: { ask: 'facet' }, strength: { ask: 'facet' },
  property: { ask: 'facet' }, characteristic: { ask: 'facet' }, feature: { ask: 'facet' },
  component: { ask: 'facet' }, element: { ask: 'facet' }, principle: { ask: 'facet' }, rule: { ask: 'facet' },
  step: { ask: 'facet' }, consequence: { ask: 'facet' }, effect: { ask: 'facet' }, implication: { ask: 'facet' },
  assumption: { ask: 'facet' }, requirement: { ask: 'facet' }, difference: { ask: 'facet' },
  similarity: { ask: 'facet' }, attempt: { ask: 'facet' }, application: { ask: 'facet' }, type: { ask: 'facet' },
  kind: { ask: 'facet' }, category: { ask: 'facet' }, form: { ask: 'facet' }, guarantee: { ask: 'facet' },
  trade: { ask: 'facet' }, tradeoff: { ask: 'facet' }, alternative: { ask: 'facet' }, mechanism: { ask: 'facet' },
  // Qualities asked as "How reliable are networks?"
  reliability: { ask: 'quality', template: (x) => `How reliable ${x.plural ? 'are' : 'is'} ${x.text}?` },
  variability: { ask: 'quality', template: (x) => `How variable ${x.plural ? 'are' : 'is'} ${x.text}?` },
  accuracy: { ask: 'quality', template: (x) => `How accurate ${x.plural ? 'are' : 'is'} ${x.text}?` },
  inaccuracy: { ask: 'quality', template: (x) => `Why ${x.plural ? 'are' : 'is'} ${x.text} inaccurate?` },
  uncertainty: { ask: 'quality', template: (x) => `Why ${x.plural ? 'is' : 'is'} ${x.text} uncertain?` },
  unreliability: { ask: 'quality', template: (x) => `Why ${x.plural ? 'are' : 'is'} ${x.text} unreliable?` },
  predictability: { ask: 'quality', template: (x) => `How predictable ${x.plural ? 'are' : 'is'} ${x.text}?` },
  complexity: { ask: 'quality', template: (x) => `Why ${x.plural ? 'are' : 'is'} ${x.text} complex?` },
};

// A facet written after its subject: "Fencing Tokens — Implementation", "Fencing Tokens Overview".
const SUFFIX_FACETS: Record<string, FacetRule | 'vague'> = {
  overview: { ask: 'what' },
  definition: { ask: 'what' },
  description: { ask: 'what' },
  introduction: { ask: 'what' },
  idea: FACETS['idea']!,
  significance: FACETS['significance']!,
  importance: FACETS['importance']!,
  implementation: FACETS['implementation']!,
  example: { ask: 'examples', template: (x) => `What is an example of ${x.text}?` },
  examples: FACETS['example']!,
  usage: FACETS['usage']!,
  conclusion: 'vague',
  conclusions: 'vague',
  summary: 'vague',
  recap: 'vague',
  notes: 'vague',
  discussion: 'vague',
  problem: 'vague',
  details: 'vague',
};
// Suffix facets that need a dash or colon before them: "Safety Properties" is a term, not the properties of safety.
const SUFFIX_NEEDS_SEPARATOR = new Set(['example', 'examples', 'usage', 'problem', 'details', 'definition', 'description', 'notes']);

const CONTRAST = /\s+(?:vs\.?|versus)\s+/i;
const FACET_SEPARATOR = /\s+[—–-]\s+|:\s+/;
const PREPOSITIONS = new Set(['of', 'with', 'in', 'for', 'to', 'between', 'on', 'at', 'behind', 'from', 'about', 'among', 'within']);
const AUXILIARIES = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'can', 'cannot', "can't", 'must', 'should', 'may', 'might', 'will',
  'would', 'does', "doesn't", "don't", 'has', 'have', 'had', 'could', 'shall', 'need', 'needs',
]);
// Verbs that open an instruction ("Use Only for Short-Lived Objects", "Consider as Planned Downtime").
const IMPERATIVES = new Set([
  'use', 'consider', 'treat', 'avoid', 'keep', 'make', 'add', 'remove', 'check', 'ensure', 'prefer', 'do', "don't",
  'never', 'always', 'try', 'apply', 'run', 'set', 'restart', 'think', 'remember', 'note', 'beware', 'prevent',
  'let', 'ask', 'pick', 'choose', 'write', 'read', 'test', 'measure', 'monitor', 'handle', 'build', 'design',
]);
// Mass and abstract nouns take no article: "What is garbage collection?", not "a garbage collection".
const MASS_SUFFIX = /(?:tion|sion|ness|ity|ment|ance|ence|ism|ing|sis|ics|ware|ogy|dom|hood|ship|cy|age)$/;
const MASS = new Set([
  'safety', 'data', 'time', 'software', 'hardware', 'memory', 'information', 'knowledge', 'research', 'traffic',
  'bandwidth', 'latency', 'downtime', 'consensus', 'work', 'equipment', 'advice', 'evidence', 'truth', 'power',
  'feedback', 'throughput', 'causality', 'concurrency', 'backpressure', 'code', 'state', 'control', 'access',
  'trust', 'failover', 'uptime', 'load', 'storage', 'garbage', 'fault tolerance', 'delay', 'jitter', 'drift',
]);

// Count nouns with a mass-noun ending: "a quorum decision", "a network partition".
const COUNT_NOUNS = new Set([
  'decision', 'partition', 'connection', 'function', 'transaction', 'question', 'position', 'condition', 'exception',
  'operation', 'application', 'solution', 'option', 'section', 'definition', 'instruction', 'notification',
  'relation', 'session', 'version', 'dimension', 'extension', 'message', 'page', 'package', 'thing',
  'string', 'ring', 'building', 'setting', 'meeting', 'mapping', 'binding', 'heading', 'listing', 'ending',
  'entity', 'city', 'community', 'authority', 'property', 'utility', 'facility', 'entity', 'identity',
  'instance', 'sequence', 'reference', 'conference', 'difference', 'sentence', 'distance', 'element', 'argument',
  'document', 'statement', 'environment', 'basis', 'thesis', 'analysis', 'policy', 'dependency', 'agency',
]);
// Words in -ing that are nouns in a term ("Operating System", "Fencing Tokens"), never a gerund asking "how do you".
const NOUN_ING = new Set([
  'operating', 'processing', 'computing', 'programming', 'scheduling', 'fencing', 'timing', 'queueing', 'queuing',
  'caching', 'streaming', 'learning', 'training', 'networking', 'routing', 'sorting', 'hashing', 'matching',
  'counting', 'rolling', 'sliding', 'blocking', 'logging', 'tracking', 'parsing', 'ranking', 'engineering',
  'modeling', 'modelling', 'building', 'clustering', 'switching', 'locking', 'sharding', 'paging', 'swapping',
  'pooling', 'polling', 'batching', 'buffering', 'indexing', 'partitioning', 'versioning', 'spanning', 'signing',
  'boarding', 'consulting', 'accounting', 'marketing', 'trading', 'banking', 'floating', 'leading',
]);

const tagged = new Map<string, Word[]>();
/** The last label tagged: its phrases are read from its words, not tagged again. */
let current: { text: string; words: Word[] } | null = null;

/** The words of a cleaned label with tags, worked out once per label text. */
function wordsOf(label: string): Word[] {
  const known = tagged.get(label) ?? phraseOf(label);
  if (known !== undefined) {
    current = { text: label, words: known };
    return known;
  }
  // Title Case makes the tagger read every word as a name: tag the words as they would read in a sentence.
  const lowered = label.replace(/\S+/g, (w) => plainCasing(w));
  const words: Word[] = [];
  let end = -1;
  for (const sentence of analyse(lowered)) {
    for (const token of sentence.tokens) {
      words.push({
        text: label.slice(token.from, token.to),
        lower: token.text.toLowerCase(),
        lemma: token.lemma,
        pos: token.pos,
        glued: token.from === end,
        from: token.from,
        to: token.to,
      });
      end = token.to;
    }
  }
  // Labels repeat in a note (a group, a facet of each term): a small cache pays; it is cleared when large.
  if (tagged.size > 4_000) tagged.clear();
  tagged.set(label, words);
  current = { text: label, words };
  return words;
}

/**
 * Tags every text of `texts` (labels, headings, openings of answers) in one
 * call of the tagger, so that a note pays its fixed cost per call once, not
 * once per label; later questions about them read the cache. Linear in the
 * texts' length.
 */
export function tagLabels(texts: Iterable<string>): void {
  const todo: string[] = [];
  const seen = new Set<string>();
  for (const raw of texts) {
    const text = cleanLabel(raw);
    if (text === '' || text.length > 200 || tagged.has(text) || seen.has(text) || /[\n.!?]/.test(text)) continue;
    seen.add(text);
    todo.push(text);
  }
  if (todo.length === 0) return;
  if (tagged.size + todo.length > 4_000) tagged.clear();
  // One line each: the tagger reads a line break as the end of a word's context, and splitting
  // thousands of one-line sentences would cost it more than tagging them.
  const starts: number[] = [];
  let joined = '';
  for (const text of todo) {
    starts.push(joined.length);
    joined += `${text.replace(/\S+/g, (w) => plainCasing(w))}\n`;
  }
  const byText: Word[][] = todo.map(() => []);
  let k = 0;
  let end = -1;
  for (const sentence of analyse(joined)) {
    for (const token of sentence.tokens) {
      while (k + 1 < todo.length && token.from >= starts[k + 1]!) k++;
      const at = starts[k]!;
      const text = todo[k]!;
      if (token.to > at + text.length) continue;
      byText[k]!.push({
        text: text.slice(token.from - at, token.to - at),
        lower: token.text.toLowerCase(),
        lemma: token.lemma,
        pos: token.pos,
        glued: token.from === end && byText[k]!.length > 0,
        from: token.from - at,
        to: token.to - at,
      });
      end = token.to;
    }
  }
  todo.forEach((text, i) => tagged.set(text, byText[i]!));
}

/** The words of `phrase` when it is a run of whole words of the last label tagged (tagged in its context). */
function phraseOf(phrase: string): Word[] | undefined {
  if (current === null || phrase === '') return undefined;
  const at = current.text.indexOf(phrase);
  if (at < 0) return undefined;
  const end = at + phrase.length;
  const words = current.words.filter((w) => w.from >= at && w.to <= end);
  if (words.length === 0 || words[0]!.from !== at || words[words.length - 1]!.to !== end) return undefined;
  return words.map((w, i) => ({ ...w, from: w.from - at, to: w.to - at, glued: i > 0 && w.glued }));
}

/** The tagged words of a short text (an answer's opening words), from the cache when {@link tagLabels} saw it. */
export function wordsOfOpening(text: string): readonly { text: string; lemma: string; pos: Token['pos'] }[] {
  return text === '' ? [] : wordsOf(text);
}

/**
 * The label without what is not its content: emphasis and code marks, a
 * trailing colon, "(1/2)", "Part 1", a leading number.
 */
export function cleanLabel(label: string): string {
  return label
    .replace(/[*`]/g, '')
    .replace(/(^|\s)_+|_+(?=\s|$)/g, '$1')
    .replace(/\s*\(\d+\s*\/\s*\d+\)\s*$/, '')
    .replace(/(?:^|\s+)part\s+\d+(?:\s*\(\d+\s*\/\s*\d+\))?\s*$/i, '')
    .replace(/^\s*(?:\d+[.)]|[•·])\s+/, '')
    .replace(/[\s:;,.!]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The question `label` asks, or null when it asks nothing a learner could
 * answer (vague, a claim, an instruction, a bare facet with nothing it is
 * about). Pure; never throws.
 */
export function labelQuestion(label: string, context: LabelContext = {}): LabelQuestion | null {
  const casing = context.casing ?? plainCasing;
  // A label is asked about several times (its card, its group's list, its children): worked out once.
  if (casing !== askedWith) {
    asked.clear();
    askedWith = casing;
  }
  const key = `${label}\u0000${context.about ?? ''}\u0000${context.pairs === true ? 1 : 0}`;
  const known = asked.get(key);
  if (known !== undefined) return known;
  const question = questionOf(label, { ...context, casing });
  if (asked.size > 4_000) asked.clear();
  asked.set(key, question);
  return question;
}

/** Questions of labels already read with the casing `askedWith`. */
const asked = new Map<string, LabelQuestion | null>();
let askedWith: Casing | null = null;

function questionOf(label: string, context: LabelContext): LabelQuestion | null {
  const casing = context.casing ?? plainCasing;
  const text = cleanLabel(label);
  if (text === '' || text.length > 120 || /[?!]/.test(text)) return null;
  const contrast = contrastQuestion(text, casing);
  if (contrast !== undefined) return contrast;

  // "Fencing Tokens — Implementation": the facet after a dash or colon.
  const parts = text.split(FACET_SEPARATOR);
  if (parts.length === 2) {
    const facetWord = parts[1]!.toLowerCase();
    const facet = SUFFIX_FACETS[facetWord] ?? FACETS[singular(facetWord)];
    if (facet === 'vague') return null;
    if (facet !== undefined) return facetAbout(facet, parts[0]!, casing, parts[1]!.toLowerCase());
  }
  const lower = text.toLowerCase();
  if (VAGUE.has(lower)) {
    const facet = SUFFIX_FACETS[lower] ?? (FACETS[singular(lower)] ?? undefined);
    if (facet === undefined || facet === 'vague' || !context.about) return null;
    return facetAbout(facet, cleanLabel(context.about), casing, lower);
  }
  const words = wordsOf(text);
  if (words.length === 0) return null;

  // "Fencing Tokens Overview", "Process Pause Significance".
  const last = words[words.length - 1]!.lower;
  const suffix = SUFFIX_FACETS[last];
  if (suffix !== undefined && words.length > 1 && !SUFFIX_NEEDS_SEPARATOR.has(last)) {
    if (suffix === 'vague') return null;
    const subjectText = text.slice(0, text.toLowerCase().lastIndexOf(last)).trim();
    return facetAbout(suffix, subjectText, casing, last);
  }
  if (isClaimOrInstruction(words)) return null;
  const facetFirst = facetFirstQuestion(text, words, casing);
  if (facetFirst !== undefined) return facetFirst;
  const gerund = gerundQuestion(text, words, casing);
  if (gerund !== undefined) return gerund;
  const located = locatedQuestion(text, words, casing);
  if (located !== undefined) return located;
  if (isVagueTerm(words)) return null;
  if (!context.pairs && words.some((w) => w.lower === 'and' || w.lower === '&') && !words.every((w) => /^\p{Lu}|^and$|^&$/u.test(w.text) && casing(w.text) !== w.text.toLowerCase())) return null;
  return whatQuestion(text, casing);
}

/**
 * What an outline topic's label names, as it reads mid-sentence with the
 * article it needs ("[[Unreliable Nodes]]" -> "unreliable nodes", "Process
 * Pause Significance" -> "a process pause", "Fencing Tokens Conclusion" ->
 * "fencing tokens"): a facet or a word that only places the topic in the
 * notes ("Overview", "Conclusion", "— Implementation") goes first. Null when
 * what is left names no thing a "What is …?" question could ask about (a
 * claim, an instruction, an action, a vague label). Pure; never throws.
 */
export function labelSubject(label: string, casing: Casing = plainCasing): { text: string; plural: boolean } | null {
  let text = cleanLabel(label);
  const parts = text.split(FACET_SEPARATOR);
  if (parts.length === 2 && (SUFFIX_FACETS[parts[1]!.toLowerCase()] !== undefined || FACETS[singular(parts[1]!.toLowerCase())] !== undefined)) {
    text = parts[0]!;
  } else {
    const last = /\s(\p{L}+)$/u.exec(text);
    if (last !== null && SUFFIX_FACETS[last[1]!.toLowerCase()] !== undefined && !SUFFIX_NEEDS_SEPARATOR.has(last[1]!.toLowerCase())) {
      text = text.slice(0, last.index).trim();
    }
  }
  const question = labelQuestion(text, { casing });
  if (question === null || question.asks !== 'what' || !/^What (?:is|are) /.test(question.question)) return null;
  const x = subjectOf(cleanLabel(text), casing);
  return { text: x.text, plural: x.plural };
}

/** "X vs. Y" (a shared head noun distributed: "Monotonic vs. Time-of-Day Clocks"). */
function contrastQuestion(text: string, casing: Casing): LabelQuestion | null | undefined {
  const sides = text.split(CONTRAST);
  if (sides.length !== 2) return undefined;
  let [a, b] = sides as [string, string];
  if (a === '' || b === '') return null;
  const aWords = wordsOf(a);
  const bWords = wordsOf(b);
  if (aWords.length === 0 || bWords.length === 0) return null;
  // "Monotonic vs. Time-of-Day Clocks": the first side is only a modifier of the second's head.
  if (!aWords.some((w) => w.pos === 'NOUN' || w.pos === 'PROPN' || w.pos === 'VERB') && bWords.length > 1) {
    a = `${a} ${bWords[bWords.length - 1]!.text}`;
  }
  const x = subjectOf(a, casing);
  const y = subjectOf(b, casing);
  return {
    question: capitalise(`How ${x.plural ? 'do' : 'does'} ${x.text} differ from ${y.text}?`),
    asks: 'contrast',
    subject: `${x.text} and ${y.text}`,
    facet: null,
    plural: true,
    relation: null,
    stems: stemsOf(`${a} ${b}`),
    sides: [x.text, y.text],
  };
}

/** A facet (rule) of the thing named by `subjectText`. */
function facetAbout(rule: FacetRule, subjectText: string, casing: Casing, facet: string): LabelQuestion | null {
  const clean = cleanLabel(subjectText);
  // "The Leader and the Lock — Example": a title of two things has no one facet to ask.
  if (clean === '' || VAGUE.has(clean.toLowerCase()) || / and the /i.test(clean)) return null;
  const words = wordsOf(clean);
  if (words.length === 0 || isClaimOrInstruction(words) || isGerundPhrase(words)) return null;
  if (rule.ask === 'what') {
    const what = whatQuestion(clean, casing);
    return what === null ? null : { ...what, stems: stemsOf(`${clean} ${facet}`) };
  }
  if (rule.template === undefined) {
    const x = subjectOf(clean, casing, false);
    const many = /s$/.test(facet);
    return {
      question: capitalise(`What ${many ? 'are' : 'is'} the ${facet} of ${x.text}?`),
      asks: rule.ask === 'methods' ? 'facet' : rule.ask,
      subject: x.text,
      facet,
      plural: x.plural,
      relation: null,
      stems: stemsOf(`${clean} ${facet}`),
      sides: [],
    };
  }
  return templateQuestion(rule.ask, rule.template, subjectOf(clean, casing, rule.ask !== 'examples'), stemsOf(`${clean} ${facet}`));
}

/** The question a facet rule's template makes of its subject ("Causes of X" -> "What causes X?"). */
function templateQuestion(ask: LabelAsk, template: (x: Subject) => string, x: Subject, stems: string[]): LabelQuestion {
  return {
    question: capitalise(template(x)),
    asks: ask,
    subject: x.text,
    facet: null,
    plural: x.plural,
    relation: ask === 'causes' ? `cause ${x.text}` : null,
    stems,
    sides: [],
  };
}

/** "Causes of Delay", "Limits of Reliability", "Methods to Reduce GC Pauses", "Costs and Limitations of X". */
function facetFirstQuestion(text: string, words: readonly Word[], casing: Casing): LabelQuestion | null | undefined {
  // "Deterministic Behavior of a Single Computer": adjectives before the facet go.
  let start = 0;
  while (start < words.length - 1 && words[start]!.pos === 'ADJ') start++;
  let i = start;
  const facets: Word[] = [];
  while (i < words.length && FACETS[words[i]!.lemma] !== undefined && (words[i]!.pos === 'NOUN' || words[i]!.pos === 'PROPN' || words[i]!.pos === 'VERB')) {
    facets.push(words[i]!);
    i++;
    if (words[i]?.lower === 'and' && FACETS[words[i + 1]?.lemma ?? ''] !== undefined) i++;
    else break;
  }
  if (facets.length === 0 || i >= words.length) return undefined;
  if (start > 0 && FACETS[facets[0]!.lemma]!.template === undefined) return undefined;
  const link = words[i]!;
  // "Elements Required for ...": a participle between the facet and its preposition stays with the facet.
  let facetEnd = i;
  if (link.pos === 'VERB' && /ed$/.test(link.lower) && PREPOSITIONS.has(words[i + 1]?.lower ?? '')) facetEnd = i + 1;
  const prep = words[facetEnd]!;
  if (!PREPOSITIONS.has(prep.lower) && prep.lower !== 'to') return undefined;
  const rest = text.slice(offsetOf(text, words, facetEnd + 1)).trim();
  if (rest === '' || / and the /i.test(rest)) return null;
  const restWords = wordsOf(rest);
  const first = facets[0]!;
  const rule = FACETS[first.lemma]!;
  const facetPhrase = text.slice(offsetOf(text, words, start), offsetOf(text, words, i)).trim().toLowerCase();
  const prepText = words.slice(i, facetEnd + 1).map((w) => w.lower).join(' ');
  // "Methods to Reduce GC Pauses" / "Ways of handling faults": what the children do.
  if (rule.ask === 'methods') {
    const verb = restWords[0];
    const action = verb !== undefined && (verb.pos === 'VERB' || /ing$/.test(verb.lower)) ? actionOf(rest, restWords, casing) : null;
    if (action === null) return null;
    return {
      question: capitalise(`What are the ${facetPhrase} to ${action}?`),
      asks: 'methods',
      subject: action,
      facet: facetPhrase,
      plural: true,
      relation: action,
      stems: stemsOf(text),
      sides: [],
    };
  }
  // "Problems with the Code": the code above, in the notes; nothing a learner can name.
  if (/^(?:the|this|these|that) (?:code|example|text|figure|diagram|above|following|snippet|program|approach|case|situation)$/i.test(rest)) return null;
  const x = subjectOf(rest, casing, false);
  // "Possibility of Avoiding Problems": a facet of an action is too loose to ask.
  if (restWords[0] !== undefined && /ing$/.test(restWords[0].lower) && restWords[0].pos === 'VERB' && rule.ask !== 'facet') return null;
  if (facets.length === 1 && rule.template !== undefined) return templateQuestion(rule.ask, rule.template, x, stemsOf(text));
  if (rule.ask === 'what') {
    const what = whatQuestion(rest, casing);
    return what === null ? null : { ...what, stems: stemsOf(text) };
  }
  const pluralFacet = facets.length > 1 || first.lemma !== first.lower;
  return {
    question: capitalise(`What ${pluralFacet ? 'are' : 'is'} the ${facetPhrase} ${prepText} ${x.text}?`),
    asks: 'facet',
    subject: x.text,
    facet: facetPhrase,
    plural: x.plural,
    relation: null,
    stems: stemsOf(text),
    sides: [],
  };
}

/** "Handling Network Faults" -> "How do you handle network faults?" */
function gerundQuestion(text: string, words: readonly Word[], casing: Casing): LabelQuestion | null | undefined {
  const first = words[0]!;
  if (!isGerundPhrase(words)) return undefined;
  const action = actionOf(text, words, casing);
  if (action === null) return null;
  return {
    question: capitalise(`How do you ${action}?`),
    asks: 'how',
    subject: action,
    facet: null,
    plural: false,
    relation: null,
    stems: stemsOf(text),
    sides: [],
  };
}

/** "Handling Network Faults", "Defining the Correctness of …": an action, not a thing. */
function isGerundPhrase(words: readonly Word[]): boolean {
  const first = words[0];
  if (first === undefined || words.length < 2 || !/ing$/.test(first.lower) || NOUN_ING.has(first.lower)) return false;
  const next = words[1]!.pos;
  if ((first.pos === 'VERB' && first.lemma !== first.lower) || next === 'DET' || next === 'ADP' || next === 'PRON') return true;
  // "Meeting User Guarantees": an -ing word before a phrase of two more words acts on it (a compound
  // noun's -ing modifier, "Fencing Token Service", is one NOUN_ING knows).
  return words.length >= 3 && (next === 'NOUN' || next === 'ADJ' || next === 'PROPN') && !words[1]!.glued;
}

/** A gerund phrase as a bare verb phrase: "reducing GC pauses" -> "reduce GC pauses". */
function actionOf(text: string, words: readonly Word[], casing: Casing): string | null {
  const verb = words[0]!;
  const rest = text.slice(offsetOf(text, words, 1)).trim();
  if (rest === '') return null;
  const base = /ing$/.test(verb.lower) ? baseOfGerund(verb) : verb.lower;
  if (base === '' || /ing$/.test(base)) return null;
  return `${base} ${rest.split(/\s+/).map(casing).join(' ')}`;
}

/** The bare verb of an -ing word, when the tagger read it as a noun: "defining" -> "define". */
function baseOfGerund(word: Word): string {
  if (word.lemma !== word.lower) return word.lemma;
  const stem = word.lower.replace(/ing$/, '');
  if (/([^aeiouls])\1$/.test(stem)) return stem.slice(0, -1); // mapping -> map
  if (/[^aeiou][aeiou][bcdfgkmnptvz]$/.test(stem) && !/(?:en|er|on)$/.test(stem)) return `${stem}e`; // defining -> define
  if (/(?:[^aeiou]l|[cgsvz])$/.test(stem) || /u[cs]$/.test(stem)) return `${stem}e`; // handling -> handle, using -> use
  return stem;
}

/** "Timeouts in Ideal Systems" -> "How do timeouts work in ideal systems?" */
function locatedQuestion(text: string, words: readonly Word[], casing: Casing): LabelQuestion | null | undefined {
  const at = words.findIndex((w, i) => i > 0 && w.lower === 'in' && w.pos === 'ADP');
  if (at < 0 || at === words.length - 1) return undefined;
  const head = words.slice(0, at);
  if (!head.every((w) => w.pos === 'NOUN' || w.pos === 'PROPN' || w.pos === 'ADJ')) return undefined;
  const x = subjectOf(text.slice(0, offsetOf(text, words, at)).trim(), casing, false);
  const where = text.slice(offsetOf(text, words, at)).split(/\s+/).map(casing).join(' ');
  return {
    question: capitalise(`How ${x.plural ? 'do' : 'does'} ${x.text} work ${where}?`),
    asks: 'how',
    subject: `${x.text} ${where}`,
    facet: null,
    plural: x.plural,
    relation: null,
    stems: stemsOf(text),
    sides: [],
  };
}

/** "Fencing Tokens" -> "What are fencing tokens?"; "TrueTime API" -> "What is the TrueTime API?" */
function whatQuestion(text: string, casing: Casing): LabelQuestion | null {
  const words = wordsOf(text);
  if (words.length === 0 || isClaimOrInstruction(words)) return null;
  if (isGerundPhrase(words)) return null;
  // "Mapping System Models to the Real World": a phrase that runs on to "the …" is a title, not a term.
  if (words.some((w, i) => i > 0 && w.pos === 'ADP' && !w.glued && words[i + 1]?.pos === 'DET')) return null;
  // "Assumption Excluding Byzantine Faults": a verb inside the phrase makes it a remark, not a term.
  if (words.some((w, i) => i > 0 && i < words.length - 1 && w.pos === 'VERB' && /ing$/.test(w.lower) && !NOUN_ING.has(w.lower))) return null;
  // "Monotonic" alone: what the word means (the tagger calls some lone nouns adjectives, so the ending must say so too).
  if (words.length === 1 && words[0]!.pos === 'ADJ' && /(?:ic|al|ous|ive|able|ible|ful|less|ary|ent|ant|ar)$/i.test(words[0]!.text)) {
    const word = casing(words[0]!.text);
    return { question: `What does "${word}" mean?`, asks: 'what', subject: word, facet: null, plural: false, relation: null, stems: stemsOf(text), sides: [] };
  }
  const x = subjectOf(text, casing);
  return {
    question: capitalise(`What ${x.plural ? 'are' : 'is'} ${x.text}?`),
    asks: 'what',
    subject: x.bare,
    facet: null,
    plural: x.plural,
    relation: null,
    stems: stemsOf(text),
    sides: [],
  };
}

/** A noun phrase as it reads mid-sentence, with the article it needs when `article` is true. */
interface Subject {
  /** With its article ("a quorum", "the TrueTime API", "fencing tokens"). */
  text: string;
  /** Without an added article. */
  bare: string;
  plural: boolean;
}

function subjectOf(phrase: string, casing: Casing, article = true): Subject {
  const cased = phrase.split(/\s+/).map(casing).join(' ');
  const words = wordsOf(phrase);
  const mainWords = words.slice(0, headEnd(words));
  const head = mainWords[mainWords.length - 1];
  if (isGerundPhrase(words)) return { text: cased, bare: cased, plural: false };
  const coordinated = mainWords.some((w) => w.lower === 'and' || w.lower === '&');
  // "Last Write Wins (LWW)": a name with its abbreviation is one thing.
  const named = /\([A-Z][A-Za-z]*[A-Z]\)\s*$/.test(phrase);
  const plural = !named && (coordinated || (head !== undefined && isPluralNoun(head)));
  if (!article || plural || head === undefined) return { text: cased, bare: cased, plural };
  const first = words[0]!;
  if (first.pos === 'DET' || first.pos === 'PRON' || words.some((w) => w.pos === 'PART' && /^['’]s$/.test(w.lower))) {
    return { text: cased, bare: cased, plural };
  }
  // A name of several kept-case words (the TrueTime API, the Network Time Protocol) takes "the".
  const casedWords = cased.split(/\s+/).filter((w) => !/^\(/.test(w));
  // A word is a name's when its head is capitalised: "TrueTime", "API", not "B-tree".
  const kept = casedWords.filter((w) => /\p{Lu}/u.test(w.split('-').pop() ?? w));
  if (named && !COUNT_NOUNS.has(head.lower) && kept.length < casedWords.length) return { text: cased, bare: cased, plural };
  if (kept.length === casedWords.length) return { text: casedWords.length > 1 ? `the ${cased}` : cased, bare: cased, plural };
  if (NAMED_PROBLEM_HEADS.has(head.lemma)) return { text: `the ${cased}`, bare: cased, plural };
  const headText = head.lower;
  if (MASS.has(headText) || (MASS_SUFFIX.test(headText) && !COUNT_NOUNS.has(headText))) {
    return { text: cased, bare: cased, plural };
  }
  return { text: `${indefinite(cased)} ${cased}`, bare: cased, plural };
}

/** Index after the head noun: a trailing "(GC)" or "(Real-Time Operating System)" is left out. */
function headEnd(words: readonly Word[]): number {
  // A preposition inside a hyphenated word ("time-of-day", "end-to-end") is part of the head.
  const end = words.findIndex((w, i) => i > 0 && (w.text === '(' || (w.pos === 'ADP' && PREPOSITIONS.has(w.lower) && !w.glued)));
  return end > 0 ? end : words.length;
}

function isPluralNoun(word: Word): boolean {
  if (/^[A-Z0-9]+$/.test(word.text)) return /[a-z]s$/.test(word.text);
  if (/(?:ss|us|is|ics|ness)$/.test(word.lower)) return false;
  if (word.lemma !== word.lower && (word.pos === 'NOUN' || word.pos === 'PROPN')) return /s$/.test(word.lower) || /(?:men|children|people|data|criteria|phenomena)$/.test(word.lower);
  return /[^s]s$/.test(word.lower) && word.lower.length > 3;
}

/** "a" or "an" by the sound of the first word (acronyms by their letter names). */
function indefinite(phrase: string): 'a' | 'an' {
  const first = phrase.split(/[\s-]/)[0] ?? '';
  if (/^[A-Z]{2,}/.test(first)) return /^[AEFHILMNORSX]/.test(first) ? 'an' : 'a';
  if (/^(?:uni|use|usu|eu|one|once)/i.test(first)) return 'a';
  if (/^(?:hour|honest|honou?r)/i.test(first)) return 'an';
  return /^[aeiou]/i.test(first) ? 'an' : 'a';
}

/** A label that states something ("Clocks Are Unreliable") or tells the reader what to do. */
function isClaimOrInstruction(words: readonly Word[]): boolean {
  if (words.some((w, i) => i > 0 && AUXILIARIES.has(w.lower))) return true;
  const first = words[0]!;
  // "Write-Through", "Use-After-Free": a hyphenated compound is a name, not an instruction.
  if (words.length > 1 && words[1]!.glued) return false;
  if (words.length > 1 && first.lemma === first.lower && IMPERATIVES.has(first.lower) && first.pos !== 'NOUN') {
    return words[1]!.pos !== 'NOUN' || words.length > 2;
  }
  if (words.length > 1 && first.lower === 'use' && words[1]!.pos !== 'NOUN') return true;
  if (words.length > 1 && first.pos === 'VERB' && first.lemma === first.lower && !/ing$|ed$/.test(first.lower)) {
    const next = words[1]!.pos;
    return next === 'DET' || next === 'ADP' || next === 'ADV' || next === 'PRON';
  }
  return false;
}

/** "Other Reasons", "Realistic Approach", "Software Design", "Error Scenario": nothing to ask. */
function isVagueTerm(words: readonly Word[]): boolean {
  const main = words.slice(0, headEnd(words));
  const head = main[main.length - 1];
  if (head === undefined) return true;
  if (main[0]?.lower === 'other' || main[0]?.lower === 'more' || main[0]?.lower === 'further') return true;
  if (!GENERIC_HEADS.has(head.lemma) && !GENERIC_HEADS.has(head.lower)) return false;
  // "Leader Confirmation Problem", "Spanner's Approach": a named or owned one is a thing.
  if (main.some((w) => w.pos === 'PART')) return false;
  if (NAMED_PROBLEM_HEADS.has(head.lemma)) return main.length < 3;
  return main.length <= 2;
}

/** The offset in `text` of word `i` (the length of the text past the last word). */
function offsetOf(text: string, words: readonly Word[], i: number): number {
  return i >= words.length ? text.length : words[i]!.from;
}

function singular(word: string): string {
  return word.replace(/ies$/, 'y').replace(/(?<!s)s$/, '');
}

const STOP = new Set(['the', 'a', 'an', 'of', 'and', 'or', 'in', 'on', 'for', 'to', 'with', 'vs', 'versus', 'between', 'at', 'by', 'from']);

/**
 * The stem of a lower-case word: common endings cut, then its first five
 * letters ("waiting", "waits" -> "wait"; "reliability", "reliable" -> "relia").
 * Cheap, and enough to see that two words are one.
 */
export function stem(word: string): string {
  const cut = word.replace(/(?:ingly|edly|ing|ed|es|s|ly)$/, '');
  return (cut.length >= 3 ? cut : word).slice(0, 5);
}

/** Stems of the content words of `text`: "Reliability of Networks" -> ["relia", "netwo"]. */
function stemsOf(text: string): string[] {
  const stems: string[] = [];
  for (const word of text.toLowerCase().match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? []) {
    if (STOP.has(word)) continue;
    for (const part of word.split('-')) if (part.length > 2) stems.push(stem(part));
  }
  return stems;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The question a child bullet asks in the light of its parent's: under
 * "Causes of Delay", "Switch Queues" asks "How can switch queues cause
 * delay?"; under "Methods to Reduce GC Pauses", "Runtime Warnings" asks "How
 * can runtime warnings reduce GC pauses?". Other parents leave the child's
 * own question (or null, as {@link labelQuestion}).
 */
export function childQuestion(label: string, parent: LabelQuestion | null, context: LabelContext = {}): LabelQuestion | null {
  const own = labelQuestion(label, { ...context, pairs: parent !== null && (parent.asks === 'causes' || parent.asks === 'methods') });
  if (parent === null || own === null || own.asks !== 'what') return own;
  const casing = context.casing ?? plainCasing;
  if ((parent.asks === 'causes' || parent.asks === 'methods') && parent.relation !== null) {
    return { ...own, question: capitalise(`How can ${subjectOf(cleanLabel(label), casing).text} ${parent.relation}?`), asks: 'how' };
  }
  // "Uniqueness" under "Properties of the Fencing Tokens Algorithm": "What is the uniqueness property of …?"
  if (parent.asks === 'facet' && parent.facet !== null && MEMBER_FACETS.has(parent.facet)) {
    const member = subjectOf(cleanLabel(label), casing, false).text;
    return { ...own, question: capitalise(`What is the ${member} ${singular(parent.facet)} of ${parent.subject}?`), asks: 'member' };
  }
  return own;
}

/** Facets whose members are things with names of their own (a property, a type). */
export const MEMBER_FACETS: ReadonlySet<string> = new Set(['properties', 'characteristics', 'features', 'principles', 'rules', 'types', 'kinds', 'components', 'guarantees']);
