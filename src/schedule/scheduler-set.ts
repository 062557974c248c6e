import { Scheduler, type ScheduleSettings } from './fsrs-scheduler.js';
import type { StudyClock } from './study-time.js';

/**
 * One scheduler per set of FSRS parameters: a deck may have its own (fitted by
 * `engram optimize` on its reviews), every other deck uses the global ones.
 */
export class SchedulerSet {
  private readonly byWeights = new Map<string, Scheduler>();

  /**
   * @param settings the global scheduling settings (their `weights` are the global parameters)
   * @param deckWeights a deck's own parameters, or null when it has none
   */
  constructor(
    readonly settings: ScheduleSettings,
    private readonly deckWeights: (deck: string) => readonly number[] | null = () => null,
  ) {}

  /** The study clock, the same for every deck. */
  get clock(): StudyClock {
    return this.settings.clock;
  }

  /**
   * A fingerprint of everything that schedules the cards of `decks`: the
   * settings and each deck's parameters. Equal fingerprints give equal replays
   * (load balancing and easy days are left out: a replay never computes them).
   */
  fingerprint(decks: readonly string[]): string {
    // The load balancer and easy days place live answers only; replays keep the day each answer recorded.
    const { clock, loadBalance: _balance, easyDays: _easy, ...rest } = this.settings;
    const own = [...decks].sort().map((d) => [d, this.deckWeights(d)]);
    return JSON.stringify({ ...rest, clock: [clock.timeZone, clock.rolloverHour], decks: own });
  }

  /** The scheduler for cards of `deck`. */
  forDeck(deck: string): Scheduler {
    const weights = this.deckWeights(deck) ?? this.settings.weights;
    const key = weights ? weights.join(',') : '';
    let scheduler = this.byWeights.get(key);
    if (!scheduler) {
      scheduler = new Scheduler({ ...this.settings, weights });
      this.byWeights.set(key, scheduler);
    }
    return scheduler;
  }
}
