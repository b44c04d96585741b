import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// End-to-end specs: the built extension (.output/chrome-mv3) in Debian's Chromium through playwright-core.
// One file at a time: each starts its own browser, and CI has two cores.
export default defineConfig({
  resolve: { alias: { '@': resolve(import.meta.dirname) } },
  test: {
    include: ['e2e/**/*.spec.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
