import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCard, type RunCardContext, type RunCardRequest } from '../../../src/app/run/run-card.js';
import { SYSTEM_TOOLS } from '../../../src/run/run-types.js';
import { openStore, type Store } from '../../../src/store/open-store.js';
import { trustDeck } from '../../../src/store/trust.js';
import { NOW, rejected, storeWithDecks, utcSettings, type DeckWorld } from '../../helpers/store-with-decks.js';

const fence = '```';

/** Deck Code in notes/code.md; the line of each card is in the comments. */
const CODE_DECK = [
  '---', // 1
  'deck: Code',
  '---',
  '',
  'Q: What does this print?', // 5
  `${fence}bash`,
  'echo hello from bash', // 7
  fence,
  'A: hello from bash',
  '',
  'Q: Two blocks', // 11
  'A:',
  `${fence}bash`,
  'echo one',
  fence,
  `${fence}python`,
  'print("two")',
  fence,
  '',
  'Q: No code here', // 20
  'A: none',
  '',
].join('\n');

/** The context of a run in `w`: its own store opener (which keeps the stores it opened), the system's tools. */
function context(w: DeckWorld, output: string[] = []): RunCardContext & { opened: Store[] } {
  const opened: Store[] = [];
  return {
    opened,
    openStore: () => {
      const store = openStore(w.storePath, { create: false });
      opened.push(store);
      return store;
    },
    loaded: utcSettings(),
    cwd: w.dir,
    toolEnv: SYSTEM_TOOLS,
    showPath: (p) => relative(w.dir, p),
    hooks: { onOutput: (stream, text) => output.push(`${stream}: ${text}`) },
  };
}

const request = (target: string, more: Partial<RunCardRequest> = {}): RunCardRequest => ({ target, trustOnce: false, ...more });

describe('runCard', () => {
  it('refuses code of a deck not trusted (untrusted), running nothing', async () => {
    const w = storeWithDecks({ 'notes/code.md': CODE_DECK });
    const output: string[] = [];
    expect(await rejected(runCard(request('notes/code.md:7'), context(w, output)))).toEqual({
      kind: 'untrusted',
      message: 'deck Code is not trusted: its code has not been run before (or changed since). Read the code, then run with --trust, or engram trust Code.',
    });
    expect(output).toEqual([]);
  });

  it('runs the card at file:line (any of its lines) once trusted, with the store closed before the program starts', async () => {
    const w = storeWithDecks({ 'notes/code.md': CODE_DECK });
    w.with((store) => trustDeck(store, 'Code', NOW));
    const output: string[] = [];
    const ctx = context(w, output);
    const run = await runCard(request('notes/code.md:9'), ctx);
    expect(run.runMs).toBe(5000);
    expect(run.result).toMatchObject({ language: 'bash', phase: 'run', exit: 0, reason: null, stdout: 'hello from bash\n', stderr: '' });
    expect(output).toEqual(['stdout: hello from bash\n']);
    expect(ctx.opened.map((s) => s.db.open)).toEqual([false]);
  });

  it('runs a deck not trusted once when asked to, within the time limit given', async () => {
    const w = storeWithDecks({ 'notes/code.md': CODE_DECK });
    const run = await runCard(request('notes/code.md:11', { trustOnce: true, block: '1', runMs: 2000 }), context(w));
    expect(run.runMs).toBe(2000);
    expect(run.result).toMatchObject({ exit: 0, stdout: 'one\n' });
  });

  it('names what cannot run: several blocks and no choice, a block out of range, no code (usage), no card (not found)', async () => {
    const w = storeWithDecks({ 'notes/code.md': CODE_DECK });
    const id = w.with((store) => (store.db.prepare("SELECT id FROM cards WHERE front LIKE 'Two blocks%'").get() as { id: number }).id);
    const list = '  1  bash    echo one\n  2  python  print("two")';
    expect(await rejected(runCard(request(String(id), { trustOnce: true }), context(w)))).toEqual({
      kind: 'usage',
      message: `card ${id} has 2 runnable blocks; choose one with --block N:\n${list}`,
    });
    expect(await rejected(runCard(request(String(id), { trustOnce: true, block: '3' }), context(w)))).toEqual({
      kind: 'usage',
      message: `--block 3: card ${id} has runnable blocks 1 to 2.\n${list}`,
    });
    expect(await rejected(runCard(request('notes/code.md:21', { trustOnce: true }), context(w)))).toEqual({
      kind: 'usage',
      message: `card ${id + 1} has no code blocks; nothing to run.`,
    });
    expect(await rejected(runCard(request('notes/code.md:3'), context(w)))).toEqual({
      kind: 'notFound',
      message: 'no card at notes/code.md:3. Check the line, and that the file is imported (engram import notes/code.md).',
    });
    expect(await rejected(runCard(request('999'), context(w)))).toEqual({ kind: 'notFound', message: 'no card with id 999. engram cards lists the cards and their ids.' });
    expect(await rejected(runCard(request('code.md'), context(w)))).toEqual({
      kind: 'usage',
      message: '"code.md" is not a card: give a card id (see engram cards) or file:line, e.g. notes/java.md:12.',
    });
  });
});
