import { useEffect } from 'react';
import type { QuizActions } from '../../app/quiz/quiz-actions.js';
import type { QuizItem } from '../../app/quiz/quiz-session.js';
import type { InkKey } from '../key-table.js';
import { useController } from '../terminal/use-controller.js';
import { createQuizController, type QuizViewFacts } from './quiz-controller.js';
import type { QuizScreenState } from './quiz-screen-state.js';

/**
 * The quiz controller of this screen, made once, redrawing it on every
 * change; whatever runs stops when the screen goes.
 * @returns the state to draw now and the controller's key handlers
 */
export function useQuiz(
  actions: QuizActions,
  items: readonly QuizItem[],
): {
  state: QuizScreenState;
  onInput: (input: string, key: InkKey, view: QuizViewFacts) => void;
  onKey: (name: string, view: QuizViewFacts) => void;
  scrollTo: (line: number, max: number) => void;
} {
  const controller = useController((redraw) => createQuizController(actions, items, { onChange: redraw }));
  // A quiz with no questions is over before it starts.
  useEffect(() => controller.start(), [controller]);
  return { state: controller.state(), onInput: controller.onInput, onKey: controller.onKey, scrollTo: controller.scrollTo };
}
