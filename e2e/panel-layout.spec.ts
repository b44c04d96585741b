// The panel as a working surface in Chromium: a calm list (at least six recommendations in view at 1366 × 768,
// the editor opening on the selected one), selection always showing the item's words, and on a narrow window a
// panel folded to its handle instead of covering the statement.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations, clickHighlight, highlightRects, launch, openStatement, ROOT, type Session, waitForHighlight } from './support/extension';

const URL = 'https://www.government.example.se/upr47-ghana.html';
const PAGE = readFileSync(join(ROOT, 'e2e/pages/ten-recommendations.html'), 'utf8');

/** Waits until recommendation `n`'s words are in the panel's view, below its sticky header. */
async function wordsInView(panel: Frame, n: number): Promise<void> {
  await panel.waitForFunction((item) => {
    const header = document.querySelector('.panel-header')!.getBoundingClientRect().bottom;
    const text = document.querySelector(`.rec[data-n="${item}"] .rec-text`)!.getBoundingClientRect();
    return text.top >= header - 1 && text.bottom <= innerHeight + 1;
  }, n);
}

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe('the panel layout', () => {
  it('shows at least six recommendations at 1366 × 768, opens the editor on the selected one, and keeps it in view', async () => {
    session = await launch({ viewport: { width: 1366, height: 768 } });
    const { page, panel } = await openStatement(session, URL, PAGE, 10);
    const inView = () =>
      panel.evaluate(() => {
        const header = document.querySelector('.panel-header')!.getBoundingClientRect().bottom;
        return [...document.querySelectorAll('.recs > .rec')].filter((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= header - 1 && r.bottom <= innerHeight + 1;
        }).length;
      });
    expect(await inView()).toBeGreaterThanOrEqual(6);
    // No note box on items nobody works on; the selected item opens its editor, tags, status and corrections.
    expect(await panel.locator('.rec[data-n="4"] textarea').isVisible()).toBe(false);
    await clickHighlight(page, 4);
    await panel.waitForSelector('.rec[data-n="4"][aria-current="true"] textarea', { state: 'visible' });
    expect(await panel.locator('.rec[data-n="4"] .tag-input').isVisible()).toBe(true);
    expect(await panel.locator('.rec[data-n="4"] .rec-menu-open').isVisible()).toBe(true);
    // A note of many lines shows all its lines while it is edited.
    await panel.fill('.rec[data-n="4"] textarea', Array.from({ length: 12 }, (_, i) => `Line ${i + 1}`).join('\n'));
    const box = await panel.$eval('.rec[data-n="4"] textarea', (el) => ({ client: el.clientHeight, scroll: el.scrollHeight }));
    expect(box.client).toBeGreaterThanOrEqual(box.scroll - 2);
    // Selected from the page far below: its words are in view, not under the sticky header.
    await clickHighlight(page, 10);
    await panel.waitForSelector('.rec[data-n="10"][aria-current="true"]');
    await wordsInView(panel, 10);
    await clickHighlight(page, 1);
    await wordsInView(panel, 1);
    expect(await axeViolations(panel)).toEqual([]);
    await page.screenshot({ path: join(ROOT, 'test-results/panel-1366x768.png') });
  });

  it('makes room for the panel as soon as the page is read, before the panel arrives: the statement does not jump when it shows', async () => {
    session = await launch({ viewport: { width: 1366, height: 768 } });
    // In order, as the page's own script sees them: each width its root is laid out at, and the panel's host arriving.
    const watcher = `<script>
      window.__seen = [];
      new ResizeObserver((entries) => { for (const e of entries) __seen.push(Math.round(e.contentRect.width)); }).observe(document.documentElement);
      new MutationObserver((records) => { if (records.some((r) => [...r.addedNodes].some((n) => n.nodeName === 'UPR-ANNOTATOR-PANEL'))) __seen.push('panel'); })
        .observe(document.documentElement, { childList: true });
    </script>`;
    const { page } = await openStatement(session, URL, PAGE.replace('<head>', `<head>${watcher}`), 10);
    const seen = await page.evaluate(() => (window as unknown as { __seen: (number | string)[] }).__seen);
    // The page's width once it made room for the panel's 380 px, then the panel: nothing laid out after the panel came.
    expect(seen.at(-1)).toBe('panel');
    expect(seen.at(-2)).toBeLessThanOrEqual(1366 - 380);
  });

  it('folds to its handle on a window narrower than 1000 px, covering no highlight', async () => {
    session = await launch({ viewport: { width: 900, height: 700 } });
    session.serve(URL, PAGE);
    const page = await session.context.newPage();
    await page.goto(URL);
    await waitForHighlight(page, 10);
    await page.waitForSelector('upr-annotator-panel', { state: 'attached' });
    await page.waitForTimeout(300);
    // Nothing covers the highlights: at a quarter, half and three quarters of each of their lines, the page finds the highlight itself.
    const rects = await highlightRects(page);
    expect(new Set(rects.map((r) => r.n)).size).toBe(10);
    const covered = await page.evaluate(
      (rects) =>
        rects.flatMap((r) =>
          [0.25, 0.5, 0.75].filter((at) => {
            // Off the window, or under the panel (its host, for the page: the frame is in a closed shadow root).
            const found = document.elementFromPoint(r.left + r.width * at, r.top + r.height / 2);
            return !found || found.closest('upr-annotator-panel');
          }),
        ).length,
      rects,
    );
    expect(covered).toBe(0);
    await page.screenshot({ path: join(ROOT, 'test-results/panel-900x700-folded.png') });
  });
});
