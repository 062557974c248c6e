import type { CardState } from '../../model/card-state.js';
import type { Grade } from '../../model/review.js';
import { afterAnswer, removeCard, type DueQueue } from '../../schedule/due-queue.js';
import { codeReducer, initialCheck, type CodeAction } from '../code-pane/code-reducer.js';
import type { ShownCard } from '../../app/review/review-actions.js';
import type { LimitReached } from '../../app/review/today-limits.js';
import type { ReviewPutAway, ReviewState } from './review-state.js';

/** Everything that can happen to a review. Effects (store writes) happen before these are dispatched. */
export type ReviewAction =
  | { type: 'show'; card: ShownCard | null }
  | { type: 'reveal' }
  | { type: 'answered'; grade: Grade; reviewId: number; state: CardState; durationMs: number }
  | { type: 'undone'; state: CardState | null; now: number }
  /** A card gone from the review for good (edited away). */
  | { type: 'removed'; cardId: number; message: string }
  /** The card on screen was buried, suspended or dropped (saved already). */
  | { type: 'put-away'; kind: 'bury' | 'suspend' | 'drop'; message: string; now: number }
  /** The last card put away is back (unburied, unsuspended or undropped already), as it was shown. */
  | { type: 'restored'; message: string; now: number }
  /** A card of the queue that is gone from the store (archived by an edit, suspended elsewhere). */
  | { type: 'skip'; cardId: number }
  /** Today's queue afresh, for a review that ran past the rollover or that another engram wrote to. */
  | { type: 'requeue'; queue: DueQueue }
  /** No card left, but daily limits keep cards waiting: the screen says so and offers more. */
  | { type: 'limit'; limits: LimitReached[] }
  /** More study allowed today (saved already): the queue with it, and the review goes on. */
  | { type: 'more'; queue: DueQueue; message: string }
  | { type: 'edited'; card: ShownCard }
  /** A note on the status line; null clears it. */
  | { type: 'message'; text: string | null }
  | { type: 'scroll'; by: number; max: number }
  | { type: 'help' }
  | { type: 'quit' }
  | CodeAction;

/**
 * The review after `action`: pure, so every rule here is tested without a screen.
 * A new card on screen (shown, answered, undone, put away, edited) starts
 * without a code pane and with a fresh answer box.
 */
export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
  let next = cardReducer(state, action);
  // The limits are the limit screen's: any way out of it (an undo, more study) leaves them behind.
  if (next.phase !== 'limit' && next.limits.length > 0) next = { ...next, limits: [] };
  if (next.current === state.current) return next;
  return { ...next, run: null, check: initialCheck(next.current) };
}

function cardReducer(state: ReviewState, action: ReviewAction): ReviewState {
  switch (action.type) {
    case 'show':
      return action.card
        ? { ...state, current: action.card, phase: 'question', scroll: 0, message: state.current ? null : state.message }
        : { ...state, current: null, phase: 'done', scroll: 0 };
    case 'reveal':
      return state.phase === 'question' && state.current ? { ...state, phase: 'answer' } : state;
    case 'answered': {
      const shown = state.current;
      if (!shown || state.phase !== 'answer') return state;
      return {
        ...state,
        queue: afterAnswer(state.queue, shown.card, action.state),
        answers: [
          ...state.answers,
          {
            cardId: shown.card.id,
            reviewId: action.reviewId,
            grade: action.grade,
            durationMs: action.durationMs,
            queueBefore: state.queue,
            shownBefore: shown,
            stateAfter: action.state,
          },
        ],
        history: [...state.history, { kind: 'answer' }],
        current: null,
        phase: 'question',
        message: null,
      };
    }
    case 'undone': {
      const last = state.answers[state.answers.length - 1];
      if (!last || state.history[state.history.length - 1]?.kind !== 'answer') return state;
      const history = state.history.slice(0, -1);
      // The queue as it was, minus what was buried or suspended since; the card
      // is shown anew, so its answer time starts now, unless it was itself put
      // away since: then it stays away, and the next card comes.
      const queue = state.removed.reduce(removeCard, last.queueBefore);
      if (state.removed.includes(last.cardId)) {
        return { ...state, queue, answers: state.answers.slice(0, -1), history, current: null, phase: 'question', scroll: 0, message: 'Answer undone; the card stays put away.' };
      }
      return {
        ...state,
        queue,
        answers: state.answers.slice(0, -1),
        history,
        current: { ...last.shownBefore, state: action.state, shownAt: action.now },
        phase: 'question',
        scroll: 0,
        message: 'Answer undone.',
      };
    }
    case 'put-away': {
      const shown = state.current;
      if (!shown || (state.phase !== 'question' && state.phase !== 'answer')) return state;
      const step: ReviewPutAway = {
        kind: action.kind,
        cardId: shown.card.id,
        queueBefore: state.queue,
        shownBefore: shown,
        phaseBefore: state.phase,
        shownForMs: Math.max(0, action.now - shown.shownAt),
      };
      return {
        ...state,
        queue: removeCard(state.queue, shown.card.id),
        history: [...state.history, step],
        removed: [...state.removed, shown.card.id],
        current: null,
        phase: 'question',
        message: action.message,
      };
    }
    case 'restored': {
      const last = state.history[state.history.length - 1];
      if (!last || last.kind === 'answer') return state;
      // The queue as it was, minus what else is away; the card shows on the side
      // it showed, and the time it had been on screen still counts.
      const removed = state.removed.filter((id) => id !== last.cardId);
      return {
        ...state,
        queue: removed.reduce(removeCard, last.queueBefore),
        history: state.history.slice(0, -1),
        removed,
        current: { ...last.shownBefore, shownAt: action.now - last.shownForMs },
        phase: last.phaseBefore,
        scroll: 0,
        message: action.message,
      };
    }
    case 'removed':
      return {
        ...state,
        queue: removeCard(state.queue, action.cardId),
        removed: [...state.removed, action.cardId],
        current: null,
        phase: 'question',
        message: action.message,
      };
    case 'skip':
      return { ...state, queue: removeCard(state.queue, action.cardId), current: null };
    case 'requeue':
      return { ...state, queue: action.queue };
    case 'limit':
      return { ...state, current: null, phase: 'limit', limits: action.limits, scroll: 0 };
    case 'more':
      return state.phase === 'limit' ? { ...state, queue: action.queue, current: null, phase: 'question', limits: [], scroll: 0, message: action.message } : state;
    case 'edited': {
      // An edit can turn the card into another one (the old one is archived): it leaves the queue.
      const before = state.current?.card.id;
      const replaced = before !== undefined && before !== action.card.card.id;
      return {
        ...state,
        queue: replaced ? removeCard(state.queue, before) : state.queue,
        removed: replaced ? [...state.removed, before] : state.removed,
        current: action.card,
        scroll: 0,
        message: 'Card re-imported.',
      };
    }
    case 'message':
      return { ...state, message: action.text };
    case 'scroll':
      // With the key list open, scroll keys move the list; the card keeps its place under it.
      if (state.helpOpen) return { ...state, helpScroll: Math.max(0, Math.min(action.max, state.helpScroll + action.by)) };
      return { ...state, scroll: Math.max(0, Math.min(action.max, state.scroll + action.by)) };
    case 'help':
      return { ...state, helpOpen: !state.helpOpen, helpScroll: 0 };
    case 'quit':
      return { ...state, quit: true, phase: 'done' };
    default:
      return codeReducer(state, action);
  }
}

/** What a review did: cards answered, the share answered Again (0-1), and the time it took in ms. */
export interface ReviewStats {
  reviewed: number;
  againRate: number;
  timeMs: number;
}

/** The figures of the review in `state` up to `now`, all from its own answers. */
export function reviewStats(state: ReviewState, now: number): ReviewStats {
  const reviewed = state.answers.length;
  const again = state.answers.filter((a) => a.grade === 1).length;
  return { reviewed, againRate: reviewed ? again / reviewed : 0, timeMs: now - state.startedAt };
}
