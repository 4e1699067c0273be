import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // One seed for every property test, taken from the commit in CI (see the file).
    setupFiles: ['test/support/property-seed.ts', 'test/support/jq-wasm.ts', 'test/support/budget.ts'],
    // The conformance suites mount real overlays and start a real dockerd: give them room.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
