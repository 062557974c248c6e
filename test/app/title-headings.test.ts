import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { titleHeadings } from '../../src/app/title-headings.js';
import { importPaths } from '../../src/library/import-sources.js';
import { openStore } from '../../src/store/open-store.js';
import { tempDir } from '../helpers/temp-dir.js';

const NOW = Date.parse('2026-03-02T10:00:00Z');

describe('titleHeadings', () => {
  it("finds a file's title heading once, and again only when told the file changed", () => {
    const dir = tempDir();
    const file = join(dir, 'clocks.md');
    writeFileSync(file, '# Clocks and Time\n\n## Monotonic\n\nQ: What never jumps back?\nA: A monotonic clock.\n');
    const store = openStore(join(dir, 'engram.db'), { create: true });
    try {
      importPaths(store, [file], { cwd: dir, now: NOW });
      const titles = titleHeadings(store);
      expect(titles.of(file)).toBe('Clocks and Time');
      expect(titles.of(null)).toBeNull();

      // The file loses its single title: the lookup holds until it is forgotten.
      writeFileSync(file, '# Clocks\n\nQ: What never jumps back?\nA: A monotonic clock.\n\n# Failures\n\nQ: What fails partly?\nA: A distributed system.\n');
      importPaths(store, [file], { cwd: dir, now: NOW + 60_000 });
      expect(titles.of(file)).toBe('Clocks and Time');
      titles.forget(file);
      expect(titles.of(file)).toBeNull();
    } finally {
      store.close();
    }
  });
});
