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
    // One worker process runs file after file instead of a fresh process per file. speccc keeps
    // no module-level state but lazy loads (TypeScript, yaml) and its type-check server, so what
    // a fresh process per file would buy is paying those again: importing src/ (1-3 s a file on
    // two busy cores) and, in every file that builds, a cold type-check server (parsing
    // TypeScript's lib files and @types/node: several seconds; warm, a small tree checks in
    // ~0.5 s). Measured on two busy cores: the 95 quickest files took 223 s one process per file,
    // 72 s sharing. Each file still cleans up after itself (useTwin, useTempWorkspace); a test
    // that changes process-wide state (process.env, a spy on node:fs) restores it, and a shared
    // fixture is copied, never edited (test/README.md, "Running").
    isolate: false,
  },
});
