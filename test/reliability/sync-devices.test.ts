import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewService } from '../../src/app/review/review-service.js';
import { defaultSettings } from '../../src/app/settings/settings.js';
import { scheduleSettings } from '../../src/app/settings/study-settings.js';
import type { Grade } from '../../src/model/review.js';
import { buildQueue } from '../../src/schedule/due-queue.js';
import { seededRandom } from '../../src/schedule/seeded-random.js';
import { SchedulerSet } from '../../src/schedule/scheduler-set.js';
import { cardState } from '../../src/store/card-state-rows.js';
import { listCards } from '../../src/store/cards.js';
import { openStore } from '../../src/store/open-store.js';
import { ENGRAM_BIN, runEngram } from '../helpers/run-engram.js';
import { tempDir } from '../helpers/temp-dir.js';
import { suiteFigures } from './figures.js';

const figures = suiteFigures('sync', ['sequences', 'steps', 'events', 'devices', 'kills', 'lost']);

const T0 = Date.parse('2026-03-02T10:00:00Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** What the spawned engrams use (TZ=UTC, default settings): the in-process answers schedule alike. */
const SCHEDULERS = new SchedulerSet(scheduleSettings({ ...defaultSettings(), 'time-zone': 'UTC' }));

const CARDS = [
  'What does TCP give?::Ordered, reliable byte streams.',
  'What does UDP give?::Datagrams, no promises.',
  'Capital of France::Paris',
  'Capital of Spain::Madrid',
  'Capital of Peru::Lima',
  'What is a quorum?::A majority of the nodes.',
  'What is a lease?::A lock that expires.',
  'What is clock skew?::Clocks that disagree.',
];

interface Device {
  name: string;
  home: string;
  db: string;
  notes: string;
  /** This device's clock runs ahead by this much (ms). */
  skew: number;
  /** Its last answer not undone yet: review id and card id. */
  last: { reviewId: number; cardId: number; at: number } | null;
}

/** Real `engram` on a device: its own store, config folder and clock. */
function engram(d: Device, now: number, ...args: string[]): string {
  const r = runEngram([...args, '--db', d.db], { cwd: d.home, home: d.home, env: { ENGRAM_NOW: String(now + d.skew) } });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${d.name}: engram ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** `engram sync` on a device killed with SIGKILL after `ms`: it may have done anything up to then. */
async function killedSync(d: Device, now: number, ms: number): Promise<void> {
  const env = { PATH: process.env['PATH'], HOME: d.home, XDG_CONFIG_HOME: `${d.home}/.config`, XDG_DATA_HOME: `${d.home}/.local/share`, ENGRAM_NOW: String(now + d.skew), TZ: 'UTC', NO_COLOR: '1' };
  const child = spawn(process.execPath, [ENGRAM_BIN, 'sync', '--db', d.db], { env, stdio: 'ignore' });
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  await new Promise((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
}

/** Answers (or undoes) on a device through the review use case, as its screen would. */
function withReview<T>(d: Device, now: number, act: (o: { answer(cardId: number, grade: Grade, at: number): number; undo(reviewId: number, cardId: number): void; cards(): number[] }) => T): T {
  const store = openStore(d.db, { create: false });
  try {
    const actions = reviewService({
      store, schedulers: SCHEDULERS, now: () => now + d.skew, sessionId: `s-${d.name}`, device: d.name, cwd: d.home,
      suspendScreen: (run) => run(), editor: 'true', openers: [], showPath: (p) => p,
      queueFor: () => buildQueue([], [], { newByDeck: new Map(), reviewsByDeck: new Map(), siblings: new Set() }, { global: { newPerDay: 20, reviewsPerDay: 200 }, decks: {} }, now),
      decks: [], limitsReached: () => [], studyMore: () => undefined,
      codeOf: () => ({ blocks: [], exercise: { kind: 'recall' } }), runBlock: () => Promise.reject(new Error('no runs')),
    });
    return act({
      answer(cardId, grade, at) {
        const shown = actions.show({ id: cardId, deck: '', sibling: null, state: cardState(store, cardId) }, at + d.skew);
        if (!shown) return -1;
        return actions.answer(shown, grade, at + d.skew).reviewId;
      },
      undo: (reviewId, cardId) => void actions.undo(reviewId, cardId),
      cards: () => listCards(store, { includeArchived: false }).filter((c) => !c.suspended).map((c) => c.id),
    });
  } finally {
    store.close();
  }
}

/** A device's review log and cards as export and cards print them, minus what is local to a machine (row ids, paths). */
function finalView(d: Device, now: number): { reviews: string[]; cards: string[] } {
  const reviews = engram(d, now, 'export', '--what', 'reviews', '--format', 'jsonl')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const { id: _id, card_id: _card, ...rest } = JSON.parse(l) as Record<string, unknown>;
      return JSON.stringify(rest);
    })
    .sort();
  const cards = (JSON.parse(engram(d, now, 'cards', '--json')) as Record<string, unknown>[]).map((c) => {
    const { id: _id, source: _source, ...rest } = c;
    return JSON.stringify(rest);
  });
  return { reviews, cards: cards.sort() };
}

/** The notes as the editing device changes them: a typo fix, a move to another file, a deletion, a restore. */
function editNotes(notes: string, cards: string[], pick: () => number): string {
  const kind = ['typo', 'move', 'delete', 'restore'][pick() % 4]!;
  const i = pick() % cards.length;
  if (kind === 'typo') cards[i] = cards[i]!.replace(/\?::/, ' ?::').replace(/^Capital of/, 'Capitol of').replace(/^Capitol of/, 'Capital of');
  if (kind === 'delete') cards[i] = `<!-- ${cards[i]} -->`;
  if (kind === 'restore') cards[i] = cards[i]!.replace(/^<!-- (.*) -->$/, '$1');
  const moved = kind === 'move' ? new Set([i]) : new Set(readFileSync(join(notes, 'b.md'), 'utf8').split('\n').filter(Boolean).map((l) => cards.indexOf(l)));
  writeFileSync(join(notes, 'a.md'), `${cards.filter((_, k) => !moved.has(k)).join('\n')}\n`);
  writeFileSync(join(notes, 'b.md'), `${cards.filter((_, k) => moved.has(k)).join('\n')}\n`);
  return kind;
}

/**
 * One seeded sequence on `count` devices syncing through `folder` (a git
 * clone per device when `git`): answers, undos, suspensions, edits of the
 * notes on the first device (carried to the others as a notes repository
 * would), imports, syncs (some killed with SIGKILL), a device a day ahead,
 * one offline for a month; then the notes made the same everywhere, imported,
 * synced twice round, and every device's log and cards compared.
 */
async function sequence(seed: number, count: number, git: boolean): Promise<void> {
  const random = seededRandom(seed);
  const pick = () => Math.floor(random() * 1_000_000);
  const root = tempDir('engram-sync-rel-');
  const shared = join(root, 'shared');
  mkdirSync(shared);
  if (git) {
    spawnSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', join(root, 'remote.git')]);
  }
  const cards = [...CARDS];
  const devices: Device[] = [];
  for (let k = 0; k < count; k++) {
    const home = join(root, `device-${k}`);
    const notes = join(home, 'notes');
    mkdirSync(notes, { recursive: true });
    const d: Device = { name: `device-${k}`, home, db: join(home, 'engram.db'), notes, skew: k === 1 ? DAY : 0, last: null };
    devices.push(d);
  }
  editNotes(devices[0]!.notes, cards, () => 1);
  for (const d of devices) {
    if (d !== devices[0]) cpSync(devices[0]!.notes, d.notes, { recursive: true });
    engram(d, T0, 'import', 'notes');
    let folder = shared;
    if (git) {
      spawnSync('git', ['clone', '--quiet', join(root, 'remote.git'), join(d.home, 'repo')]);
      spawnSync('git', ['checkout', '--quiet', '-B', 'main'], { cwd: join(d.home, 'repo') });
      folder = join(d.home, 'repo');
    }
    engram(d, T0, 'sync', 'init', folder);
  }
  const given = new Set<string>();
  const offline = count > 2 ? devices[2]! : null;
  let now = T0;
  for (let step = 0; step < 18; step++) {
    figures.steps++;
    now += 30 * MINUTE + (pick() % 3) * DAY;
    const d = devices[pick() % count]!;
    // The offline device studies for a month without syncing, then comes back.
    const away = offline === d && step >= 4 && step < 12;
    const roll = pick() % 10;
    if (roll < 4) {
      withReview(d, now, (r) => {
        const ids = r.cards();
        for (let n = 0; n < 1 + (pick() % 3); n++) {
          const cardId = ids[pick() % ids.length]!;
          const grade = (1 + (pick() % 4)) as Grade;
          const reviewId = r.answer(cardId, grade, now);
          if (reviewId < 0) continue;
          d.last = { reviewId, cardId, at: now + d.skew };
          given.add(`${d.name} ${now + d.skew} ${grade}`);
          now += away ? DAY : MINUTE;
        }
      });
    } else if (roll === 4 && d.last) {
      const last = d.last;
      withReview(d, now, (r) => r.undo(last.reviewId, last.cardId));
      given.forEach((g) => g.startsWith(`${d.name} ${last.at} `) && given.delete(g));
      d.last = null;
    } else if (roll === 5) {
      const ids = JSON.parse(engram(d, now, 'cards', '--json')) as { id: number; suspended: boolean }[];
      const card = ids[pick() % ids.length]!;
      engram(d, now, card.suspended ? 'unsuspend' : 'suspend', String(card.id));
    } else if (roll === 6) {
      editNotes(devices[0]!.notes, cards, pick);
      engram(devices[0]!, now, 'import', 'notes');
      // Another device gets the edited notes (a pull of the notes repository) and imports them.
      const other = devices[pick() % count]!;
      if (other !== devices[0]) {
        cpSync(devices[0]!.notes, other.notes, { recursive: true });
        engram(other, now, 'import', 'notes');
      }
    } else if (!away) {
      if (pick() % 4 === 0) {
        figures.kills++;
        await killedSync(d, now, 50 + (pick() % 250));
      }
      engram(d, now, 'sync');
      d.last = null;
    }
  }
  // Everyone ends with the same notes, imported, and syncs twice round.
  now += DAY;
  for (const d of devices) {
    if (d !== devices[0]) {
      for (const f of readdirSync(d.notes)) rmSync(join(d.notes, f));
      cpSync(devices[0]!.notes, d.notes, { recursive: true });
    }
    engram(d, now, 'import', 'notes');
  }
  for (let round = 0; round < 2; round++) for (const d of devices) engram(d, now, 'sync');
  const views = devices.map((d) => finalView(d, now));
  for (const v of views.slice(1)) {
    expect(v.reviews).toEqual(views[0]!.reviews);
    expect(v.cards).toEqual(views[0]!.cards);
  }
  const logged = new Set(views[0]!.reviews.map((l) => JSON.parse(l) as { device: string; reviewed_at_ms: number; rating: number }).map((r) => `${r.device} ${r.reviewed_at_ms} ${r.rating}`));
  const lost = [...given].filter((g) => !logged.has(g));
  figures.lost += lost.length;
  expect(lost).toEqual([]);
  expect(logged.size).toBe(given.size);
  for (const d of devices) expect(engram(d, now, 'doctor', '--json').length).toBeGreaterThan(0);
  const doctor = JSON.parse(engram(devices[0]!, now, 'doctor', '--json')) as { sync: { problems: string[]; notReceived: number; notFolded: number; unsent: number } };
  expect(doctor.sync).toMatchObject({ problems: [], notReceived: 0, notFolded: 0, unsent: 0 });
  figures.sequences++;
  figures.devices += count;
  figures.events += logged.size;
}

describe('sync between devices, with real engrams', () => {
  it('three devices over a bare git repository end with the same log and cards, nothing lost', async () => {
    await sequence(17, 3, true);
  }, 60_000);

  it('two devices over a plain folder end with the same log and cards, nothing lost', async () => {
    await sequence(23, 2, false);
  }, 60_000);
});
