import type { Finding } from './finding.js';

/**
 * Words that point at the document rather than the subject: a learner
 * reviewing a card months later has no chapter, figure or "earlier" to look at.
 * Each pattern is matched on the card's prose (markdown marks dropped).
 */
const DOCUMENT_RES: readonly RegExp[] = [
  /\b(?:chapters?|appendix|appendices)\s+(?:\d+|[IVX]+\b|[A-Z]\b)/i,
  /\b(?:sections?)\s+\d+(?:\.\d+)*/i,
  /\b(?:figures?|fig\.|tables?|listings?|examples?|exercises?|equations?|eq\.)\s+\d+(?:[-.–]\d+)*/i,
  /\[(?:link to come|citation needed|todo|tk|tbd|ref)\]/i,
  /\bwe(?:'ll| will| shall| are going to)\s+(?:now\s+)?(?:discuss|see|look|examine|explore|return|cover|talk|learn|study|revisit|come back|get to)\b/i,
  /\bwe(?:'ve| have)?\s+(?:already\s+)?(?:discussed|saw|seen|looked at|covered|mentioned|talked about|examined|explored)\b/i,
  /\bas (?:we )?(?:(?:have|has|was|were) )?(?:mentioned|discussed|noted|described|shown|explained|seen|saw|stated|defined) (?:earlier|above|before|previously|below|later|in)\b/i,
  /\b(?:this|the (?:previous|next|following|last|preceding|present)) (?:chapter|section|book|paragraph|page)\b/i,
  // "In the example just given", "the example above": an example only the page shows.
  /\bthe (?:examples?|figures?|diagrams?|scenarios?) (?:just (?:given|described|shown)|above|below)\b|\bthe (?:previous|preceding|last|above) (?:examples?|figures?|diagrams?)\b/i,
  /\bthe (?:text|author|authors|book|chapter|article) (?:says|states|assumes|discusses|explains|emphasi[sz]es|mentions|describes|argues|notes|introduces|suggests)\b/i,
  /\[\^[^\]\s]+\]/, // a footnote marker [^1]
  /(?<![\]*\w])\[\d{1,3}(?:[,–-]\s*\d{1,3})*\](?![(\[])/, // a reference marker [12] or [3, 4]
];

/** Any of the words DOCUMENT_RES need: a front without them is read no further (most fronts). */
const CUE_RE = /chapter|appendi|section|fig|table|listing|example|exercise|equation|eq\.|\[|\bwe\b|we'|mentioned|discussed|noted|described|shown|explained|seen|stated|defined|paragraph|page|book|author|text|article/i;

/** A cross-reference put aside in brackets, "(see Chapter 7)": the card around it is still about its subject. */
const ASIDE_RE = /\((?:see|cf\.?|compare|as in|described in|discussed in)\b[^()]*\)/gi;

/**
 * A finding when the card's question is about the document (a chapter, a
 * figure, "we will discuss", a placeholder such as "[Link to Come]", a
 * footnote marker) instead of its subject. The front is read: it is what
 * the card asks (a cloze's front is its whole sentence). Asides in brackets that only point elsewhere ("(see Chapter 7)") are
 * left alone: the card is about its subject and reads fine without them.
 */
export function aboutTheDocument(frontMarkdown: string): Finding | null {
  if (!CUE_RE.test(frontMarkdown)) return null;
  // Gaps and code spans are not references: `[10, 9, 1]` is an array.
  const front = frontMarkdown.replace(/\*\*\[[^\]\n]*\]\*\*/g, '___').replace(/(`+)[^`]*?\1/g, 'code');
  const outsideAsides = front.replace(ASIDE_RE, (aside) => (/\[link to come\]/i.test(aside) ? aside : ''));
  for (const re of DOCUMENT_RES) {
    const m = re.exec(outsideAsides);
    if (m) {
      return {
        rule: 'about-the-document',
        message: `refers to the document ("${m[0].trim()}"), not the subject`,
        fix: /^\[|\[\^/.test(m[0]) ? `Drop "${m[0]}" from the card` : 'Ask about the idea itself, or drop the card: the reference means nothing in review',
      };
    }
  }
  return null;
}
