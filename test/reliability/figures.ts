import { afterAll } from 'vitest';

/**
 * The figures a reliability suite prints when it ends (trials run, answers
 * checked, lost, inputs tried...), so a CI log says what was proved, not only
 * that it passed. Count into the returned object; it is printed in afterAll.
 */
export function suiteFigures<K extends string>(suite: string, names: readonly K[]): Record<K, number> {
  const figures = Object.fromEntries(names.map((n) => [n, 0])) as Record<K, number>;
  afterAll(() => {
    const parts = names.map((n) => `${n} ${figures[n].toLocaleString('en-US')}`);
    console.log(`reliability · ${suite}: ${parts.join(', ')}`);
  });
  return figures;
}
