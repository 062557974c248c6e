/**
 * Returns the text of a raw HTML block with comments and tags removed
 * (`<p align="center">Hi</p>` gives `Hi`), so that the words of a card
 * written with a little HTML still show. The patterns cannot backtrack
 * badly: each scan stops at the next `<` or `>`, or runs once to the end.
 */
export function stripHtml(html: string): string {
  return html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<[!?/]?[A-Za-z][^<>]*>?/g, '')
    .replace(/<!\[CDATA\[|\]\]>/g, '');
}
