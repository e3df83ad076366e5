import { defineConfig } from 'vitest/config';

// One runner for the workspace: unit tests sit beside their source,
// end-to-end and reliability runs live in tests/.
export default defineConfig({
  test: {
    coverage: {
      provider: 'v8',
      include: ['shared/src/**/*.ts'],
      exclude: ['**/*.test.ts', 'shared/src/index.ts'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 90 },
    },
    projects: [
      { test: { name: 'shared', include: ['shared/src/**/*.test.ts'] } },
      // the board's hooks and state modules, in a DOM; useMeetingSync's tests start a real server
      {
        test: {
          name: 'client',
          include: ['client/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'server',
          include: ['server/src/**/*.test.ts'],
          // one throwaway PostgreSQL for the run (the PostgreSQL storage and lease tests)
          globalSetup: ['server/src/testing/postgresGlobal.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      { test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 120_000, fileParallelism: false } },
      {
        test: { name: 'setup', include: ['tests/setup/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000, fileParallelism: false },
      },
      {
        test: {
          name: 'reliability',
          include: ['tests/reliability/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
