// Bundles the CLI and its two screens into dist/bundle (run by `npm run build`,
// after tsc has type-checked and compiled src/). bin/engram loads
// dist/bundle/main.js; everything else is a chunk that main.js, or a screen,
// imports when a command needs it.
//
// Usage: node scripts/bundle.mjs   (from any folder; paths are the repo's)
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The entry points. Each becomes dist/bundle/<file name without extension>.js.
 * main.js is what bin/engram imports. The two screens are imported lazily by
 * `engram review` and `engram quiz` (a plain dynamic import in
 * src/cli/commands/review-command.ts and quiz-command.ts, which the bundler
 * follows): Ink and React stay out of every other command's code. Naming them
 * as entries too gives their files readable names (run-review.js,
 * run-quiz.js) instead of hashed chunk names.
 */
const ENTRIES = ['src/cli/main.ts', 'src/tui/review/run-review.tsx', 'src/tui/quiz/run-quiz.tsx'];

/** Where the bundle goes; bin/engram loads main.js from here. */
const OUT_DIR = 'dist/bundle';

/**
 * Packages left as plain `import`s, loaded from node_modules at run time.
 * (better-sqlite3's JS is bundled, its addon is not: src/store/sqlite-addon.ts
 * hands every `new Database` the addon found in better-sqlite3's own folder.
 * Loaded from node_modules it was 14 CommonJS files, ~5 ms at every start.)
 * - esbuild: transpiles TypeScript snippets (src/run/transpile-typescript.ts)
 *   and reports its version in `engram doctor`; its JS API starts the
 *   platform's esbuild binary found through its own package, so it cannot be
 *   inlined either. It is imported lazily: commands that run no snippet never load it.
 * - @open-spaced-repetition/binding-linux-x64-gnu: the optimizer's native
 *   module, an optional dependency loaded with require() when `engram
 *   optimize` runs (src/schedule/optimize/fsrs-optimizer.ts); it may be
 *   missing, and that must be a message at run time, not a failed build.
 * - fsrs-browser: the optimizer's WebAssembly build, imported when `engram
 *   optimize` runs without a native one (src/schedule/optimize/wasm-optimizer.ts);
 *   it reads its .wasm file from its own package folder.
 * - wink-nlp and wink-eng-lite-web-model: the English model (3.7 MB) that only
 *   the notes parser needs (src/nlp/english.ts); loaded with require() on its
 *   first use, so no other command reads it at start-up.
 */
const EXTERNAL = ['esbuild', '@open-spaced-repetition/binding-linux-x64-gnu', 'fsrs-browser', 'wink-nlp', 'wink-eng-lite-web-model'];

/**
 * Packages swapped for our own modules everywhere in the bundle, in Ink and
 * its helpers too.
 */
const ALIAS = {
  // Ink loads its devtools.js (which imports react-devtools-core) only when
  // the DEV environment variable is "true", but the bundler follows that
  // import() all the same. react-devtools-core is not installed, so the build
  // would fail without a stand-in; the stub keeps Ink's devtools hook a no-op.
  'react-devtools-core': './src/tui/devtools-stub.ts',
  // Ink's devtools polyfill imports ws only to hand it to react-devtools-core:
  // the same stub keeps that websocket library out of the bundle.
  ws: './src/tui/devtools-stub.ts',
  // Ink, wrap-ansi, widest-line and cli-truncate measure every text of every
  // frame with string-width, which segments graphemes and runs an emoji regex
  // per segment (~150 µs for a 79-cell rule): the review screen's frames were
  // dominated by it. The fast version counts code points against the same
  // Unicode tables (see its comment for where it differs);
  // test/tui/terminal/fast-string-width.test.ts compares it with the real package, and
  // vitest.config.ts makes the screen tests use it too.
  'string-width': './src/tui/terminal/fast-string-width.ts',
  // Ink draws no frame until the app ends when it believes it runs in CI (the
  // CI variable set): engram's screens run only on a terminal, so never.
  // test/e2e/review-pty.test.ts reviews with CI=true.
  'is-in-ci': './src/tui/terminal/outside-ci.ts',
};

/**
 * Ink's frame-to-text step (ink/build/output.js, imported by its renderer.js
 * by a relative path, which `alias` cannot reach) swapped for
 * src/tui/terminal/fast-output.ts. Ink's builds a cell object for every cell
 * of the screen each frame (12,000 at 200x60) and turns each back into text:
 * most of the time from an answer to the next card, and most of the garbage.
 * The fast one gives the same text from the cells written to;
 * test/tui/terminal/fast-output.test.ts compares them, and vitest.config.ts
 * makes the screen tests use it too.
 */
const FAST_OUTPUT = {
  name: 'engram-fast-output',
  setup(b) {
    b.onResolve({ filter: /^\.\/output\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]ink[\\/]build[\\/]renderer\.js$/.test(args.importer)
        ? { path: fileURLToPath(new URL('../src/tui/terminal/fast-output.ts', import.meta.url)) }
        : undefined,
    );
  },
};

/**
 * The grapheme segmenters that Ink's text tokenizers create when their modules
 * load, swapped for src/tui/terminal/lazy-graphemes.ts: the first Intl object
 * of a process initialises ICU's locale data (~15 ms of CPU before the review's
 * first card), and the stand-in splits ASCII text itself, creating the real
 * Intl.Segmenter only for other text. A tokenizer whose code no longer holds
 * the call fails the build, so an upgrade cannot drop the swap unnoticed.
 */
const TOKENIZER_FILES = /[\\/]node_modules[\\/](?:@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize|slice-ansi[\\/]tokenize-ansi)\.js$/;
const GRAPHEME_SEGMENTER = /new Intl\.Segmenter\(\s*undefined\s*,\s*\{\s*granularity:\s*["']grapheme["']\s*\}\s*\)/g;
const LAZY_GRAPHEMES = {
  name: 'engram-lazy-graphemes',
  setup(b) {
    const stand_in = fileURLToPath(new URL('../src/tui/terminal/lazy-graphemes.ts', import.meta.url));
    b.onLoad({ filter: TOKENIZER_FILES }, async (args) => {
      const code = await readFile(args.path, 'utf8');
      if (!GRAPHEME_SEGMENTER.test(code)) throw new Error(`${args.path} no longer creates its grapheme segmenter as scripts/bundle.mjs expects: update LAZY_GRAPHEMES`);
      GRAPHEME_SEGMENTER.lastIndex = 0;
      const contents = `import { graphemeSegmenter as __engramGraphemes } from ${JSON.stringify(stand_in)};\n${code.replace(GRAPHEME_SEGMENTER, '__engramGraphemes()')}`;
      return { contents, loader: 'js' };
    });
  },
};

/**
 * Commander requires node:child_process when it loads, for commands that run
 * another program (engram has none), and that loads node:net and node:dgram
 * with it (~3 ms of CPU at every start). Its one use, childProcess.spawn, now
 * requires the module when called. A commander whose code no longer holds that
 * line fails the build, so an upgrade cannot drop this unnoticed.
 */
const COMMANDER_FILE = /[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/;
const CHILD_PROCESS = "const childProcess = require('node:child_process');";
const LAZY_CHILD_PROCESS = {
  name: 'engram-lazy-child-process',
  setup(b) {
    b.onLoad({ filter: COMMANDER_FILE }, async (args) => {
      const code = await readFile(args.path, 'utf8');
      if (!code.includes(CHILD_PROCESS)) throw new Error(`${args.path} no longer requires node:child_process as scripts/bundle.mjs expects: update LAZY_CHILD_PROCESS`);
      const lazy = "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };";
      return { contents: code.replace(CHILD_PROCESS, lazy), loader: 'js' };
    });
  },
};

/**
 * The markdown parser and code highlighter (src/tui/markdown/markdown-engine.ts,
 * ~250 kB of micromark, mdast and highlight.js) are built into a file of their
 * own, ENGINE_FILE, which the screens load with require() on the first card
 * that needs them: a first card of plain prose is drawn without compiling
 * either (~30 ms of CPU). The layout calls the engine synchronously, so the
 * file is CommonJS, which require() reads at once; load-markdown-engine.ts's
 * import of the engine is swapped for the loader below.
 */
const ENGINE_ENTRY = 'src/tui/markdown/markdown-engine.ts';
const ENGINE_FILE = 'markdown-engine.cjs';
const LAZY_ENGINE = {
  name: 'engram-lazy-markdown-engine',
  setup(b) {
    b.onResolve({ filter: /^\.\/markdown-engine\.js$/ }, (args) =>
      /[\\/]src[\\/]tui[\\/]markdown[\\/]load-markdown-engine\.ts$/.test(args.importer) ? { path: 'markdown-engine', namespace: 'engram-lazy-engine' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'engram-lazy-engine' }, () => ({
      // `require` is the banner's; the engine sits in OUT_DIR, this code in OUT_DIR or its chunks folder.
      contents: `
        import { basename, dirname, join } from 'node:path';
        import { fileURLToPath } from 'node:url';
        let engine;
        function load() {
          if (!engine) {
            const here = dirname(fileURLToPath(import.meta.url));
            engine = require(join(basename(here) === 'chunks' ? dirname(here) : here, ${JSON.stringify(ENGINE_FILE)}));
          }
          return engine;
        }
        export const parseMarkdown = (text) => load().parseMarkdown(text);
        export const highlightTree = (name, code) => load().highlightTree(name, code);
        export const grammarNames = () => load().grammarNames();`,
      loader: 'js',
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
    }));
  },
};

/**
 * Node's built-in modules are loaded with require() (the banner's) instead of
 * `import`: the bundle's import statements of them are rewritten as require()
 * calls once it is built. An import of a built-in makes Node fill in an ES
 * module of all its exports, running every lazy getter on the way (node:crypto
 * loads WebCrypto, node:process its report module…); require() hands over the
 * object and loads only what is used. Rewritten rather than swapped for
 * modules of the bundle: a module per built-in would be a chunk per set of
 * entries using it, and each file costs more to load than it saves. A
 * `default` import is the module itself, as require() gives it.
 *
 * LAZY: functions whose module is required at their first call instead, when a
 * statement imports nothing else of it. node:child_process loads node:net and
 * node:dgram (~3 ms of CPU); the review's code imports spawnSync for the editor
 * and the image viewer, which most sessions never open. (Not execFile: code
 * promisifies it, and the promisified stand-in would lose execFile's own
 * promisified form.)
 */
const REQUIRED = new Set(builtinModules.filter((m) => !m.startsWith('_')).flatMap((m) => [m, `node:${m}`]));
const LAZY = { 'node:child_process': new Set(['spawn', 'spawnSync', 'execFileSync']) };
const IMPORT_STATEMENT = /import\s*(?:(\*\s*as\s*[\w$]+)|([\w$]+)?\s*,?\s*(\{[^}]*\})?)\s*(?:from)?\s*"([^"]+)";?/g;

/**
 * `code` with its import statements of REQUIRED modules turned into require()
 * calls, all put right after the banner (where `require` is defined): ES
 * imports are hoisted, and the bundle has them in the middle of a file, after
 * code of the modules before. Other imports are kept as they are.
 * @throws when a statement that names such a module is left (a form this does not know)
 */
function requireInstead(code, file) {
  if (!code.startsWith(BANNER)) throw new Error(`${file} does not start with the banner`);
  const requires = [];
  const body = code.slice(BANNER.length).replace(IMPORT_STATEMENT, (statement, namespace, name, braces, id) => {
    if (!REQUIRED.has(id)) return statement;
    const specs = (braces ?? '{}').slice(1, -1).split(',').map((s) => s.trim()).filter(Boolean).map((spec) => spec.split(/\s+as\s+/));
    const lazy = LAZY[id];
    if (lazy && !namespace && !name && specs.every(([imported]) => lazy.has(imported))) {
      requires.push(`const ${specs.map(([imported, local = imported]) => `${local}=(...a)=>require(${JSON.stringify(id)}).${imported}(...a)`).join(',')};`);
      return '';
    }
    const module = `__m${requires.length}`;
    const parts = [`${module}=require(${JSON.stringify(id)})`];
    if (namespace) parts.push(`${namespace.replace(/^\*\s*as\s*/, '')}=${module}`);
    if (name) parts.push(`${name}=${module}`);
    for (const [imported, local = imported] of specs) {
      parts.push(`${local}=${imported === 'default' ? module : `${module}.${imported}`}`);
    }
    requires.push(`const ${parts.join(',')};`);
    return '';
  });
  const left = /(?:from|import)\s*\(?\s*"(node:[^"]+)"\)?/.exec(body.replace(/import\("[^"]*"\)/g, ''));
  if (left) throw new Error(`${file}: an import of ${left[1]} that scripts/bundle.mjs cannot turn into require(): ${left[0]}`);
  return BANNER + requires.join('') + body;
}

/**
 * A banner opens and a footer closes every output file (entries and chunks alike).
 *
 * require: some bundled packages are CommonJS and require Node built-ins when
 * loaded (commander: node:events, node:child_process…; signal-exit: assert,
 * events; stack-utils: module). In ESM output esbuild turns those into a shim
 * that throws "Dynamic require of … is not supported" unless a real `require`
 * is in scope, so each file gets one made with createRequire. It is made on
 * the file's first require() call: createRequire builds a CommonJS module
 * object and its lookup paths, and of the ~60 files the review's first card
 * loads, only a few ever call require(). (Nothing in the bundle uses
 * require.resolve or require.cache; code that needs them calls createRequire.)
 *
 * fetch: Ink's layout engine, yoga, is WebAssembly inlined as base64 in an
 * Emscripten loader that, whenever `fetch` is a function, fetches that data:
 * URL instead of decoding it. Node's first fetch() loads its HTTP client
 * (undici), which costs ~40-70 ms at every start of the review or quiz screen.
 * With fetch hidden while the modules evaluate (yoga's top-level await
 * included), the loader decodes the base64 directly. The footer puts the
 * original property back, so code that runs later sees the usual fetch;
 * the descriptor is copied, not read through, so fetch itself is never touched.
 */
const BANNER = [
  "import{createRequire as __cr}from'node:module';let __rq;function require(id){return(__rq??=__cr(import.meta.url))(id)}",
  "const __fetch=Object.getOwnPropertyDescriptor(globalThis,'fetch');Object.defineProperty(globalThis,'fetch',{value:void 0,configurable:true,writable:true});",
].join('');
const FOOTER = "if(__fetch)Object.defineProperty(globalThis,'fetch',__fetch);";

// Written afresh: chunks of an earlier build would otherwise pile up beside the new ones.
const root = fileURLToPath(new URL('..', import.meta.url));
await rm(`${root}/${OUT_DIR}`, { recursive: true, force: true });
const bundled = await build({
  absWorkingDir: root,
  entryPoints: ENTRIES,
  bundle: true,
  // Code shared by entries or loaded with import() becomes a chunk, so each
  // command loads only its own code (start-up time is most of a short command).
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  outdir: OUT_DIR,
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  external: EXTERNAL,
  alias: ALIAS,
  plugins: [FAST_OUTPUT, LAZY_GRAPHEMES, LAZY_ENGINE, LAZY_CHILD_PROCESS],
  // React (and the reconciler and scheduler Ink uses) choose their production
  // or development build from NODE_ENV when first required. Fixing it here
  // drops the development builds from the bundle and keeps a user's NODE_ENV
  // from switching the screens to React's slower, warning-printing mode.
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: { js: BANNER },
  footer: { js: FOOTER },
  logLevel: 'warning',
  write: false,
});
for (const file of bundled.outputFiles) {
  await mkdir(dirname(file.path), { recursive: true });
  await writeFile(file.path, file.path.endsWith('.js') ? requireInstead(file.text, file.path) : file.contents);
}
// Node learns that a .js file is an ES module from the nearest package.json, and looks for it at every import it
// resolves, one folder up at a time: from chunks/ that was four URLs parsed and read each time (~3 ms of CPU over the
// 40-odd files a command loads). One in each folder of the bundle ends the search at once.
for (const folder of [OUT_DIR, `${OUT_DIR}/chunks`]) await writeFile(`${root}/${folder}/package.json`, '{ "type": "module" }\n');

await build({
  absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
  entryPoints: [ENGINE_ENTRY],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  outfile: `${OUT_DIR}/${ENGINE_FILE}`,
  logLevel: 'warning',
});
