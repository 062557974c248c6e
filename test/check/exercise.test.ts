import { describe, expect, it } from 'vitest';
import { asksForOutput, exerciseOf } from '../../src/check/exercise.js';

const runnable = (lang: string) => ['js', 'python', 'java'].includes(lang);
const recallOnly = { typedAnswers: false, runnable };
const code = (lang: string, text: string, info = '') => `\`\`\`${lang}${info ? ` ${info}` : ''}\n${text}\n\`\`\``;

describe('exerciseOf: predict', () => {
  it('takes a runnable block marked predict, to be run', () => {
    expect(exerciseOf({ front: code('js', 'console.log(1)', 'predict'), back: 'One.' }, recallOnly)).toEqual({
      kind: 'predict',
      block: { side: 'front', index: 0, lang: 'js', attributes: ['predict'], code: 'console.log(1)' },
      expected: null,
      unordered: false,
    });
  });

  it('takes the output block of the answer as the expected output', () => {
    const ex = exerciseOf({ front: `Output?\n\n${code('python', 'print(2)')}`, back: code('output', '2') }, recallOnly);
    expect(ex).toMatchObject({ kind: 'predict', block: { lang: 'python', code: 'print(2)' }, expected: '2', unordered: false });
  });

  it('takes an output block on the question side too', () => {
    const ex = exerciseOf({ front: `${code('js', 'f()')}\n\n${code('output', 'x')}`, back: 'explained' }, recallOnly);
    expect(ex).toMatchObject({ kind: 'predict', expected: 'x' });
  });

  it('takes a question that asks what the code prints', () => {
    for (const q of [
      'What does this print?',
      'What will the following Java program output?',
      'What would it display',
      'What does `main` print?',
      'What is printed?',
      "What's the output?",
      'What is the output of this code?',
      'Predict the output.',
    ]) {
      expect(exerciseOf({ front: `${q}\n\n${code('java', 'x();')}`, back: 'ok' }, recallOnly).kind, q).toBe('predict');
    }
  });

  it('is unordered when the output block or the code block says so', () => {
    const a = exerciseOf({ front: code('js', 'f()', 'predict'), back: code('output', 'a\nb', 'unordered') }, recallOnly);
    const b = exerciseOf({ front: code('js', 'f()', 'any-order'), back: code('output', 'a\nb') }, recallOnly);
    expect([a, b].map((e) => e.kind === 'predict' && e.unordered)).toEqual([true, true]);
  });

  it('prefers the block marked predict over an earlier runnable one', () => {
    const ex = exerciseOf({ front: `${code('js', 'setup()')}\n${code('js', 'run()', 'predict')}`, back: '' }, recallOnly);
    expect(ex).toMatchObject({ kind: 'predict', block: { index: 1, code: 'run()' } });
  });

  it('is not predict when the asking question has no runnable block', () => {
    expect(exerciseOf({ front: `What does this print?\n\n${code('rust', 'main()')}`, back: '1' }, recallOnly)).toEqual({ kind: 'recall' });
    expect(exerciseOf({ front: 'What does this print?\n\n    print(1)', back: '1' }, recallOnly)).toEqual({ kind: 'recall' });
  });

  it('is not predict when the runnable block is on the answer side', () => {
    expect(exerciseOf({ front: 'What does it print?', back: `${code('js', 'f()', 'predict')}\n${code('output', '1')}` }, recallOnly)).toEqual({
      kind: 'recall',
    });
  });

  it('is not predict for a runnable block that nothing asks to predict', () => {
    expect(exerciseOf({ front: `What does this return?\n\n${code('js', 'f()')}`, back: '1' }, recallOnly)).toEqual({ kind: 'recall' });
  });

  it('reads the question only outside code: "print" in the code does not count', () => {
    expect(exerciseOf({ front: code('python', '# what does this print\nprint(1)'), back: '1' }, recallOnly)).toEqual({ kind: 'recall' });
  });
});

describe('exerciseOf: typed', () => {
  it('expects the text of an answer block', () => {
    expect(exerciseOf({ front: 'Command to list files?', back: `${code('answer', 'ls -la')}\n\nwith hidden files` }, recallOnly)).toEqual({
      kind: 'typed',
      expected: 'ls -la',
    });
  });

  it('expects the text of a block marked typed on the answer side only', () => {
    expect(exerciseOf({ front: 'Q', back: code('sh', 'git log', 'typed') }, recallOnly)).toEqual({ kind: 'typed', expected: 'git log' });
    expect(exerciseOf({ front: code('sh', 'git log', 'typed'), back: 'A' }, recallOnly)).toEqual({ kind: 'recall' });
  });

  it('expects the answer as plain text when the deck asks for typed answers', () => {
    const ex = exerciseOf({ front: 'Capital?', back: '**Paris**, see [the map](http://x)' }, { typedAnswers: true, runnable });
    expect(ex).toEqual({ kind: 'typed', expected: 'Paris, see the map' });
  });

  it('expects the short answer, never the explanation after it, and nothing to check when there is none', () => {
    const methods = 'GET, HEAD, PUT, DELETE, OPTIONS, TRACE.\n\nThese are idempotent because repeating one changes nothing more.';
    expect(exerciseOf({ front: 'Idempotent methods?', back: methods }, { typedAnswers: true, runnable })).toEqual({ kind: 'typed', expected: 'GET, HEAD, PUT, DELETE, OPTIONS, TRACE.' });
    const essay = `It matters because ${'a node may believe one thing while the others believe another, '.repeat(2)}and so on.`;
    expect(exerciseOf({ front: 'Why?', back: essay }, { typedAnswers: true, runnable })).toEqual({ kind: 'typed', expected: null });
  });

  it('expects the gap of a cloze card, not the whole sentence', () => {
    const ex = exerciseOf({ front: '**[...]** is the capital of Australia.', back: '**Canberra** is the capital of Australia.' }, { typedAnswers: true, runnable });
    expect(ex).toEqual({ kind: 'typed', expected: 'Canberra' });
  });

  it('falls back to recall when a typed deck card has no answer text', () => {
    expect(exerciseOf({ front: 'Q', back: '***' }, { typedAnswers: true, runnable })).toEqual({ kind: 'recall' });
  });

  it('still asks predict cards to predict in a typed deck', () => {
    expect(exerciseOf({ front: code('js', 'f()', 'predict'), back: 'x' }, { typedAnswers: true, runnable }).kind).toBe('predict');
  });
});

describe('asksForOutput', () => {
  it('does not take other questions about code as asking for output', () => {
    expect(['What does this function do?', 'What does printf return?', 'Why is the output empty?', 'What is a print statement?'].map(asksForOutput)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
