// Where each detail came from, in Chromium: on a statement whose text never names its author nor its session, the
// popup says the recommending state came from the site's name and the session from the page's address, and the
// panel's "Correct the details" says it under each field; then "set by you" once the user corrects it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations, launch, type LaunchOptions, openPopup, panelFrame, ROOT, type Session, waitForHighlight } from './support/extension';

const URL = 'https://www.japan-geneva.example.test/statements/upr49-turkiye.html';
const HTML = readFileSync(join(ROOT, 'e2e/pages/site-named-statement.html'), 'utf8');
const SHOTS = process.env.UPR_SCREENSHOTS;

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

/** The statement open in a tab, annotated, and the popup on it. */
async function openWithPopup(options: LaunchOptions = {}): Promise<{ page: Page; popup: Page; s: Session }> {
  const s = (session = await launch(options));
  s.serve(URL, HTML);
  const page = await s.context.newPage();
  await page.goto(URL);
  await waitForHighlight(page, 2);
  const popup = await openPopup(s, URL);
  await popup.waitForSelector('.popup-states');
  return { page, popup, s };
}

/** The popup's "Where these details come from", opened: each row's field and what it says. */
async function sourcesShown(popup: Page): Promise<[string, string][]> {
  await popup.click('.meta-sources summary');
  return popup.$$eval('.meta-source', (rows) => rows.map((row) => [row.querySelector('dt')!.textContent!, row.querySelector('dd')!.textContent!] as [string, string]));
}

describe('where each detail came from', () => {
  it('the popup and the correction form say which signal gave each field', async () => {
    const { page, popup, s } = await openWithPopup();
    expect(await popup.textContent('.popup-states')).toBe('Japan → Türkiye');
    expect(await sourcesShown(popup)).toEqual([
      ['Recommending state', 'Japan — from the site’s name'],
      ['State under review', 'Türkiye — from the sentence that introduces the recommendations'],
      ['Working Group session', 'UPR 49 — from the page’s address'],
      ['UPR cycle', 'cycle 4 — from the session'],
    ]);
    if (SHOTS) await popup.screenshot({ path: join(SHOTS, 'popup-sources.png') });

    const panel = await panelFrame(page, s.extensionId);
    await panel.click('.correct-open');
    expect(await panel.textContent('#correct-from-source')).toBe('from the site’s name');
    expect(await panel.textContent('#correct-session-source')).toBe('from the page’s address');
    expect(await panel.getAttribute('#correct-from', 'aria-describedby')).toBe('correct-from-source');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'panel-sources.png') });

    // A correction is the user's word: from then on the field says so.
    await panel.fill('#correct-session', '48');
    await panel.click('.correct-save');
    await panel.waitForFunction(() => document.querySelector('.panel-session')?.textContent?.startsWith('UPR 48'));
    const again = await openPopup(s, URL);
    await again.waitForSelector('.popup-states');
    expect((await sourcesShown(again)).find(([field]) => field === 'Working Group session')).toEqual(['Working Group session', 'UPR 48 — set by you']);
  });

  it('says it in French', async () => {
    const { popup } = await openWithPopup({ locale: 'fr-FR' });
    expect((await sourcesShown(popup)).slice(0, 1)).toEqual([['État qui recommande', 'Japon, d’après le nom du site']]);
  });

  it.each(['light', 'dark'] as const)('passes axe-core in %s mode, the sources open', async (colorScheme) => {
    const { page, popup, s } = await openWithPopup({ colorScheme });
    await sourcesShown(popup);
    expect(await axeViolations(popup)).toEqual([]);
    const panel = await panelFrame(page, s.extensionId);
    await panel.click('.correct-open');
    await panel.waitForSelector('#correct-from-source');
    expect(await axeViolations(panel)).toEqual([]);
  });
});
