// Probe behind the packed dataset rows (utils/db/packing): how fast Chromium's IndexedDB takes the bench's 100,000
// synthetic rows in different shapes, in transactions of 5,000 with relaxed durability as the import writes them,
// and how long reading one state's rows back takes. Prints [write ms, read ms] per shape:
//   rows0        one record per row, no index        rows2idx      one record per row, the two indexes of schema v3
//   chunkN       chunks of ≤ N rows of one state      chunkNids     the same with a multiEntry index on the chunk's ids
// `npx tsx scripts/bench/packing-probe.ts rows2idx chunk200 chunk200ids` (the page-side code: packing-probe.browser.js).
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../../e2e/support/extension';
import { syntheticRecommendations } from './synthetic';

const rows = syntheticRecommendations(100_000);
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--disable-gpu', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])] });
const context = await browser.newContext();
await context.route('**/*', (route) => route.fulfill({ body: '<!doctype html><title>probe</title>', contentType: 'text/html' }));
const page = await context.newPage();
await page.goto('https://probe.example.test/');
await page.evaluate(`globalThis.rows = ${JSON.stringify(rows)}`);
const PROBE = readFileSync(new URL('./packing-probe.browser.js', import.meta.url), 'utf8');
const shapes = process.argv.slice(2);
for (const shape of shapes) {
  const ms = await page.evaluate(`(${PROBE})(${JSON.stringify(shape)})`);
  console.log(shape, JSON.stringify(ms));
}
await browser.close();
