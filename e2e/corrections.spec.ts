// Manual correction in Chromium: the user adds selected text as a recommendation (panel and context menu), marks
// an item as not a recommendation, merges two, splits one, and corrects the metadata; every correction is there
// again after a reload.
import type { Frame, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { highlightedTexts, selectInHighlight, launch, openCorrections, openRec, panelFrame, type Session, waitForHighlight, waitForHighlightCount, SAMPLE_STATEMENT } from './support/extension';

const { url: URL, html: HTML } = SAMPLE_STATEMENT;

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

async function open(s: Session): Promise<{ page: Page; panel: Frame }> {
  const page = await s.context.newPage();
  await page.goto(URL);
  await waitForHighlight(page, 4);
  const panel = await panelFrame(page, s.extensionId);
  await panel.waitForSelector('.rec');
  return { page, panel };
}

/** Selects, in the page, `length` characters of the paragraph or item containing `text`, from where `text` starts. */
/** The page's context menu's "Add as a recommendation" on the current selection, as the browser dispatches it. */
async function addFromContextMenu(s: Session): Promise<void> {
  await (await s.worker()).evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> }; contextMenus: { onClicked: { dispatch(info: object, tab: object): void } } } }).chrome;
    const tab = (await api.tabs.query({})).find((t) => t.url?.includes('sample.upr-annotator.test'))!;
    api.contextMenus.onClicked.dispatch({ menuItemId: 'upr-add-selection', selectionText: '' }, tab);
  });
}

async function select(page: Page, text: string, length = text.length) {
  await page.evaluate(
    ([needle, count]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(needle as string);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + (count as number));
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
      throw new Error(`not found: ${needle}`);
    },
    [text, length],
  );
}

const count = async (page: Page) => Object.keys(await highlightedTexts(page)).length;

describe('manual correction', () => {
  it('adds selected text as a recommendation, from the panel and from the context menu, and keeps both', async () => {
    session = await launch();
    session.serve(URL, HTML);
    let { page, panel } = await open(session);
    const added = 'we recommended that Kazakhstan strengthen the independence of the judiciary';
    await select(page, added);
    await panel.click('.add-selection');
    await waitForHighlight(page, 5);
    expect(Object.values(await highlightedTexts(page))).toContain(added);

    const closing = 'We wish Kazakhstan every success with this review';
    const fromMenu = async () => {
      await select(page, closing);
      await addFromContextMenu(session!);
      await waitForHighlight(page, 6);
    };
    await fromMenu();
    // Offered back in the panel's undo bar, as an addition made there is: "Undo" takes back this one, not the first.
    await panel.waitForFunction(() => document.querySelector('.toast')?.textContent === 'Added as a recommendation.Undo');
    await panel.click('.toast-undo');
    await waitForHighlightCount(page, 5);
    const undone = Object.values(await highlightedTexts(page));
    expect(undone).toContain(added);
    expect(undone).not.toContain(closing);
    await fromMenu();

    await page.reload();
    await waitForHighlight(page, 6);
    const texts = Object.values(await highlightedTexts(page));
    expect(texts).toContain(added);
    expect(texts).toContain('We wish Kazakhstan every success with this review');
    panel = await panelFrame(page, session.extensionId);
    await panel.waitForFunction(() => document.querySelectorAll('.recs .rec').length === 6);
  });

  it('says why when there is nothing to add or no place to split, and changes nothing', async () => {
    session = await launch();
    session.serve(URL, HTML);
    const { page, panel } = await open(session);
    const said = async () => (await panel.waitForSelector('.panel-error')).textContent();

    // From the page's context menu too: the panel says why.
    await select(page, 'Home › Human rights');
    await addFromContextMenu(session);
    await panel.waitForFunction(() => document.querySelector('.panel-error')?.textContent?.includes('outside the statement'));
    expect(await count(page)).toBe(4);

    await page.evaluate(() => getSelection()!.removeAllRanges());
    await panel.click('.add-selection');
    // (In place of the context menu's sentence.)
    await panel.waitForFunction(() => document.querySelector('.panel-error')?.textContent !== '' && !document.querySelector('.panel-error')?.textContent?.includes('outside'));
    expect(await said()).toBe('Select the words to add on the page first.');

    await select(page, 'Home › Human rights');
    await panel.click('.add-selection');
    await panel.waitForFunction(() => document.querySelector('.panel-error')?.textContent?.includes('outside the statement'));

    // The selection is in recommendation 3, not in the one to split.
    await select(page, 'Ratify the Second Optional Protocol');
    await openCorrections(panel, 1);
    await panel.click('.rec[data-n="1"] .rec-split');
    await panel.waitForFunction(() => document.querySelector('.panel-error')?.textContent?.startsWith('Click inside this recommendation'));
    expect(await count(page)).toBe(4);
    expect(await panel.$$eval('.recs .rec', (items) => items.length)).toBe(4);
  });

  it('drops an item that is not a recommendation, merges two and splits one, and keeps it so', async () => {
    session = await launch();
    session.serve(URL, HTML);
    let { page, panel } = await open(session);

    await openCorrections(panel, 4);
    await panel.click('.rec[data-n="4"] .rec-reject');
    // Re-reading the page takes the highlights off for a moment: wait for the new set.
    await waitForHighlightCount(page, 3);
    expect(await count(page)).toBe(3);

    await panel.waitForFunction(() => document.querySelectorAll('.recs .rec').length === 3);
    await openCorrections(panel, 1);
    await panel.click('.rec[data-n="1"] .rec-merge');
    await waitForHighlightCount(page, 2);
    const merged = await highlightedTexts(page);
    expect(merged[1]).toMatch(/^Adopt a comprehensive anti-discrimination law .* gender identity;? ?Ensure that journalists .* promptly investigated$/);

    await openCorrections(panel, 2);
    await select(page, 'Ratify the Second Optional Protocol');
    // Select "aiming" in recommendation 2: the split point.
    await selectInHighlight(page, 2, 'aiming');
    await panel.waitForFunction(() => document.querySelectorAll('.recs .rec').length === 2);
    await panel.click('.rec[data-n="2"] .rec-split');
    await waitForHighlight(page, 3);
    const split = await highlightedTexts(page);
    expect(split[2]).toMatch(/^Ratify the Second Optional Protocol .* Political Rights,$/);
    expect(split[3]).toBe('aiming at the abolition of the death penalty');

    await page.reload();
    await waitForHighlight(page, 3);
    expect(await highlightedTexts(page)).toEqual(split);
    panel = await panelFrame(page, session.extensionId);
    await panel.waitForFunction(() => document.querySelectorAll('.recs .rec').length === 3);
  });

  it('merges two numbered paragraphs into their own words, without the number between them', async () => {
    // The same statement with its recommendations as numbered paragraphs written edge to edge, as some sites do.
    const items = [...HTML.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m, i) => `<p>${i + 1}. ${m[1]!.replace(/\s+/g, ' ')}</p>`);
    const numbered = HTML.replace(/<ol>[\s\S]*?<\/ol>/, items.join(''));
    session = await launch();
    session.serve(URL, numbered);
    const { page, panel } = await open(session);
    await openCorrections(panel, 1);
    await panel.click('.rec[data-n="1"] .rec-merge');
    await waitForHighlightCount(page, 3);
    await panel.waitForFunction(() => document.querySelectorAll('.recs .rec').length === 3);
    const text = await panel.textContent('.rec[data-n="1"] .rec-text bdi');
    expect(text).toMatch(/gender identity;? Ensure that journalists/);
    expect(text).not.toMatch(/\b2\./);
  });

  it('corrects the metadata, keeps the notes, and applies the correction on the next visit', async () => {
    session = await launch();
    session.serve(URL, HTML);
    let { page, panel } = await open(session);
    await openRec(panel, 2);
    await panel.fill('.rec[data-n="2"] textarea', 'Note written before the correction');
    await panel.waitForSelector('.rec[data-n="2"] .note-state-saved');

    await panel.click('.correct-open');
    await panel.fill('#correct-from', 'Atlantis');
    await panel.click('.correct-save');
    expect(await panel.textContent('.correct-form .panel-error')).toBe('“Atlantis” is not a state name UPR Annotator knows.');
    await panel.fill('#correct-from', 'Iceland');
    await panel.fill('#correct-session', '34');
    await panel.click('.correct-save');
    await panel.waitForFunction(() => document.querySelector('.panel-states')?.textContent === 'Iceland → Kazakhstan');
    expect(await panel.textContent('.panel-session')).toBe('UPR 34 · cycle 3 · 12 November 2024');
    expect(await panel.inputValue('.rec[data-n="2"] textarea')).toBe('Note written before the correction');

    await page.reload();
    panel = await panelFrame(page, session.extensionId);
    await panel.waitForFunction(() => document.querySelector('.panel-states')?.textContent === 'Iceland → Kazakhstan');
    expect(await panel.inputValue('.rec[data-n="2"] textarea')).toBe('Note written before the correction');
  });
});
