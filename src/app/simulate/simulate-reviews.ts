import { EngramError } from '../../model/engram-error.js';
import { studyDayCounter } from '../../schedule/study-day-counter.js';
import { DEFAULT_WEIGHTS } from '../../schedule/optimize/fit-parameters.js';
import { simulate, TYPICAL_SHARES, type AnswerShares, type SimulationCard, type SimulationInput, type SimulationResult } from '../../schedule/review-simulation.js';
import { studyDay } from '../../schedule/study-clock.js';
import { deckNames } from '../../store/decks.js';
import { openCommandStore } from '../../cli/command-store.js';
import { answerHabits, simulationCards, type AnswerHabits } from '../../store/optimize-queries.js';
import { loadSettings, queueLimits, schedulerSet, studyClock } from '../settings/study-settings.js';
import { configPath, currentTime, outputWidth, storePath } from '../../cli/environment.js';
import { formatTable } from '../../cli/output/format-table.js';
import { ensureReviewFacts } from '../review-facts.js';
import { averages, formatMinutes, monthTable, studyDate } from '../../cli/output/simulate-report.js';
import { namedDecks } from '../named-decks.js';

/** What `engram simulate` was asked to do, as commander hands the options over. */
export interface SimulateOptions {
  retention?: string;
  days?: string;
  seed?: string;
  json?: boolean;
  db?: string;
}

/** Retentions every run is compared with, so the user can choose one. */
const COMPARED = [0.8, 0.85, 0.9, 0.95];
/** Answers of a kind the log needs before its shares replace a typical learner's. */
const MIN_ANSWERS_FOR_SHARES = 20;

/**
 * `engram simulate [decks...]`: the reviews a day over the next `--days`
 * study days at `--retention` (default: the setting), and the same for a few
 * other retentions. Throws EngramError (exit 2) for a retention outside
 * 0.7-0.99, a bad --days or --seed, or an unknown deck.
 */
export function runSimulate(names: readonly string[], opts: SimulateOptions): void {
  const days = whole(opts.days ?? '365', '--days', 1, 3650, 'study days to simulate');
  const seed = whole(opts.seed ?? '1', '--seed', 0, 2 ** 32 - 1, 'seed of the simulated recalls');
  const loaded = loadSettings(configPath());
  const retention = opts.retention === undefined ? loaded.settings.retention : retentionValue(opts.retention);
  const store = openCommandStore(storePath(opts.db), { create: false, now: currentTime() });
  try {
    const decks = names.length ? namedDecks(names, deckNames(store)) : [];
    const clock = studyClock(loaded.settings);
    const today = studyDay(currentTime(), clock);
    const dayOf = studyDayCounter(clock);
    // The answer shares read the state before each answer: fill it for answers from before it was kept.
    ensureReviewFacts(store, schedulerSet(loaded));
    const habits = answerHabits(store, decks);
    const cards: SimulationCard[] = simulationCards(store, decks).map((c) => ({
      deck: c.deck,
      memory:
        c.state === null || c.state.phase === 'new'
          ? null
          : {
              stability: c.state.stability,
              difficulty: c.state.difficulty,
              lastDay: c.state.lastReview === null ? today : dayOf(c.state.lastReview),
              dueDay: dayOf(c.state.due),
            },
    }));
    const { file, settings } = loaded;
    const input: SimulationInput = {
      cards,
      today,
      days,
      retention,
      maximumInterval: settings['maximum-interval'],
      learningSteps: settings['learning-steps'].length,
      relearningSteps: settings['relearning-steps'].length,
      weights: (deck) => {
        const own = file.decks[deck]?.weights;
        if (own && own.length > 0) return own;
        return settings.weights.length > 0 ? settings.weights : DEFAULT_WEIGHTS;
      },
      limits: queueLimits(loaded),
      shares: answerShares(habits),
      secondsPerAnswer: habits.answers > 0 ? habits.cappedMs / habits.answers / 1000 : null,
      seed,
    };
    const result = simulate(input);
    const compared = [...new Set([...COMPARED, retention])].sort((a, b) => a - b).map((r) => ({
      retention: r,
      result: r === retention ? result : simulate({ ...input, retention: r }),
    }));
    const known = cards.filter((c) => c.memory).length;
    if (opts.json) {
      const summary = (r: SimulationResult) => {
        const a = averages(r.days);
        return { reviewsPerDay: a.reviews, learnedPerDay: a.learned, stepsPerDay: a.steps, secondsPerDay: a.seconds, rememberedAtEnd: r.rememberedAtEnd, newLeft: r.newLeft };
      };
      const report = {
        decks: names.length ? decks : null,
        from: studyDate(today),
        days,
        retention,
        seed,
        cards: { scheduled: known, new: cards.length - known },
        secondsPerAnswer: input.secondsPerAnswer,
        ...summary(result),
        perDay: result.days.map((d) => ({ date: studyDate(d.day), reviews: d.reviews, lapses: d.lapses, learned: d.learned, steps: d.steps, seconds: d.seconds })),
        compared: compared.map((c) => ({ retention: c.retention, ...summary(c.result) })),
      };
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return;
    }
    const width = outputWidth();
    const limits = input.limits.global;
    const a = averages(result.days);
    const totals = result.days.reduce((t, d) => ({ reviews: t.reviews + d.reviews, learned: t.learned + d.learned }), { reviews: 0, learned: 0 });
    const out = [
      `Simulated ${days.toLocaleString('en')} study days from ${studyDate(today)} at retention ${fixed(retention)}, ${names.length ? `${decks.length === 1 ? 'deck' : 'decks'} ${decks.join(', ')}` : 'every deck'}:`,
      `${count(known, 'card')} scheduled and ${count(cards.length - known, 'new card')}; at most ${limits.newPerDay} new and ${limits.reviewsPerDay} reviews a day.`,
      '',
      ...monthTable(result, width),
      '',
      `Average a day: ${a.reviews.toFixed(1)} reviews, ${a.steps.toFixed(1)} same-day steps, ${a.learned.toFixed(1)} new cards${a.seconds === null ? '' : `, about ${formatMinutes(a.seconds)}`}.`,
      `In all: ${count(totals.reviews, 'review')}, ${count(totals.learned, 'new card')} learned; ${Math.round(result.rememberedAtEnd).toLocaleString('en')} cards remembered at the end.`,
      '',
      ...comparisonTable(compared, retention, width),
      '',
      `Recalls drawn at random with seed ${seed} (--seed N gives another run).`,
      input.secondsPerAnswer === null ? 'No answers yet to estimate the time from.' : `Time from your average answer: ${input.secondsPerAnswer.toFixed(1)} s.`,
      `To change the retention: engram config set retention ${fixed(retention)}`,
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    store.close();
  }
}

function comparisonTable(compared: { retention: number; result: SimulationResult }[], chosen: number, width: number): string[] {
  const right = 'right' as const;
  const timed = compared.every((c) => c.result.days.every((d) => d.seconds !== null));
  return formatTable(
    [
      { header: 'retention', align: right },
      { header: 'reviews a day', align: right },
      ...(timed ? [{ header: 'time a day', align: right }] : []),
      { header: 'remembered at the end', align: right },
    ],
    compared.map((c) => {
      const a = averages(c.result.days);
      return [
        `${c.retention === chosen ? '> ' : ''}${fixed(c.retention)}`,
        a.reviews.toFixed(1),
        ...(timed ? [formatMinutes(a.seconds!)] : []),
        Math.round(c.result.rememberedAtEnd).toLocaleString('en'),
      ];
    }),
    width,
  );
}

/** Grade shares from the log, where it has enough answers of a kind; a typical learner's otherwise. */
function answerShares(h: AnswerHabits): AnswerShares {
  const recalled = [h.reviewGrades[1], h.reviewGrades[2], h.reviewGrades[3]] as const;
  return {
    first: sum(h.firstGrades) >= MIN_ANSWERS_FOR_SHARES ? h.firstGrades : TYPICAL_SHARES.first,
    recalled: sum(recalled) >= MIN_ANSWERS_FOR_SHARES ? recalled : TYPICAL_SHARES.recalled,
  };
}

function retentionValue(text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0.7 || n > 0.99) {
    throw new EngramError('usage', `--retention must be a number from 0.7 to 0.99 (the chance to recall a card when it falls due); got "${text}".`);
  }
  return n;
}

function whole(text: string, option: string, min: number, max: number, what: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < min || n > max) {
    throw new EngramError('usage', `${option} must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')} (${what}); got "${text}".`);
  }
  return n;
}

function fixed(retention: number): string {
  return retention.toFixed(2);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}
