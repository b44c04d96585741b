// The in-page layer in Chromium: highlights toggled from the toolbar and the keyboard give back the exact DOM;
// keyboard navigation and panel focus; late and changing content and in-place navigation re-anchored without
// duplicates; recommendations that vanish kept as orphans with their notes; nothing at all on other pages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { caretIsIn, clickHighlight, DOM_RECORDER, highlightCount, highlightedTexts, launch, openPopup, readHighlights, openRec, panelFrame, pressShortcut, projectPage, ROOT, type Session, waitForHighlight, waitForHighlightCount, waitForSelected } from './support/extension';

const seed = projectPage('canada-kazakhstan-upr34');
const ownPage = (name: string) => readFileSync(join(ROOT, 'e2e/pages', name), 'utf8');

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

/** Opens `html` at `url` and waits until recommendation `waitFor` is highlighted (0: no wait). */
async function open(s: Session, url: string, html: string, waitFor = 1) {
  s.serve(url, html);
  const page = await s.context.newPage();
  await page.addInitScript(DOM_RECORDER);
  await page.goto(url);
  if (waitFor) await waitForHighlight(page, waitFor);
  return page;
}

const bodyNow = (page: Page) =>
  page.evaluate(() => ({
    html: document.body.outerHTML,
    structure: (window as unknown as { __uprStructure(n: Node): string }).__uprStructure(document.body),
  }));
const bodyBefore = (page: Page) =>
  page.evaluate(() => {
    const t = (window as unknown as { __uprTest: { before: string; structureBefore: string } }).__uprTest;
    return { html: t.before, structure: t.structureBefore };
  });

const selectedN = async (page: Page) => (await readHighlights(page)).selected.map(String);

describe('highlights on and off', () => {
  it('restores the exact DOM when hidden from the toolbar popup or the keyboard, and highlights again when shown', async () => {
    session = await launch();
    const page = await open(session, seed.url, seed.html, 3);
    const before = await bodyBefore(page);
    expect(before.html).not.toContain('data-upr-rec');
    const highlighted = await highlightedTexts(page);
    // Highlighted, and the page's DOM as it was: the highlights are painted, not written into it.
    expect(Object.keys(highlighted)).toEqual(['1', '2', '3']);
    expect(await bodyNow(page)).toEqual(before);

    // The popup opens as a tab of its own here: the statement's tab goes to the back, where animation frames (which
    // Playwright's waits poll on) stop; bring it forward before waiting on it.
    const popup = await openPopup(session, seed.url);
    await popup.click('.popup-toggle');
    await page.bringToFront();
    await waitForHighlightCount(page, 0);
    expect(await bodyNow(page)).toEqual(before);

    await popup.bringToFront();
    await popup.click('.popup-toggle');
    await page.bringToFront();
    await waitForHighlight(page, 3);
    expect(await highlightedTexts(page)).toEqual(highlighted);

    await pressShortcut(session, 'toggle-highlights');
    await waitForHighlightCount(page, 0);
    expect(await bodyNow(page)).toEqual(before);
  });
});

describe('keyboard', () => {
  it('walks the recommendations with next / previous, in the page and in the panel', async () => {
    session = await launch();
    const page = await open(session, seed.url, seed.html, 3);
    const panel = await panelFrame(page, session.extensionId);
    await panel.waitForSelector('.rec');

    await pressShortcut(session, 'next-recommendation');
    await waitForSelected(page, 1);
    await panel.waitForSelector('.rec[data-n="1"][aria-current="true"]');
    await pressShortcut(session, 'next-recommendation');
    await waitForSelected(page, 2);
    expect(await selectedN(page)).toEqual(['2']);
    await pressShortcut(session, 'previous-recommendation');
    await pressShortcut(session, 'previous-recommendation');
    await waitForSelected(page, 3);
    expect(await selectedN(page)).toEqual(['3']);
    await panel.waitForSelector('.rec[data-n="3"][aria-current="true"]');
  });

  it('moves keyboard focus into the panel, onto the selected recommendation', async () => {
    session = await launch();
    const page = await open(session, seed.url, seed.html, 3);
    const panel = await panelFrame(page, session.extensionId);
    await panel.waitForSelector('.rec');
    await clickHighlight(page, 2);
    await panel.waitForSelector('.rec[data-n="2"][aria-current="true"]');
    await pressShortcut(session, 'focus-panel');
    await panel.waitForFunction(() => document.hasFocus() && document.activeElement?.closest('.rec')?.getAttribute('data-n') === '2');
    await page.keyboard.press('Tab');
    expect(await panel.evaluate(() => document.activeElement?.localName)).toBe('textarea');
  });

  it('gives the keyboard back to the page on Escape', async () => {
    session = await launch();
    const page = await open(session, seed.url, seed.html, 3);
    const panel = await panelFrame(page, session.extensionId);
    await panel.waitForSelector('.rec');
    await clickHighlight(page, 2);
    await pressShortcut(session, 'focus-panel');
    await panel.waitForFunction(() => document.hasFocus());
    await page.keyboard.press('Escape');
    // Back at the recommendation the reader had selected.
    await page.waitForFunction(() => document.hasFocus());
    await expect.poll(() => caretIsIn(page, 2), { interval: 100 }).toBe(true);
    expect(await panel.evaluate(() => document.hasFocus())).toBe(false);
    // The page has the keyboard again: Tab moves through the page's own links, not the panel's buttons.
    await page.keyboard.press('Tab');
    expect(await panel.evaluate(() => document.hasFocus())).toBe(false);
    expect(await page.evaluate(() => document.hasFocus() && document.activeElement?.localName)).toBe('a');
  });
});

describe('pages that change', () => {
  it('highlights recommendations that arrive after load, and one added later, without duplicates', async () => {
    session = await launch();
    const url = 'https://www.mission.example.test/upr42/switzerland';
    const page = await open(session, url, ownPage('late-statement.html'), 2);
    expect(Object.keys(await highlightedTexts(page))).toEqual(['1', '2']);

    await page.evaluate(() => (window as unknown as { addRecommendation(t: string): void }).addRecommendation('Ratify the Optional Protocol to the Convention against Torture.'));
    await waitForHighlight(page, 3);
    const texts = await highlightedTexts(page);
    expect(texts).toEqual({
      1: 'Establish an independent national human rights institution in line with the Paris Principles',
      2: 'Adopt a comprehensive law against discrimination on all grounds',
      3: 'Ratify the Optional Protocol to the Convention against Torture.',
    });
    expect(await highlightCount(page)).toBe(3);
    const panel = await panelFrame(page, session.extensionId);
    await panel.waitForFunction(() => document.querySelectorAll('.rec').length === 3);
  });

  it('follows in-place navigation to another statement, and clears everything on a page that is not one', async () => {
    session = await launch();
    const page = await open(session, 'https://spa.example.test/upr43/romania', ownPage('spa-statements.html'), 2);
    const panel = await panelFrame(page, session.extensionId);
    await panel.waitForFunction(() => document.querySelector('.panel-states')?.textContent === 'Ireland → Romania');

    await page.click('#to-mali');
    await waitForHighlight(page, 3);
    expect(Object.values(await highlightedTexts(page))).toEqual([
      'Abolish the death penalty for all crimes',
      'Investigate all allegations of extrajudicial executions',
      'Guarantee the safety of journalists and human rights defenders.',
    ]);
    await panel.waitForFunction(() => document.querySelector('.panel-states')?.textContent === 'Ireland → Mali');

    await page.click('#to-news');
    await page.waitForFunction(() => !document.querySelector('upr-annotator-panel'));
    expect(await highlightCount(page)).toBe(0);
  });

  it('keeps a recommendation that left the page, with its note, as "not found on this page"', async () => {
    session = await launch();
    const url = 'https://www.mission.example.test/upr48/kazakhstan';
    const original = ownPage('sample-statement.html');
    let page = await open(session, url, original, 4);
    let panel = await panelFrame(page, session.extensionId);
    await openRec(panel, 3);
    await panel.fill('.rec[data-n="3"] textarea', 'Asked about the moratorium in 2021.');
    await panel.waitForSelector('.rec[data-n="3"] .note-state-saved');
    await page.close();

    const edited = original.replace(/<li>Ratify the Second Optional Protocol[\s\S]*?<\/li>/, '');
    expect(edited).not.toBe(original);
    page = await open(session, url, edited, 3);
    panel = await panelFrame(page, session.extensionId);
    await panel.waitForSelector('.rec-orphan');
    expect(await panel.textContent('.orphans-title')).toBe('Not found on this page');
    expect(await panel.textContent('.rec-orphan .rec-text-static')).toContain('Ratify the Second Optional Protocol');
    expect(await panel.inputValue('.rec-orphan textarea')).toBe('Asked about the moratorium in 2021.');
    expect(await panel.locator('.recs .rec:not(.rec-orphan)').count()).toBe(3);
    expect(await highlightCount(page)).toBe(3);
  });
});

describe('pages that are not statements', () => {
  it.each([
    'neg-canada-passport',
    'neg-encyclopedia-upr',
    'neg-us-item6-adoption',
  ])('%s: no DOM write, no UI, no message', async (name) => {
    session = await launch();
    const worker = await session.worker();
    await worker.evaluate(() => {
      const scope = globalThis as unknown as { __seen: unknown[]; chrome: { runtime: { onMessage: { addListener(f: (m: unknown) => void): void } } } };
      scope.__seen = [];
      scope.chrome.runtime.onMessage.addListener((message) => void scope.__seen.push(message));
    });
    const fixture = projectPage(name);
    const page = await open(session, fixture.url, fixture.html, 0);
    await page.waitForLoadState('load');
    await page.waitForTimeout(3500); // past the detector's second look
    expect(await page.evaluate(() => (window as unknown as { __uprTest: { mutations: number } }).__uprTest.mutations)).toBe(0);
    expect(await page.locator('upr-annotator-panel').count()).toBe(0);
    expect(await worker.evaluate(() => (globalThis as unknown as { __seen: unknown[] }).__seen)).toEqual([]);
  });
});
