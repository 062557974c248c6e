import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The packages that import string-width on the way from Ink to the terminal
 * (as the bundle's metafile lists them: Ink's output and text wrapping,
 * wrap-ansi, widest-line, cli-truncate). Vitest normally hands packages to
 * Node untouched, and then no alias reaches their imports; these go through
 * Vite instead, so the alias below applies inside them. ink-testing-library
 * comes too, or it would render with a second, unaliased copy of Ink.
 */
const MEASURE_TEXT = /\/node_modules\/(ink|ink-testing-library|wrap-ansi|widest-line|cli-truncate)\//;

/**
 * Loads those packages without their source-map comments. Ink's maps name
 * TypeScript sources it does not publish, and Vite would print a warning for
 * each of its files in every test file; stack traces then point at Ink's
 * built JavaScript, which is what is installed anyway.
 */
const withoutPackageSourceMaps: Plugin = {
  name: 'engram:without-package-source-maps',
  load(id) {
    if (!MEASURE_TEXT.test(id)) return null;
    return readFileSync(id.replace(/\?.*$/, ''), 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '');
  },
};

/**
 * As in scripts/bundle.mjs: Ink's renderer turns frames into text with the
 * fast Output that ships (src/tui/terminal/fast-output.ts), so the screen
 * tests draw what users see. test/tui/terminal/fast-output.test.ts imports
 * Ink's own by its file path to compare the two.
 */
const fastOutput: Plugin = {
  name: 'engram:fast-output',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source !== './output.js' || !importer || !/[\\/]node_modules[\\/]ink[\\/]build[\\/]renderer\.js(\?|$)/.test(importer)) return null;
    return fileURLToPath(new URL('./src/tui/terminal/fast-output.ts', import.meta.url));
  },
};

export default defineConfig({
  plugins: [withoutPackageSourceMaps, fastOutput],
  resolve: {
    // As in scripts/bundle.mjs: the screen tests measure text with the
    // function that ships. test/tui/terminal/fast-string-width.test.ts imports the real
    // package by its file path, which this alias does not match.
    alias: { 'string-width': fileURLToPath(new URL('./src/tui/terminal/fast-string-width.ts', import.meta.url)) },
  },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Generous: end-to-end tests spawn the real binary, and CI machines vary.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    server: { deps: { inline: [MEASURE_TEXT] } },
  },
});
