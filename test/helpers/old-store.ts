import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS } from '../../src/store/migrations.js';

/**
 * Writes at `path` a store as engram schema version `version` left it (WAL,
 * as engram always does), holding one card (id 7, deck Java) imported at `at`
 * (UTC ms), answered once a second later, with its cached state.
 */
export function oldStore(path: string, version: number, at: number): void {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  for (const m of MIGRATIONS.slice(0, version)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  db.exec(`
    INSERT INTO sources (id, path, deck, active_cards, content_hash, size, mtime_ms, parser_version, imported_at)
      VALUES (1, '/notes/java.md', 'Java', 1, 'abc', 42, ${at}, 1, ${at});
    INSERT INTO decks (id, name, created_at) VALUES (1, 'Java', ${at});
    INSERT INTO cards (id, key, deck_id, source_id, line, end_line, kind, syntax, front, back, created_at, updated_at)
      VALUES (7, 'k7', 1, 1, 3, 9, 'basic', 'qa', 'What prints?', '\`\`\`java\nclass A {}\n\`\`\`', ${at}, ${at});
    INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms, session_id) VALUES (7, ${at + 1000}, 3, 5000, 's1');
    INSERT INTO card_state (card_id, state, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, last_review)
      VALUES (7, 2, ${at + 86_400_000}, 2.5, 5.1, 1, 0, 1, 0, ${at + 1000});
  `);
  db.close();
}
