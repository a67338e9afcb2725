// Vitest config: Node-environment unit tests under tests/unit (browser tests run separately via playwright-core).
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // vitest's default is cores - 1 (one worker on the 2-core CI machine); the files are independent (each writes
    // its own temp dirs), so use every core.
    maxWorkers: Math.max(1, availableParallelism()),
  },
});
