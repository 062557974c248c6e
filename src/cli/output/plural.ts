/** "1 card", "2 cards": a count with its noun, in the singular when it is one. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
