import type { CardCode } from '../../check/code-of-card.js';
import type { CodeBlock } from '../../model/code-block.js';
import type { Intent } from '../key-table.js';
import { answerBoxKey, type AnswerBox } from '../terminal/answer-box-keys.js';
import type { CodeAction } from './code-reducer.js';
import type { CodePaneState, RunPurpose } from './code-views.js';
import { createRunControl, type CodeRunActions } from './run-control.js';

/** The intents of the code pane and the answer box. */
export type CodeIntent = Extract<
  Intent,
  { kind: 'run' | 'choose-block' | 'trust-answer' | 'stop-run' | 'close-pane' | 'typing-enter' | 'submit' | 'erase' | 'stop-typing' }
>;

const CODE_INTENTS: ReadonlySet<string> = new Set(['run', 'choose-block', 'trust-answer', 'stop-run', 'close-pane', 'typing-enter', 'submit', 'erase', 'stop-typing']);

/** Whether an intent is the code pane's or the answer box's. */
export function isCodeIntent(intent: Intent): intent is CodeIntent {
  return CODE_INTENTS.has(intent.kind);
}

/** The screen's state as the pane reads it: its own part, and the card on screen with its code. */
export type CodePaneHost = CodePaneState & { current: { card: { deck: string }; code?: CardCode } | null };

/** What the pane hands the screen's reducer: its own actions, and a note for the status line. */
export type CodeControlAction = CodeAction | { type: 'message'; text: string };

/** The running code of the card on screen: what starts, asks, streams and stops it. */
export interface CodeControl {
  /** Carries out a code intent; `key` is the key's name (the digit of a block choice). */
  perform(intent: CodeIntent, key: string): void;
  /** Stops whatever runs (the screen closed). */
  stop(): void;
  /** Stops a run started for another card than `shown` (the card on screen changed). */
  stopUnlessFor(shown: unknown): void;
}

/** How the review says why nothing ran. */
const REVIEW_RUN_WORDS = {
  trustUnknown: (why: string) => `Not run: ${why}`,
  declined: (deck: string) => `Not run: deck "${deck}" is not trusted (engram trust ${JSON.stringify(deck)} trusts it).`,
};

/**
 * The review's code pane and answer box: `r` runs the card's code (choosing a
 * block when it has several) through the shared run control, and a
 * prediction handed in without a given output runs its block to be checked.
 */
export function createCodeControl(actions: CodeRunActions, live: () => CodePaneHost, dispatch: (a: CodeControlAction) => void): CodeControl {
  const runs = createRunControl(actions, { live, owner: () => live().current, dispatch }, REVIEW_RUN_WORDS);

  /** Runs the block of the card on screen, asking first when its deck is not trusted. */
  const request = (block: CodeBlock, purpose: RunPurpose): void => {
    const deck = live().current?.card.deck;
    if (deck !== undefined) runs.request(block, deck, purpose);
  };

  /** Ends the answer box; a prediction without a given output then needs its code run. */
  const submit = (): void => {
    dispatch({ type: 'submit' });
    const check = live().check;
    if (check?.step === 'waiting' && check.exercise.kind === 'predict') request(check.exercise.block, 'predict');
  };

  const answerBox = (): AnswerBox | null => {
    const check = live().check;
    if (check?.step !== 'typing') return null;
    return { text: check.text, multiline: check.exercise.kind === 'predict', submit, type: (text) => dispatch({ type: 'type', text }), erase: () => dispatch({ type: 'erase' }) };
  };

  const perform = (intent: CodeIntent, key: string): void => {
    if (answerBoxKey(intent, answerBox()) || runs.runKey(intent)) return;
    const s = live();
    switch (intent.kind) {
      case 'run': {
        const blocks = s.current?.code?.blocks ?? [];
        if (s.run?.step === 'running') dispatch({ type: 'message', text: 'Code is running: esc stops it.' });
        else if (blocks.length === 0) dispatch({ type: 'message', text: 'This card has no code engram can run.' });
        else if (blocks.length === 1) request(blocks[0]!, 'show');
        else dispatch({ type: 'run-choose', blocks, purpose: 'show' });
        return;
      }
      case 'choose-block': {
        if (s.run?.step !== 'choose') return;
        const block = s.run.blocks[Number(key) - 1];
        if (block) request(block, s.run.purpose);
        return;
      }
      case 'close-pane':
        dispatch({ type: 'run-close' });
        return;
      case 'stop-typing':
        dispatch({ type: 'stop-typing' });
        return;
    }
  };

  return { perform, stop: runs.stop, stopUnlessFor: runs.stopUnlessFor };
}
