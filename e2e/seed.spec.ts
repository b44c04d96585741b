// The walking skeleton, end to end in Chromium: Canada's statement on Kazakhstan at UPR 34 is detected, its three
// recommendations highlighted and listed in the panel, linked both ways, and a note outlives a reload, a stopped
// service worker and a browser restart.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { clickHighlight, highlightCount, highlightRects, highlightedTexts, launch, openRec, panelFrame, projectPage, ROOT, type Session, stopServiceWorkers, waitForHighlight } from './support/extension';

const seed = projectPage('canada-kazakhstan-upr34');
const expected = seed.label.expected!;
const comparable = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/(;\s*and|[;.])$/, '').trim();

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

async function openSeed(s: Session) {
  s.serve(seed.url, seed.html);
  const page = await s.context.newPage();
  await page.goto(seed.url);
  await waitForHighlight(page, 3);
  return page;
}

describe('seed statement', () => {
  it('highlights the three recommendations in place, and only them', async () => {
    session = await launch();
    const page = await openSeed(session);
    const texts = await highlightedTexts(page);
    expect(Object.keys(texts)).toEqual(['1', '2', '3']);
    expect(Object.values(texts).map(comparable)).toEqual(expected.recommendations.map(comparable));
  });

  it('shows the metadata and the recommendations in the panel', async () => {
    session = await launch();
    const page = await openSeed(session);
    const panel = await panelFrame(page, session.extensionId);
    await panel.waitForSelector('.rec');
    expect(await panel.textContent('.panel-states')).toBe('Canada → Kazakhstan');
    expect(await panel.textContent('.panel-session')).toBe('UPR 34 · cycle 3 · 7 November 2019');
    const items = await panel.$$eval('.rec-text', (els) => els.map((el) => el.textContent ?? ''));
    expect(items.map((t) => comparable(t.replace(/^\d+/, '')))).toEqual(expected.recommendations.map(comparable));
    // The artifact a reviewer looks at: the statement highlighted, with the panel beside it.
    await page.screenshot({ path: join(ROOT, 'test-results/seed-annotated.png') });
  });

  it('selects in the panel when a highlight is clicked, and scrolls to the highlight when a panel item is clicked', async () => {
    session = await launch();
    const page = await openSeed(session);
    const panel = await panelFrame(page, session.extensionId);
    await panel.waitForSelector('.rec');

    await clickHighlight(page, 2);
    await panel.waitForSelector('.rec[data-n="2"][aria-current="true"]');

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await panel.click('.rec[data-n="3"] .rec-text');
    const height = page.viewportSize()!.height;
    await expect.poll(async () => (await highlightRects(page)).filter((r) => r.n === 3).every((r) => r.top >= 0 && r.bottom <= height), { interval: 100 }).toBe(true);
    expect(await panel.getAttribute('.rec[data-n="3"]', 'aria-current')).toBe('true');
  });

  it('does not cover the annotated text on a wide screen', async () => {
    session = await launch();
    const page = await openSeed(session);
    await panelFrame(page, session.extensionId);
    const host = await page.evaluate(() => document.querySelector('upr-annotator-panel')!.getBoundingClientRect().left);
    const rects = await highlightRects(page);
    expect(rects.length).toBeGreaterThanOrEqual(3);
    expect(rects.some((r) => r.right > host)).toBe(false);
  });

  it('keeps a note across a reload, a stopped service worker and a browser restart', async () => {
    session = await launch();
    let page = await openSeed(session);
    let panel = await panelFrame(page, session.extensionId);
    const note = 'Follow up with the ministry: trade-union registration — ask about 2024 amendments.';
    await openRec(panel, 1);
    await panel.fill('.rec[data-n="1"] textarea', note);
    await panel.waitForSelector('.rec[data-n="1"] .note-state-saved');

    await page.reload();
    panel = await panelFrame(page, session.extensionId);
    await panel.waitForSelector('.rec[data-n="1"] textarea');
    expect(await panel.inputValue('.rec[data-n="1"] textarea')).toBe(note);

    await stopServiceWorkers(page);
    await page.reload();
    panel = await panelFrame(page, session.extensionId);
    await panel.waitForSelector('.rec[data-n="1"] textarea');
    expect(await panel.inputValue('.rec[data-n="1"] textarea')).toBe(note);

    const profileDir = session.profileDir;
    await session.close({ keepProfile: true });
    session = await launch({ profileDir });
    page = await openSeed(session);
    panel = await panelFrame(page, session.extensionId);
    await panel.waitForSelector('.rec[data-n="1"] textarea');
    expect(await panel.inputValue('.rec[data-n="1"] textarea')).toBe(note);
    expect(await panel.inputValue('.rec[data-n="2"] textarea')).toBe('');
  });

  it('leaves a page that is not a statement untouched', async () => {
    session = await launch();
    const other = projectPage('neg-canada-passport');
    session.serve(other.url, other.html);
    const page = await session.context.newPage();
    await page.goto(other.url);
    await page.waitForLoadState('load');
    await page.waitForTimeout(1000);
    expect(await highlightCount(page)).toBe(0);
    expect(await page.locator('upr-annotator-panel').count()).toBe(0);
  });
});
