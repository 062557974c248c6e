/**
 * The line of an answer event this device recorded without one: an Anki
 * import writes a million answers, and their lines (250 bytes each) were most
 * of what it wrote. Such an event's line is '' while its answer is in the
 * log, and is made from the answer's row when it is sent (unsentEvents), in
 * the order and form the import made it (eventLine's: v, id, device, at,
 * kind, then the body): card and seed are the card key the event names (a
 * line is left out only when the seed is that key), host the answer's
 * device, before its phase and interval. The answer's row can go (an undo) or
 * have its facts rewritten (a merge with another device's answers), so
 * triggers (schema 15) write the line from the row as it was first.
 */

/**
 * The SQL expression of the line of event `e` (its columns: id, device, at,
 * card_key) from its answer's row `r` (a reviews row, or OLD in a trigger).
 */
export function answerLineSql(e: string, r: string): string {
  const phase = `CASE ${r}.state_before WHEN 1 THEN 'learning' WHEN 2 THEN 'review' ELSE 'relearning' END`;
  const before = `CASE WHEN ifnull(${r}.state_before, 0) = 0 THEN NULL ELSE json_object('phase', ${phase}, 'intervalDays', ${r}.last_interval) END`;
  return `json_object('v', 1, 'id', ${e}id, 'device', ${e}device, 'at', ${e}at, 'kind', 'answer', 'card', ${e}card_key, 'rating', ${r}.rating, 'durationMs', ${r}.duration_ms, 'session', ${r}.session_id, 'host', ${r}.device, 'before', ${before}, 'seed', ${e}card_key)`;
}

/** Schema 15's triggers: an answer without its line gets it before its row goes or its facts change. */
export const ANSWER_LINE_TRIGGERS = `
  CREATE TRIGGER answer_line_before_delete BEFORE DELETE ON reviews WHEN OLD.event_id IS NOT NULL
    BEGIN UPDATE sync_events SET line = ${answerLineSql('', 'OLD')} WHERE id = OLD.event_id AND line = '' AND kind = 'answer'
      AND device = (SELECT device_id FROM sync_device WHERE id = 1); END;
  CREATE TRIGGER answer_line_before_facts BEFORE UPDATE OF state_before, last_interval ON reviews
    WHEN OLD.event_id IS NOT NULL AND (OLD.state_before IS NOT NEW.state_before OR OLD.last_interval IS NOT NEW.last_interval)
    BEGIN UPDATE sync_events SET line = ${answerLineSql('', 'OLD')} WHERE id = OLD.event_id AND line = '' AND kind = 'answer'
      AND device = (SELECT device_id FROM sync_device WHERE id = 1); END;
`;
