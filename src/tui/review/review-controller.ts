import type { ReviewActions, ShownCard } from '../../app/review/review-actions.js';
import type { LimitReached } from '../../app/review/today-limits.js';
import { isDerivedSyntax } from '../../model/card.js';
import type { CardState } from '../../model/card-state.js';
import { cardAfter, nextCard, type DueQueue } from '../../schedule/due-queue.js';
import { createCodeControl, isCodeIntent } from '../code-pane/code-control.js';
import type { Intent, KeyMode } from '../key-table.js';
import { createKeyInput, viewKey, type KeyInput } from '../terminal/key-input.js';
import { reviewReducer, type ReviewAction } from './review-reducer.js';
import { moreStudy, moreText } from './study-more.js';
import { initialReview, type ReviewState } from './review-state.js';

/** What the screen knows that an intent needs: how far the body can scroll, and the card's images. */
export interface ViewFacts {
  bodyHeight: number;
  maxScroll: number;
  images: readonly string[];
}

/** What the screen gives the controller besides the actions and the queue. */
export interface ReviewControllerOptions {
  /** Lays out a card loaded ahead, so that showing it only has to draw. */
  warm?: (shown: ShownCard) => void;
  /** Told after every change of the state (the screen redraws from `state()`). */
  onChange?: (state: ReviewState) => void;
}

/** The review's rules, apart from any screen: keys in (onKey, onInput), store writes through the actions, state out. */
export interface ReviewController extends KeyInput<ViewFacts> {
  /** The live state: changed at once by every action, before any redraw. */
  state(): ReviewState;
  /** Carries out an intent; `key` is the key's name (the digit of a block choice). */
  perform(intent: Intent, view: ViewFacts, key?: string): void;
  /**
   * The screen has drawn the live state. When the card or the phase changed
   * since the last call: loads a card when none shows (the first, or after a
   * failed load), stops code running for a card no longer shown, and starts
   * loading the next card ahead. Calling it again without a change does nothing.
   */
  cardShown(): void;
  /** The screen closed: stops running code and the look-ahead. */
  dispose(): void;
}

/**
 * The review over `queue`: `onKey`/`onInput`/`perform` carry out an intent
 * through the actions (store writes first, then the state change), so nothing
 * is shown as answered before it is saved.
 *
 * The state changes at once on every action; the screen only redraws from it.
 * Keys that arrive in one burst (over SSH, or while the screen is busy) are so
 * each handled against the true current state, never against the last frame
 * drawn.
 */
export function createReviewController(actions: ReviewActions, queue: DueQueue, o: ReviewControllerOptions = {}): ReviewController {
  let live = initialReview(queue, actions.now());
  const dispatch = (action: ReviewAction): void => {
    live = reviewReducer(live, action);
    o.onChange?.(live);
  };
  const code = createCodeControl(actions, () => live, dispatch);
  /** The card most likely shown next, loaded (and laid out by `warm`) while the user reads. */
  let ahead: ShownCard | null = null;
  let lookAhead: ReturnType<typeof setTimeout> | null = null;
  /** Another engram wrote to the store and the queue is not rebuilt yet. */
  let stale = false;
  /** How many undoable steps the review had when the queue was last rebuilt for another engram's writes. */
  let pickedUpAt = -1;
  /** The card and phase `cardShown` last saw; undefined before its first call. */
  let seenCard: ShownCard | null | undefined;
  let seenPhase: ReviewState['phase'] | undefined;

  /**
   * Shows the next card of the current queue, or ends the day. Cards gone since
   * the queue was built (edited away, suspended elsewhere) are skipped; a
   * review that runs past the rollover gets the new day's queue, and one that
   * another engram wrote to meanwhile (an import in another terminal) gets the
   * queue afresh from the store, with the new cards in it. Checked before the
   * review is declared done, so cards imported during the last card still come.
   */
  const advance = (): void => {
    const now = actions.now();
    stale = readChange() || stale;
    if (now >= live.queue.dayEnd) {
      dispatch({ type: 'requeue', queue: actions.queueFor(now) });
      stale = false;
    } else if (stale) {
      pickUp(now);
    }
    for (;;) {
      const next = nextCard(live.queue, now);
      if (!next) {
        const limits = readLimits(now);
        dispatch(limits.length > 0 ? { type: 'limit', limits } : { type: 'show', card: null });
        return;
      }
      const early = ahead;
      ahead = null;
      // Loaded ahead and still as stored (a new card, or one not answered since): use it.
      const shown = early && early.card.id === next.id && sameSchedule(early.state, next.state) ? { ...early, shownAt: now } : actions.show(next, now);
      if (shown) {
        dispatch({ type: 'show', card: shown });
        return;
      }
      dispatch({ type: 'skip', cardId: next.id });
    }
  };

  /**
   * The daily limits that keep cards waiting once the queue has run out; none
   * when the store cannot say (the review then ends as it would without them).
   */
  const readLimits = (now: number): LimitReached[] => {
    try {
      return actions.limitsReached(now);
    } catch {
      return [];
    }
  };

  /** Whether another engram wrote since the last card; a store that cannot say is taken as unchanged. */
  const readChange = (): boolean => {
    try {
      return actions.changedElsewhere();
    } catch {
      return false;
    }
  };

  /**
   * Rebuilds the queue from the store: it counts what this review answered
   * (limits, siblings) and leaves out what it buried or suspended. The card
   * loaded ahead is dropped: the import may have rewritten it. A queue that
   * cannot be read now is kept as it is (its cards are all still valid) and
   * read again at the next card.
   */
  const pickUp = (at: number): void => {
    ahead = null;
    let fresh: DueQueue;
    try {
      fresh = actions.queueFor(at);
    } catch {
      return;
    }
    stale = false;
    pickedUpAt = live.history.length;
    dispatch({ type: 'requeue', queue: fresh });
  };

  /** Loads the next card; what came before it is saved already, so a failure here says only this. */
  const advanceSafely = (): void => {
    try {
      advance();
    } catch (err) {
      dispatch({ type: 'message', text: notLoaded(err) });
    }
  };

  /** Runs a store write; on failure says so and returns false. */
  const attempt = (what: string, run: () => void): boolean => {
    try {
      run();
      return true;
    } catch (err) {
      dispatch({ type: 'message', text: `${what}: ${(err as Error).message}` });
      return false;
    }
  };

  /**
   * Loads and lays out the card most likely shown next, unless it is loaded
   * already: the one the queue gives once the card on screen has left it (a
   * learning card that is due before the next review or new card).
   */
  const loadAhead = (): void => {
    const shown = live.current;
    if (!shown) return;
    const now = actions.now();
    const candidate = cardAfter(live.queue, shown.card.id, now);
    if (!candidate || (ahead?.card.id === candidate.id && sameSchedule(ahead.state, candidate.state))) return;
    try {
      ahead = actions.show(candidate, now);
      if (ahead) o.warm?.(ahead);
    } catch {
      ahead = null; // only a head start: the card is loaded again when it is due
    }
  };

  /**
   * While the user reads (after the frame, so the frame comes first): loads the
   * card after the one on screen, then lets the store do its upkeep.
   */
  const startLookAhead = (): void => {
    if (lookAhead) clearTimeout(lookAhead);
    lookAhead = null;
    if (!live.current) return;
    lookAhead = setTimeout(() => {
      lookAhead = null;
      loadAhead();
      actions.whileReading();
    }, 0);
  };

  const perform = (intent: Intent, view: ViewFacts, key = ''): void => {
    const s = live;
    const shown = s.current;
    if (viewKey(intent, view, dispatch)) return;
    // A status line is about what the last key did: the next key that acts (shows
    // the answer, grades, runs, types) replaces it, so it never outlives its card.
    if (live.message !== null) dispatch({ type: 'message', text: null });
    if (isCodeIntent(intent)) {
      code.perform(intent, key);
      return;
    }
    switch (intent.kind) {
      case 'accept': {
        // Space/enter take Good on a card answered from memory, and a checked answer's
        // suggestion when it is a pass. Again, or a typed answer nothing could check,
        // needs its digit: a check can be unfair, and Again costs the card its interval.
        const check = s.check?.step === 'checked' ? s.check : null;
        if (check === null) perform({ kind: 'grade', grade: 3 }, view);
        else if (check.suggested !== null && check.suggested > 1) perform({ kind: 'grade', grade: check.suggested }, view);
        else if (s.phase === 'answer') dispatch({ type: 'message', text: check.suggested === 1 ? AGAIN_BY_HAND : GRADE_BY_HAND });
        return;
      }
      case 'reveal':
        if (!shown && s.phase !== 'done') {
          // No card on screen, the next one failed to load: space tries again.
          advanceSafely();
        } else dispatch({ type: 'reveal' });
        return;
      case 'grade': {
        if (!shown || s.phase !== 'answer') return;
        const now = actions.now();
        let saved: { reviewId: number; state: CardState };
        try {
          saved = actions.answer(shown, intent.grade, now);
        } catch (err) {
          // The store said no (locked, full, read-only): the answer was not saved, so the card stays.
          dispatch({ type: 'message', text: `Not saved: ${(err as Error).message}` });
          return;
        }
        dispatch({ type: 'answered', grade: intent.grade, reviewId: saved.reviewId, state: saved.state, durationMs: now - shown.shownAt });
        advanceSafely();
        return;
      }
      case 'undo': {
        const step = s.history[s.history.length - 1];
        const last = s.answers[s.answers.length - 1];
        if (!step || (step.kind === 'answer' && !last)) {
          dispatch({ type: 'message', text: 'Nothing to undo in this session.' });
          return;
        }
        const undone =
          step.kind === 'answer'
            ? attempt('Not undone', () => dispatch({ type: 'undone', state: actions.undo(last!.reviewId, last!.cardId), now: actions.now() }))
            : attempt('Not undone', () => {
                if (step.kind === 'bury') actions.unbury(step.cardId);
                else if (step.kind === 'drop') actions.undrop(step.cardId);
                else actions.unsuspend(step.cardId);
                dispatch({ type: 'restored', message: UNDONE[step.kind](step.cardId), now: actions.now() });
              });
        // The queue undo restores predates the cards picked up since: read it again at the next card.
        if (undone && s.history.length <= pickedUpAt) stale = true;
        if (!live.current) advanceSafely();
        return;
      }
      case 'edit': {
        if (!shown) return;
        ahead = null; // the edit may have changed the card loaded ahead too
        void Promise.resolve(actions.edit(shown, actions.now())).then(
          (result) => {
            if ('card' in result) dispatch({ type: 'edited', card: result });
            else if (result.gone) {
              dispatch({ type: 'removed', cardId: shown.card.id, message: result.message });
              advanceSafely();
            } else dispatch({ type: 'message', text: result.message });
          },
          (err: unknown) => dispatch({ type: 'message', text: `Not re-imported: ${(err as Error).message}` }),
        );
        return;
      }
      case 'bury':
      case 'suspend':
      case 'drop': {
        if (!shown) return;
        const id = shown.card.id;
        const kind = intent.kind;
        // A written card is the user's own text: dropping it would only hide what they wrote on purpose.
        if (kind === 'drop' && !isDerivedSyntax(shown.card.syntax)) {
          dispatch({ type: 'message', text: WRITTEN_NOT_DROPPED });
          return;
        }
        const done = attempt(PUT_AWAY[kind].failed, () => (kind === 'bury' ? actions.bury(id) : kind === 'drop' ? actions.drop(id) : actions.suspend(id)));
        if (!done) return;
        dispatch({ type: 'put-away', kind, message: PUT_AWAY[kind].done(id), now: actions.now() });
        advanceSafely();
        return;
      }
      case 'open-image': {
        if (!shown) return;
        const [first] = view.images;
        if (first === undefined) {
          dispatch({ type: 'message', text: 'This card has no image.' });
          return;
        }
        void Promise.resolve(actions.openImage(first, shown.card)).then((text) => dispatch({ type: 'message', text }));
        return;
      }
      case 'study-more': {
        if (s.phase !== 'limit') return;
        const more = moreStudy(s.limits);
        const now = actions.now();
        let queue: DueQueue | null = null;
        if (!attempt('Not saved', () => actions.studyMore(more, now))) return;
        if (!attempt('Could not load more cards', () => (queue = actions.queueFor(now)))) return;
        ahead = null;
        dispatch({ type: 'more', queue: queue!, message: `${moreText(more)} allowed today.` });
        advanceSafely();
        return;
      }
      case 'quit':
        dispatch({ type: 'quit' });
        return;
    }
  };

  const keys = createKeyInput<ViewFacts>({
    modes: () => keyModes(live),
    typingMode: 'typing',
    helpOpen: () => live.helpOpen,
    perform,
    type: (text) => {
      if (live.message !== null) dispatch({ type: 'message', text: null });
      dispatch({ type: 'type', text });
    },
  });

  const cardShown = (): void => {
    // Loading a card changes the card again: settled when nothing changed since the last look.
    for (;;) {
      const { current, phase } = live;
      if (current === seenCard && phase === seenPhase) return;
      const cardChanged = current !== seenCard;
      seenCard = current;
      seenPhase = phase;
      if (cardChanged) {
        // Code runs for the card on screen only. Checked against the card the run
        // started for: a key may already have started a run for the new card.
        code.stopUnlessFor(current);
        startLookAhead();
      }
      if (current === null && phase !== 'done' && phase !== 'limit') advanceSafely();
    }
  };

  const dispose = (): void => {
    code.stop();
    if (lookAhead) clearTimeout(lookAhead);
    lookAhead = null;
  };

  return { state: () => live, onKey: keys.onKey, onInput: keys.onInput, perform, cardShown, dispose };
}

/** Where keys are read now, most specific first: a question in the pane or the answer box takes every key. */
function keyModes(s: ReviewState): KeyMode[] {
  if (s.phase === 'limit') return ['limit'];
  if (s.run?.step === 'choose') return ['choose'];
  if (s.run?.step === 'trust') return ['trust'];
  if (s.check?.step === 'typing' && s.phase === 'question') return ['typing'];
  const phase = s.phase === 'answer' ? 'answer' : 'question';
  if (s.run?.step === 'running') return ['running', phase];
  if (s.run?.step === 'finished') return ['output', phase];
  return [phase];
}

/** What the status line says when a card is put away, or could not be. */
const PUT_AWAY: Record<'bury' | 'suspend' | 'drop', { done: (id: number) => string; failed: string }> = {
  bury: { done: (id) => `Buried card ${id} until tomorrow; u brings it back.`, failed: 'Not buried' },
  suspend: { done: (id) => `Suspended card ${id}; u brings it back (later: engram unsuspend ${id}).`, failed: 'Not suspended' },
  drop: { done: (id) => `Dropped card ${id} for good; u brings it back (later: engram undrop ${id}).`, failed: 'Not dropped' },
};

/** What the status line says when undo brings a card put away back. */
const UNDONE: Record<'bury' | 'suspend' | 'drop', (id: number) => string> = {
  bury: (id) => `Unburied card ${id}.`,
  suspend: (id) => `Unsuspended card ${id}.`,
  drop: (id) => `Undropped card ${id}.`,
};

/** Said when x meets a card written by hand. */
const WRITTEN_NOT_DROPPED = 'Only cards derived from notes can be dropped; this one is written in its file: s suspends it, e edits it.';

/** Said when space/enter would record Again that the user did not choose. */
const AGAIN_BY_HAND = 'Enter does not record Again: press 1 for it, or 2-4 if you knew it.';
/** Said when space/enter meet an answer nothing could check. */
const GRADE_BY_HAND = 'Not checked: grade it yourself, 1-4.';

/** The status line when the next card could not be read from the store (the answer before it is saved). */
function notLoaded(err: unknown): string {
  return `Could not load the next card: ${(err as Error).message}; press space to try again.`;
}

function sameSchedule(a: CardState | null, b: CardState | null): boolean {
  return a === null || b === null ? a === b : a.reps === b.reps && a.lastReview === b.lastReview;
}
