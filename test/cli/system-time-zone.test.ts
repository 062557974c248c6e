import { describe, expect, it } from 'vitest';
import { cliEnv } from './cli-env.js';

describe('an unusable system time zone', () => {
  it('falls back to UTC instead of crashing when TZ is empty', () => {
    const env = cliEnv();
    env.write('d.md', 'Question::Answer\n');
    expect(env.run(['import', 'd.md']).status).toBe(0);
    for (const command of [['decks'], ['due'], ['bury', '1']]) {
      const r = env.run(command, { TZ: '' });
      expect(r.stderr, command.join(' ')).toBe('');
      expect(r.status, command.join(' ')).toBe(0);
    }
  });
});
