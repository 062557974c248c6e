// Notes parsing: a generated notes file (bullet summaries, outlines and prose
// chapters, with capture noise) at 1, 5 and 10 MB, through the auto mode of
// the real parser. Linear means the time per MB stays flat as the file grows.
import { parseText } from '../dist/parse/parse-source.js';
import { prng } from './generate-deck.js';
import { report, timeMs } from './measure.js';

const WORDS = 'clock lease quorum token fence replica leader follower packet timeout partition consensus snapshot commit shard'.split(' ');

/** About `bytes` of notes in every shape engram reads, the same for a given size. */
export function generateNotes(bytes, seed = 3) {
  const rand = prng(seed);
  const words = (n) => Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    let block;
    switch (i % 4) {
      case 0:
        block = `## Section ${i}\n\n- **Term ${i}:** ${words(14)}.\n- **Group ${i}:**\n\t- ${words(8)}.\n\t- ${words(9)}.\n`;
        break;
      case 1:
        block = `- [[Topic ${i}]]\n\t- Description\n\t\t- ${words(12)} [[link ${i}|alias]].\n\t- ![[image-${i}.png]] #comment\n`;
        break;
      case 2:
        block = `### Part ${i}\n\nThe ${words(6)} is called a *${words(2)}* in ${words(5)} [[${i}](/en/ch9#ref${i})].\nIt ${words(10)}, which is known as **${words(2)}**.\n`;
        break;
      default:
        block = `|\n||\nA ${words(12)} *${words(1)}* ${words(6)}.\n|\n||\n`;
    }
    parts.push(block, '\n');
    size += block.length + 1;
  }
  return parts.join('');
}

/** Runs the notes benchmark and prints its figures. */
export function notesBench() {
  const rows = [];
  let perMb1 = 0;
  for (const mb of [1, 5, 10]) {
    const text = generateNotes(mb * 1024 * 1024);
    let cards = 0;
    const ms = timeMs(() => {
      cards = parseText(text, 'notes.md').cards.length;
    });
    const perMb = ms / mb;
    if (mb === 1) perMb1 = perMb;
    rows.push([`${mb} MB of generated notes (${cards.toLocaleString('en')} cards)`, ms, 'ms']);
    rows.push([`  per MB`, perMb, 'ms', mb === 1 ? undefined : '<= 1.5 x the 1 MB rate (linear)', mb === 1 ? undefined : perMb <= 1.5 * perMb1]);
  }
  report('notes: cards derived from a generated notes file', rows.map((r) => r.filter((x) => x !== undefined)));
}
