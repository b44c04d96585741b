// `npm run icons`: renders assets/icon.svg to the PNGs the manifests name (public/icon/<size>.png), in Debian's
// Chromium, with a transparent background. Run it after changing the SVG and commit the PNGs with it.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, ROOT } from '../e2e/support/extension';

export const ICON_SIZES = [16, 32, 48, 128] as const;

const svg = readFileSync(join(ROOT, 'assets/icon.svg'), 'utf8');
const outDir = join(ROOT, 'public/icon');
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-gpu', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])] });
try {
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg style="display:block;width:${size}px;height:${size}px" `)}</body></html>`);
    await page.screenshot({ path: join(outDir, `${size}.png`), omitBackground: true });
    await page.close();
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
