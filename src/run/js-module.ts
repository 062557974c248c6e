import { blankCode } from './blank-code.js';

/** `import x from`, `import {`, `import *`, `import 'side-effect'` and any `export`, at the start of a line; `import.meta` anywhere. */
const MODULE_SYNTAX = /^[ \t]*(?:import\s*(?:[\w$*{]|["'])|export\s*[\w${*])|(?<![\w$.])import\s*\.\s*meta\b/m;

/**
 * Whether JavaScript source must run as an ES module (a `.mjs` file): it has
 * top-level import/export or uses `await` outside any function. Everything
 * else runs as CommonJS (`.cjs`), where `require` works. Comments and strings
 * are blanked first so an `import` inside a string does not count.
 */
export function isModuleSource(code: string): boolean {
  const blanked = blankCode(code, 'javascript');
  if (MODULE_SYNTAX.test(blanked)) return true;
  return topLevelAwait(blanked);
}

function topLevelAwait(blanked: string): boolean {
  let depth = 0;
  for (let i = 0; i < blanked.length; i++) {
    const c = blanked[i];
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && c === 'a' && blanked.startsWith('await', i) && !/[\w$]/.test(blanked[i - 1] ?? '') && !/[\w$]/.test(blanked[i + 5] ?? '')) {
      return true;
    }
  }
  return false;
}
