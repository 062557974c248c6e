import { describe, expect, it } from 'vitest';
import { derivedEventId, newDeviceId, newEventId } from '../../src/store/event-ids.js';

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
});
