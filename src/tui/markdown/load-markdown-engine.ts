import * as engine from './markdown-engine.js';

/** What the card layout asks of the markdown engine (markdown-engine.ts). */
export type MarkdownEngine = Pick<typeof engine, 'parseMarkdown' | 'highlightTree'>;

/**
 * The markdown parser and code highlighter. Here a plain import; the bundle
 * (scripts/bundle.mjs) puts a loader in its place that reads the engine's own
 * file on the first call, so a screen whose first card is plain prose draws it
 * without compiling either library (~30 ms of CPU at start-up).
 */
export function markdownEngine(): MarkdownEngine {
  return engine;
}
