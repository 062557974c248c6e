import type { AnkiRevlogColumns } from '../model/anki-collection.js';
import { derivedEventIds, derivedIdMaker } from './event-ids.js';
import { startWaitedWorker } from './waited-worker.js';

/** The characters of an event id. */
const ID_LENGTH = 26;

/**
 * The event ids of a card's imported answers by time: an Anki review's time is its revlog id, and with the card's
 * key it names the answer alike on every device that imports the package (the key's part of the hash taken once a
 * card).
 */
export function answerEventIds(key: string): (at: number) => string {
  const ids = derivedEventIds(`anki-answer\0${key}\0`);
  return (at) => ids(at, String(at));
}

/** The event ids of a review log's rows, made on a worker; {@link PendingAnswerIds.take} waits for them. */
export interface PendingAnswerIds {
  /**
   * The ids, waited for: row r's is that of its card's key at its time, as
   * {@link answerEventIds} makes it, for the rows of the cards asked for.
   * Null when no worker started, or it failed: the caller makes them itself.
   */
  take(): AnswerIdTable | null;
  /** Whether the worker was asked for the ids of Anki card `cardId` under `key` (those of other cards are made by the caller). */
  asks(cardId: number, key: string): boolean;
}

/** Ids made for a review log's rows, read one at a time. */
export interface AnswerIdTable {
  /** The id of row `row` (a row of a card asked for). */
  idOf(row: number): string;
}

/** What the worker gets: the rows' times and cards, and the key of each card whose ids it makes. */
interface IdsRequest {
  at: Float64Array;
  card: Float64Array;
  keys: [number, string][];
}

/**
 * Every row's id of a card in `data.keys` as ASCII, 26 bytes a row (other
 * rows left zero). Run on the worker, its text sent there with the text of
 * `make` (derivedIdMaker), so it uses nothing but its arguments.
 */
function rowIds(data: IdsRequest, make: () => (prefix: string) => (at: number, rest: string) => string): { value: Uint8Array; transfer: ArrayBuffer[] } {
  const derived = make();
  const byCard = new Map<number, (at: number, rest: string) => string>();
  // The prefix as answerEventIds writes it.
  for (const [card, key] of data.keys) byCard.set(card, derived(`anki-answer\0${key}\0`));
  const n = data.at.length;
  const out = new Uint8Array(n * 26);
  for (let r = 0; r < n; r++) {
    const id = byCard.get(data.card[r]!);
    if (id === undefined) continue;
    const at = data.at[r]!;
    const text = id(at, String(at));
    for (let k = 0, o = r * 26; k < 26; k++, o++) out[o] = text.charCodeAt(k);
  }
  return { value: out, transfer: [out.buffer as ArrayBuffer] };
}

/**
 * Starts making the event ids of the rows of `log` whose card `keys` names
 * (Anki card id to engram card key) on a worker thread: a million ids take
 * a couple of seconds of one core, which the import spends meanwhile writing
 * its markdown and replaying the cards on the other. What it makes does not
 * depend on when it is taken: the same ids as answerEventIds.
 */
export function startAnswerIds(log: AnkiRevlogColumns, keys: ReadonlyMap<number, string>): PendingAnswerIds {
  const request: IdsRequest = { at: log.id, card: log.cardId, keys: [...keys] };
  const worker = startWaitedWorker<Uint8Array>(`(data) => (${rowIds.toString()})(data, ${derivedIdMaker.toString()})`, request);
  let taken = false;
  return {
    asks: (cardId, key) => keys.get(cardId) === key,
    take(): AnswerIdTable | null {
      if (taken) throw new Error('the answer ids were taken already');
      taken = true;
      let bytes: Uint8Array | null | undefined;
      try {
        bytes = worker?.wait();
      } catch {
        // The caller makes the same ids itself, only slower: a worker that failed costs the import nothing else.
        return null;
      }
      if (!bytes) return null;
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      return { idOf: (row) => buffer.toString('latin1', row * ID_LENGTH, (row + 1) * ID_LENGTH) };
    },
  };
}
