// `npm start`: builds the extension and opens Chromium with it loaded on the project's sample statement page.
// Without a display (a server, CI) it runs the same demo headless, prints what the extension found and saves a
// screenshot.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, panelFrame, ROOT, highlightedTexts, waitForHighlight } from '../e2e/support/extension';

export const SAMPLE_URL = 'https://sample.upr-annotator.test/human-rights/upr/48/kazakhstan.html';
const SCREENSHOT = join(ROOT, 'sample-screenshot.png');

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = !hasDisplay || process.argv.includes('--headless');

console.log('Building the extension…');
execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });

const session = await launch({ headless, offline: false });
session.serve(SAMPLE_URL, readFileSync(join(ROOT, 'e2e/pages/sample-statement.html'), 'utf8'));
const page = await session.context.newPage();
await page.goto(SAMPLE_URL);
await waitForHighlight(page, 1, 15_000).catch(() => {});

if (!headless) {
  console.log(`\nChromium is open on the sample statement (${SAMPLE_URL}) with UPR Annotator loaded.`);
  console.log('Click a highlight or a panel item, write a note. Close the browser window to stop.');
  await new Promise<void>((done) => session.context.on('close', () => done()));
  process.exit(0);
}

console.log('\nNo display found: running the demo headless (pass --headless to force it).');
const texts = await highlightedTexts(page);
const panel = await panelFrame(page, session.extensionId).catch(() => null);
await panel?.waitForSelector('.rec', { timeout: 10_000 }).catch(() => {});
const states = (await panel?.textContent('.panel-states').catch(() => null)) ?? '(no panel)';
const sessionLine = (await panel?.textContent('.panel-session').catch(() => null)) ?? '';
console.log(`\nUPR Annotator found: ${states}${sessionLine ? ` — ${sessionLine}` : ''}`);
for (const [n, text] of Object.entries(texts)) console.log(`  ${n}. ${text}`);
if (Object.keys(texts).length === 0) console.log('  (no recommendations were highlighted)');
await page.waitForTimeout(500);
await page.screenshot({ path: SCREENSHOT });
console.log(`\nScreenshot saved to ${SCREENSHOT}`);
await session.close();
