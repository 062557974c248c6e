import type { Card } from '../../model/card.js';
import type { CodeBlock } from '../../model/code-block.js';
import { codeOfCard, type CardCode, type CodeRules } from '../../check/code-of-card.js';
import { registryWithOverrides } from '../../run/language-overrides.js';
import { defaultRegistry, isRunnableLanguage } from '../../run/language-registry.js';
import type { LanguageRegistry, RunHooks, RunLimits, RunResult, ToolEnvironment } from '../../run/run-types.js';
import { deckSetting } from '../settings/config-file.js';
import type { LoadedSettings } from '../settings/study-settings.js';

/** The code side of a session: what runs, what each card asks, and running a block. */
export interface CodeRunner {
  rules: CodeRules;
  codeOf(card: Pick<Card, 'front' | 'back' | 'deck'>): CardCode;
  /** Runs a block under the user's languages and the given limits; never rejects for the code's own faults. */
  run(block: CodeBlock, hooks: RunHooks, limits?: Partial<RunLimits>): Promise<RunResult>;
}

/**
 * The runner as the user's settings make it: their `languages` on top of the
 * built-in registry, and their per-deck `typed-answers`; toolchains are looked
 * for with `toolEnv` (the user's PATH and HOME, which the CLI passes; without
 * them, the system folders only). The process-spawning part loads on the
 * first run, not when a session starts.
 */
export function codeRunner(loaded: LoadedSettings, registry: LanguageRegistry, toolEnv?: ToolEnvironment): CodeRunner {
  const rules: CodeRules = {
    runnable: (lang) => isRunnableLanguage(lang, registry),
    typedAnswers: (deck) => deckSetting(loaded.file, deck, 'typed-answers'),
  };
  return {
    rules,
    codeOf: (card) => codeOfCard(card, rules),
    async run(block, hooks, limits) {
      const { runSnippet } = await import('../../run/run-snippet.js');
      return runSnippet({ language: block.lang, code: block.code }, { registry, hooks, ...(limits ? { limits } : {}), ...(toolEnv ? { toolEnv } : {}) });
    },
  };
}

/** The built-in languages with the user's `languages` from their settings file on top. */
export function userRegistry(loaded: LoadedSettings): LanguageRegistry {
  return registryWithOverrides(defaultRegistry(), loaded.file.languages ?? {});
}
