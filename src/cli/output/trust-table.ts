import type { TrustedDeck } from '../../app/trust/deck-trust.js';
import { formatTable } from './format-table.js';
import { minuteUtc } from './minute-utc.js';

/** `engram trust --list`: the trusted decks, when each was trusted and whether it changed since, fitting `width`. */
export function trustTableLines(trusted: readonly TrustedDeck[], width: number): string[] {
  if (trusted.length === 0) return ['No trusted decks. Trust one with engram trust <deck>.'];
  const rows = trusted.map((t) => [t.deck, minuteUtc(t.trustedAt), t.current ? 'current' : 'changed since trusted']);
  return formatTable([{ header: 'deck', min: 10 }, { header: 'trusted' }, { header: 'status' }], rows, width);
}

/** `engram trust --list --json`. */
export function trustTableJson(trusted: readonly TrustedDeck[]): string {
  return JSON.stringify(
    trusted.map((t) => ({ deck: t.deck, trustedAt: new Date(t.trustedAt).toISOString(), current: t.current })),
    null,
    2,
  );
}
