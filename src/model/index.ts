export * from './card.js';
export * from './card-state.js';
export * from './deck.js';
export * from './problem.js';
export * from './review.js';
export * from './engram-error.js';
