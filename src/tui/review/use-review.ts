import { useEffect, useRef } from 'react';
import type { ReviewActions, ShownCard } from '../../app/review/review-actions.js';
import type { DueQueue } from '../../schedule/due-queue.js';
import { useController } from '../terminal/use-controller.js';
import { createReviewController, type ReviewController } from './review-controller.js';
import type { ReviewState } from './review-state.js';

/**
 * The review controller for a screen: made once, redrawn on every change of
 * its state, told after each frame that shows another card or phase, and
 * disposed of when the screen closes. The rules are the controller's.
 * @returns the state to draw and the controller's key handlers
 */
export function useReview(
  actions: ReviewActions,
  queue: DueQueue,
  warm: (shown: ShownCard) => void = () => undefined,
): { state: ReviewState } & Pick<ReviewController, 'perform' | 'onKey' | 'onInput'> {
  // The latest layout function: the terminal's width can change while the controller lives.
  const warmNow = useRef(warm);
  warmNow.current = warm;
  const controller = useController((redraw) => createReviewController(actions, queue, { warm: (shown) => warmNow.current(shown), onChange: redraw }));
  const state = controller.state();

  useEffect(() => controller.cardShown(), [controller, state.current, state.phase]);

  return { state, perform: controller.perform, onKey: controller.onKey, onInput: controller.onInput };
}
