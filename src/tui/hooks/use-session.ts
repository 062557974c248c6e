import { useCallback, useEffect, useReducer, useRef } from 'react';
import { afterAnswer, nextCard, removeCard, type DueQueue } from '../../schedule/due-queue.js';
import { intentFor, type Intent } from '../key-table.js';
import type { CardState } from '../../model/card-state.js';
import type { ReviewActions, ShownCard } from '../session/review-actions.js';
import { sessionReducer } from '../session/session-reducer.js';
import { initialSession, type SessionState } from '../session/session-state.js';

/** What the screen knows that an intent needs: how far the body can scroll, and the card's images. */
export interface ViewFacts {
  bodyHeight: number;
  maxScroll: number;
  images: readonly string[];
}

/**
 * The review session: the reducer's state, and `perform`, which carries out an
 * intent through the actions (store writes first, then the state change) so
 * nothing is shown as answered before it is saved.
 */
export function useSession(
  actions: ReviewActions,
  queue: DueQueue,
  warm: (shown: ShownCard) => void = () => undefined,
): { state: SessionState; perform: (intent: Intent, view: ViewFacts) => void; onKey: (name: string, view: ViewFacts) => void } {
  const [state, dispatch] = useReducer(sessionReducer, undefined, () => initialSession(queue, actions.now()));
  const latest = useRef(state);
  latest.current = state;
  /** The card most likely shown next, loaded (and laid out by `warm`) while the user reads. */
  const ahead = useRef<ShownCard | null>(null);

  useEffect(() => {
    if (!state.current) return;
    const timer = setTimeout(() => {
      const q = latest.current.queue;
      const candidate = q.main[q.at + 1];
      if (!candidate || ahead.current?.card.id === candidate.id) return;
      try {
        ahead.current = actions.show(candidate, actions.now());
        warm(ahead.current);
      } catch {
        ahead.current = null; // only a head start: the card is loaded again when it is due
      }
    }, 0);
    return () => clearTimeout(timer);
  }, [state.current, actions, warm]);

  useEffect(() => {
    if (state.current !== null || state.phase === 'done') return;
    const now = actions.now();
    const next = nextCard(state.queue, now);
    dispatch({ type: 'show', card: next ? actions.show(next, now) : null });
  }, [state.current, state.phase, state.queue, actions]);

  const perform = useCallback(
    (intent: Intent, view: ViewFacts) => {
      const s = latest.current;
      const shown = s.current;
      // The next card is loaded in the same event as the change that used up the
      // current one: React renders both at once, so no frame is ever without a
      // card for a key typed ahead to fall into.
      const advance = (queue: DueQueue): void => {
        const now = actions.now();
        const next = nextCard(queue, now);
        const early = ahead.current;
        ahead.current = null;
        // Loaded ahead and still as stored (a new card, or one not answered since): use it.
        const fresh = early && next && early.card.id === next.id && sameSchedule(early.state, next.state);
        dispatch({ type: 'show', card: next ? (fresh ? { ...early, shownAt: now } : actions.show(next, now)) : null });
      };
      try {
        switch (intent.kind) {
          case 'reveal':
            dispatch({ type: 'reveal' });
            return;
          case 'grade': {
            if (!shown || s.phase !== 'answer') return;
            const now = actions.now();
            const { reviewId, state: next } = actions.answer(shown, intent.grade, now);
            dispatch({ type: 'answered', grade: intent.grade, reviewId, state: next, durationMs: now - shown.shownAt });
            advance(afterAnswer(s.queue, shown.card.id, next));
            return;
          }
          case 'undo': {
            const last = s.answers[s.answers.length - 1];
            if (!last) {
              dispatch({ type: 'message', text: 'Nothing to undo in this session.' });
              return;
            }
            dispatch({ type: 'undone', state: actions.undo(last.reviewId, last.cardId), now: actions.now() });
            return;
          }
          case 'edit': {
            if (!shown) return;
            ahead.current = null; // the edit may have changed the card loaded ahead too
            void Promise.resolve(actions.edit(shown, actions.now())).then(
              (result) => {
                if ('card' in result) dispatch({ type: 'edited', card: result });
                else if (result.gone) {
                  dispatch({ type: 'removed', cardId: shown.card.id, message: result.message });
                  advance(removeCard(latest.current.queue, shown.card.id));
                } else dispatch({ type: 'message', text: result.message });
              },
              (err: unknown) => dispatch({ type: 'message', text: `Not re-imported: ${(err as Error).message}` }),
            );
            return;
          }
          case 'bury':
            if (!shown) return;
            actions.bury(shown.card.id);
            dispatch({ type: 'removed', cardId: shown.card.id, message: 'Buried until tomorrow.' });
            advance(removeCard(s.queue, shown.card.id));
            return;
          case 'suspend':
            if (!shown) return;
            actions.suspend(shown.card.id);
            dispatch({ type: 'removed', cardId: shown.card.id, message: `Suspended card ${shown.card.id}; engram unsuspend ${shown.card.id} brings it back.` });
            advance(removeCard(s.queue, shown.card.id));
            return;
          case 'open-image': {
            if (!shown) return;
            const [first] = view.images;
            dispatch({ type: 'message', text: first === undefined ? 'This card has no image.' : actions.openImage(first, shown.card) });
            return;
          }
          case 'scroll': {
            const page = Math.max(1, view.bodyHeight - 1);
            const by = intent.by === 'page-down' ? page : intent.by === 'page-up' ? -page : intent.by;
            dispatch({ type: 'scroll', by, max: view.maxScroll });
            return;
          }
          case 'help':
            dispatch({ type: 'help' });
            return;
          case 'quit':
            dispatch({ type: 'quit' });
            return;
        }
      } catch (err) {
        // The store said no (locked, full, read-only): the answer was not saved, so the card stays.
        dispatch({ type: 'message', text: `Not saved: ${(err as Error).message}` });
      }
    },
    [actions],
  );

  /**
   * A key press, read against the latest state rather than the last render's:
   * a key typed ahead (space then 3) can arrive before the screen re-subscribes.
   */
  const onKey = useCallback(
    (name: string, view: ViewFacts) => {
      const intent = intentFor(name, latest.current.phase === 'answer' ? 'answer' : 'question');
      // With the key list over the card, only closing it, quitting and scrolling make sense.
      if (latest.current.helpOpen && intent && intent.kind !== 'help' && intent.kind !== 'quit') return;
      if (intent) perform(intent, view);
    },
    [perform],
  );

  return { state, perform, onKey };
}

function sameSchedule(a: CardState | null, b: CardState | null): boolean {
  return a === null || b === null ? a === b : a.reps === b.reps && a.lastReview === b.lastReview;
}
