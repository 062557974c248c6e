import type { Card } from '../../model/card.js';
import type { QuizCard } from '../../app/quiz/choices.js';
import type { QuizItem } from '../../app/quiz/quiz-session.js';
import { cardLayout, type CardLayout } from '../card/card-layout.js';

/** Cards seen as full cards, kept per quiz card so cardLayout's own memo holds across frames. */
const full = new WeakMap<QuizCard, Card>();

/**
 * The card of a question laid out as the review screen lays it out
 * (breadcrumb without the file's title heading, title, context, question;
 * once `revealed`, a rule and the answer). The CLI plans a quiz over full
 * cards; a bare quiz card (a test's) is drawn as a basic card.
 */
export function quizCardLayout({ card, titleHeading }: Pick<QuizItem, 'card' | 'titleHeading'>, revealed: boolean, width: number, color: boolean): CardLayout {
  let c = full.get(card);
  if (!c) {
    c = { key: '', kind: 'basic', syntax: 'qa', title: null, context: null, headingPath: [], line: 0, endLine: 0, sourcePath: null, archived: false, suspended: false, droppedAt: null, createdAt: 0, updatedAt: 0, ...card } as Card;
    full.set(card, c);
  }
  return cardLayout(c, revealed, width, color, titleHeading ?? null);
}
