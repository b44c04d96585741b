// A page of several statements (a ministry's collection of its statements at one session) in the built extension:
// the panel lists each statement under its own heading with its count, the popup says how many statements, and the
// dashboard and the CSV export show each recommendation with its own statement's state under review and date.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations, launch, openPopup, openStatement, panelFrame, projectPage, waitForHighlight, type Session } from './support/extension';

const multi = projectPage('newzealand-multi-upr47');

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe('a page of several statements', () => {
  it('groups the panel by statement, says "3 statements", and stores each recommendation under its own state', async () => {
    session = await launch();
    const { page, panel } = await openStatement(session, multi.url, multi.html, 6);
    await panel.waitForSelector('.statement-group');
    expect(await panel.textContent('.panel-states')).toBe('New Zealand → 3 statements');
    const groups = () =>
      panel.$$eval('.statement-group', (els) =>
        els.map((g) => [g.querySelector('.statement-title')?.textContent, g.querySelector('.statement-count')?.textContent, [...g.querySelectorAll('.rec')].map((li) => li.getAttribute('data-n'))]),
      );
    expect(await groups()).toEqual([
      ['Universal Periodic Review of Senegal — 5 November 2024', '2 recommendations', ['1', '2']],
      ['Universal Periodic Review of Mauritius — 6 November 2024', '3 recommendations', ['3', '4', '5']],
      ['Universal Periodic Review of Malta — 12 November 2024', '1 recommendation', ['6']],
    ]);
    expect(await axeViolations(panel)).toEqual([]);

    // The filter works across the groups: only Mauritius's statement has a match.
    await panel.fill('.filter-input', 'ratify');
    await panel.waitForFunction(() => document.querySelectorAll('.statement-group').length === 1);
    expect(await groups()).toEqual([['Universal Periodic Review of Mauritius — 6 November 2024', 'Showing 1 of 3', ['5']]]);
    await panel.fill('.filter-input', '');
    await panel.waitForFunction(() => document.querySelectorAll('.statement-group').length === 3);

    // Keyboard: an item chosen with Enter is selected, in whichever group it is.
    await panel.focus('.rec[data-n="4"] .rec-text');
    await panel.press('.rec[data-n="4"] .rec-text', 'Enter');
    await panel.waitForSelector('.rec[data-n="4"][aria-current="true"]');

    const popup = await openPopup(session, multi.url);
    expect(await popup.textContent('.popup-states')).toBe('New Zealand → 3 statements');
    await popup.close();

    const [download] = await Promise.all([page.waitForEvent('download'), panel.click('.export-button[data-format="csv"]')]);
    const rows = Papa.parse<Record<string, string>>(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows.filter((r) => r['Row type'] === 'recommendation').map((r) => [r['Recommendation number'], r['State under review'], r['Statement date']])).toEqual([
      ['6', 'Malta', '2024-11-12'],
      ['3', 'Mauritius', '2024-11-06'],
      ['4', 'Mauritius', '2024-11-06'],
      ['5', 'Mauritius', '2024-11-06'],
      ['1', 'Senegal', '2024-11-05'],
      ['2', 'Senegal', '2024-11-05'],
    ]);

    const dashboard = await session.context.newPage();
    await dashboard.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
    await dashboard.waitForSelector('.rows > .row');
    const states = await dashboard.$$eval('.rows > .row', (els) => els.map((e) => [e.querySelector('.row-states')?.textContent, e.querySelector('.row-when')?.textContent?.trim()]));
    expect(states.map(([who]) => who).sort()).toEqual([
      'New Zealand → Malta',
      'New Zealand → Mauritius',
      'New Zealand → Mauritius',
      'New Zealand → Mauritius',
      'New Zealand → Senegal',
      'New Zealand → Senegal',
    ]);
    expect(states.find(([who]) => who === 'New Zealand → Malta')?.[1]).toBe('· UPR 47 · cycle 4 · 12 November 2024');
  });

  it('stores words the user adds under the statement whose heading is above them, once, across visits', async () => {
    session = await launch();
    const { page, panel } = await openStatement(session, multi.url, multi.html, 6);
    await page.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((e) => e.textContent === 'New Zealand thanks Mauritius for its engagement with the review.')!;
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await panel.click('.add-selection');
    await panel.waitForFunction(() => document.querySelectorAll('.rec').length === 7);
    const mauritius = () => panel.$$eval('.statement-group', (els) => els.map((g) => [g.querySelector('.statement-title')?.textContent, g.querySelectorAll('.rec').length]));
    expect(await mauritius()).toEqual([
      ['Universal Periodic Review of Senegal — 5 November 2024', 2],
      ['Universal Periodic Review of Mauritius — 6 November 2024', 4],
      ['Universal Periodic Review of Malta — 12 November 2024', 1],
    ]);

    await page.reload();
    await waitForHighlight(page, 7);
    const again = await panelFrame(page, session.extensionId);
    await again.waitForFunction(() => document.querySelectorAll('.statement-group').length === 3 && document.querySelectorAll('.rec').length === 7);
    const dashboard = await session.context.newPage();
    await dashboard.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
    await dashboard.waitForSelector('.rows > .row');
    const who = await dashboard.$$eval('.rows > .row .row-states', (els) => els.map((e) => e.textContent));
    expect(who.filter((w) => w === 'New Zealand → Mauritius')).toHaveLength(4);
    expect(who).toHaveLength(7);
  });
});
