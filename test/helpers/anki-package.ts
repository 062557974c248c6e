import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { zipSync } from 'fflate';
import { BASIC_ID, CLOZE_ID, collectionConfJson, deckConfigJson, deckJson, REVERSED_ID, stockModels } from '../../src/anki/stock-note-types.js';
import type { AnkiCollectionWrite, AnkiRevlog } from '../../src/model/anki-collection.js';
import { revlogColumns, writeAnkiCollection } from '../../src/store/anki-collection-writer.js';

export { BASIC_ID, CLOZE_ID, REVERSED_ID };

/** A note of a made-up collection: its note type, fields, guid, deck, and per card (by ord) queue and review log rows. */
export interface TestNote {
  guid: string;
  mid: number;
  fields: string[];
  deck?: string;
  cards: { ord: number; queue?: number; type?: number; revlog?: { at: number; ease: number; type?: number; ivl?: number; time?: number }[] }[];
}

/** A schema-11 collection's SQLite bytes with the stock note types and the given notes. */
export function collectionBytes(notes: readonly TestNote[], o: { ver?: number } = {}): Uint8Array {
  const decks = new Map<number, string>();
  const deckIds = new Map<string, number>();
  for (const n of notes) {
    if (!n.deck || deckIds.has(n.deck)) continue;
    deckIds.set(n.deck, 1_600_000_000_000 + deckIds.size);
    decks.set(deckIds.get(n.deck)!, n.deck);
  }
  const revlog: AnkiRevlog[] = [];
  const c: Omit<AnkiCollectionWrite, 'revlog'> = {
    createdSecs: 1_700_000_000,
    modMs: 1_700_000_000_000,
    conf: collectionConfJson(),
    models: stockModels(1_700_000_000),
    decks: deckJson(decks, 1_700_000_000),
    dconf: deckConfigJson(1_700_000_000),
    notes: [],
    cards: [],
  };
  let id = 1_690_000_000_000;
  for (const n of notes) {
    const nid = ++id;
    c.notes.push({ id: nid, guid: n.guid, mid: n.mid, mod: 0, tags: '', flds: n.fields.join('\x1f'), sfld: n.fields[0]!, csum: 0 });
    for (const k of n.cards) {
      const cid = ++id;
      c.cards.push({ id: cid, nid, did: n.deck ? deckIds.get(n.deck)! : 1, ord: k.ord, mod: 0, type: k.type ?? 0, queue: k.queue ?? 0, due: 1, ivl: 0, factor: 0, reps: 0, lapses: 0, left: 0, data: '{}' });
      for (const r of k.revlog ?? []) revlog.push({ id: r.at, cardId: cid, ease: r.ease, ivl: r.ivl ?? 1, lastIvl: 0, factor: 2500, time: r.time ?? 5000, type: r.type ?? 1 });
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'engram-anki-fixture-'));
  try {
    const path = join(dir, 'c.anki21');
    writeAnkiCollection(path, { ...c, revlog: revlogColumns(revlog) });
    if (o.ver !== undefined) {
      // A collection of another schema: the col row says so.
      const db = new Database(path);
      db.prepare('UPDATE col SET ver = ?').run(o.ver);
      db.close();
    }
    return readFileSync(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A zip of the given entries (stored as given). */
export function zipOf(entries: Record<string, Uint8Array | string>): Uint8Array {
  const z: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(entries)) z[k] = typeof v === 'string' ? new TextEncoder().encode(v) : v;
  return zipSync(z);
}

/** A legacy package (collection.anki21, JSON media map, meta version 2) of `notes` with media files by name. */
export function legacyPackage(notes: readonly TestNote[], media: Record<string, string> = {}): Uint8Array {
  const map: Record<string, string> = {};
  const files: Record<string, Uint8Array | string> = {};
  Object.entries(media).forEach(([name, content], i) => {
    map[String(i)] = name;
    files[String(i)] = content;
  });
  return zipOf({ 'collection.anki21': collectionBytes(notes), media: JSON.stringify(map), meta: Uint8Array.from([8, 2]), ...files });
}

/** Zstandard data of one frame of raw (stored) blocks: what Anki's zstd gives, without a compressor in the tests. */
export function zstdRaw(data: Uint8Array): Uint8Array {
  const out: number[] = [0x28, 0xb5, 0x2f, 0xfd, 0x00];
  // Frame header descriptor 0x00: no checksum, no dictionary, window descriptor follows, no content size.
  out.push(0x58); // window descriptor: 2^(10+11) = 2 MiB window
  const BLOCK = 128 * 1024 - 1;
  if (data.length === 0) out.push(0x01, 0x00, 0x00);
  for (let at = 0; at < data.length; at += BLOCK) {
    const size = Math.min(BLOCK, data.length - at);
    const last = at + size >= data.length ? 1 : 0;
    const header = last | (0 << 1) | (size << 3);
    out.push(header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff);
    for (let i = 0; i < size; i++) out.push(data[at + i]!);
  }
  return Uint8Array.from(out);
}
