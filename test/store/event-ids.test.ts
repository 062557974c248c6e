import { describe, expect, it } from 'vitest';
import { derivedEventId, derivedEventIds, newDeviceId, newEventId } from '../../src/store/event-ids.js';

describe('event ids', () => {
  it('are ULIDs whose first 10 characters are the time, sorting by time and, within a millisecond, by creation', () => {
    const t = Date.parse('2026-03-02T10:00:00Z');
    const ids = [newEventId(t), newEventId(t), newEventId(t), newEventId(t + 1), newEventId(t + 86_400_000)];
    for (const id of ids) expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(ids[0]!.slice(0, 10)).toBe('01KJPZV280');
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('make device ids of 12 lower-case base-32 characters, different each time', () => {
    const a = newDeviceId();
    expect(a).toMatch(/^[0-9a-hjkmnp-tv-z]{12}$/);
    expect(newDeviceId()).not.toBe(a);
  });

  it('derive an id from a time and a source: the same on every call, another for another source', () => {
    const t = Date.parse('2026-03-02T10:00:00Z');
    const id = derivedEventId(t, 'anki-answer\0key\0' + t);
    expect(id).toMatch(/^01KJPZV280[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(derivedEventId(t, 'anki-answer\0key\0' + t)).toBe(id);
    expect(derivedEventId(t, 'anki-answer\0other\0' + t)).not.toBe(id);
  });

  it('derive the same ids as they always have (ids of answers imported before must not change)', () => {
    const t = Date.parse('2026-03-02T10:00:00Z');
    expect(derivedEventId(t, 'anki-answer\0key\0' + t)).toBe('01KJPZV2803C6SWV9PYZR8PRP5');
    expect(derivedEventId(0, '')).toBe('0000000000TAYE5EQZ1CBZH2DQ');
    expect(derivedEventId(t, 'anki-answer\0Ünïcødé 🙂 key\0' + t)).toBe('01KJPZV2804HPRJ6HG837NTNCV');
  });

  it('derive with a prefix hashed once exactly the ids of the whole source', () => {
    const t = Date.parse('2026-03-02T10:00:00Z');
    for (const prefix of ['', 'anki-answer\0key\0', 'anki-answer\0Ünïcødé 🙂 key\0']) {
      const ids = derivedEventIds(prefix);
      for (let i = 0; i < 200; i++) {
        const at = t + i * 7_919_311;
        expect(ids(at, String(at))).toBe(derivedEventId(at, prefix + String(at)));
      }
    }
    expect(derivedEventIds('anki-answer\0key\0')(t, String(t))).toBe('01KJPZV2803C6SWV9PYZR8PRP5');
  });
});
