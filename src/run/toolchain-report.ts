import { defaultRegistry, entryTools } from './language-registry.js';
import { SYSTEM_TOOLS, type LanguageRegistry, type ToolEnvironment } from './run-types.js';
import { resolveTool, toolVersion } from './toolchain.js';

/** One tool of a language as installed here. */
export interface ToolStatus {
  /** The command as the registry writes it (`javac`), or `esbuild` for TypeScript's in-process transpiler. */
  command: string;
  /** Where it was found (the real interpreter behind a version manager's shim), or null when not installed. */
  path: string | null;
  /** Its first line of version output, or null. */
  version: string | null;
}

/** Whether one language can run here, for `engram doctor`. */
export interface LanguageStatus {
  language: string;
  aliases: string[];
  tools: ToolStatus[];
  /** True when every tool was found. */
  ready: boolean;
}

/**
 * Finds each language's toolchain on the PATH of `toolEnv` and asks it for its
 * version; languages in registry order. Never rejects.
 */
export async function toolchainReport(registry: LanguageRegistry = defaultRegistry(), toolEnv: ToolEnvironment = SYSTEM_TOOLS): Promise<LanguageStatus[]> {
  return Promise.all(
    registry.languages.map(async (entry) => {
      const tools = await Promise.all(
        entryTools(entry).map(async (command): Promise<ToolStatus> => {
          const tool = await resolveTool(command, toolEnv, command === entry.run[0] ? entry.locate : undefined);
          return { command, path: tool?.path ?? null, version: tool ? await toolVersion(tool.path, toolEnv.path) : null };
        }),
      );
      if (entry.prepare === 'typescript') tools.unshift(await esbuildStatus());
      return { language: entry.name, aliases: [...entry.aliases], tools, ready: tools.every((t) => t.path !== null) };
    }),
  );
}

async function esbuildStatus(): Promise<ToolStatus> {
  try {
    const esbuild = await import('esbuild');
    return { command: 'esbuild', path: 'in-process', version: `esbuild ${esbuild.version}` };
  } catch {
    return { command: 'esbuild', path: null, version: null };
  }
}
