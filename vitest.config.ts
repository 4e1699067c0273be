import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The conformance suites mount real overlays and start a real dockerd: give them room.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
