// The core flow in Firefox (firefox-esr, the MV2 build installed as a temporary add-on): Canada's statement on
// Kazakhstan at UPR 34, served at its real URL, is detected, its three recommendations highlighted and listed in the
// panel, and a note typed in the panel is saved and there again after a reload and after Firefox restarts.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { highlightedUpTo, projectPage } from '../e2e/support/extension';
import { addonId, clickInPanel, highlightedTexts, launch, panelFrame, type Session } from './support/firefox';

const seed = projectPage('canada-kazakhstan-upr34');
const expected = seed.label.expected!;
const comparable = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/(;\s*and|[;.])$/, '').trim();
const NOTE_BOX = '.rec[data-n="1"] textarea';

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

async function openSeed(s: Session): Promise<Page> {
  s.serve(seed.url, seed.html);
  const page = await s.newPage();
  await page.goto(seed.url);
  await page.waitForFunction(highlightedUpTo(3));
  return page;
}

async function noteIn(page: Page, selector = NOTE_BOX): Promise<string> {
  const panel = await panelFrame(page);
  await panel.waitForSelector(selector);
  return panel.$eval(selector, (el) => (el as HTMLTextAreaElement).value);
}

describe('Firefox: seed statement', () => {
  it('is built with the fixed add-on id', () => {
    expect(addonId()).toBe('upr-annotator@upr-annotator.org');
  });

  it('highlights the three recommendations and lists them in the panel', async () => {
    session = await launch();
    const page = await openSeed(session);

    const texts = await highlightedTexts(page);
    expect(Object.keys(texts)).toEqual(['1', '2', '3']);
    expect(Object.values(texts).map(comparable)).toEqual(expected.recommendations.map(comparable));

    const panel = await panelFrame(page);
    await panel.waitForSelector('.rec');
    expect(await panel.$eval('.panel-states', (el) => el.textContent)).toBe('Canada → Kazakhstan');
    const items = await panel.$$eval('.rec-text', (els) => els.map((el) => el.textContent ?? ''));
    expect(items.map((t) => comparable(t.replace(/^\d+/, '')))).toEqual(expected.recommendations.map(comparable));
  });

  it('saves a note typed in the panel and shows it again after a reload and a restart', async () => {
    session = await launch();
    const page = await openSeed(session);
    const panel = await panelFrame(page);
    const note = 'Follow up with the ministry: trade-union registration — ask about 2024 amendments.';
    // The note box shows on the selected item: select recommendation 1 first, as a user does.
    await clickInPanel(page, panel, '.rec[data-n="1"] .rec-text');
    await panel.waitForSelector(NOTE_BOX, { visible: true });
    await clickInPanel(page, panel, NOTE_BOX);
    await page.keyboard.type(note);
    const saved = await panel.waitForSelector('.rec[data-n="1"] .note-state-saved');
    expect(await saved!.evaluate((el) => el.textContent)).toMatch(/Saved/);

    await page.reload();
    await page.waitForFunction(highlightedUpTo(3));
    expect(await noteIn(page)).toBe(note);

    // Firefox quits, and the same profile starts again with the add-on installed again.
    const profileDir = session.profileDir;
    await session.close({ keepProfile: true });
    session = await launch({ profileDir });
    const again = await openSeed(session);
    expect(await noteIn(again)).toBe(note);
    expect(await noteIn(again, '.rec[data-n="2"] textarea')).toBe('');
  });
});
