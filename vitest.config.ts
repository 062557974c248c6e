import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Generous: end-to-end tests spawn the real binary, and CI machines vary.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
