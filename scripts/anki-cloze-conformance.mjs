// Checks engram against Anki's own cloze tests, through the real command line,
// card by card: each case of test/fixtures/conformance/anki-cloze/ (a note from
// Anki's tests and the cards Anki makes of it, in card-number order) is
// imported with `engram import --mode cards` into a fresh store, its cards are
// read back with `engram cards --json` and compared with Anki's as Anki shows
// them. Prints the table of docs/conformance/anki-cloze.md (scripts/conformance.mjs
// checks the same cases, with those of the other tools, by card count).
//
// Usage: node scripts/anki-cloze-conformance.mjs [path/to/bin/engram]
// (default: this checkout's bin/engram, built with `npm run build`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const engram = process.argv[2] ?? join(root, 'bin/engram');
const suite = join(root, 'test/fixtures/conformance/anki-cloze');
const cases = readdirSync(suite)
  .sort()
  .map((name) => ({ name, file: join(suite, name, 'input.md'), ...JSON.parse(readFileSync(join(suite, name, 'expected.json'), 'utf8')) }));
// What the card asks to type, as that engram's own build says.
const { answerMarkdown } = await import(join(dirname(engram), '../dist/check/card-answer.js'));

// As test/conformance/anki-view.ts: a gap `**[...]**` shows as `[...]`, the
// bold of a hidden text goes, and HTML tags are stripped as Anki's tests strip them.
const stripTags = (s) => s.replace(/<[^>]*>/g, '');
const view = (card) => ({
  front: stripTags(card.front.replace(/\*\*(\[[^\]\n]*\])\*\*/g, '$1')),
  back: stripTags(card.back.replaceAll('**', '')),
});

const dir = mkdtempSync(join(tmpdir(), 'engram-anki-cloze-'));

function run(args) {
  const r = spawnSync(process.execPath, [engram, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0 && r.status !== 1 && r.status !== 4) throw new Error(`engram ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

try {
  // A store of its own for each case: a card's identity is its text, so two
  // of Anki's notes that make the same card (its tests reuse "foo {{c1::bar}}")
  // would be one card in one store.
  const cardsOf = cases.map((c, i) => {
    const db = join(dir, `case-${i + 1}.db`);
    run(['import', c.file, '--mode', 'cards', '--db', db, '--json']);
    return JSON.parse(run(['cards', '--json', '--db', db])).sort((a, b) => a.id - b.id);
  });
  const show = (list) => (list.length === 0 ? 'no card' : list.map((k) => `${k.number ? `c${k.number}: ` : ''}\`${k.front}\` / \`${k.back}\`${k.typed !== undefined ? ` (typed: \`${k.typed}\`)` : ''}`).join('<br>'));
  const cell = (s) => s.replaceAll('|', '\\|').replaceAll('\n', '<br>');
  let matching = 0;
  const rows = cases.map((c, i) => {
    const got = cardsOf[i];
    const seen = got.map((k, j) => ({ ...view(k), typed: c.anki[j]?.typed !== undefined ? answerMarkdown(k) : undefined }));
    const want = c.anki.map(({ front, back, typed }) => ({ front, back, typed }));
    const same = JSON.stringify(seen) === JSON.stringify(want);
    if (same) matching++;
    const anki = show(c.anki) + (c.anki_note ? ` (${c.anki_note})` : '');
    const note = readFileSync(c.file, 'utf8').trimEnd();
    return `| ${c.name} | ${cell(c.test)}<br>\`${cell(note)}\` | ${cell(anki)} | ${cell(show(seen))} | ${same ? 'yes' : '**no**'} |`;
  });
  console.log('| case | Anki test and note | Anki | engram | match |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log(`\n${matching} of ${cases.length} match.`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
