import { defineConfig } from 'vitest/config';

// The Firefox end-to-end specs: the built extension (.output/firefox-mv2) in Debian's firefox-esr through
// puppeteer-core. One file at a time: each starts its own browser.
export default defineConfig({
  test: {
    include: ['e2e-firefox/**/*.spec.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
