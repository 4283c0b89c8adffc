import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['dial-source'] },
  ssr: { resolve: { conditions: ['dial-source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'bench/*/src/**/*.test.ts', 'tools/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
