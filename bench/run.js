// `npm run bench`: every benchmark, printing its figures. Targets are checked
// here, never in unit tests.
import { importBench } from './import-bench.js';
import { notesBench } from './notes-bench.js';
import { parseBench } from './parse-bench.js';
import { reviewBench } from './review-bench.js';
import { runBench } from './run-bench.js';
import { statsBench } from './stats-bench.js';
import { exportBench } from './export-bench.js';
import { optimizeBench } from './optimize-bench.js';
import { reliabilityBench } from './reliability-bench.js';
import { syncBench } from './sync-bench.js';
import { ankiBench } from './anki-bench.js';

// `npm run bench -- review` (or parse, notes, import, run, stats, export, optimize, reliability, sync, anki) runs one part.
const only = process.argv[2];
console.log(`engram benchmarks on node ${process.version}, ${new Date().toISOString()}`);
if (!only || only === 'parse') parseBench();
if (!only || only === 'notes') notesBench();
if (!only || only === 'import') importBench();
if (!only || only === 'review') await reviewBench();
if (!only || only === 'run') await runBench();
if (!only || only === 'stats') await statsBench();
if (!only || only === 'export') await exportBench();
if (!only || only === 'optimize') await optimizeBench();
if (!only || only === 'reliability') await reliabilityBench();
if (!only || only === 'sync') await syncBench();
if (!only || only === 'anki') await ankiBench();
