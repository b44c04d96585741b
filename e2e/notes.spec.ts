// Notes researchers can trust, in Chromium: tags, status, delete with undo, a page note, the filter; two tabs in
// sync; a note typed and the tab closed at once; a worker stopped mid-edit; a database written by version 1 of the
// schema upgraded when the extension reloads; the database deleted underneath; English and French; axe-core.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION } from '../utils/db';
import { recommendationId } from '../utils/model';
import { axeViolations, launch, openRec, panelFrame, projectPage, ROOT, type Session, stopServiceWorkers, waitForHighlight } from './support/extension';

const seed = projectPage('canada-kazakhstan-upr34');

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

async function openSeed(s: Session): Promise<{ page: Page; panel: Frame }> {
  s.serve(seed.url, seed.html);
  const page = await s.context.newPage();
  await page.goto(seed.url);
  await waitForHighlight(page, 3);
  const panel = await panelFrame(page, s.extensionId);
  await panel.waitForSelector('.rec');
  return { page, panel };
}

const rec = (n: number) => `.rec[data-n="${n}"]`;

describe('notes in the panel', () => {
  it('keeps tags, status and a page note, deletes with undo, and filters', async () => {
    session = await launch();
    let { page, panel } = await openSeed(session);

    await openRec(panel, 1);
    await panel.fill(`${rec(1)} textarea`, 'Trade unions: ask for the 2024 draft law.');
    await panel.fill(`${rec(1)} .tag-input`, 'labour');
    await panel.press(`${rec(1)} .tag-input`, 'Enter');
    await panel.selectOption(`${rec(1)} select.status`, 'priority');
    await panel.waitForSelector(`${rec(1)} .note-state-saved`);
    await openRec(panel, 2);
    await panel.fill(`${rec(2)} .tag-input`, 'lab');
    expect(await panel.$$eval(`${rec(2)} datalist option`, (os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['labour']);
    await panel.fill(`${rec(2)} .tag-input`, 'gender');
    await panel.press(`${rec(2)} .tag-input`, 'Enter');
    await panel.waitForSelector(`${rec(2)} .note-state-saved`);
    await panel.click('.page-note summary');
    await panel.fill('.page-note textarea', 'Delivered by the deputy permanent representative.');
    await panel.waitForSelector('.page-note .note-state-saved');
    expect(await panel.textContent('.panel-count')).toBe('3 recommendations · 2 with notes');

    await page.reload();
    panel = await panelFrame(page, session.extensionId);
    await panel.waitForSelector(`${rec(1)} .tag`);
    expect(await panel.inputValue(`${rec(1)} textarea`)).toBe('Trade unions: ask for the 2024 draft law.');
    expect(await panel.$$eval(`${rec(1)} .tag span`, (els) => els.map((e) => e.textContent))).toEqual(['labour']);
    expect(await panel.inputValue(`${rec(1)} select.status`)).toBe('priority');
    expect(await panel.inputValue('.page-note textarea')).toBe('Delivered by the deputy permanent representative.');

    await panel.fill('.filter-input', 'LABOUR');
    expect(await panel.$$eval('.recs .rec', (els) => els.map((e) => e.getAttribute('data-n')))).toEqual(['1']);
    // The labels the items show filter too: a status, a theme's chip.
    await panel.fill('.filter-input', 'priority');
    expect(await panel.$$eval('.recs .rec', (els) => els.map((e) => e.getAttribute('data-n')))).toEqual(['1']);
    await panel.fill('.filter-input', 'disabilities');
    expect(await panel.$$eval('.recs .rec', (els) => els.map((e) => e.getAttribute('data-n')))).toEqual(['3']);
    await panel.fill('.filter-input', '');
    await panel.check('.filter-notes input');
    expect(await panel.$$eval('.recs .rec', (els) => els.map((e) => e.getAttribute('data-n')))).toEqual(['1', '2']);
    await panel.uncheck('.filter-notes input');

    await openRec(panel, 2);
    await panel.click(`${rec(2)} .note-delete`);
    await panel.waitForSelector('.toast');
    await panel.waitForFunction(() => (document.querySelector('.rec[data-n="2"] .tag-list') === null));
    await panel.click('.toast-undo');
    await panel.waitForSelector(`${rec(2)} .tag`);

    await openRec(panel, 1);
    await panel.click(`${rec(1)} .note-delete`);
    await panel.waitForSelector('.toast');
    await page.reload();
    panel = await panelFrame(page, session.extensionId);
    await panel.waitForSelector(`${rec(2)} .tag`);
    expect(await panel.inputValue(`${rec(1)} textarea`)).toBe('');
    expect(await panel.locator(`${rec(1)} .tag`).count()).toBe(0);
  });

  it('keeps two tabs showing the same recommendation in step', async () => {
    session = await launch();
    const a = await openSeed(session);
    const b = await openSeed(session);
    await a.page.bringToFront();
    await openRec(a.panel, 3);
    await a.panel.fill(`${rec(3)} textarea`, 'Edited in the first tab');
    await b.page.bringToFront();
    await b.panel.waitForFunction(() => (document.querySelector('.rec[data-n="3"] textarea') as HTMLTextAreaElement).value === 'Edited in the first tab');
    await openRec(b.panel, 3);
    await b.panel.fill(`${rec(3)} .tag-input`, 'disability');
    await b.panel.press(`${rec(3)} .tag-input`, 'Enter');
    await a.page.bringToFront(); // a tab at the back gets no animation frames, which Playwright's waits poll on
    await a.panel.waitForSelector(`${rec(3)} .tag`);
  });

  it('keeps a note typed just before the tab is closed', async () => {
    session = await launch();
    const { page, panel } = await openSeed(session);
    await openRec(panel, 2);
    await panel.locator(`${rec(2)} textarea`).pressSequentially('Closed at once');
    await page.close({ runBeforeUnload: true });
    const again = await openSeed(session);
    await again.panel.waitForFunction(() => (document.querySelector('.rec[data-n="2"] textarea') as HTMLTextAreaElement).value !== '');
    expect(await again.panel.inputValue(`${rec(2)} textarea`)).toBe('Closed at once');
  });

  it('keeps a note edited while the service worker is stopped in the middle', async () => {
    session = await launch();
    const { page, panel } = await openSeed(session);
    await openRec(panel, 1);
    await panel.locator(`${rec(1)} textarea`).pressSequentially('First half');
    await stopServiceWorkers(page);
    await openRec(panel, 1);
    await panel.locator(`${rec(1)} textarea`).pressSequentially(', second half');
    await panel.waitForSelector(`${rec(1)} .note-state-saved`);
    await stopServiceWorkers(page);
    await page.reload();
    const again = await panelFrame(page, session.extensionId);
    await again.waitForSelector(`${rec(1)} textarea`);
    expect(await again.inputValue(`${rec(1)} textarea`)).toBe('First half, second half');
  });

  it('tells the user, in words, when the database was deleted underneath, and keeps the text in the box', async () => {
    session = await launch();
    const { panel } = await openSeed(session);
    const worker = await session.worker();
    await worker.evaluate(
      () =>
        new Promise<void>((done, fail) => {
          const request = indexedDB.deleteDatabase('upr-annotator');
          request.onsuccess = () => done();
          request.onerror = () => fail(request.error);
        }),
    );
    await openRec(panel, 2);
    await panel.fill(`${rec(2)} textarea`, 'Typed after the data was cleared');
    await panel.waitForSelector(`${rec(2)} .note-state-error`);
    expect(await panel.textContent(`${rec(2)} .note-state`)).toMatch(/^Not saved: .*no longer stored.*Reload the page/);
    expect(await panel.inputValue(`${rec(2)} textarea`)).toBe('Typed after the data was cleared');
  });
});

describe('upgrades', () => {
  // chrome.runtime.reload() leaves an extension loaded with --load-extension unloaded under automation, so the
  // "update" here is the browser starting again on the same profile, as Chromium applies pending updates.
  it('upgrades notes written by schema version 1 when the extension starts again', async () => {
    session = await launch();
    await openSeed(session);
    const expected = seed.label.expected!;
    const who = { recommendingStateCode: 'CAN', stateUnderReviewCode: 'KAZ', session: 34 };
    const ids = await Promise.all(expected.recommendations.map((text) => recommendationId(text.replace(/\s+/g, ' ').trim(), who)));
    const worker = await session.worker();
    // Replace the database with one as version 1 of the extension wrote it.
    await worker.evaluate(
      async ({ url, ids, texts }) => {
        const wait = <T,>(request: IDBRequest<T>) => new Promise<T>((done, fail) => ((request.onsuccess = () => done(request.result)), (request.onerror = () => fail(request.error))));
        await wait(indexedDB.deleteDatabase('upr-annotator'));
        const open = indexedDB.open('upr-annotator', 1);
        open.onupgradeneeded = () => {
          const db = open.result;
          const pages = db.createObjectStore('pages', { keyPath: 'url' });
          for (const key of ['stateUnderReviewCode', 'recommendingStateCode', 'session', 'cycle']) pages.createIndex(key, key);
          const recs = db.createObjectStore('recommendations', { keyPath: 'id' });
          for (const key of ['pageUrl', 'stateUnderReviewCode', 'recommendingStateCode', 'session', 'cycle']) recs.createIndex(key, key);
          const notes = db.createObjectStore('notes', { keyPath: 'id' });
          notes.createIndex('recommendationId', 'recommendationId');
          notes.createIndex('updatedAt', 'updatedAt');
          notes.createIndex('tags', 'tags', { multiEntry: true });
        };
        const db = await wait(open);
        const tx = db.transaction(['pages', 'recommendations', 'notes'], 'readwrite');
        tx.objectStore('pages').put({ url, title: 'Kazakhstan', recommendingState: 'Canada', recommendingStateCode: 'CAN', stateUnderReview: 'Kazakhstan', stateUnderReviewCode: 'KAZ', session: 34, cycle: 3, date: '2019-11-07', language: 'en', capturedAt: 1 });
        ids.forEach((id, i) =>
          tx.objectStore('recommendations').put({
            id, pageUrl: url, n: i + 1, text: texts[i], recommendingStateCode: 'CAN', stateUnderReviewCode: 'KAZ', session: 34, cycle: 3, source: 'page', createdAt: 1, updatedAt: 1,
            selector: { quote: { type: 'TextQuoteSelector', exact: texts[i], prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 1 } },
          }),
        );
        tx.objectStore('notes').put({ id: `n${ids[1]!.slice(1)}`, recommendationId: ids[1], body: 'Written by version 1', tags: ['gender'], createdAt: 1, updatedAt: 2 });
        await new Promise((done) => (tx.oncomplete = done));
        db.close();
      },
      { url: seed.url, ids, texts: expected.recommendations },
    );
    const profileDir = session.profileDir;
    await session.close({ keepProfile: true });
    session = await launch({ profileDir });
    const { panel } = await openSeed(session);
    await panel.waitForSelector(`${rec(2)} .tag`);
    expect(await panel.inputValue(`${rec(2)} textarea`)).toBe('Written by version 1');
    expect(await panel.inputValue(`${rec(2)} select.status`)).toBe('none');
    const version = await (await session.worker()).evaluate(
      () => new Promise<number>((done) => { const r = indexedDB.open('upr-annotator'); r.onsuccess = () => { done(r.result.version); r.result.close(); }; }),
    );
    expect(version).toBe(DB_VERSION);
  });
});

describe('languages, themes and accessibility', () => {
  it.each(['light', 'dark'] as const)('passes axe-core with no violation in %s mode, with a note, tags and the undo bar', async (colorScheme) => {
    session = await launch({ colorScheme });
    const { page, panel } = await openSeed(session);
    await openRec(panel, 1);
    await panel.fill(`${rec(1)} textarea`, 'A note');
    await panel.fill(`${rec(1)} .tag-input`, 'labour');
    await panel.press(`${rec(1)} .tag-input`, 'Enter');
    await panel.selectOption(`${rec(1)} select.status`, 'follow-up');
    await panel.waitForSelector(`${rec(1)} .note-state-saved`);
    await panel.click('.page-note summary');
    await panel.click(`${rec(1)} .rec-text`);
    expect(await axeViolations(panel)).toEqual([]);
    await page.screenshot({ path: join(ROOT, `test-results/panel-en-${colorScheme}.png`) });
  });

  it('follows a French browser, switches language in settings, and keeps the choice', async () => {
    session = await launch({ locale: 'fr-FR', colorScheme: 'dark' });
    const { page, panel } = await openSeed(session);
    expect(await panel.textContent('.panel-count')).toBe('3 recommandations');
    expect(await panel.textContent('.panel-session')).toBe('EPU 34 · 3e cycle · 7 novembre 2019');
    // French as French writes it: names, articles and contractions, themes.
    expect(await panel.textContent('.panel-states')).toBe('Canada → Kazakhstan');
    expect(await panel.textContent('.panel-earlier')).toBe('Aucune recommandation antérieure du Canada au Kazakhstan n’est encore enregistrée.');
    expect(await panel.locator(`${rec(3)} .chip-theme`).allTextContents()).toContain('Handicap');
    expect(await panel.getAttribute(`${rec(1)} textarea`, 'placeholder')).toBe('Ajouter une note…');
    expect(await axeViolations(panel)).toEqual([]);
    await page.screenshot({ path: join(ROOT, 'test-results/panel-fr-dark.png') });

    await panel.selectOption('.setting select', 'en');
    await panel.waitForFunction(() => document.querySelector('.panel-count')?.textContent === '3 recommendations');
    await page.reload();
    const again = await panelFrame(page, session.extensionId);
    await again.waitForSelector('.rec');
    expect(await again.textContent('.panel-count')).toBe('3 recommendations');
  });
});
