import { useCallback, useEffect, useReducer, useRef } from 'react';
import { afterAnswer, nextCard, removeCard, type DueQueue } from '../../schedule/due-queue.js';
import { intentFor, type Intent } from '../key-table.js';
import type { ReviewActions } from '../session/review-actions.js';
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
): { state: SessionState; perform: (intent: Intent, view: ViewFacts) => void; onKey: (name: string, view: ViewFacts) => void } {
  const [state, dispatch] = useReducer(sessionReducer, undefined, () => initialSession(queue, actions.now()));
  const latest = useRef(state);
  latest.current = state;

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
        dispatch({ type: 'show', card: next ? actions.show(next, now) : null });
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
            const result = actions.edit(shown, actions.now());
            if ('card' in result) dispatch({ type: 'edited', card: result });
            else if (result.gone) {
              dispatch({ type: 'removed', cardId: shown.card.id, message: result.message });
              advance(removeCard(s.queue, shown.card.id));
            } else dispatch({ type: 'message', text: result.message });
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
