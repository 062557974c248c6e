// Checks engram against other tools' own test cases, as a user would: each case
// folder under test/fixtures/conformance/<suite>/ is imported with the built CLI
// (`engram import --mode cards` into a fresh store), its cards are listed with
// `engram cards --json`, and they are compared with the case's expected.json
// (the other tool's expected cards, or engram's where it differs on purpose).
// Prints a markdown table per suite, as docs/conformance/ holds them.
//
// Usage: npm run build, then node scripts/conformance.mjs [suite]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CASES = join(ROOT, 'test/fixtures/conformance');
const ENGRAM = join(ROOT, 'bin/engram');

function engram(args) {
  const r = spawnSync(process.execPath, [ENGRAM, ...args], { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1 && r.status !== 4) throw new Error(`engram ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** The case's cards and problems as `engram import --mode cards` leaves them. */
function run(dir) {
  const tmp = mkdtempSync(join(tmpdir(), 'engram-conformance-'));
  try {
    const db = join(tmp, 'engram.db');
    const imported = JSON.parse(engram(['import', '--mode', 'cards', '--json', '--db', db, dir]));
    const cards = JSON.parse(engram(['cards', '--json', '--db', db])).map((c) => ({
      file: basename(c.source.path), deck: c.deck, kind: c.kind, front: c.front, back: c.back, line: c.source.line,
    }));
    return { cards, problems: imported.files.flatMap((f) => f.problems) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const key = (c) => [c.file ?? '', String(c.line ?? 0).padStart(6, '0'), c.kind, c.front, c.back, c.deck ?? ''].join('\u0000');
function same(expected, actual) {
  const stated = new Set(expected.flatMap((c) => Object.keys(c)));
  const cut = actual.map((c) => Object.fromEntries(Object.entries(c).filter(([k]) => stated.has(k))));
  return JSON.stringify(expected.map(key).sort()) === JSON.stringify(cut.map(key).sort());
}

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, '\\n');
const count = (n, what) => `${n} ${what}${n === 1 ? '' : 's'}`;

const only = process.argv[2];
let failed = 0;
for (const suite of readdirSync(CASES).sort()) {
  if (only && suite !== only) continue;
  const rows = [];
  let matching = 0;
  let total = 0;
  for (const name of readdirSync(join(CASES, suite)).sort()) {
    const dir = join(CASES, suite, name);
    const want = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
    const got = run(dir);
    const reported = got.problems.filter((p) => p.message !== 'has no cards.');
    const theirsOk = same(want.cards, got.cards);
    const oursOk = want.engram ? same(want.engram.cards, got.cards) : theirsOk;
    const errorsOk = !want.errors || reported.length > 0;
    let verdict;
    if (!oursOk || !errorsOk) verdict = 'NO';
    else if (want.errors) verdict = theirsOk ? 'yes: reported' : 'reported (engram reads on)';
    else verdict = theirsOk ? 'yes' : want.engram.shown ? 'yes: shows the same' : 'differs on purpose';
    if (verdict === 'NO') failed++;
    total++;
    if (verdict.startsWith('yes') || verdict.startsWith('reported')) matching++;
    const ours = `${count(got.cards.length, 'card')}${reported.length ? `; ${reported.map((p) => `${p.severity} at line ${p.line}`).join(', ')}` : ''}`;
    const theirs = Array.isArray(want.theirs) ? (want.theirs.length ? want.theirs.map((t) => `${t[0]} ${t[2]}-${t[3]}`).join(', ') : 'no card') : want.theirs;
    rows.push(`| ${name} | ${cell(want.test)} | ${cell(theirs)} | ${cell(ours)} | ${verdict} |`);
  }
  console.log(`\n### ${suite}: ${matching} of ${total} match\n`);
  console.log('| case | their test | they give | engram gives | match |\n|---|---|---|---|---|');
  for (const r of rows) console.log(r);
}
process.exitCode = failed > 0 ? 1 : 0;
