/**
 * Keeping siblings apart in a list of questions: cards cut from one note (the
 * clozes of one sentence, the two directions of a pair) give each other away
 * when asked back to back.
 */

/**
 * `items` reordered so that no two neighbours share a sibling group when any
 * order allows it, and otherwise with as few neighbours as the greedy rule
 * below manages (a group holding more than half the items cannot be kept
 * apart). Items whose `groupOf` is null never clash. The order is
 * otherwise kept: each place takes the earliest item that does not clash with
 * the one before it, unless a group is so large that it must take this place
 * for the rest to fit, in which case the earliest item of that group. So the
 * result depends on the input order alone (a quiz shuffled from a seed stays
 * the same quiz). `items` is untouched. O(n²) in the worst case; quizzes
 * hold at most a thousand questions.
 */
export function spreadSiblings<T>(items: readonly T[], groupOf: (item: T) => string | null): T[] {
  const groups = items.map(groupOf);
  const left = new Map<string, number>();
  for (const group of groups) if (group !== null) left.set(group, (left.get(group) ?? 0) + 1);
  if (left.size === 0 || items.length === left.size) return items.slice();
  const taken = new Array<boolean>(items.length).fill(false);
  const out: T[] = [];
  let previous: string | null = null;
  for (let remaining = items.length; remaining > 0; remaining--) {
    const forced = crowdedGroup(left, remaining);
    let pick = -1;
    if (forced !== null && forced !== previous) pick = firstIndex(groups, taken, (g) => g === forced);
    if (pick < 0) pick = firstIndex(groups, taken, (g) => g === null || g !== previous);
    if (pick < 0) pick = firstIndex(groups, taken, () => true);
    taken[pick] = true;
    out.push(items[pick]!);
    previous = groups[pick] ?? null;
    if (previous !== null) left.set(previous, left.get(previous)! - 1);
  }
  return out;
}

/**
 * The group that must take the next of `remaining` places: one with more
 * items than the places after this one can hold apart (every second one,
 * rounded up). Null when no group is that large.
 */
function crowdedGroup(left: ReadonlyMap<string, number>, remaining: number): string | null {
  const room = Math.ceil((remaining - 1) / 2);
  let crowded: string | null = null;
  let most = room;
  for (const [group, count] of left) {
    if (count > most) {
      crowded = group;
      most = count;
    }
  }
  return crowded;
}

function firstIndex(groups: readonly (string | null)[], taken: readonly boolean[], fits: (group: string | null) => boolean): number {
  for (let i = 0; i < groups.length; i++) if (!taken[i] && fits(groups[i] ?? null)) return i;
  return -1;
}
