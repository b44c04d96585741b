import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests only: utils/, components/ and scripts/. The Playwright specs under e2e/ run through scripts/e2e.ts.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['utils/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'entrypoints/**/*.test.ts'],
    environment: 'node',
  },
});
