import { defineConfig } from 'vitest/config';

// Three projects in one run: everything on PGlite, the database tests again on PostgreSQL 15, and the
// browser tests in Debian Chromium. No test has a time budget: the generous timeouts only stop hangs.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 180_000,
    globalSetup: ['./scripts/test-global-setup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'pglite', include: ['src/**/*.test.ts', 'bench/**/*.test.ts'], env: { BRIDGES_TEST_DB: 'pglite' } },
      },
      {
        extends: true,
        test: { name: 'postgres', include: ['src/**/*.db.test.ts'], env: { BRIDGES_TEST_DB: 'postgres' } },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['e2e/**/*.e2e.test.ts'],
          env: { BRIDGES_TEST_DB: 'pglite' },
          fileParallelism: false,
        },
      },
    ],
  },
});
