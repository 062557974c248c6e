import type { Phase } from '../model/card-state.js';
import type { CardRecord } from '../model/export-rows.js';
import type { RecordLayout } from './record-text.js';

export type { CardRecord };

const PHASES: readonly Phase[] = ['new', 'learning', 'review', 'relearning'];

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * Cards with their scheduling state, as CSV (one row per card; the heading
 * path as a JSON array) or JSON. A bury that ended before `now` is no bury.
 */
export function cardLayout(now: number): RecordLayout<CardRecord> {
  const buried = (r: CardRecord) => (r.buried_until !== null && r.buried_until > now ? r.buried_until : null);
  const phase = (r: CardRecord) => (r.state === null ? 'new' : (PHASES[r.state] ?? 'new'));
  return {
    header: [
      'id', 'deck', 'source', 'line', 'kind', 'syntax', 'title', 'context', 'heading_path', 'front', 'back',
      'state', 'due', 'due_ms', 'stability', 'difficulty', 'scheduled_days', 'reps', 'lapses', 'last_review',
      'suspended', 'buried_until', 'archived', 'dropped',
    ],
    cells: (r) => [
      r.id, r.deck, r.source_path, r.line, r.kind, r.syntax, r.title, r.context, r.heading_path, r.front, r.back,
      phase(r), iso(r.due), r.due, r.stability, r.difficulty, r.scheduled_days, r.reps ?? 0, r.lapses ?? 0, iso(r.last_review),
      r.suspended_at !== null, iso(buried(r)), r.archived_at !== null, r.dropped_at !== null,
    ],
    json: (r) => ({
      id: r.id,
      deck: r.deck,
      source: r.source_path === null ? null : { path: r.source_path, line: r.line, end_line: r.end_line },
      kind: r.kind,
      syntax: r.syntax,
      title: r.title,
      context: r.context,
      heading_path: JSON.parse(r.heading_path) as string[],
      front: r.front,
      back: r.back,
      state: phase(r),
      due: iso(r.due),
      due_ms: r.due,
      stability: r.stability,
      difficulty: r.difficulty,
      scheduled_days: r.scheduled_days,
      reps: r.reps ?? 0,
      lapses: r.lapses ?? 0,
      last_review: iso(r.last_review),
      last_review_ms: r.last_review,
      suspended: r.suspended_at !== null,
      buried_until: iso(buried(r)),
      archived: r.archived_at !== null,
      dropped: r.dropped_at !== null,
    }),
  };
}
