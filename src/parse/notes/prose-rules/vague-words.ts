/**
 * Words that name nothing a learner could look up: a phrase headed by one
 * ("the reason", "a variant", "one option") is no term to define or hide.
 */

/** Head nouns that name no concept a learner could look up ("The reason is …", "One option is …"). */
export const VAGUE_HEADS: ReadonlySet<string> = new Set(
  ('reason answer problem thing way option approach idea point result difference question situation case example fact issue ' +
    'part one lot kind type goal downside upside advantage disadvantage trouble solution rest majority default effect ' +
    'consequence outcome alternative choice aim purpose first second last other something anything everything nothing ' +
    'bottom line trick benefit variant cost catch danger risk hope plan task job hard easy thing truth reality summary lesson')
    .split(' '),
);
/** Stock phrases that an author stresses but that carry no fact ("most of the time", "in practice"). */
export const STOCK_PHRASES: ReadonlySet<string> = new Set([
  'most of the time', 'in practice', 'at all', 'of course', 'in theory', 'in principle', 'by definition', 'in general',
  'for example', 'a lot', 'all the time', 'at the same time', 'in fact', 'not at all', 'at least', 'at most',
]);
