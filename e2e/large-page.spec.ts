// A statement with more recommendations than one message carries (a session page with thousands): highlighted,
// listed and stored whole, its capture sent in batches; the panel there selects with the page both ways, a highlight
// clicked while the page is still being stored included. Only the highlights near the viewport are registered on
// such a page (e2e/long-statement.spec.ts): the registry is read by text, the first and the last screen.
import { afterEach, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launch, projectPage, type Session, slowPanelFrame } from './support/extension';
import { clickItemHighlight, highlightedOnScreen, scrollToItem, waitForRegistered } from './support/highlights';

const seed = projectPage('canada-kazakhstan-upr34');
const COUNT = 6_000;
const items = (count: number) => Array.from({ length: count }, (_, i) => `<li>Adopt measure ${i + 1} to protect the rights of every person held in detention.</li>`).join('\n');
const ITEMS = 'main ol li';
const recText = (n: number) => `Adopt measure ${n} to protect the rights of every person held in detention.`;
const highlightedThere = (n: number) => highlightedOnScreen(recText(n));
const withItems = (count: number) => seed.html.replace(/<ol>\s*<li>Amend[\s\S]*?<\/ol>/, `<ol>\n${items(count)}\n</ol>`);

/** The n of every recommendation the worker holds for the page (its own records and those it shows from elsewhere). */
const storedNs = (panel: Frame, url: string) =>
  panel.evaluate(async (pageUrl) => {
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ value: { recommendations: { n: number }[] } }> } } }).chrome;
    const answer = await api.runtime.sendMessage({ upr: 1, type: 'data.export', payload: { pageUrl } });
    return answer.value.recommendations.map((r) => r.n).sort((a, b) => a - b);
  }, url);

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe('a statement with 6,000 recommendations', () => {
  it('highlights, lists and stores every one of them', { timeout: 180_000 }, async () => {
    session = await launch();
    session.serve(seed.url, withItems(COUNT));
    const page = await session.context.newPage();
    await page.goto(seed.url);
    await waitForRegistered(page, ITEMS, highlightedThere(1), 'the first screen is highlighted', 120_000);
    await scrollToItem(page, ITEMS, COUNT - 1);
    await waitForRegistered(page, ITEMS, highlightedThere(COUNT), `recommendation ${COUNT} is highlighted`);
    const panel = await slowPanelFrame(page, session.extensionId);
    // Listed as stored (the page's reading, listed while it is stored, gives way to the stored records at the end).
    await panel.waitForFunction((count) => document.querySelectorAll('.recs .rec').length === count && !document.querySelector('.rec-unstored'), COUNT, { timeout: 120_000 });
    const stored = await panel.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ value: { recommendations: { n: number }[] } }> } } }).chrome;
      const answer = await api.runtime.sendMessage({ upr: 1, type: 'data.export', payload: {} });
      return answer.value.recommendations.map((r) => r.n).sort((a, b) => a - b);
    });
    expect(stored).toEqual(Array.from({ length: COUNT }, (_, i) => i + 1));
  });

  it('5,000: a highlight clicked while the page is still being stored is selected in the panel, which lists and stores all; the panel selects on the page', { timeout: 240_000 }, async () => {
    session = await launch();
    const count = 5_000;
    session.serve(seed.url, withItems(count));
    const page = await session.context.newPage();
    await page.goto(seed.url);
    await waitForRegistered(page, ITEMS, highlightedThere(1), 'the first screen is highlighted', 120_000);
    // At once: the capture is going on, the panel not yet listening.
    await clickItemHighlight(page, ITEMS, 4_321 - 1);
    const panel = await slowPanelFrame(page, session.extensionId);
    await panel.waitForFunction((n) => document.querySelectorAll('.recs .rec').length === n, count, { timeout: 180_000 });
    // Selected in the panel, with its note box (the item the reader is on is rendered whole in a long list).
    await panel.waitForSelector('.rec[data-n="4321"][aria-current="true"] textarea', { timeout: 60_000 });
    expect(await storedNs(panel, seed.url)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    // And the other way: an item chosen in the panel far down the list is the one selected on the page.
    await panel.click('.rec[data-n="4990"] .rec-text');
    await waitForRegistered(page, ITEMS, (r) => r.selected.length === 1 && r.selected[0] === recText(4_990), 'recommendation 4990 is selected on the page');
    await panel.waitForSelector('.rec[data-n="4990"][aria-current="true"] textarea');
  });
});
