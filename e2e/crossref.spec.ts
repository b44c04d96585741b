// Cross-references in Chromium: after a cycle-2 statement on Kazakhstan has been read, the cycle-3 statement shows,
// for its recommendation on trade unions, the earlier one — flagged as a repeat, with a link to where it was read —
// and the header counts what Canada asked of Kazakhstan before. Each recommendation carries its action category.
// A dataset row that is a recommendation already read (and annotated) on a page joins that record: counted once,
// the note kept, the dataset's response and official text shown with the link to the page it was read on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { highlightCount, launch, panelFrame, projectPage, ROOT, type Session, waitForHighlight } from './support/extension';

const seed = projectPage('canada-kazakhstan-upr34');
const EARLIER_URL = 'https://www.mission.example.test/statements/upr20-kazakhstan.html';

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

/** The cycle-3 statement with its first recommendation's earlier list opened. */
async function openSeedEarlier(page: Page, extensionId: string): Promise<{ panel: Frame; first: Locator }> {
  await page.goto(seed.url);
  await waitForHighlight(page, 3);
  const panel = await panelFrame(page, extensionId);
  await panel.waitForSelector('.rec[data-n="1"] .earlier');
  await panel.click('.rec[data-n="1"] .earlier summary');
  return { panel, first: panel.locator('.rec[data-n="1"] .earlier-item').first() };
}

/** Imports an e2e/pages dataset from the dashboard, confirming its preview; returns the sentence that reports it. */
async function importDataset(s: Session, file: string, name: string): Promise<string | null> {
  const dashboard = await s.context.newPage();
  await dashboard.goto(`chrome-extension://${s.extensionId}/dashboard.html`);
  // The imports sit behind the toolbar's "Import…" (open by themselves only while nothing is stored).
  await dashboard.waitForSelector('.import-open');
  if ((await dashboard.getAttribute('.import-open', 'aria-expanded')) !== 'true') await dashboard.click('.import-open');
  await dashboard.setInputFiles('#import-dataset-file', { name, mimeType: 'text/csv', buffer: readFileSync(join(ROOT, 'e2e/pages', file)) });
  // Previewed first; stored on confirm.
  await dashboard.click('.dataset-confirm');
  await dashboard.waitForSelector('.dataset-done');
  return dashboard.textContent('.dataset-done');
}

/** Serves the cycle-2 and cycle-3 statements and opens the cycle-2 one (UPR 20), its highlights in place. */
async function openEarlierStatement(s: Session): Promise<Page> {
  s.serve(EARLIER_URL, readFileSync(join(ROOT, 'e2e/pages/kazakhstan-upr20-sample.html'), 'utf8'));
  s.serve(seed.url, seed.html);
  const page = await s.context.newPage();
  await page.goto(EARLIER_URL);
  await waitForHighlight(page, 2);
  return page;
}

describe('earlier cycles', () => {
  it('links a cycle-3 recommendation to the cycle-2 one on the same subject', async () => {
    session = await launch();
    const page = await openEarlierStatement(session);
    let panel = await panelFrame(page, session.extensionId);
    await panel.waitForSelector('.rec');
    expect(await panel.textContent('.panel-session')).toBe('UPR 20 · cycle 2 · 30 October 2014');

    const earlier = await openSeedEarlier(page, session.extensionId);
    panel = earlier.panel;
    const { first } = earlier;
    expect(await panel.textContent('.panel-earlier')).toBe(
      'In earlier cycles Canada made 2 recommendations to Kazakhstan: 0 supported, 0 noted, 2 not known.',
    );
    expect(await first.locator('.earlier-who').textContent()).toContain('Canada, UPR 20, cycle 2');
    expect(await first.locator('.earlier-text').textContent()).toMatch(/^Amend legislation and regulations to ease the formation, registration and operation of independent trade unions/);
    expect(await first.locator('.earlier-link').getAttribute('href')).toBe(EARLIER_URL);
    expect(await panel.locator('.rec[data-n="1"] .chips .badge-repeat').count()).toBe(1);
    // Recommendation 3 (disability services) has nothing like it before.
    expect(await panel.locator('.rec[data-n="3"] .earlier').count()).toBe(0);
    expect(await panel.textContent('.rec[data-n="1"] .chip-category')).toBe('5 · Specific action');
  });

  it('shows the responses of earlier recommendations imported from a dataset', async () => {
    session = await launch();
    session.serve(seed.url, seed.html);
    expect(await importDataset(session, 'kazakhstan-earlier-dataset.csv', 'kazakhstan.csv')).toBe('“kazakhstan.csv”: recommendations added: 4; updated: 0; rows skipped: 2.');

    const page = await session.context.newPage();
    const { panel, first } = await openSeedEarlier(page, session.extensionId);
    // Canada's three earlier recommendations (cycle 1 and 2): two supported, one noted; Norway's is not Canada's.
    expect(await panel.textContent('.panel-earlier')).toBe(
      'In earlier cycles Canada made 3 recommendations to Kazakhstan: 2 supported, 1 noted, 0 not known.',
    );
    expect(await first.locator('.response').textContent()).toBe('Noted');
    expect(await first.locator('.earlier-who').textContent()).toContain('Canada, UPR 20, cycle 2');
    // No statement page to open: the review's national report and the state's OHCHR page instead.
    expect(await first.locator('.earlier-link').count()).toBe(0);
    expect(await first.locator('.earlier-doc').textContent()).toBe('A/HRC/WG.6/20/KAZ/1');
    expect(await first.locator('.earlier-doc').getAttribute('href')).toBe('https://undocs.org/A/HRC/WG.6/20/KAZ/1');
    expect(await first.locator('.earlier-country').getAttribute('href')).toBe('https://www.ohchr.org/en/hr-bodies/upr/kz-index');
    await panel.click('.rec[data-n="3"] .earlier summary');
    expect(await panel.locator('.rec[data-n="3"] .earlier-item .response').first().textContent()).toBe('Supported');
  });

  it('keeps one record when a dataset holds a recommendation the user read and annotated on a page', async () => {
    session = await launch();
    const page = await openEarlierStatement(session);
    let panel = await panelFrame(page, session.extensionId);
    await panel.click('.rec[data-n="1"] .rec-text');
    await panel.fill('.rec[data-n="1"] textarea', 'Ask what became of the 2014 trade union law.');
    await panel.waitForSelector('.rec[data-n="1"] .note-state-saved');

    // The dataset gives the same recommendation in the UN's words (organizations, no semicolon), and one more.
    expect(await importDataset(session, 'kazakhstan-upr20-dataset-twin.csv', 'twin.csv')).toMatch(/^“twin\.csv”: recommendations added: 1; updated: 1;/);

    const earlier = await openSeedEarlier(page, session.extensionId);
    panel = earlier.panel;
    const { first } = earlier;
    // Two read on the page, one more from the dataset: three, not four.
    expect(await panel.textContent('.panel-earlier')).toBe(
      'In earlier cycles Canada made 3 recommendations to Kazakhstan: 1 supported, 1 noted, 1 not known.',
    );
    expect(await first.locator('.response').textContent()).toBe('Noted');
    expect(await first.locator('.earlier-text').textContent()).toMatch(/civil society organizations$/);
    expect(await first.locator('.earlier-link').getAttribute('href')).toBe(EARLIER_URL);
    expect(await panel.locator('.rec[data-n="1"] .earlier-item').count()).toBe(1);

    // Back on the page: still two highlights, the note in its place, nothing orphaned.
    await page.goto(EARLIER_URL);
    await waitForHighlight(page, 2);
    panel = await panelFrame(page, session.extensionId);
    await panel.waitForSelector('.rec[data-n="2"]');
    await panel.click('.rec[data-n="1"] .rec-text');
    expect(await panel.inputValue('.rec[data-n="1"] textarea')).toBe('Ask what became of the 2014 trade union law.');
    expect(await panel.locator('.rec').count()).toBe(2);
    expect(await highlightCount(page)).toBe(2);
  });
});
