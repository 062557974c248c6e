import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Card } from '../../model/card.js';
import type { CodeBlock } from '../../model/code-block.js';
import { EngramError } from '../../model/engram-error.js';
import { codeBlocksOf } from '../../parse/card-code.js';
import { isRunnableLanguage } from '../../run/language-registry.js';
import { DEFAULT_RUN_LIMITS, type RunHooks, type RunResult, type ToolEnvironment } from '../../run/run-types.js';
import { cardAtLine, cardById } from '../../store/cards.js';
import type { Store } from '../../store/open-store.js';
import { isDeckTrusted } from '../../store/trust.js';
import type { LoadedSettings } from '../settings/study-settings.js';
import { userRegistry } from './code-runner.js';

/** What `engram run` was asked to run. */
export interface RunCardRequest {
  /** A card id, or `file:line` of any line of the card (the path relative to the working folder). */
  target: string;
  /** Which runnable block, 1-based, as given (`--block`); needed when the card has several. */
  block?: string;
  /** Run it although the deck is not trusted, this once (trust is not recorded). */
  trustOnce: boolean;
  /** Time limit of the program in ms; default DEFAULT_RUN_LIMITS.runMs. */
  runMs?: number;
}

/** Where and how `engram run` runs. */
export interface RunCardContext {
  /** Opens the user's store (the CLI's, which prints its warnings); closed before the program starts. */
  openStore: () => Store;
  /** The user's settings: their `languages` change or add runners (decks never can). */
  loaded: LoadedSettings;
  /** The working folder `file:line` paths are relative to. */
  cwd: string;
  /** Where toolchains are looked for. */
  toolEnv: ToolEnvironment;
  /** A path as the messages show it. */
  showPath: (path: string) => string;
  /** Cancelling, and the program's output as it comes. */
  hooks: RunHooks;
}

/**
 * Runs a code block of a card: finds the card (by id or `file:line`),
 * chooses the block, checks that its deck is trusted (an archived card is
 * not part of the deck's trusted content) unless `trustOnce`, then runs it
 * in the sandbox. Everything is read before the program starts: the store
 * is not held open while it runs. Returns the run's result and its time
 * limit. Throws EngramError: `usage` for no such card, no block to run, or
 * several and no valid `block`; `untrusted` for a deck not trusted; what
 * `openStore` throws passes through. What the program does is in the result.
 */
export async function runCard(request: RunCardRequest, o: RunCardContext): Promise<{ result: RunResult; runMs: number }> {
  const registry = userRegistry(o.loaded);
  const store = o.openStore();
  let card: Card;
  let trusted: boolean;
  try {
    card = findCard(store, request.target, o.cwd, o.showPath);
    // An archived card is not part of the deck's trusted content.
    trusted = !card.archived && isDeckTrusted(store, card.deck);
  } finally {
    store.close();
  }

  const blocks = codeBlocksOf(card);
  const block = chooseBlock(card, blocks.filter((b) => isRunnableLanguage(b.lang, registry)), blocks.length, request.block);
  if (!trusted && !request.trustOnce) {
    throw new EngramError(
      'untrusted',
      `deck ${card.deck} is not trusted: its code has not been run before (or changed since). Read the code, then run with --trust, or engram trust ${shellWord(card.deck)}.`,
    );
  }
  const runMs = request.runMs ?? DEFAULT_RUN_LIMITS.runMs;
  const { runSnippet } = await import('../../run/run-snippet.js');
  const result = await runSnippet({ language: block.lang, code: block.code }, { limits: { runMs }, registry, toolEnv: o.toolEnv, hooks: o.hooks });
  return { result, runMs };
}

/** The card named by an id or by `file:line` (any line of the card, the path relative to `cwd`). */
function findCard(store: Store, target: string, cwd: string, showPath: (path: string) => string): Card {
  if (/^\d+$/.test(target)) {
    const card = cardById(store, Number(target));
    if (!card) throw new EngramError('notFound', `no card with id ${target}. engram cards lists the cards and their ids.`);
    return card;
  }
  const at = /^(.+):(\d+)$/.exec(target);
  if (!at) throw new EngramError('usage', `"${target}" is not a card: give a card id (see engram cards) or file:line, e.g. notes/java.md:12.`);
  const path = storedPath(resolve(cwd, at[1]!));
  const card = cardAtLine(store, path, Number(at[2]));
  if (!card) {
    throw new EngramError(
      'notFound',
      `no card at ${showPath(path)}:${at[2]!}. Check the line, and that the file is imported (engram import ${shellWord(at[1]!)}).`,
    );
  }
  return card;
}

/** Paths are stored symlink-free; a file that is gone keeps its given path, resolved. */
function storedPath(full: string): string {
  try {
    return realpathSync(full);
  } catch {
    return full;
  }
}

/**
 * The block to run: the only runnable one, or the one `blockOption` names
 * (1-based among the runnable blocks). Several and no option: throws, listing them.
 */
function chooseBlock(card: Card, runnable: CodeBlock[], allBlocks: number, blockOption: string | undefined): CodeBlock {
  if (runnable.length === 0) {
    const why = allBlocks === 0 ? 'has no code blocks' : 'has no code block in a language engram can run';
    throw new EngramError('usage', `card ${card.id} ${why}; nothing to run.`);
  }
  if (blockOption !== undefined) {
    const n = /^\d+$/.test(blockOption) ? Number(blockOption) : NaN;
    const block = runnable[n - 1];
    if (!block) throw new EngramError('usage', `--block ${blockOption}: card ${card.id} has ${runnable.length === 1 ? '1 runnable block' : `runnable blocks 1 to ${runnable.length}`}.\n${blockList(runnable)}`);
    return block;
  }
  if (runnable.length === 1) return runnable[0]!;
  throw new EngramError('usage', `card ${card.id} has ${runnable.length} runnable blocks; choose one with --block N:\n${blockList(runnable)}`);
}

function blockList(blocks: CodeBlock[]): string {
  return blocks
    .map((b, i) => {
      const first = b.code.split('\n').find((l) => l.trim() !== '') ?? '';
      return `  ${i + 1}  ${b.lang.padEnd(6)}  ${first.trim().slice(0, 60)}`;
    })
    .join('\n');
}

/** A deck or path as it would be typed in a shell: quoted when it holds anything but plain characters. */
function shellWord(word: string): string {
  return /^[\w./@%+=:,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
