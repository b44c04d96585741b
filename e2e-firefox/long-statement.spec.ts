// Firefox: a statement with 2,000 recommendations registers only the highlights near the viewport, and the reader
// still sees the first recommendations highlighted and the last one once scrolled to (e2e/long-statement.spec.ts in
// Chromium does more).
import { afterEach, describe, expect, it } from 'vitest';
import { highlightedOnScreen, waitForRegisteredWith } from '../e2e/support/highlights';
import { LONG_ITEMS as ITEMS, longRecText as recText, longStatement } from '../e2e/support/long-statement';
import { launch, type Session } from './support/firefox';

const COUNT = 2_000;
const seed = longStatement(COUNT);
/** Five screens of items with room to spare: a fifth of the page's. */
const WINDOW_AT_MOST = 400;

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe('Firefox: a statement with 2,000 recommendations', () => {
  it('highlights the recommendations near the viewport, down to the last as the reader scrolls to it', { timeout: 180_000 }, async () => {
    session = await launch();
    session.serve(seed.url, seed.html);
    const page = await session.newPage();
    await page.goto(seed.url);
    const evaluate = (expression: string) => page.evaluate(expression);
    const first = await waitForRegisteredWith(evaluate, ITEMS, highlightedOnScreen(recText(1)), 'the first recommendations are highlighted', 120_000);
    expect(first.all.length).toBeLessThanOrEqual(WINDOW_AT_MOST);
    expect(first.all).not.toContain(recText(COUNT));

    await page.evaluate(`document.querySelectorAll(${JSON.stringify(ITEMS)})[${COUNT - 1}].scrollIntoView({ block: 'center' })`);
    const last = await waitForRegisteredWith(evaluate, ITEMS, highlightedOnScreen(recText(COUNT)), 'the last recommendation is highlighted');
    expect(last.onScreen).toContain(recText(COUNT));
    expect(last.all.length).toBeLessThanOrEqual(WINDOW_AT_MOST);
  });
});
