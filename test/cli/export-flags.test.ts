import { describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { EXPORT_WHATS } from '../../src/app/export/export-request.js';
import { registerExport } from '../../src/cli/commands/export-command.js';
import { exportRequest, formatsText, type ExportFlags } from '../../src/cli/export-flags.js';
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
    expect(usageError({})).toBe('say what to export with --what: reviews, cards, deck, stats, apkg (e.g. engram export --what reviews -o revlog.csv).');
    expect(usageError({ what: 'everything' })).toBe('--what "everything" is not something engram exports; use one of reviews, cards, deck, stats, apkg.');
    expect(usageError({ what: 'reviews', format: 'markdown' })).toBe('--what reviews takes --format csv, json or jsonl, not "markdown"; see the formats in engram export --help.');
    expect(usageError({ what: 'deck', format: 'csv' })).toBe('--what deck takes --format markdown (md), not "csv"; see the formats in engram export --help.');
    expect(usageError({ what: 'reviews', archived: true })).toBe('--archived applies to --what cards only (reviews of archived cards are always exported).');
    expect(usageError({ what: 'reviews', output: ' ' })).toBe('-o needs a file name; leave it out to write to stdout.');
  });

  it('names in a refusal the formats --help lists for that --what', () => {
    const program = new Command('engram');
    registerExport(program);
    const help = exportHelp(program);
    const listed = new Map(
      [...help.matchAll(/^ {2}(\w+) {2,}(.+)$/gm)].filter(([, what]) => (EXPORT_WHATS as readonly string[]).includes(what!)).map(([, what, formats]) => [what!, formats!.trim()]),
    );
    expect([...listed.keys()].sort()).toEqual([...EXPORT_WHATS].sort());
    for (const what of EXPORT_WHATS) {
      expect(listed.get(what)).toBe(formatsText(what));
      const wrong = what === 'deck' ? 'csv' : 'markdown';
      expect(usageError({ what, format: wrong })).toContain(`--what ${what} takes --format ${listed.get(what)}, not "${wrong}"`);
    }
  });
});

/** What `engram export --help` prints: the options, then the examples, formats and exit codes. */
function exportHelp(program: Command): string {
  let text = '';
  const cmd = program.commands.find((c) => c.name() === 'export')!;
  cmd.configureOutput({ writeOut: (s) => (text += s) });
  cmd.outputHelp();
  return text;
}
