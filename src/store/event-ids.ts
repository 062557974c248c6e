import { randomBytes, randomFillSync } from 'node:crypto';

/** Crockford's base 32, as ULIDs use: no I, L, O, U, so ids read aloud and sort as text. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

let lastTime = -1;
let lastRandom: number[] = [];

/** Random bytes drawn 4 KiB at a time: one call to the system's generator a few hundred ids, not one per id (an import of a million answers made a million calls). */
const pool = Buffer.alloc(4096);
let poolAt = pool.length;

/** The next 16 random bytes of the pool, each cut to 5 bits. */
function random16(): number[] {
  if (poolAt + 16 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const out = new Array<number>(16);
  for (let i = 0; i < 16; i++) out[i] = pool[poolAt + i]! & 31;
  poolAt += 16;
  return out;
}

/**
 * A new ULID for an event at `at` (UTC ms): 10 characters of time, 16 of
 * randomness. Ids sort by time as text, and within one millisecond of this
 * process by creation (the random part counts up), so a device's events keep
 * their order; the random part makes two devices' ids never collide.
 * Written here rather than taken from a package: it is 20 lines, and the
 * store needs it inside its transactions.
 */
export function newEventId(at: number): string {
  const time = Math.max(0, Math.floor(at));
  if (time === lastTime) {
    // Same millisecond: one more than the last, so ids stay in creation order.
    for (let i = lastRandom.length - 1; i >= 0; i--) {
      if (lastRandom[i]! < 31) {
        lastRandom[i]!++;
        break;
      }
      lastRandom[i] = 0;
    }
  } else {
    lastTime = time;
    lastRandom = random16();
    // Leaves room to count up within the millisecond.
    lastRandom[0] = lastRandom[0]! & 15;
  }
  return timePart(time) + lastRandom.map((n) => ALPHABET[n]).join('');
}

/** The 10 characters of a ULID's time (UTC ms). */
function timePart(time: number): string {
  let head = '';
  let t = time;
  for (let i = 0; i < 10; i++) {
    head = ALPHABET[t % 32]! + head;
    t = Math.floor(t / 32);
  }
  return head;
}

/**
 * The ULID of an event whose identity is fixed by where it came from rather
 * than by the device that records it: the time part from `at`, the 16
 * characters after it from a hash of `source`. An answer imported from an
 * Anki package gets the same id on every device that imports the package, so
 * sync knows the two devices' copies for one answer (a random id made them two).
 */
export function derivedEventId(at: number, source: string): string {
  return derivedEventIds('')(at, source);
}

/**
 * {@link derivedEventId} for many sources that begin alike: the hash of
 * `prefix` is taken once, and `id(at, rest)` is `derivedEventId(at, prefix + rest)`,
 * character for character (an import's million answers share their card's
 * prefix, hashed once a card instead of once an answer).
 */
export const derivedEventIds: (prefix: string) => (at: number, rest: string) => string = derivedIdMaker();

/**
 * Makes {@link derivedEventIds}. Self-contained (it uses nothing outside its
 * own text), so that a worker can run the same code from its text
 * (see store/anki-answer-ids.ts).
 */
export function derivedIdMaker(): (prefix: string) => (at: number, rest: string) => string {
  // Crockford's base 32, as newEventId writes it.
  const ALPHABET_CODES = Array.from('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (c) => c.charCodeAt(0));

  /** FNV-1a over `text` in each of the four lanes, in place: the prefix once a card, the rest once an id. */
  function feedLanes(lanes: Int32Array, text: string): void {
    let a = lanes[0]!;
    let b = lanes[1]!;
    let c = lanes[2]!;
    let d = lanes[3]!;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      a = Math.imul(a ^ ch, 0x01000193);
      b = Math.imul(b ^ ch, 0x01000193);
      c = Math.imul(c ^ ch, 0x01000193);
      d = Math.imul(d ^ ch, 0x01000193);
    }
    lanes[0] = a;
    lanes[1] = b;
    lanes[2] = c;
    lanes[3] = d;
  }

  /** A lane's low 20 bits as 4 characters at `at`, lowest first. */
  function laneCodes(codes: number[], at: number, lane: number): void {
    codes[at] = ALPHABET_CODES[lane & 31]!;
    codes[at + 1] = ALPHABET_CODES[(lane >>> 5) & 31]!;
    codes[at + 2] = ALPHABET_CODES[(lane >>> 10) & 31]!;
    codes[at + 3] = ALPHABET_CODES[(lane >>> 15) & 31]!;
  }

  /** murmur3's 32-bit finaliser: every input bit moves every output bit. */
  function mix32(h: number): number {
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }

  return (prefix) => {
    // Four 32-bit lanes of FNV-1a with different offsets, each finished by murmur3's mixer and stirred with the
    // others: not a cryptographic hash (nothing here is secret), but 80 well-spread bits, and a million ids of an
    // import in a fraction of a second (sha256 through node:crypto took seconds).
    const start = Int32Array.of(0x811c9dc5, 0x050c5d1f, 0x2b992ddf, 0x5bd1e995);
    feedLanes(start, prefix);
    const lanes = new Int32Array(4);
    const codes = new Array<number>(26).fill(0);
    return (at, rest) => {
      lanes.set(start);
      feedLanes(lanes, rest);
      let a = lanes[0]!;
      let b = lanes[1]!;
      let c = lanes[2]!;
      let d = lanes[3]!;
      a = mix32(a ^ d);
      b = mix32(b ^ a);
      c = mix32(c ^ b);
      d = mix32(d ^ c);
      // Made as character codes and turned into a string once: 26 concatenations made a rope SQLite's binding then
      // flattened, a million times over an import.
      let t = Math.max(0, Math.floor(at));
      for (let i = 9; i >= 0; i--) {
        codes[i] = ALPHABET_CODES[t % 32]!;
        t = Math.floor(t / 32);
      }
      laneCodes(codes, 10, a);
      laneCodes(codes, 14, b);
      laneCodes(codes, 18, c);
      laneCodes(codes, 22, d);
      return String.fromCharCode.apply(null, codes);
    };
  };
}

/** A new device id: 12 random base-32 characters, also the name of the device's folder. */
export function newDeviceId(): string {
  return [...randomBytes(12)].map((b) => ALPHABET[b & 31]).join('').toLowerCase();
}
