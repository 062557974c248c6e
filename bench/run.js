// `npm run bench`: every benchmark, printing its figures. Targets are checked
// here, never in unit tests.
import { importBench } from './import-bench.js';
import { parseBench } from './parse-bench.js';

console.log(`engram benchmarks on node ${process.version}, ${new Date().toISOString()}`);
parseBench();
importBench();
