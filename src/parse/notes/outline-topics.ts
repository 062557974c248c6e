/**
 * Cards from outliner notes (Logseq, Obsidian bullets), from the whole
 * outline. A topic bullet with a `Description` child asks what its label
 * names ("[[Unreliable Nodes]]" -> "What are unreliable nodes?",
 * "Process Pause Significance" -> "Why does a process pause matter?") and
 * takes the description's first point that answers it; an `Examples` child
 * asks for its items by number ("What are three examples of process
 * pauses?"); a "Problem: …? Answer" point asks its own question; two or
 * three instructions ask how the topic works (procedure-steps.ts); the
 * shapes a learner's summary is made of ask in the topic's light ("When are
 * unreliable nodes a problem?", description-points.ts); the other points and
 * their nested explanations go to the sentence rules. A bullet
 * that is only a `[[Topic]]` link asks about the topic from its children.
 * What is not the description is left out: the spoken notes beside it
 * (a talk's transcript), `#comment` lines, screenshots, lead-ins ("Before we
 * start to talk about …"). Wiki links read as text; embeds and tags go.
 */
import type { List, ListItem, Root } from 'mdast';
import { nodeEnd, nodeStart } from './answer-parts.js';
import { ANSWER_MAX, isNoise, LIST_MAX, meaningOf, pickAnswer, plain } from './bullet-answers.js';
import { bulletSentences } from './bullet-sentences.js';
import type { DerivedCard } from './derived-card.js';
import { casingOf, type Casing } from './label-casing.js';
import { cleanLabel, labelQuestion, labelSubject, numberWord, tagLabels } from './label-questions.js';
import { pointCard } from './description-points.js';
import { eachBlockUnderHeadings, inlineMarkdown, type NodeTextOptions } from './node-text.js';
import { procedureCard, procedureSteps } from './procedure-steps.js';
import type { ProseSentence } from './prose-rules/prose-sentence.js';
import { looseSentenceCards, type LooseSentence } from './sentence-cards.js';
import type { Sentence } from './sentences.js';
import { wikiText } from './wiki-text.js';

const TEXT: NodeTextOptions = { text: (value) => wikiText(value) };
const DESCRIPTION = /^description\s*(?::\s*|$)/i;
const EXAMPLES = /^(?:examples?|e\.g\.|for example|such as)\s*:?\s*$/i;
const LINK_ONLY = /^\s*\[\[[^\[\]\n]+\]\]\s*$/;
// "#comment …": the note-taker's own aside, not the subject.
const COMMENT = /^\s*#(?:comment|todo|question|note)\b/i;
// "Problem: How can we …? Fencing tokens" — a question the notes answer on the same line.
const ASKED = /^(?:problem|question|q)\s*:\s*(.+\?)\s*(.*)$/i;
// "Idea: Every time …" — a label on the description itself.
const POINT_LABEL = /^(?:idea|definition|meaning|summary|in short|tl;dr|key idea|how it works|steps|procedure|algorithm|mechanism)\s*:\s*/i;
// Spoken asides of a transcript.
const SPOKEN = /\b(?:basically|you know|go ahead and|gonna|kind of|sort of|pretty much|so yeah|lazy of me|i'll|i just|as you can see)\b/i;
/** A list answer's items are short points; past this, an item is a fact of its own. */
const MAX_LIST_ITEM = 140;

interface Scope {
  headingPath: string[];
  /** The topic the bullets sit under (context of their cards), or null. */
  topic: string | null;
  lineOf: (cleanedLine: number) => number;
  casing: Casing;
  cards: DerivedCard[];
  /** Questions already asked in this note (lower case): the first card asking one wins. */
  asked: Set<string>;
  loose: LooseSentence[];
}

/**
 * The outline cards of a parsed note, in document order. `lineOf` maps a
 * cleaned-text line to the original file's line. Returns [] when no bullet
 * is a topic; never throws.
 */
export function extractOutlineTopics(tree: Root, lineOf: (cleanedLine: number) => number): DerivedCard[] {
  const lists: { list: List; headingPath: string[] }[] = [];
  eachBlockUnderHeadings(tree, (block, headingPath) => {
    if (block.type === 'list') lists.push({ list: block, headingPath });
  }, TEXT);
  const topics: string[] = [];
  for (const { list } of lists) collectTopics(list, topics);
  if (topics.length === 0) return [];
  tagLabels(topics);
  const shared = { lineOf, casing: casingOf(tree), cards: [] as DerivedCard[], asked: new Set<string>(), loose: [] as LooseSentence[] };
  for (const { list, headingPath } of lists) visitList(list, { ...shared, headingPath, topic: null });
  for (const card of looseSentenceCards(shared.loose)) {
    if (shared.asked.has(card.front.toLowerCase())) continue;
    shared.asked.add(card.front.toLowerCase());
    shared.cards.push(card);
  }
  return shared.cards.sort((a, b) => a.line - b.line);
}

/** The labels of the outline's topics (for tagging them in one call), with the openings of their descriptions. */
function collectTopics(list: List, out: string[]): void {
  for (const item of list.children) {
    const description = descriptionOf(item);
    if (description !== undefined || isLinkTopic(item)) {
      out.push(cleanLabel(lineOf(item)));
    }
    for (const child of item.children) if (child.type === 'list') collectTopics(child, out);
  }
}

function visitList(list: List, scope: Scope): void {
  for (const item of list.children) visitItem(item, scope);
}

function visitItem(item: ListItem, scope: Scope): void {
  if (isComment(item)) return;
  const text = lineOf(item);
  const description = descriptionOf(item);
  if (description !== undefined) {
    // The description is the topic's card; the bullets beside it are spoken notes, not cards — but the bullets a
    // speaker nested under them are the notes' own points, often the only new fact of a topic whose description
    // repeats an earlier one's ("It has this thing called a lease which is …"); the sentence rules read those.
    topicCards(text, description, item, scope);
    {
      const inner = { ...scope, topic: cleanLabel(text) };
      for (const spoken of points(item)) {
        if (spoken === description || isComment(spoken)) continue;
        for (const child of spoken.children) if (child.type === 'list') explanations(child, inner, null);
      }
    }
    return;
  }
  if (isLinkTopic(item)) {
    topicCards(text, item, item, scope);
    return;
  }
  // A bullet that is not a topic (a screenshot, a heading-like line): its children are read under it.
  const inner = text === '' || text.length > 80 ? scope : { ...scope, topic: text };
  if (text !== '' && scope.topic !== null) loose(sentencesOfItem(item), item, scope, scope.topic);
  for (const child of item.children) if (child.type === 'list') visitList(child, inner);
}

/**
 * The cards of one topic: its question answered by the first point of its
 * description (`body`: the Description bullet, or the topic's own children),
 * its examples, the questions its points ask, and the rest for the sentence rules.
 */
function topicCards(topic: string, body: ListItem, item: ListItem, scope: Scope): void {
  const question = labelQuestion(topic, { casing: scope.casing, about: scope.topic });
  const subject = question?.subject ?? cleanLabel(topic);
  const label = cleanLabel(topic);
  // What the topic is about, for the questions its points ask ("When are unreliable nodes a problem?").
  const about = labelSubject(topic, scope.casing);
  let answered = question === null || scope.asked.has(question.question.toLowerCase());
  let tried = false;
  const inner: Scope = { ...scope, topic: label };
  // "Description: text" on the label's own line is its first point.
  const own = body === item ? '' : lineOf(body).replace(DESCRIPTION, '');
  const firstPoints: { text: string; node: ListItem }[] = own === '' ? [] : [{ text: own, node: body }];
  const all = firstPoints.concat(points(body).filter((node) => !isComment(node)).map((node) => ({ text: lineOf(node), node })));
  // A description of short points ("Elects a leader", "Replicates a log") answers as a list.
  if (question !== null && !answered && body !== item && own === '' && all.length >= 2 && shortPoints(all)) {
    push(inner, question.question, all.map((p) => `- ${p.text}`).join('\n'), scope.topic, item, body);
    return;
  }
  for (const point of all) {
    if (isComment(point.node) && point.node !== body) continue;
    const examples = EXAMPLES.test(point.text) ? point.node : undefined;
    if (examples !== undefined) {
      examplesCard(subject, examples, inner);
      continue;
    }
    const asked = ASKED.exec(point.text);
    if (asked !== null) {
      askedCard(asked[1]!, asked[2]!, point.node, inner);
      continue;
    }
    const sentences = sentencesOfItem(point.node, point.node === body ? DESCRIPTION : POINT_LABEL).filter((s) => !isNoise(s.text) && !SPOKEN.test(s.text));
    let rest = sentences;
    // "Idea: Assign … . Pass … , and reject …": steps to recall in order, one idea — how the topic works.
    const steps = procedureSteps(sentences);
    if (steps !== null) {
      // Instructions say how, not what the topic is: they never answer "What is …?", and past three steps they are
      // several facts (each goes to the sentence rules, which ask nothing of an instruction).
      const procedure = about === null ? null : procedureCard(about, steps);
      if (procedure !== null && !scope.asked.has(procedure.front.toLowerCase())) push(inner, procedure.front, procedure.back, scope.topic, item, point.node);
      tried = true;
    }
    // Only the first point answers the topic's question: the points after it say more about it.
    if (!answered && question !== null && !tried) {
      tried = true;
      const picked = pickAnswer(sentences.map((x) => wikiText(x.text)), question, true, sentences.map((x) => x.tokens[0]));
      if (picked.answer !== null) {
        push(inner, question.question, picked.answer, scope.topic, item, point.node);
        rest = sentences.filter((_, i) => picked.restAt.includes(i));
        answered = true;
      }
    }
    const items = point.node === body ? [] : points(point.node).filter((p) => !isComment(p)).map(lineOf);
    let itemsShown = false;
    rest = rest.filter((sentence) => {
      const card = pointCard(proseOf(sentence, point.node, scope), about, items, sentence === sentences[sentences.length - 1]);
      if (card === null || scope.asked.has(card.front.toLowerCase())) return true;
      push(inner, card.front, card.back, label, point.node, point.node);
      itemsShown ||= card.usesItems;
      return false;
    });
    loose(rest, point.node, inner, label);
    // Nested explanations under a point are facts of their own (unless an answer showed them as its examples).
    if (point.node !== body && !itemsShown) for (const child of point.node.children) if (child.type === 'list') explanations(child, inner, point.text);
  }
}

/** A sentence of a point as the sentence rules read it: its place, no sentence before (a card that needs one is not made). */
function proseOf(sentence: Sentence, node: ListItem, scope: Scope): ProseSentence {
  return { ...sentence, headingPath: scope.headingPath, before: null, line: nodeStart(node, scope.lineOf), endLine: nodeEnd(node, scope.lineOf) };
}

/** Points that are phrases, not sentences: short, no full stop inside, nothing under them. */
function shortPoints(all: readonly { text: string; node: ListItem }[]): boolean {
  const total = all.reduce((n, p) => n + p.text.length + 3, 0);
  return total <= ANSWER_MAX && all.every((p) => p.text.length <= 80 && !/[.!?]\s/.test(p.text) && !EXAMPLES.test(p.text) && !ASKED.test(p.text) && !p.node.children.some((c) => c.type === 'list'));
}

/** "Examples" with its items: "What are three examples of process pauses?", the items by name. */
function examplesCard(subject: string, node: ListItem, scope: Scope): void {
  const items = points(node).filter((p) => !isComment(p));
  const names = items.map(lineOf).filter((t) => t !== '');
  const answer = names.map((n) => `- ${n}`).join('\n');
  if (names.length >= 2 && answer.length <= LIST_MAX && names.every((n) => n.length <= MAX_LIST_ITEM && !SPOKEN.test(n))) {
    const q = labelQuestion(`Examples of ${subject}`, { casing: scope.casing });
    if (q !== null) push(scope, q.question.replace(/^What are examples of /, `What are ${numberWord(names.length)} examples of `), answer, scope.topic, node, node);
  } else {
    for (const item of items) loose(sentencesOfItem(item), item, scope, scope.topic);
  }
  // What the notes say under each example explains it.
  for (const item of items) for (const child of item.children) if (child.type === 'list') explanations(child, scope, lineOf(item));
}

/** "Problem: How can we make sure …? Fencing tokens": the notes' own question and its answer. */
function askedCard(question: string, answer: string, node: ListItem, scope: Scope): void {
  const q = question.trim().replace(/^\w/, (c) => c.toUpperCase());
  const a = answer.trim().replace(/^[-–—:]\s*/, '');
  if (a === '' || a.length > LIST_MAX || scope.asked.has(q.toLowerCase())) return;
  push(scope, q, /[.!?]$/.test(a) ? a : `${a}.`, scope.topic, node, node);
}

/** Bullets nested under a point: each one's sentences for the sentence rules, the point as their context. */
function explanations(list: List, scope: Scope, before: string | null): void {
  for (const item of list.children) {
    if (isComment(item)) continue;
    loose(sentencesOfItem(item), item, scope, before);
    for (const child of item.children) if (child.type === 'list') explanations(child, scope, lineOf(item));
  }
}

/** Sentences for the sentence rules (spoken asides and lead-ins left out). */
function loose(sentences: readonly Sentence[], node: ListItem, scope: Scope, before: string | null): void {
  let previous = before;
  for (const sentence of sentences) {
    if (isNoise(sentence.text) || SPOKEN.test(sentence.text)) continue;
    // "A preempted process just means …": the notes' own definition of a term.
    const meaning = meaningOf(wikiText(sentence.text));
    const q = meaning === null ? null : labelQuestion(meaning.term, { casing: scope.casing });
    if (meaning !== null && q !== null && q.asks === 'what' && meaning.definition.length <= ANSWER_MAX && !scope.asked.has(q.question.toLowerCase())) {
      push(scope, q.question, meaning.definition, scope.topic, node, node);
      previous = wikiText(sentence.text);
      continue;
    }
    scope.loose.push({
      sentence,
      before: previous,
      headingPath: scope.headingPath,
      note: plain(wikiText(sentence.text)),
      line: nodeStart(node, scope.lineOf),
      endLine: nodeEnd(node, scope.lineOf),
    });
    previous = wikiText(sentence.text);
  }
}

/** The tagged sentences of an item's own line, a leading label (`prefix`) cut off. */
function sentencesOfItem(item: ListItem, prefix: RegExp | null = null): Sentence[] {
  const [first] = item.children;
  return first?.type === 'paragraph' ? bulletSentences(first, prefix) : [];
}

function push(scope: Scope, front: string, back: string, context: string | null, from: ListItem, to: ListItem): void {
  scope.asked.add(front.toLowerCase());
  scope.cards.push({
    kind: 'basic',
    syntax: 'note-outline',
    front,
    back,
    context,
    headingPath: scope.headingPath,
    line: nodeStart(from, scope.lineOf),
    endLine: nodeEnd(to, scope.lineOf),
  });
}

/** The item's own line as markdown (links as text, tags and embeds gone), rendered once per item. */
function lineOf(item: ListItem): string {
  let text = lines.get(item);
  if (text === undefined) {
    const [first] = item.children;
    text = first?.type === 'paragraph' ? inlineMarkdown(first.children, TEXT) : '';
    lines.set(item, text);
  }
  return text;
}

const lines = new WeakMap<ListItem, string>();

/** The item's child bullets. */
function points(item: ListItem): ListItem[] {
  return item.children.flatMap((child) => (child.type === 'list' ? child.children : []));
}

/** The first child bullet reading `Description` (with or without a colon and text after it). */
function descriptionOf(item: ListItem): ListItem | undefined {
  return points(item).find((bullet) => {
    const text = lineOf(bullet);
    // "Descriptions of the protocol" is a topic, not the description label.
    return DESCRIPTION.test(text) && (bullet.children.length > 1 || text.replace(DESCRIPTION, '') !== '');
  });
}

/** A bullet that is only a `[[Topic]]` link, over child bullets. */
function isLinkTopic(item: ListItem): boolean {
  const [first] = item.children;
  if (first?.type !== 'paragraph' || first.children.length !== 1) return false;
  const [only] = first.children;
  return only?.type === 'text' && LINK_ONLY.test(only.value) && points(item).length > 0;
}

/** A `#comment` bullet (read before tags are dropped from the text). */
function isComment(item: ListItem): boolean {
  const [first] = item.children;
  if (first?.type !== 'paragraph') return false;
  const [head] = first.children;
  return head?.type === 'text' && COMMENT.test(head.value);
}
