import type { Store } from './open-store.js';

/** How a quiz question was asked and answered. */
export type QuizAnswerKind = 'choice' | 'typed' | 'predict' | 'recall';

/** One answer of a finished quiz, as saved. */
export interface QuizAnswerRecord {
  cardId: number;
  kind: QuizAnswerKind;
  /** What the user chose or typed; null when nothing was given (recall, skipped). */
  given: string | null;
  /** The answer counted as right; null when there is none to compare (recall). */
  expected: string | null;
  correct: boolean;
  /** The FSRS rating (1-4) the answer gave when the quiz was scheduled, else null. */
  grade: number | null;
  durationMs: number;
  answeredAt: number;
}

/** A finished quiz, as the quiz hands it to the store. */
export interface QuizSessionRecord {
  startedAt: number;
  finishedAt: number;
  mode: string;
  decks: string[];
  /** Whether answers were also graded into the review log. */
  scheduled: boolean;
  answers: QuizAnswerRecord[];
}

/** One saved quiz, as `quizHistory` lists it. */
export interface QuizSessionRow {
  id: number;
  startedAt: number;
  finishedAt: number;
  mode: string;
  decks: string[];
  scheduled: boolean;
  /** Questions answered. */
  total: number;
  /** Of them, answered right. */
  correct: number;
  /** Wall-clock time from start to finish, ms. */
  durationMs: number;
}

/**
 * Saves a quiz and all its answers in one transaction (all or nothing);
 * returns the session's id. Throws the store's error when an answer breaks the
 * schema (an unknown card id, kind or grade), and then nothing is saved.
 */
export function saveQuizSession(store: Store, session: QuizSessionRecord): number {
  return store.transaction(() => {
    const correct = session.answers.filter((a) => a.correct).length;
    const id = Number(
      store
        .sql(
          `INSERT INTO quiz_sessions (started_at, finished_at, mode, decks, scheduled, total, correct, duration_ms)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          session.startedAt,
          session.finishedAt,
          session.mode,
          JSON.stringify(session.decks),
          session.scheduled ? 1 : 0,
          session.answers.length,
          correct,
          // A clock stepped back during the quiz must not make the row invalid.
          Math.max(0, session.finishedAt - session.startedAt),
        ).lastInsertRowid,
    );
    const insert = store.sql(
      `INSERT INTO quiz_answers (session_id, card_id, kind, given, expected, correct, grade, duration_ms, answered_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const a of session.answers) {
      insert.run(id, a.cardId, a.kind, a.given, a.expected, a.correct ? 1 : 0, a.grade, Math.max(0, Math.round(a.durationMs)), a.answeredAt);
    }
    return id;
  });
}

interface SessionRow {
  id: number;
  started_at: number;
  finished_at: number;
  mode: string;
  decks: string;
  scheduled: number;
  total: number;
  correct: number;
  duration_ms: number;
}

/** Saved quizzes, newest first; `limit` keeps only that many (default: all). */
export function quizHistory(store: Store, options: { limit?: number } = {}): QuizSessionRow[] {
  // LIMIT -1 is SQLite for "no limit": one statement serves both cases.
  const limit = options.limit === undefined ? -1 : Math.max(0, Math.floor(options.limit));
  const rows = store
    .sql(
      `SELECT id, started_at, finished_at, mode, decks, scheduled, total, correct, duration_ms
       FROM quiz_sessions ORDER BY started_at DESC, id DESC LIMIT ?`,
    )
    .all(limit) as SessionRow[];
  return rows.map((r) => ({
    id: r.id,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    mode: r.mode,
    decks: JSON.parse(r.decks) as string[],
    scheduled: r.scheduled === 1,
    total: r.total,
    correct: r.correct,
    durationMs: r.duration_ms,
  }));
}
