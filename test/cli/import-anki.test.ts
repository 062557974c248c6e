import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASIC_ID, legacyPackage } from '../helpers/anki-package.js';
import { cliEnv } from './cli-env.js';

const FIXTURE = new URL('../fixtures/anki/srsconv-mixed-revlog-io-anki21.apkg', import.meta.url).pathname;

describe('engram import <package>', () => {
  it('prints what came in and what was left out, and exits 1 for what was left out', () => {
    const env = cliEnv();
    env.write('mixed.apkg', readFileSync(FIXTURE));
    const r = env.run(['import', 'mixed.apkg']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      [
        'mixed.apkg (Anki, anki21): 7 notes, 10 cards, 20 reviews, 0 media files',
        '  write mixed/Test - Mixed Types.md',
        '  skipped 1 note: it is an image occlusion note: engram cannot mask parts of an image',
        `Store: ${env.defaultStore}`,
        '',
      ].join('\n'),
    );
  });

  it('--dry-run --json says what it would do, writes nothing, exits 0 for a clean package', () => {
    const env = cliEnv();
    env.write('one.apkg', legacyPackage([{ guid: 'g', mid: BASIC_ID, fields: ['Q?', 'A'], cards: [{ ord: 0, revlog: [{ at: Date.UTC(2026, 0, 1), ease: 3 }] }] }]));
    const { status, data } = env.json<{ dryRun: boolean; notes: number; cards: number; reviews: number; filesWritten: string[]; exitCode: number }>(['import', 'one.apkg', '--into', 'anki', '--dry-run']);
    expect(status).toBe(0);
    expect(data).toMatchObject({ dryRun: true, notes: 1, cards: 1, reviews: 1, filesWritten: ['anki/Default.md'], exitCode: 0 });
    expect(env.run(['decks']).stdout).not.toContain('Default');
  });

  it('refuses --into and --dry-run without a package, and a package with other paths', () => {
    const env = cliEnv();
    env.write('one.apkg', legacyPackage([]));
    env.write('notes.md', 'Q: a\nA: b\n');
    const into = env.run(['import', 'notes.md', '--into', 'x']);
    expect([into.status, into.stderr]).toEqual([2, 'engram: --into and --dry-run are for an Anki package (.apkg, .colpkg); give one.\n']);
    const two = env.run(['import', 'one.apkg', 'notes.md']);
    expect([two.status, two.stderr]).toEqual([2, 'engram: give one Anki package at a time (no other files with it).\n']);
  });

  it('says a package that is not one is not, exit 1, nothing written', () => {
    const env = cliEnv();
    env.write('fake.apkg', 'not a zip');
    const r = env.run(['import', 'fake.apkg']);
    expect([r.status, r.stderr]).toEqual([1, 'engram: fake.apkg is not a readable Anki package: it is not a zip file, or it is cut short. Export it again from Anki (File > Export) and import the new file.\n']);
    expect(env.run(['decks']).status).not.toBe(0);
  });

  it('exports the imported deck as a package that imports back without doubling anything', () => {
    const env = cliEnv();
    env.write('mixed.apkg', readFileSync(FIXTURE));
    env.run(['import', 'mixed.apkg']);
    const out = env.run(['export', '--what', 'apkg', '-o', 'out.apkg']);
    expect([out.status, out.stderr]).toEqual([0, `wrote 8 notes, 10 cards, 20 reviews and 0 media files to out.apkg (an Anki package)\n`]);
    const back = env.json<{ reviews: number; known: number; filesWritten: string[] }>(['import', 'out.apkg']);
    expect([back.status, back.data.reviews, back.data.known, back.data.filesWritten]).toEqual([0, 0, 20, []]);
    expect(readFileSync(join(env.work, 'mixed', 'Test - Mixed Types.md'), 'utf8')).toContain('<!-- engram-id: anki-');
  });
});
