// What `engram review` needs besides its screen, gathered in one module so the
// bundle gives it one entry chunk (see review-command.ts).
export { openCommandStore, warnOnStderr } from '../command-store.js';
export { prepareReview } from '../../app/review/prepare-review.js';
export { printProblems } from '../output/print-problems.js';
export { reviewSummaryLines } from '../output/review-summary.js';
export { displayPath } from '../output/display-path.js';
export { processEnd } from '../process-end.js';
export { syncMayRun } from '../../app/sync/sync-setting.js';
