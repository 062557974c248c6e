import { Option, type Command } from 'commander';
import { realpathSync } from 'node:fs';
import { constants } from 'node:os';
import { resolve } from 'node:path';
import type { Card } from '../../model/card.js';
import type { CodeBlock } from '../../model/code-block.js';
import { EngramError } from '../../model/engram-error.js';
import type { RunResult } from '../../run/run-types.js';
import type { Store } from '../../store/open-store.js';
import { dbOption, jsonOption } from '../common-options.js';
import { displayPath } from '../output/display-path.js';
import { configPath, currentTime, storePath } from '../environment.js';

const EXIT_CODES = `
Exit codes:
  0-255  the program ran and exited with this code (128+n when signal n ended it)
  124    stopped at the time limit (as coreutils timeout)
  125    not runnable: compile errors or pseudo-code, no toolchain, unknown language
  130    interrupted (Ctrl-C)
  137    stopped at the output cap or the folder cap
  2      no such card, no code to run, or several blocks and no --block
  3      the deck is not trusted (run with --trust once, or engram trust <deck>)
A program can exit with one of these codes itself: the status line on stderr,
or --json, tells which it was.`;

interface RunOptions {
  block?: string;
  trust?: boolean;
  timeout?: string;
  json?: boolean;
  db?: string;
}

/** `engram run <card-id | file:line>` */
export function registerRun(program: Command): void {
  program
    .command('run')
    .description("run a code block of a card, in a sandbox when one is available (only trusted decks' code runs without --trust)")
    .argument('<card>', 'card id (see engram cards), or file:line of any line of the card')
    .option('--block <n>', 'which block to run, by the number listed when a card has several')
    .option('--trust', 'run it this once although the deck is not trusted (trust is not recorded)')
    .addOption(new Option('--timeout <ms>', 'time limit of the program, in ms (default 5000)'))
    .addOption(jsonOption())
    .addOption(dbOption())
    .addHelpText('after', EXIT_CODES)
    .action(async (target: string, opts: RunOptions) => {
      const runMs = opts.timeout === undefined ? undefined : positiveMs(opts.timeout);
      const { openCommandStore } = await import('../command-store.js');
      const cards = await import('../../store/cards.js');
      const { isDeckTrusted } = await import('../../store/trust.js');
      const { codeBlocksOf } = await import('../../parse/card-code.js');
      const { isRunnableLanguage, runSnippet } = await import('../../run/run-snippet.js');
      const { userRegistry } = await import('../../app/run/code-runner.js');
      const { DEFAULT_RUN_LIMITS } = await import('../../run/run-types.js');
      const { loadSettings } = await import('../../app/settings/study-settings.js');
      const { toolEnvironment } = await import('../tool-environment.js');
      // The user's own config may add languages or change their commands; decks never can.
      const registry = userRegistry(loadSettings(configPath()));

      // Everything is read before the program starts: the store is not held open while it runs.
      const store = openCommandStore(storePath(opts.db), { create: false, now: currentTime() });
      let card: Card;
      let trusted: boolean;
      try {
        card = findCard(store, target, cards);
        // An archived card is not part of the deck's trusted content.
        trusted = !card.archived && isDeckTrusted(store, card.deck);
      } finally {
        store.close();
      }

      const blocks = codeBlocksOf(card);
      const block = chooseBlock(card, blocks.filter((b) => isRunnableLanguage(b.lang, registry)), blocks.length, opts.block);
      if (!trusted && !opts.trust) {
        throw new EngramError(
          'untrusted',
          `deck ${card.deck} is not trusted: its code has not been run before (or changed since). Read the code, then run with --trust, or engram trust ${shellWord(card.deck)}.`,
        );
      }

      const limits = { runMs: runMs ?? DEFAULT_RUN_LIMITS.runMs };
      const abort = new AbortController();
      const onInterrupt = () => abort.abort();
      process.on('SIGINT', onInterrupt);
      const tail = { endsInNewline: true };
      let result: RunResult;
      try {
        result = await runSnippet(
          { language: block.lang, code: block.code },
          {
            limits,
            registry,
            toolEnv: toolEnvironment(),
            hooks: {
              signal: abort.signal,
              onOutput: opts.json
                ? undefined
                : (stream, text) => {
                    if (text === '') return;
                    (stream === 'stdout' ? process.stdout : process.stderr).write(text);
                    tail.endsInNewline = text.endsWith('\n');
                  },
            },
          },
        );
      } finally {
        process.off('SIGINT', onInterrupt);
      }
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      } else {
        // The status line starts on its own line even after output without a final newline.
        process.stderr.write(`${tail.endsInNewline ? '' : '\n'}${statusLine(result, limits.runMs)}\n`);
      }
      process.exitCode = exitCodeOf(result);
    });
}

type CardQueries = Pick<typeof import('../../store/cards.js'), 'cardById' | 'cardAtLine'>;

/** The card named by an id or by `file:line` (any line of the card, the path relative to the working folder). */
function findCard(store: Store, target: string, { cardById, cardAtLine }: CardQueries): Card {
  if (/^\d+$/.test(target)) {
    const card = cardById(store, Number(target));
    if (!card) throw new EngramError('usage', `no card with id ${target}. engram cards lists the cards and their ids.`);
    return card;
  }
  const at = /^(.+):(\d+)$/.exec(target);
  if (!at) throw new EngramError('usage', `"${target}" is not a card: give a card id (see engram cards) or file:line, e.g. notes/java.md:12.`);
  const path = storedPath(at[1]!);
  const card = cardAtLine(store, path, Number(at[2]));
  if (!card) {
    throw new EngramError(
      'usage',
      `no card at ${displayPath(path)}:${at[2]!}. Check the line, and that the file is imported (engram import ${shellWord(at[1]!)}).`,
    );
  }
  return card;
}

/** Paths are stored symlink-free; a file that is gone keeps its given path, resolved. */
function storedPath(given: string): string {
  const full = resolve(process.cwd(), given);
  try {
    return realpathSync(full);
  } catch {
    return full;
  }
}

/**
 * The block to run: the only runnable one, or the one `--block` names (1-based
 * among the runnable blocks). Several and no --block: lists them and fails (exit 2).
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
  throw new EngramError(
    'usage',
    `card ${card.id} has ${runnable.length} runnable blocks; choose one with --block N:\n${blockList(runnable)}`,
  );
}

function blockList(blocks: CodeBlock[]): string {
  return blocks
    .map((b, i) => {
      const first = b.code.split('\n').find((l) => l.trim() !== '') ?? '';
      return `  ${i + 1}  ${b.lang.padEnd(6)}  ${first.trim().slice(0, 60)}`;
    })
    .join('\n');
}

/** `exit 0 · 143 ms · sandbox: bubblewrap`, or what stopped the run instead. */
function statusLine(r: RunResult, runMs: number): string {
  let head: string;
  if (r.reason === null) head = r.signal ? `killed by ${r.signal}` : `exit ${r.exit ?? 0}`;
  else if (r.reason === 'timeout') head = `stopped: time limit ${duration(runMs)}`;
  else if (r.reason === 'output-cap') head = 'stopped: output cap reached';
  else if (r.reason === 'cancelled') head = 'stopped: interrupted';
  else head = r.message ?? r.reason.replace('-', ' ');
  const sandbox = r.sandbox === 'none' ? 'unsandboxed' : `sandbox: ${r.sandbox}`;
  return `${head} · ${Math.round(r.ms)} ms · ${sandbox}`;
}

function duration(ms: number): string {
  return ms >= 1000 && ms % 100 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** The exit code for a run, as the help lists them. */
function exitCodeOf(r: RunResult): number {
  switch (r.reason) {
    case null:
      if (r.exit !== null) return r.exit;
      return 128 + (r.signal ? (constants.signals[r.signal as keyof typeof constants.signals] ?? 0) : 0);
    case 'timeout':
      return 124;
    case 'output-cap':
    case 'folder-cap':
      return 137;
    case 'cancelled':
      return 130;
    default:
      return 125;
  }
}

function positiveMs(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new EngramError('usage', `--timeout ${text}: give a time limit in ms, e.g. --timeout 2000.`);
  return Number(text);
}

/** A deck or path as it would be typed in a shell: quoted when it holds anything but plain characters. */
function shellWord(word: string): string {
  return /^[\w./@%+=:,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
