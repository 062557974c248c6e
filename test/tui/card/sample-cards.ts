import { makeCard } from '../review/fake-actions.js';

/** A cloze of a sibling group: the question shows [...], the answer the filled sentence. */
export const cloze = makeCard(1, {
  kind: 'cloze',
  syntax: 'qa-cloze',
  sibling: 'capitals',
  front: 'The capital of **[...]** is Paris.',
  back: 'The capital of **France** is Paris.',
});

/** A card of the `#### title` format, with its heading path and context paragraph. */
export const titleBlock = makeCard(2, {
  syntax: 'title-block',
  headingPath: ['Systems', 'Caching'],
  title: 'Write-through caching',
  context: 'A write-through cache writes to the cache and to the store together.',
  front: 'What does a write-through cache do on a write?',
  back: 'It writes to both before reporting success.',
});
