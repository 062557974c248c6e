import { describe, expect, it } from 'vitest';
import { exportRequest, type ExportFlags } from '../../src/cli/export-flags.js';
import { EngramError } from '../../src/model/engram-error.js';

function usageError(flags: ExportFlags): string {
  try {
    exportRequest([], flags);
  } catch (err) {
    expect(err).toBeInstanceOf(EngramError);
    expect((err as EngramError).kind).toBe('usage');
    return (err as Error).message;
  }
  throw new Error('no error');
}

describe('exportRequest', () => {
  it('defaults the format to CSV for reviews and cards, JSON for stats, markdown for decks', () => {
    expect(exportRequest([], { what: 'reviews' })).toEqual({ what: 'reviews', format: 'csv', output: null, force: false, archived: false, decks: [] });
    expect(exportRequest([], { what: 'cards', archived: true }).format).toBe('csv');
    expect(exportRequest([], { what: 'stats' }).format).toBe('json');
    expect(exportRequest(['sql', 'geo'], { what: 'deck', format: 'md', output: 'x.md', force: true })).toEqual({
      what: 'deck',
      format: 'markdown',
      output: 'x.md',
      force: true,
      archived: false,
      decks: ['sql', 'geo'],
    });
    expect(exportRequest([], { what: 'Reviews', format: 'JSONL' })).toMatchObject({ what: 'reviews', format: 'jsonl' });
    expect(exportRequest([], { what: 'cards', output: '-' }).output).toBeNull();
  });

  it('refuses a missing or unknown --what, a format that does not fit, and --archived off cards', () => {
    expect(usageError({})).toBe('say what to export with --what: reviews, cards, deck, stats (e.g. engram export --what reviews -o revlog.csv).');
    expect(usageError({ what: 'everything' })).toBe('--what "everything" is not something engram exports; use one of reviews, cards, deck, stats.');
    expect(usageError({ what: 'reviews', format: 'markdown' })).toBe('--format "markdown" does not fit --what reviews; use one of csv, json, jsonl.');
    expect(usageError({ what: 'deck', format: 'csv' })).toBe('--format "csv" does not fit --what deck; use markdown.');
    expect(usageError({ what: 'reviews', archived: true })).toBe('--archived applies to --what cards only (reviews of archived cards are always exported).');
    expect(usageError({ what: 'reviews', output: ' ' })).toBe('-o needs a file name; leave it out to write to stdout.');
  });
});
