import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Test files restore what they change (env stubs, fake timers, TZ, listeners), so a worker runs file after file
    // in one module graph: src/, TypeScript and ts-morph load once per worker, and the type-checker of
    // test/helpers/typecheck.ts keeps its parsed lib and @types files for every file that worker runs.
    isolate: false,
    // Vitest leaves a core to itself by default (cores - 1 workers): on two cores, half the machine idle.
    maxWorkers: availableParallelism(),
    setupFiles: ['test/setup/fast-check.ts'],
  },
});
