// A statement with 4,000 recommendations: the page registers only the highlights near the viewport (what the browser
// pays for highlights grows with the ranges registered), and the reader sees no difference — the first screen is
// highlighted, every recommendation is when scrolled to, a highlight clicked far down is selected in the panel, and a
// note written far down shows its mark there. The registry is read by text, as a page script can read it.
import { afterEach, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launch, openStatement, SAMPLE_STATEMENT, type Session, slowPanelFrame, writeNote } from './support/extension';
import { clickItemHighlight, highlightedOnScreen, scrollToItem, waitForRegistered, type RegisteredTexts } from './support/highlights';
import { LONG_ITEMS as ITEMS, longRecText as recText, longStatement } from './support/long-statement';
import { PANEL_WIDTH, ROOM_WAIT_MS } from '../utils/panel-margin';

const COUNT = 4_000;
const { url, html } = longStatement(COUNT);
/** Five screens of items (the window and its margins) with room to spare: a tenth of the page's. */
const WINDOW_AT_MOST = 400;

/** How far the page's root stops short of the window's right edge (the panel's room, when it has it). */
const pushedAsideBy = (page: Page) => page.evaluate(() => document.documentElement.clientWidth - document.documentElement.getBoundingClientRect().width);

const until = (page: Page, ok: (r: RegisteredTexts) => boolean, what: string) => waitForRegistered(page, ITEMS, ok, what);
const highlightedThere = (n: number) => highlightedOnScreen(recText(n));

async function openLong(s: Session): Promise<Page> {
  s.serve(url, html);
  const page = await s.context.newPage();
  await page.goto(url);
  return page;
}

/**
 * Holds the worker's database in one long write until released (`__releaseStore()` in the worker): nothing stored can
 * be read meanwhile, so the page cannot place the whole reading. The database must exist already (its schema is the
 * worker's to create).
 */
const HOLD_STORE = `(async () => {
  const db = await new Promise((done, fail) => { const r = indexedDB.open('upr-annotator'); r.onsuccess = () => done(r.result); r.onerror = () => fail(r.error); });
  const names = [...db.objectStoreNames];
  const tx = db.transaction(names, 'readwrite');
  let held = true;
  globalThis.__releaseStore = () => { held = false; };
  const spin = () => { tx.objectStore(names[0]).count().onsuccess = () => (held ? spin() : db.close()); };
  spin();
})()`;

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe('a statement with 4,000 recommendations, highlighted near the viewport only', () => {
  it('highlights the first screen, and each recommendation down to the last as the reader scrolls to it', { timeout: 180_000 }, async () => {
    session = await launch();
    const page = await openLong(session);
    const first = await until(page, highlightedThere(1), 'the first screen is highlighted');
    expect(first.all.length).toBeLessThanOrEqual(WINDOW_AT_MOST);
    expect(first.all).not.toContain(recText(COUNT));
    await scrollToItem(page, ITEMS, 0);
    const firstItems = await until(page, (r) => highlightedThere(1)(r) && r.onScreen.length > 10, 'the first recommendations on screen are highlighted');
    expect(firstItems.onScreen).toContain(recText(1));

    await scrollToItem(page, ITEMS, COUNT / 2 - 1);
    const middle = await until(page, highlightedThere(COUNT / 2), `recommendation ${COUNT / 2} is highlighted`);
    expect(middle.all.length).toBeLessThanOrEqual(WINDOW_AT_MOST);
    expect(middle.all).not.toContain(recText(1));

    await scrollToItem(page, ITEMS, COUNT - 1);
    const last = await until(page, highlightedThere(COUNT), 'the last recommendation is highlighted');
    expect(last.all.length).toBeLessThanOrEqual(WINDOW_AT_MOST);
  });

  it('selects in the panel a highlight clicked far down, and marks a note written far down once the reader is there', { timeout: 240_000 }, async () => {
    session = await launch();
    const page = await openLong(session);
    await until(page, highlightedThere(1), 'the first screen is highlighted');
    const panel = await slowPanelFrame(page, session.extensionId);
    await panel.waitForSelector('.rec', { timeout: 120_000 });

    const far = 3_900;
    await clickItemHighlight(page, ITEMS, far - 1);
    await panel.waitForSelector(`.rec[data-n="${far}"][aria-current="true"]`, { timeout: 120_000 });
    const selected = await until(page, (r) => r.selected.length === 1 && r.selected[0] === recText(far), `recommendation ${far} is selected on the page`);
    expect(selected.all.length).toBeLessThanOrEqual(WINDOW_AT_MOST);

    // A note on another far recommendation; the reader goes back to the top, then down to it.
    const noted = 3_950;
    await panel.waitForSelector(`.rec[data-n="${noted}"]`, { timeout: 120_000 });
    await writeNote(panel, noted, 'Ask the ministry about the detention figures.');
    await page.evaluate(() => window.scrollTo(0, 0));
    const top = await until(page, highlightedThere(1), 'the first screen is highlighted again');
    expect(top.all.length).toBeLessThanOrEqual(WINDOW_AT_MOST);
    await scrollToItem(page, ITEMS, noted - 1);
    const marked = await until(page, (r) => highlightedThere(noted)(r) && r.noted.includes(recText(noted)), `recommendation ${noted} shows its note mark`);
    expect(marked.all.length).toBeLessThanOrEqual(WINDOW_AT_MOST);
  });
});

describe('the top of a statement of 4,000, highlighted and listed before the whole page is read', () => {
  it('highlights the first screen and lists its recommendations in the panel while nothing stored can be read yet, then every one once it can', { timeout: 180_000 }, async () => {
    session = await launch();
    // The worker's database, created by a first statement; then held.
    await openStatement(session, SAMPLE_STATEMENT.url, SAMPLE_STATEMENT.html, 4);
    const worker = await session.worker();
    await worker.evaluate(HOLD_STORE);
    const page = await openLong(session);
    const first = await until(page, highlightedThere(1), 'the first screen is highlighted');
    expect(first.all).not.toContain(recText(COUNT / 2));
    await scrollToItem(page, ITEMS, 0);
    const firstItems = await until(page, (r) => highlightedThere(1)(r) && r.onScreen.length > 10, 'the first recommendations on screen are highlighted');
    expect(firstItems.onScreen).toContain(recText(1));
    // The panel lists them, saying the page is still being read.
    const panel = await slowPanelFrame(page, session.extensionId);
    await panel.waitForSelector('.rec[data-n="20"]', { timeout: 60_000 });
    expect(await panel.locator('.panel-storing').innerText()).toBe('Reading the whole page…');
    // Meanwhile the panel covers the page's edge: pushing 4,000 recommendations aside would lay all of them out again
    // in the middle of the reading.
    expect(await pushedAsideBy(page)).toBeLessThan(1);
    const listed = await panel.locator('.recs .rec').count();
    expect(listed).toBeGreaterThan(20);
    expect(listed).toBeLessThan(COUNT / 2);
    expect(await panel.locator('.panel-count').innerText()).toBe(`The first ${listed} recommendations`);
    expect(await panel.locator('.rec[data-n="1"] .rec-text').innerText()).toContain(recText(1));
    // The whole reading waits for what was stored: nothing far down highlighted when scrolled to.
    await scrollToItem(page, ITEMS, COUNT / 2 - 1);
    await page.waitForTimeout(500);
    expect((await until(page, () => true, 'read')).all).not.toContain(recText(COUNT / 2));
    // (Still held: the panel still lists the first ones only, the whole reading not placed.)
    expect(await panel.locator('.panel-storing').innerText()).toBe('Reading the whole page…');
    // A reading that stalls does not leave the panel over the statement: the page makes room after a while.
    await page.waitForFunction((width) => document.documentElement.clientWidth - document.documentElement.getBoundingClientRect().width >= width, PANEL_WIDTH, {
      timeout: ROOM_WAIT_MS + 10_000,
    });
    expect(await panel.locator('.panel-storing').innerText()).toBe('Reading the whole page…');

    await worker.evaluate('globalThis.__releaseStore()');
    await until(page, highlightedThere(COUNT / 2), `recommendation ${COUNT / 2} is highlighted`);
    await panel.waitForSelector(`.rec[data-n="${COUNT}"]`, { timeout: 120_000 });
    await panel.waitForFunction((n) => !document.querySelector('.panel-storing') && document.querySelectorAll('.recs .rec:not(.rec-unstored)').length === n, COUNT, { timeout: 120_000 });
    expect(await panel.locator('.panel-count').innerText()).toBe('4,000 recommendations');
    // The room stays once the whole reading is handed over: nothing of the statement under the panel.
    expect(await pushedAsideBy(page)).toBeGreaterThanOrEqual(PANEL_WIDTH);
  });
});
