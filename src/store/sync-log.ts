import type Database from 'better-sqlite3';
import { eventLine, settingTarget, SYNC_FORMAT_VERSION, type SyncEvent, type SyncEventBody } from '../model/sync-event.js';
import { newDeviceId, newEventId } from './event-ids.js';
import type { Store } from './open-store.js';

/**
 * This store's device id, made on first use (schema 7 makes it for a store
 * migrated with history): the name of its folder of event files.
 */
export function deviceIdOf(sql: Prepare, now: number): string {
  const id = sql('SELECT device_id FROM sync_device WHERE id = 1').pluck().get() as string | undefined;
  if (id !== undefined) return id;
  const made = newDeviceId();
  sql('INSERT INTO sync_device (id, device_id, created_at) VALUES (1, ?, ?)').run(made, now);
  return made;
}

/** This store's device id (see {@link deviceIdOf}). */
export function localDevice(store: Store, now: number): string {
  return deviceIdOf((text) => store.sql(text), now);
}

/** How statements are had: the store's cache, or a migration's own prepare. */
export type Prepare = (sql: string) => Database.Statement;

/**
 * Appends one of this device's own events to the store's log of events, to be
 * sent by the next `engram sync`; call it in the transaction of the action
 * it records, so the two are written together or not at all. Returns the event.
 */
export function recordEvent(store: Store, body: SyncEventBody, at: number, cardId: number | null): SyncEvent {
  return insertOwnEvent((text) => store.sql(text), body, at, cardId);
}

/**
 * {@link recordEvent} with an id the caller derived (see derivedEventId): the
 * same event may then already be in the store, from another device or from
 * an earlier run. Returns false, recording nothing, when the store holds an
 * event of that id.
 */
export function recordEventWithId(store: Store, body: SyncEventBody, at: number, cardId: number | null, id: string): boolean {
  return writeOwnEvent((text) => store.sql(text), body, at, cardId, id, true) !== null;
}

/** {@link recordEvent} on a bare connection (the migration that backfills history uses it). */
export function insertOwnEvent(sql: Prepare, body: SyncEventBody, at: number, cardId: number | null): SyncEvent {
  return writeOwnEvent(sql, body, at, cardId, newEventId(at), false)!;
}

function writeOwnEvent(sql: Prepare, body: SyncEventBody, at: number, cardId: number | null, id: string, mayExist: boolean): SyncEvent | null {
  const event = { v: SYNC_FORMAT_VERSION, id, device: deviceIdOf(sql, at), at, ...body } as SyncEvent;
  const changes = sql(
    `INSERT ${mayExist ? 'OR IGNORE ' : ''}INTO sync_events (id, device, at, kind, card_key, card_id, target, line, folded, sent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 0)`,
  ).run(event.id, event.device, at, body.kind, 'card' in body ? body.card : null, cardId, eventTarget(body), eventLine(event)).changes;
  return changes === 1 ? event : null;
}

/** The key and fuzz seed of a card, for its events (null when there is no such card). */
export function cardIdentity(store: Store, cardId: number): { key: string; seed: string | null } | null {
  return (store.sql('SELECT key, fuzz_seed AS seed FROM cards WHERE id = ?').get(cardId) as { key: string; seed: string | null } | undefined) ?? null;
}

/**
 * The `target` column of an event: the answer an undo takes back, the setting
 * a setting event changes (see settingTarget); both are looked up by it.
 */
export function eventTarget(body: SyncEventBody): string | null {
  if (body.kind === 'undo') return body.target;
  if (body.kind === 'setting') return settingTarget(body.name, body.deck);
  return null;
}
