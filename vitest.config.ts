import { defineConfig } from 'vitest/config';

const resolve = { conditions: ['dial-source'] };
const postgresUrl = process.env.DIAL_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Every test runs on the embedded database; the server's tests run a second
 * time on the real PostgreSQL server (DIAL_TEST_POSTGRES_URL).
 */
export default defineConfig({
  resolve,
  ssr: { resolve },
  test: {
    projects: [
      {
        resolve,
        ssr: { resolve },
        test: {
          name: 'embedded',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          include: ['packages/*/src/**/*.test.ts', 'packages/console/e2e/**/*.test.ts', 'bench/*/src/**/*.test.ts', 'tools/**/*.test.ts', 'scripts/**/*.test.ts'],
          env: { DIAL_TEST_DATABASE_URL: '' },
        },
      },
      {
        resolve,
        ssr: { resolve },
        test: {
          name: 'postgres',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Not cli's event-faults.postgres.test.ts: it crashes a PostgreSQL cluster of its own, so it runs in `embedded` once.
          include: ['packages/server/src/**/*.test.ts', 'packages/cli/src/sdk-node.integration.test.ts', 'packages/cli/src/experiments.integration.test.ts'],
          env: { DIAL_TEST_DATABASE_URL: postgresUrl },
        },
      },
    ],
  },
});
