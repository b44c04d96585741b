// What a page can watch in Firefox, held to what the Chromium security E2E holds: highlights painted with the CSS
// Custom Highlight API (no element of ours in the page, nothing a MutationObserver sees but the panel arriving), a
// click on a highlight selects in the panel, a noted recommendation carries the marker; no window message or
// WXT-named event reaches a page that listens from its first byte; no extension file at a URL a page can derive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { clickHighlightWith, notedAre, projectPage, selectedIs, whenHighlights } from '../e2e/support/extension';
import { firstByteListener, mutationWatcher, NOT_A_STATEMENT_BODY } from '../e2e/support/page-watch';
import { addonId, clickInPanel, EXTENSION_ORIGIN, launch, panelFrame, type Session } from './support/firefox';

const seed = projectPage('canada-kazakhstan-upr34');
const expected = seed.label.expected!;
const comparable = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/(;\s*and|[;.])$/, '').trim();

/** The page with our listeners first in its <head>: see e2e/support/page-watch. */
const listening = (html: string, id: string) => html.replace(/<head>/i, (head) => head + firstByteListener(id) + mutationWatcher());

const OTHER_URL = 'https://www.international.gc.ca/consular/hours.html';
const OTHER = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Consular section</title></head><body>${NOT_A_STATEMENT_BODY}</body></html>`;

const heard = (page: Page) => page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
const records = (page: Page) => page.evaluate(() => (window as unknown as { __records: string[] }).__records);

/** The highlights as the page reads them from its registry only (the element layer's marks do not count). */
const painted = (page: Page) =>
  page.evaluate(whenHighlights(`({ registry: Boolean(h.names.all), texts: h.texts, elements: document.querySelectorAll('[data-upr-rec], upr-hl').length })`)) as Promise<{
    registry: boolean;
    texts: string[];
    elements: number;
  }>;

/** Clicks recommendation n's highlighted text where a reader would. */
const clickHighlight = (page: Page, n: number) =>
  clickHighlightWith({ evaluate: (expression) => page.evaluate(expression), click: (x, y) => page.mouse.click(x, y), height: page.viewport()?.height ?? 900 }, n);

// One Firefox for the file (a launch is most of a test's time): each test opens its own page in it.
let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

describe('Firefox: what the reader does is not in the page', () => {
  it('paints the highlights without elements, selects on a click, marks a note, and the page sees and hears nothing but the panel arriving', async () => {
    session.serve(seed.url, listening(seed.html, addonId()));
    const page = await session.newPage();
    await page.goto(seed.url);
    await page.waitForFunction(whenHighlights('h.texts.length >= 3'));

    const drawn = await painted(page);
    expect(drawn.registry).toBe(true);
    expect(drawn.elements).toBe(0);
    expect(drawn.texts.map(comparable)).toEqual(expected.recommendations.map(comparable));

    const panel = await panelFrame(page);
    await panel.waitForSelector('.rec');
    await clickHighlight(page, 2);
    await panel.waitForSelector('.rec[data-n="2"][aria-current="true"]');
    await page.waitForFunction(selectedIs(2));

    await clickInPanel(page, panel, '.rec[data-n="3"] .rec-text');
    await page.waitForFunction(selectedIs(3));
    await panel.waitForSelector('.rec[data-n="3"] textarea', { visible: true });
    await clickInPanel(page, panel, '.rec[data-n="3"] textarea');
    await page.keyboard.type('Ask about the 2025 draft law.');
    await panel.waitForSelector('.rec[data-n="3"] .note-state-saved');
    await page.waitForFunction(notedAre([3]));

    // An in-place navigation, which the annotator follows.
    await page.evaluate(() => history.pushState({}, '', '#section-2'));
    await new Promise((r) => setTimeout(r, 1000));
    expect((await painted(page)).elements).toBe(0);
    // The panel's host arrives once; the highlights, the selection, the note and the page's margin are not seen.
    expect(await records(page)).toEqual(['childList html  upr-annotator-panel ']);
    expect(await heard(page)).toEqual([]);
  });
});

describe('Firefox: no fingerprint', () => {
  it('lets a page that is no statement hear nothing from its first byte, and load none of our files by a URL it can derive', async () => {
    const id = addonId();
    session.serve(OTHER_URL, listening(OTHER, id));
    const page = await session.newPage();
    await page.goto(OTHER_URL);
    await new Promise((r) => setTimeout(r, 3000)); // past the detector's second look
    expect(await heard(page)).toEqual([]);
    expect(await records(page)).toEqual([]);

    // The add-on id is public (it is in the manifest); our files are served under a per-install UUID instead, and
    // only the panel, which the page cannot find without that UUID. Files that are not web-accessible are refused
    // even at the right UUID.
    const urls = [`moz-extension://${id}/panel.html`, `${EXTENSION_ORIGIN}popup.html`, `${EXTENSION_ORIGIN}dashboard.html`, `${EXTENSION_ORIGIN}manifest.json`];
    const probes = await page.evaluate(
      (list) => Promise.all(list.map((url) => fetch(url).then((r) => `${url} status ${r.status}`, () => `${url} refused`))),
      urls,
    );
    expect(probes).toEqual(urls.map((url) => `${url} refused`));
  });
});
