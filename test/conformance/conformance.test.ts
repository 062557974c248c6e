import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compared, CONFORMANCE_ROOT, conformanceCases, importCase } from './conformance-cases.js';

// Other tools' own test cases, each written to files and imported with
// --mode cards (docs/conformance/ says how each suite was read and lists the
// deliberate differences). A case states the cards the other tool makes, or,
// where engram differs on purpose, the cards engram makes and why.
describe.each(readdirSync(CONFORMANCE_ROOT).sort())('%s', (suite) => {
  for (const c of conformanceCases(suite)) {
    it(`${c.name}: ${c.test}`, () => {
      const got = importCase(c);
      const want = c.engram?.cards ?? c.cards;
      const { expected, actual } = compared(want, got.cards);
      expect(actual).toEqual(expected);
      if (c.errors) expect(got.problems.filter((p) => p.severity === 'error' || p.severity === 'warning').map((p) => p.message)).not.toEqual([]);
    });
  }
});
