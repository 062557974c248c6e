import { existsSync, linkSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { packPackage } from '../../anki/package-zip.js';
import { protoMessage } from '../../anki/protobuf.js';
import { BASIC_ID, collectionConfJson, deckConfigJson, deckJson, stockModels } from '../../anki/stock-note-types.js';
import { type ApkgBuild, buildApkgCollection } from '../../export/apkg-collection.js';
import type { AnkiRevlogWrite } from '../../model/anki-collection.js';
import { EngramError } from '../../model/engram-error.js';
import { revlogColumns, startAnkiCollection, writeAnkiCollection } from '../../store/anki-collection-writer.js';
import { apkgCardCount, apkgCards, apkgFirstAnswerAt, startApkgReviews } from '../../store/anki-export-queries.js';
import type { Store } from '../../store/open-store.js';
import { ensureReviewFacts } from '../review-facts.js';
import { loadSettings, schedulerSet } from '../settings/study-settings.js';
import type { ExportSteps } from '../export/export-context.js';
import type { ExportRequest } from '../export/export-request.js';
import { fileTarget } from '../export/export-target.js';

/** The package layout engram writes: legacy 2 (collection.anki21 beside a stub collection.anki2), which every current Anki and AnkiDroid import. */
const META_LEGACY_2 = 2;

/**
 * Writes decks (null: every deck) as an Anki package at `request.output`:
 * the legacy-compatible layout (collection.anki21, the stub
 * collection.anki2 that tells an old Anki to update, the JSON media map,
 * the meta entry), the cards' schedule and the review log, the media their
 * sides refer to. Written whole or not at all.
 * @throws EngramError 'usage' without -o, or for an output fileTarget refuses; 'notFound' when there is no card to export
 */
export async function exportApkg(store: Store, decks: string[] | null, request: ExportRequest, steps: ExportSteps): Promise<void> {
  if (request.output === null) throw new EngramError('usage', 'an Anki package is a file: name it with -o (e.g. engram export --what apkg -o decks.apkg).', { kind: 'output-file' });
  const target = fileTarget(resolve(steps.cwd, request.output), { force: request.force, describe: steps.describe });
  ensureReviewFacts(store, schedulerSet(loadSettings(steps.configPath)));
  // The answers are read (on a worker, for most of the cards) while the cards are read, the notes and cards made and the media read.
  const answers = startApkgReviews(store, apkgCardCount(store, decks));
  const cards = apkgCards(store, decks, steps.now);
  if (cards.length === 0) throw new EngramError('notFound', 'no card to export: the decks named hold no studyable card.');
  const cardIds = cards.map((c) => c.id);
  const build = buildApkgCollection(cards, apkgFirstAnswerAt(store, cardIds), steps.now);
  const leftOut = build.leftOut.map((l) => `card ${l.card.id} (${l.reason})`);
  const dir = mkdtempSync(join(tmpdir(), 'engram-apkg-'));
  try {
    // The notes and cards go into the collection, and the media are read, while the answers are still being read.
    const collection = startAnkiCollection(join(dir, 'collection.anki21'), build.collection);
    let revlog: AnkiRevlogWrite;
    let media: MediaFiles;
    try {
      media = mediaFiles(build.media, leftOut, steps);
      revlog = build.revlog(answers.take(cardIds));
    } catch (err) {
      collection.abandon();
      throw err;
    }
    collection.finish(revlog);
    writeAnkiCollection(join(dir, 'collection.anki2'), stubCollection(steps.now));
    const bytes = packPackage([
      ['collection.anki2', readFileSync(join(dir, 'collection.anki2')), true],
      ['collection.anki21', readFileSync(join(dir, 'collection.anki21')), true],
      ['media', new TextEncoder().encode(JSON.stringify(media.map)), true],
      ['meta', protoMessage([{ field: 1, value: META_LEGACY_2 }]), false],
      ...media.entries,
    ]);
    placeFile(target, bytes, request.force, steps.describe);
    steps.written({ path: target, what: 'apkg', notes: build.notes, cards: build.cards, reviews: revlog.id.length, media: media.entries.length, leftOut });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The media files of a package: its entries (name, bytes, whether to deflate) and its map of entry names to file names. */
interface MediaFiles {
  entries: [string, Uint8Array, boolean][];
  map: Record<string, string>;
}

/**
 * The media files the cards refer to, read, each name once; a file that is
 * missing, or a second file of a name already taken, is left out with why
 * (pushed to `leftOut`).
 */
function mediaFiles(refs: ApkgBuild['media'], leftOut: string[], steps: ExportSteps): MediaFiles {
  const entries: [string, Uint8Array, boolean][] = [];
  const map: Record<string, string> = {};
  const seen = new Map<string, string>();
  for (const m of refs) {
    const path = m.sourcePath ? resolve(dirname(m.sourcePath), m.target) : resolve(steps.cwd, m.target);
    const known = seen.get(m.name);
    if (known !== undefined) {
      if (known !== path) leftOut.push(`media ${m.target} (another file of the same name, ${steps.describe(known)}, is in the package)`);
      continue;
    }
    seen.set(m.name, path);
    if (!existsSync(path)) {
      leftOut.push(`media ${steps.describe(path)} (no such file)`);
      continue;
    }
    const entry = String(entries.length);
    map[entry] = m.name;
    entries.push([entry, readFileSync(path), !/\.(jpe?g|png|gif|webp|mp3|ogg|m4a|mp4|webm|zip)$/i.test(m.name)]);
  }
  return { entries, map };
}
/** What an Anki too old for collection.anki21 finds: one note saying to update. */
function stubCollection(now: number): Parameters<typeof writeAnkiCollection>[1] {
  const secs = Math.floor(now / 1000);
  const text = 'This package needs a newer Anki (2.1.28 or later): update Anki, then import it again.';
  return {
    createdSecs: Math.floor(now / 86_400_000) * 86_400,
    modMs: now,
    conf: collectionConfJson(),
    models: stockModels(secs),
    decks: deckJson(new Map(), secs),
    dconf: deckConfigJson(secs),
    notes: [{ id: now, guid: 'engram-stub', mid: BASIC_ID, mod: secs, tags: '', flds: `${text}\x1f`, sfld: text, csum: 0 }],
    cards: [{ id: now, nid: now, did: 1, ord: 0, mod: secs, type: 0, queue: 0, due: 1, ivl: 0, factor: 0, reps: 0, lapses: 0, left: 0, data: '{}' }],
    revlog: revlogColumns([]),
  };
}

/** Writes the file through a temporary one beside it: whole or not at all, never over a file unless `force`. */
function placeFile(target: string, bytes: Uint8Array, force: boolean, describe: (path: string) => string): void {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, bytes, { flag: 'wx' });
    if (force) renameSync(temp, target);
    else linkSync(temp, target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new EngramError('usage', `${describe(target)} already exists.`, { kind: 'overwrite' });
    throw new EngramError('failed', `cannot write ${describe(target)}: ${(err as Error).message}`);
  } finally {
    rmSync(temp, { force: true });
  }
}
