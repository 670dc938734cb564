import { defineConfig } from 'vitest/config';

// Three projects, run in this order by scripts/test-all.mjs:
//   unit         pure logic, no network, no lab
//   integration  the core against real vault files and the real test fleet (global setup brings it up)
//   teardown     runs after `lab:down`: proves the lab left nothing behind
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
      { test: { name: 'teardown', include: ['test/teardown/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
    ],
  },
});
