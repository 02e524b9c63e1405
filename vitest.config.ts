import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/samples/**', 'test/fixtures/**', '**/.speccc/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores on CI: forks keep child-process-heavy suites isolated. Most tests wait on child
    // processes (sandboxed tsc and vitest, the twin), so two workers use both cores.
    pool: 'forks',
    maxWorkers: 2,
  },
});
