import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../src/library/import-sources.js';
import { reviewsOfCard, appendReview } from '../../src/store/reviews.js';
import { DAY, library, T0 } from './library-fixture.js';

const ZERO = { added: 0, updated: 0, unchanged: 0, archived: 0, restored: 0 };

describe('identity guards', () => {
  it('does not hand a removed card\'s history to a new card that only shares its template', () => {
    const lib = library();
    lib.write('ports.md', 'Q: Which port does HTTP use by default?\nA: 80\n\nQ: Which port does SSH use by default?\nA: 22\n');
    lib.importNow(['.'], T0);
    const http = lib.card('Which port does HTTP use by default?');
    appendReview(lib.store, { cardId: http.id, reviewedAt: T0 + 1, rating: 3, durationMs: 1000, sessionId: null, device: null });

    lib.write('ports.md', 'Q: Which port does DNS use by default?\nA: 53\n\nQ: Which port does SSH use by default?\nA: 22\n');
    const [report] = lib.importNow(['.'], T0 + DAY);
    expect(report!.counts).toEqual({ ...ZERO, added: 1, unchanged: 1, archived: 1 });
    expect(lib.card('Which port does HTTP use by default?')).toMatchObject({ id: http.id, archived: true });
    expect(lib.card('Which port does DNS use by default?').id).not.toBe(http.id);
    expect(reviewsOfCard(lib.store, http.id)).toHaveLength(1);
  });

  it('still pairs a typo fix in a short answer', () => {
    const lib = library();
    lib.write('capitals.md', 'Capital of France::Pariss\n');
    lib.importNow(['.'], T0);
    const before = lib.card('Capital of France');
    lib.write('capitals.md', 'Capital of France::Paris\n');
    expect(lib.importNow(['.'], T0 + DAY)[0]!.counts).toEqual({ ...ZERO, updated: 1 });
    expect(lib.card('Capital of France')).toMatchObject({ id: before.id, back: 'Paris', archived: false });
  });

  it('writes the other file of a duplicate warning the way describePath says', () => {
    const lib = library();
    lib.write('a.md', 'Shared::card\n');
    lib.write('b.md', 'Shared::card\n');
    const reports = importPaths(lib.store, ['.'], { cwd: lib.notes, now: T0, describePath: (p) => relative(lib.notes, p) });
    const b = reports.find((r) => r.path === lib.at('b.md'))!;
    expect(b.problems.map((p) => p.message)).toEqual(['repeats a card already imported from a.md:1; this copy was skipped.']);
  });
});
