// No loss from a correction (issue 13): on recommendations with notes, each correction — not a recommendation,
// merge, split, add, new details — is offered back at once in the undo bar, and Undo puts the page and its notes back
// as they were, after a reload too; made and kept over a reload, it is listed under "Corrected" (its items' notes in
// sight there or on its result) and "Restore" puts the notes back on their items.
import type { Frame, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations, launch, openCorrections, openStatement, panelFrame, selectInHighlight, waitForHighlight, writeNote, type Session, SAMPLE_STATEMENT } from './support/extension';

const { url: URL, html: HTML } = SAMPLE_STATEMENT;

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

const items = (panel: Frame) => panel.$$eval('.recs .rec', (list) => list.length);
const noteOn = (panel: Frame, n: number) => panel.inputValue(`.rec[data-n="${n}"] textarea`);
/** Item n's note once the panel has read it back (a restored item is listed a moment before its note arrives). */
async function noteShownOn(panel: Frame, n: number, text: string): Promise<string> {
  await panel
    .waitForFunction(({ n, text }) => (document.querySelector(`.rec[data-n="${n}"] textarea`) as HTMLTextAreaElement | null)?.value === text, { n, text }, { timeout: 5_000 })
    .catch(() => {});
  return noteOn(panel, n);
}
const textOf = async (panel: Frame, n: number) => (await panel.textContent(`.rec[data-n="${n}"] .rec-text bdi`)) ?? '';

async function waitForItems(panel: Frame, count: number) {
  await panel.waitForFunction((count) => document.querySelectorAll('.recs .rec').length === count, count);
}

/** The undo bar's sentence, once it shows. */
async function undoBar(panel: Frame): Promise<string> {
  return (await (await panel.waitForSelector('.toast')).textContent()) ?? '';
}

async function reload(page: Page, s: Session, count: number): Promise<Frame> {
  await page.reload();
  await waitForHighlight(page, count);
  const panel = await panelFrame(page, s.extensionId);
  await waitForItems(panel, count);
  return panel;
}

/** Opens the "Corrected" section and restores its newest entry. */
async function restoreNewest(panel: Frame) {
  await panel.click('.corrected > summary');
  await panel.click('.corrected-entry:first-child .corrected-restore');
}

async function selectText(page: Page, text: string) {
  await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
    throw new Error(`not found: ${needle}`);
  }, text);
}

async function start(): Promise<{ s: Session; page: Page; panel: Frame }> {
  const s = (session = await launch());
  const { page, panel } = await openStatement(s, URL, HTML, 4);
  return { s, page, panel };
}

describe('no loss from a correction', () => {
  it('not a recommendation: undone, the note is on its item after a reload; kept, the note is in sight under Corrected and comes back with Restore', async () => {
    const { s, page } = await start();
    let panel = await panelFrame(page, s.extensionId);
    await writeNote(panel, 2, 'Follow up with the press union');
    // By keyboard: the item goes, and the keyboard is on "Undo".
    await openCorrections(panel, 2);
    await panel.press('.rec[data-n="2"] .rec-reject', 'Enter');
    expect(await undoBar(panel)).toBe('Marked as not a recommendation.Undo');
    await waitForItems(panel, 3);
    await panel.waitForFunction(() => document.activeElement?.classList.contains('toast-undo'));
    await page.keyboard.press('Enter');
    await waitForItems(panel, 4);
    panel = await reload(page, s, 4);
    expect(await noteOn(panel, 2)).toBe('Follow up with the press union');

    await openCorrections(panel, 2);
    await panel.click('.rec[data-n="2"] .rec-reject');
    await waitForItems(panel, 3);
    panel = await reload(page, s, 3);
    expect(await panel.textContent('.corrected > summary')).toBe('Corrected (1)');
    await panel.click('.corrected > summary');
    expect(await panel.textContent('.corrected-entry .corrected-kind')).toBe('Marked as not a recommendation');
    expect(await panel.textContent('.corrected-item bdi')).toMatch(/^Ensure that journalists/);
    expect(await panel.inputValue('.corrected-item textarea')).toBe('Follow up with the press union');
    expect(await axeViolations(panel)).toEqual([]);
    await panel.click('.corrected-entry .corrected-restore');
    await waitForItems(panel, 4);
    expect(await noteShownOn(panel, 2, 'Follow up with the press union')).toBe('Follow up with the press union');
    panel = await reload(page, s, 4);
    expect(await noteOn(panel, 2)).toBe('Follow up with the press union');
    expect(await panel.$('.corrected')).toBeNull();
  });

  it('merge: both notes go to the merged item; undone or restored, each note is back on its own item', async () => {
    const { s, page } = await start();
    let panel = await panelFrame(page, s.extensionId);
    await writeNote(panel, 1, 'Law: ask about the draft');
    await writeNote(panel, 2, 'Press: two cases in 2024');
    await openCorrections(panel, 1);
    await panel.click('.rec[data-n="1"] .rec-merge');
    expect(await undoBar(panel)).toBe('Merged with the next.Undo');
    await waitForItems(panel, 3);
    expect(await noteOn(panel, 1)).toBe('Law: ask about the draft\n\nPress: two cases in 2024');
    await panel.click('.toast-undo');
    await waitForItems(panel, 4);
    panel = await reload(page, s, 4);
    expect([await noteOn(panel, 1), await noteOn(panel, 2)]).toEqual(['Law: ask about the draft', 'Press: two cases in 2024']);

    await openCorrections(panel, 1);
    await panel.click('.rec[data-n="1"] .rec-merge');
    await waitForItems(panel, 3);
    panel = await reload(page, s, 3);
    expect(await textOf(panel, 1)).toMatch(/gender identity;? Ensure that journalists/);
    expect(await noteOn(panel, 1)).toBe('Law: ask about the draft\n\nPress: two cases in 2024');
    await panel.click('.corrected > summary');
    expect(await panel.$$eval('.corrected-item bdi', (texts) => texts.map((t) => t.textContent!.slice(0, 20)))).toEqual(['Adopt a comprehensiv', 'Ensure that journali']);
    await panel.click('.corrected-entry .corrected-restore');
    await waitForItems(panel, 4);
    panel = await reload(page, s, 4);
    expect([await noteOn(panel, 1), await noteOn(panel, 2)]).toEqual(['Law: ask about the draft', 'Press: two cases in 2024']);
  });

  it('split: the note goes with the first part; undone or restored, it is on the whole item again', async () => {
    const { s, page } = await start();
    let panel = await panelFrame(page, s.extensionId);
    await writeNote(panel, 3, 'Death penalty: moratorium since 2003');
    await openCorrections(panel, 3);
    await selectInHighlight(page, 3, 'aiming');
    await panel.click('.rec[data-n="3"] .rec-split');
    expect(await undoBar(panel)).toBe('Split in two.Undo');
    await waitForItems(panel, 5);
    expect(await noteOn(panel, 3)).toBe('Death penalty: moratorium since 2003');
    await panel.click('.toast-undo');
    await waitForItems(panel, 4);
    panel = await reload(page, s, 4);
    expect(await textOf(panel, 3)).toMatch(/^Ratify the Second Optional Protocol .* death penalty/);
    expect(await noteOn(panel, 3)).toBe('Death penalty: moratorium since 2003');

    await openCorrections(panel, 3);
    await selectInHighlight(page, 3, 'aiming');
    await panel.click('.rec[data-n="3"] .rec-split');
    await waitForItems(panel, 5);
    panel = await reload(page, s, 5);
    await restoreNewest(panel);
    await waitForItems(panel, 4);
    panel = await reload(page, s, 4);
    expect(await textOf(panel, 3)).toMatch(/death penalty/);
    expect(await noteOn(panel, 3)).toBe('Death penalty: moratorium since 2003');
  });

  it('add: undone or restored, the added item is gone and the note stays on its item', async () => {
    const { s, page } = await start();
    let panel = await panelFrame(page, s.extensionId);
    await writeNote(panel, 2, 'Press: two cases in 2024');
    await selectText(page, 'We wish Kazakhstan every success with this review');
    await panel.click('.add-selection');
    expect(await undoBar(panel)).toBe('Added as a recommendation.Undo');
    await waitForItems(panel, 5);
    await panel.click('.toast-undo');
    await waitForItems(panel, 4);
    panel = await reload(page, s, 4);
    expect(await noteOn(panel, 2)).toBe('Press: two cases in 2024');

    await selectText(page, 'We wish Kazakhstan every success with this review');
    await panel.click('.add-selection');
    await waitForItems(panel, 5);
    panel = await reload(page, s, 5);
    // By keyboard, as any user can.
    await panel.press('.corrected > summary', 'Enter');
    expect(await panel.textContent('.corrected-entry .corrected-kind')).toBe('Added by you');
    await panel.press('.corrected-entry .corrected-restore', 'Enter');
    await waitForItems(panel, 4);
    panel = await reload(page, s, 4);
    expect(await noteOn(panel, 2)).toBe('Press: two cases in 2024');
  });

  it('new details: undone or restored, the states are as read and the note is on its item', async () => {
    const { s, page } = await start();
    let panel = await panelFrame(page, s.extensionId);
    await writeNote(panel, 2, 'Press: two cases in 2024');
    const states = await panel.textContent('.panel-states');
    await panel.click('.correct-open');
    await panel.fill('#correct-from', 'Iceland');
    await panel.click('.correct-save');
    expect(await undoBar(panel)).toBe('Details corrected.Undo');
    await panel.waitForFunction(() => document.querySelector('.panel-states')?.textContent === 'Iceland → Kazakhstan');
    await panel.click('.toast-undo');
    await panel.waitForFunction((states) => document.querySelector('.panel-states')?.textContent === states, states);
    panel = await reload(page, s, 4);
    expect(await panel.textContent('.panel-states')).toBe(states);
    expect(await noteOn(panel, 2)).toBe('Press: two cases in 2024');

    await panel.click('.correct-open');
    await panel.fill('#correct-from', 'Iceland');
    await panel.click('.correct-save');
    await panel.waitForFunction(() => document.querySelector('.panel-states')?.textContent === 'Iceland → Kazakhstan');
    panel = await reload(page, s, 4);
    expect(await panel.textContent('.panel-states')).toBe('Iceland → Kazakhstan');
    await panel.click('.corrected > summary');
    expect(await panel.textContent('.corrected-entry .corrected-kind')).toBe(`Details corrected · Before: ${states} · UPR 48`);
    await panel.click('.corrected-entry .corrected-restore');
    await panel.waitForFunction((states) => document.querySelector('.panel-states')?.textContent === states, states);
    panel = await reload(page, s, 4);
    expect(await panel.textContent('.panel-states')).toBe(states);
    expect(await noteOn(panel, 2)).toBe('Press: two cases in 2024');
  });
});
