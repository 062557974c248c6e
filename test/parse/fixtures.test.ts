import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/parse/parse-source.js';

// Each folder under test/fixtures/parse holds an input file (input.md, input.txt,
// input.bin …) and expected.json: the exact deck, cards and problems. Expected
// files are regenerated only on purpose (npm run fixtures:update) and then read
// by a person before they are committed.
const root = fileURLToPath(new URL('../fixtures/parse', import.meta.url));
const update = process.env['UPDATE_FIXTURES'] === '1';

describe('parser fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    it(name, () => {
      const dir = join(root, name);
      const input = readdirSync(dir).find((f) => f.startsWith('input.'));
      expect(input, `${name} has an input.* file`).toBeDefined();
      const result = parseSource(readFileSync(join(dir, input!)), input!);
      const expectedPath = join(dir, 'expected.json');
      if (update) writeFileSync(expectedPath, `${JSON.stringify(result, null, 2)}\n`);
      expect(result).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});
