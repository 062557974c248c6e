import type { Root as HastRoot } from 'hast';
import type { LanguageFn } from 'highlight.js';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import kotlin from 'highlight.js/lib/languages/kotlin';
import markdown from 'highlight.js/lib/languages/markdown';
import python from 'highlight.js/lib/languages/python';
import ruby from 'highlight.js/lib/languages/ruby';
import rust from 'highlight.js/lib/languages/rust';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import { createLowlight } from 'lowlight';
import type { Root as MdastRoot } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

// The markdown parser and the code highlighter: the two large libraries behind
// the card layout, which plain prose never needs. The bundle builds this file
// on its own and loads it on first use (scripts/bundle.mjs, load-markdown-engine.ts).

/**
 * The grammars cards are written in, by name (highlight-code.ts knows the
 * names and aliases). Each is registered the first time a card uses it:
 * registering them all up front costs the first card on screen ~20 ms.
 */
const GRAMMARS: Readonly<Record<string, LanguageFn>> = {
  bash, c, cpp, csharp, css, diff, go, java, javascript, json, kotlin, markdown, python, ruby, rust, sql, typescript, xml, yaml,
};

const lowlight = createLowlight();
// micromark and mdast directly, as remark-parse with remark-gfm does, minus
// unified and the markdown serializer the review screen never needs.
const extensions = [gfm()];
const mdastExtensions = gfmFromMarkdown();

/** The syntax tree of `text`: CommonMark with GitHub's tables, task lists, strikethrough, autolinks and footnotes. */
export function parseMarkdown(text: string): MdastRoot {
  return fromMarkdown(text, { extensions, mdastExtensions });
}

/** The names of the grammars this engine has (highlight-code.ts's GRAMMAR_NAMES must list the same). */
export function grammarNames(): string[] {
  return Object.keys(GRAMMARS);
}

/** `code` highlighted with grammar `name` (one of GRAMMARS), as highlight.js's classed spans. Throws for an unknown name. */
export function highlightTree(name: string, code: string): HastRoot {
  if (!lowlight.registered(name)) lowlight.register(name, GRAMMARS[name]!);
  return lowlight.highlight(name, code);
}
