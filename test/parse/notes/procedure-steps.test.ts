import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/nlp/english.js';
import { procedureCard, procedureSteps } from '../../../src/parse/notes/procedure-steps.js';
import type { Sentence } from '../../../src/parse/notes/sentences.js';

/** The sentences of `text` as a bullet gives them (one paragraph, tagged in context). */
function sentencesOf(text: string): Sentence[] {
  return analyse(text).map((s) => ({
    text: text.slice(s.from, s.to),
    tokens: s.tokens.map((t) => ({ ...t, from: t.from - s.from, to: t.to - s.from })),
    emphasis: [],
    line: 1,
    endLine: 1,
  }));
}

describe('procedureSteps', () => {
  it('reads instructions as steps, a sentence split where ", and" joins a second instruction', () => {
    expect(
      procedureSteps(
        sentencesOf(
          'Every time the majority of nodes make a decision, assign it a monotonically increasing ID. Pass this ID with every write, and if the storage service ever comes across a write with a lower fencing token value than the current one, reject it.',
        ),
      ),
    ).toEqual([
      'Every time the majority of nodes make a decision, assign it a monotonically increasing ID.',
      'Pass this ID with every write.',
      'If the storage service ever comes across a write with a lower fencing token value than the current one, reject it.',
    ]);
    expect(procedureSteps(sentencesOf('Write the value to the cache. Write the value to the database, and then acknowledge the client.'))).toEqual([
      'Write the value to the cache.',
      'Write the value to the database.',
      'Acknowledge the client.',
    ]);
  });

  it('reads a verb the model calls a name at the start of a sentence as the verb it is', () => {
    expect(procedureSteps(sentencesOf('Record the hottest keys. Replay them against the new cache. Compare hit rates.'))).toEqual([
      'Record the hottest keys.',
      'Replay them against the new cache.',
      'Compare hit rates.',
    ]);
  });

  it('gives null for statements, a single instruction, or a mix', () => {
    expect(procedureSteps(sentencesOf('A split vote is an election in which no candidate wins. Followers then time out again.'))).toBeNull();
    expect(procedureSteps(sentencesOf('Restart one node at a time.'))).toBeNull();
    expect(procedureSteps(sentencesOf('Assign each decision an ID. The storage keeps the highest ID it has seen.'))).toBeNull();
    expect(procedureSteps(sentencesOf('Process pauses happen. Nodes wait.'))).toBeNull();
  });
});

describe('procedureCard', () => {
  it('asks how the subject works, counting the steps it numbers', () => {
    expect(procedureCard({ text: 'fencing tokens', plural: true }, ['Assign an ID.', 'Reject lower IDs.'])).toEqual({
      front: 'How do fencing tokens work, in two steps?',
      back: '1. Assign an ID.\n2. Reject lower IDs.',
    });
    expect(procedureCard({ text: 'leader election', plural: false }, ['Time out.', 'Ask for votes.', 'Lead.'])?.front).toBe('How does leader election work, in three steps?');
  });

  it('makes no card of four steps or more, or of a step too long to recall', () => {
    expect(procedureCard({ text: 'cache warming', plural: false }, ['Record keys.', 'Replay them.', 'Compare rates.', 'Switch traffic.'])).toBeNull();
    expect(procedureCard({ text: 'cache warming', plural: false }, ['Record keys.', `Replay ${'them again '.repeat(15)}.`])).toBeNull();
  });
});
