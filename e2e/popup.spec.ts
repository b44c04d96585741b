// The toolbar popup in Chromium: what was found on a statement; why not, and "Annotate this page", on a page the
// detector passed over; turning the extension off for a site; and the narrowest mode, known government sites only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations, highlightCount, launch, openPopup, projectPage, ROOT, type Session, waitForHighlight } from './support/extension';

const seed = projectPage('canada-kazakhstan-upr34');
const UNDETECTED = 'https://www.iceland.example.test/statements/2023-01-24.html';
const SAMPLE = 'https://sample.upr-annotator.test/human-rights/upr/48/kazakhstan.html';
const own = (name: string) => readFileSync(join(ROOT, 'e2e/pages', name), 'utf8');

/** Waits until the background has re-registered the detector the way the settings now say. */
async function detectorRegistered(s: Session, check: (registration: { matches?: string[]; excludeMatches?: string[] }) => boolean) {
  const worker = await s.worker();
  for (let i = 0; i < 100; i++) {
    const [registration] = await worker.evaluate(() =>
      (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[]; excludeMatches?: string[] }[]> } } }).chrome.scripting.getRegisteredContentScripts(),
    );
    if (registration && check(registration)) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('The detector was not registered as the settings say');
}

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe('the toolbar popup', () => {
  it('says what was found on a statement', async () => {
    session = await launch();
    session.serve(seed.url, seed.html);
    const page = await session.context.newPage();
    await page.goto(seed.url);
    await waitForHighlight(page, 3);
    const popup = await openPopup(session, seed.url);
    await popup.waitForSelector('.popup-states');
    expect(await popup.textContent('.popup-states')).toBe('Canada → Kazakhstan');
    expect(await popup.textContent('.popup-session')).toBe('UPR 34 · cycle 3 · 7 November 2019');
    expect(await popup.textContent('.popup-counts')).toBe('3 recommendations · 0 notes');
  });

  it.each([
    ['light', 'en-GB', '3 recommendations · 0 notes'],
    ['dark', 'fr-FR', '3 recommandations · 0 note'],
  ] as const)('passes axe-core (WCAG 2.2 target size included) in %s mode, %s, on a statement and on a page passed over', async (colorScheme, locale, counts) => {
    session = await launch({ colorScheme, locale });
    session.serve(seed.url, seed.html);
    session.serve(UNDETECTED, own('undetected-statement.html'));
    const page = await session.context.newPage();
    await page.goto(seed.url);
    await waitForHighlight(page, 3);
    const popup = await openPopup(session, seed.url);
    expect(await popup.textContent('.popup-counts')).toBe(counts);
    expect(await axeViolations(popup)).toEqual([]);
    const other = await session.context.newPage();
    await other.goto(UNDETECTED);
    await other.waitForLoadState('load');
    const why = await openPopup(session, UNDETECTED);
    await why.waitForSelector('.popup-why');
    expect(await axeViolations(why)).toEqual([]);
  });

  it('says why a page was passed over, and annotates it on request', async () => {
    session = await launch();
    session.serve(UNDETECTED, own('undetected-statement.html'));
    const page = await session.context.newPage();
    await page.goto(UNDETECTED);
    await page.waitForLoadState('load');
    await page.waitForTimeout(800);
    expect(await highlightCount(page)).toBe(0);
    const popup = await openPopup(session, UNDETECTED);
    expect(await popup.textContent('.popup-why')).toBe('This page does not look like a UPR statement in which one state makes recommendations to another.');
    await popup.click('.popup-annotate');
    await page.bringToFront();
    await waitForHighlight(page, 2);
    // The panel follows once the background has stored the capture.
    await page.waitForSelector('upr-annotator-panel', { state: 'attached' });
    expect(await page.locator('upr-annotator-panel').count()).toBe(1);
  });

  it('turns the extension off for a site, and on again', async () => {
    session = await launch();
    session.serve(seed.url, seed.html);
    const page = await session.context.newPage();
    await page.goto(seed.url);
    await waitForHighlight(page, 3);
    const popup = await openPopup(session, seed.url);
    expect(await popup.textContent('.popup-settings')).toContain('Run on international.gc.ca');
    await popup.uncheck('.popup-site');
    await detectorRegistered(session, (r) => Boolean(r.excludeMatches?.includes('*://international.gc.ca/*')));
    await page.bringToFront();
    await page.reload();
    await page.waitForLoadState('load');
    await page.waitForTimeout(1500);
    expect(await highlightCount(page)).toBe(0);
    await popup.bringToFront();
    await popup.reload();
    await popup.waitForSelector('.popup-why');
    expect(await popup.textContent('.popup-why')).toBe('You turned UPR Annotator off on this site.');

    await popup.bringToFront();
    await popup.check('.popup-site');
    await detectorRegistered(session, (r) => (r.excludeMatches ?? []).length === 0);
    await page.bringToFront();
    await page.reload();
    await waitForHighlight(page, 3);
  });

  it('runs automatically only on known government sites when asked to', async () => {
    session = await launch();
    session.serve(seed.url, seed.html);
    session.serve(SAMPLE, own('sample-statement.html'));
    const page = await session.context.newPage();
    await page.goto(SAMPLE);
    await waitForHighlight(page, 4);
    const popup = await openPopup(session, SAMPLE);
    await popup.check('.popup-known-only');
    await detectorRegistered(session, (r) => !r.matches?.includes('https://*/*'));

    await page.bringToFront();
    await page.reload();
    await page.waitForLoadState('load');
    await page.waitForTimeout(1500);
    expect(await highlightCount(page)).toBe(0);
    await popup.bringToFront();
    await popup.reload();
    await popup.waitForSelector('.popup-why');
    expect(await popup.textContent('.popup-why')).toMatch(/^This is not a known government site/);

    const known = await session.context.newPage();
    await known.goto(seed.url);
    await waitForHighlight(known, 3);
  });
});
