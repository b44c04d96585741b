// A statement with more recommendations than one message carries (a session page with thousands): highlighted,
// listed and stored whole, its capture sent in batches; the panel there selects with the page both ways, a highlight
// clicked while the page is still being stored included. Only the highlights near the viewport are registered on
// such a page (e2e/long-statement.spec.ts): the registry is read by text, the first and the last screen.
import { afterEach, describe, expect, it } from 'vitest';
import { launch, type Session, slowPanelFrame } from './support/extension';
import { clickItemHighlight, highlightedOnScreen, scrollToItem, waitForRegistered } from './support/highlights';
import { LONG_ITEMS as ITEMS, longRecText as recText, longStatement, storedFor } from './support/long-statement';

const COUNT = 6_000;
const highlightedThere = (n: number) => highlightedOnScreen(recText(n));

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe('a statement with 6,000 recommendations', () => {
  it('highlights, lists and stores every one of them', { timeout: 180_000 }, async () => {
    session = await launch();
    const seed = longStatement(COUNT);
    session.serve(seed.url, seed.html);
    const page = await session.context.newPage();
    await page.goto(seed.url);
    await waitForRegistered(page, ITEMS, highlightedThere(1), 'the first screen is highlighted', 120_000);
    await scrollToItem(page, ITEMS, COUNT - 1);
    await waitForRegistered(page, ITEMS, highlightedThere(COUNT), `recommendation ${COUNT} is highlighted`);
    const panel = await slowPanelFrame(page, session.extensionId);
    // Listed as stored (the page's reading, listed while it is stored, gives way to the stored records at the end).
    await panel.waitForFunction((count) => document.querySelectorAll('.recs .rec').length === count && !document.querySelector('.rec-unstored'), COUNT, { timeout: 120_000 });
    expect((await storedFor(panel)).ns).toEqual(Array.from({ length: COUNT }, (_, i) => i + 1));
  });

  it('5,000: a highlight clicked while the page is still being stored is selected in the panel, which lists and stores all; the panel selects on the page', { timeout: 240_000 }, async () => {
    session = await launch();
    const count = 5_000;
    const seed = longStatement(count);
    session.serve(seed.url, seed.html);
    const page = await session.context.newPage();
    await page.goto(seed.url);
    await waitForRegistered(page, ITEMS, highlightedThere(1), 'the first screen is highlighted', 120_000);
    // At once: the capture is going on, the panel not yet listening.
    await clickItemHighlight(page, ITEMS, 4_321 - 1);
    const panel = await slowPanelFrame(page, session.extensionId);
    await panel.waitForFunction((n) => document.querySelectorAll('.recs .rec').length === n, count, { timeout: 180_000 });
    // Selected in the panel, with its note box (the item the reader is on is rendered whole in a long list).
    await panel.waitForSelector('.rec[data-n="4321"][aria-current="true"] textarea', { timeout: 60_000 });
    expect((await storedFor(panel, seed.url)).ns).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    // And the other way: an item chosen in the panel far down the list is the one selected on the page.
    await panel.click('.rec[data-n="4990"] .rec-text');
    await waitForRegistered(page, ITEMS, (r) => r.selected.length === 1 && r.selected[0] === recText(4_990), 'recommendation 4990 is selected on the page');
    await panel.waitForSelector('.rec[data-n="4990"][aria-current="true"] textarea');
  });
});
