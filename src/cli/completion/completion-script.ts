import type { Command } from 'commander';
import { bashScript } from './bash-script.js';
import { completionSpec } from './completion-spec.js';
import { fishScript } from './fish-script.js';
import { zshScript } from './zsh-script.js';

/** The completion script of `program` for `shell`, made from its command tree. */
export function completionScript(program: Command, shell: 'bash' | 'zsh' | 'fish'): string {
  const spec = completionSpec(program);
  return shell === 'bash' ? bashScript(spec) : shell === 'zsh' ? zshScript(spec) : fishScript(spec);
}
