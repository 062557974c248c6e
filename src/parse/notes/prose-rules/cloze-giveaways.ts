/**
 * Tests for a cloze whose gap the card itself gives away or that hides more
 * than one fact: a learner who reads the rest of the sentence or the heading
 * path above it can fill the gap without recalling anything, and a gap that
 * hides "A and B" asks two things at once (card-quality.md: one fact, not
 * guessable from the question).
 */

/** Words that carry no meaning of their own in a term ("separate timer *per* CPU", "shared among *many* customers"). */
const FUNCTION_WORDS = new Set(
  ('the a an of in on at to for from by with per and or its their his her our your this that these those such ' +
    'many much some any all each every one two more most less few other same own very so not no into onto over under')
    .split(' '),
);

/** Share of a term's words that must be exceeded by those the card echoes to give the gap away (one of two is not: "steal time" after "CPU time", "logical clocks" under "Unreliable Clocks"). */
const ECHO_SHARE = 0.5;

/**
 * A crude stem that lets a word match its other forms ("partitions" and
 * "partitioning", "checkers" and "checking", "failures" and "failure"),
 * enough to see an echo; it is never shown.
 */
export function echoStem(word: string): string {
  let w = word.toLowerCase();
  // The plural first, then one ending: "failures" and "failure" both end as "failur".
  if (w.endsWith('s') && w.length > 3) w = w.slice(0, -1);
  for (const suffix of ['ing', 'er', 'ed', 'e']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) return w.slice(0, -suffix.length);
  }
  return w;
}

/** The words of `text`; a hyphened compound is one word ("write-ahead"). */
function wordsOf(text: string): string[] {
  return text.match(/\p{L}[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*/gu) ?? [];
}

/** The term's words that carry meaning, as stems. */
function contentStems(text: string): string[] {
  // A hyphened compound is one word: "write-ahead log" is not given away by "writing" and "logs" around it.
  const words = wordsOf(text.toLowerCase());
  return words.filter((w) => w.length >= 3 && !FUNCTION_WORDS.has(w)).map(echoStem);
}

/**
 * Whether more than half the term's meaningful words show in what the
 * learner sees with the gap: the rest of the sentence or any heading above
 * ("Model checkers" under "Model checking", "partial failure" under "Faults
 * and Partial Failures", "the so-called [Two Generals Problem], … two army
 * generals", "resources are [shared among many customers]: … are shared").
 */
export function echoedInCard(term: string, rest: string, headingPath: readonly string[]): boolean {
  const own = contentStems(term);
  if (own.length === 0) return false;
  const seen = new Set([...contentStems(rest), ...headingPath.flatMap(contentStems)]);
  const echoed = own.filter((s) => seen.has(s)).length;
  return echoed / own.length > ECHO_SHARE;
}

/**
 * Whether the term joins two things with "and" or a comma ("Fault tolerance
 * and low latency"): one gap would hide two facts. "Or" joins two names of
 * one thing ("network partition or netsplit") or a bound ("microseconds or
 * less"), and slash pairs ("cost/benefit trade-off") and "and" inside
 * brackets are not joins either.
 */
export function joinsTwoThings(term: string): boolean {
  const outside = term.replace(/\([^()]*\)/g, ' ');
  const parts = outside.split(/\s+and\s+|,\s+/).filter((p) => /\p{L}/u.test(p));
  return parts.length >= 2;
}

/**
 * Whether the term sits in an example clause the author added after
 * "e.g." or "for example" in the same clause ("…, e.g., moving forward in
 * [steps of 10 ms] on older Windows systems"): a detail, not the point.
 */
export function inExampleClause(text: string, from: number): boolean {
  const before = text.slice(0, from);
  // Only the clause the term is in: back to the last sentence-internal stop or bracket.
  const clauseStart = Math.max(before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('('), before.lastIndexOf('—'));
  return /\b(?:e\.g\.|for example|for instance)/i.test(before.slice(clauseStart + 1));
}

/** Units a bare magnitude is counted in ("off by *hours*", "in *microseconds or less*"). */
const UNITS = new Set(
  ('ns nanosecond microsecond µs us ms millisecond second sec minute min hour day week month year decade century ' +
    'bit byte kb mb gb tb kib mib gib tib kilobyte megabyte gigabyte terabyte percent')
    .split(' '),
);

/**
 * Whether the term is a bare magnitude: a unit with at most numbers and
 * small words beside it ("off by hours", "around a second", "microseconds
 * or less"). It hides how big a figure is in an aside, not a fact a
 * learner could check; a measure that names what it measures ("a minimum
 * error of 35 ms") is a term.
 */
export function bareMagnitude(term: string): boolean {
  const words = term.toLowerCase().match(/[\p{L}µ]+/gu) ?? [];
  const units = words.filter((w) => UNITS.has(w) || UNITS.has(w.replace(/s$/, '')));
  const others = words.filter((w) => !units.includes(w) && !FUNCTION_WORDS.has(w) && !MAGNITUDE_WORDS.has(w));
  return units.length > 0 && others.length === 0;
}

/** Small words a magnitude is said with: "around a second", "off by hours", "tens of milliseconds". */
const MAGNITUDE_WORDS = new Set('off around about roughly nearly almost up less than or several few tens hundreds thousands dozens couple single half'.split(' '));

/**
 * Whether examples follow the gap ("use [specialized network topologies],
 * such as meshes and toruses"): a category is guessed from its examples.
 */
export function examplesFollow(text: string, to: number): boolean {
  return /^\s*(?:,\s*|\(\s*)?(?:such as|e\.g\.|for example|for instance|including|like)\b/i.test(text.slice(to));
}

/**
 * Whether the context line names the term (in any form: "fencing tokens"
 * over a gap for "fencing token"): shown with the question, it would give
 * the gap away, so the card goes without it.
 */
export function contextNamesTerm(term: string, context: string): boolean {
  const own = contentStems(term);
  if (own.length === 0) return false;
  const seen = new Set(contentStems(context));
  return own.every((s) => seen.has(s));
}

/**
 * Whether a name in the term shows elsewhere in what the learner sees ("Such
 * behavior is known as a [Byzantine fault], and the problem … the *Byzantine
 * Generals Problem*"): a capitalised word is the distinctive part of a term,
 * so one of two in sight as a name again gives it away where a common word
 * would not.
 * `atStart`: the term opens its sentence, so its first capital is no name.
 */
export function nameEchoed(term: string, rest: string, atStart: boolean): boolean {
  const words = wordsOf(term);
  const names = words.filter((w, i) => /^\p{Lu}/u.test(w) && w.length >= 3 && !(atStart && i === 0)).map(echoStem);
  if (names.length === 0) return false;
  // Only as a name again: "Network *Time* Protocol" is not given away by "the time reported".
  const restNames = wordsOf(rest).filter((w, i) => i > 0 && /^\p{Lu}/u.test(w));
  const seen = new Set(restNames.map(echoStem));
  return names.some((n) => seen.has(n));
}

/** A naming verb: "calls it", "call them", "is called", "known as", "referred to as". */
const NAMING = /\b(?:call(?:s|ed)?(?:\s+(?:it|them|this))?|known\s+as|referred\s+to\s+as)\s*[*_]*\s*$/i;

/**
 * Whether the term at `from` is one of several names the sentence gives
 * ("S3 calls it *conditional writes*, Azure … *conditional headers*, and
 * Google Cloud Storage calls it [request preconditions]", "In Chubby they are
 * called [sequencers], and in Kafka they are called *epoch numbers*"): a gap
 * on one vendor's name for a thing asks trivia, and the others in sight give
 * away what kind of name it is.
 */
export function oneOfSeveralNames(text: string, from: number): boolean {
  if (!NAMING.test(text.slice(Math.max(0, from - 40), from))) return false;
  const all = text.match(/\b(?:call(?:s|ed)?|known\s+as|referred\s+to\s+as)\b/gi) ?? [];
  return all.length >= 2;
}
