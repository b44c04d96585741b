// Every open panel and dashboard follows what a write changed elsewhere (the background announces each write):
// "Delete all" in the dashboard with a statement's panel open, a backup imported with the panel open, and a
// correction made in one tab with the same statement open in another.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { noteIdFor } from '../utils/db';
import { parseBackup } from '../utils/export';
import { launch, openCorrections, openRec, openStatement, panelFrame, projectPage, type Session, waitForHighlightCount, writeNote } from './support/extension';

const seed = projectPage('canada-kazakhstan-upr34');

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

async function openDashboard(s: Session): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/dashboard.html`);
  await page.waitForSelector('.dash-summary');
  return page;
}

const noteOf = (n: number) => `.rec[data-n="${n}"] textarea`;

describe('open panels follow changes made elsewhere', () => {
  it('after "Delete all" in the dashboard, the open panel drops the deleted note and the next note is saved', async () => {
    session = await launch();
    const { page, panel } = await openStatement(session, seed.url, seed.html, 3);
    await writeNote(panel, 1, 'Written before everything was deleted');
    expect(await panel.textContent('.panel-count')).toBe('3 recommendations · 1 with notes');

    const dashboard = await openDashboard(session);
    await dashboard.click('.delete-open');
    await dashboard.click('.delete-confirm');
    await dashboard.waitForFunction(() => document.querySelector('.dash-notice')?.textContent === 'All data was deleted.');

    // The panel shows what is stored now: the statement read again, no note.
    await page.bringToFront(); // a tab at the back gets no animation frames, which Playwright's waits poll on
    await panel.waitForFunction(() => document.querySelector('.panel-count')?.textContent === '3 recommendations');
    await openRec(panel, 1);
    expect(await panel.inputValue(noteOf(1))).toBe('');

    // Writing on goes to storage, not to "This recommendation is no longer stored".
    await writeNote(panel, 2, 'Written after the deletion');
    expect(await panel.$('.panel-error')).toBeNull();
    await page.reload();
    const again = await panelFrame(page, session.extensionId);
    await again.waitForSelector('.rec[data-n="3"]');
    expect(await again.textContent('.panel-count')).toBe('3 recommendations · 1 with notes');
    await openRec(again, 2);
    expect(await again.inputValue(noteOf(2))).toBe('Written after the deletion');
  });

  it('shows the notes of a backup imported in the dashboard in the open panel, without a reload', async () => {
    session = await launch();
    const { page, panel } = await openStatement(session, seed.url, seed.html, 3);
    await writeNote(panel, 2, 'My own words', ['labour']);
    const dashboard = await openDashboard(session);
    const [download] = await Promise.all([dashboard.waitForEvent('download'), dashboard.click('.export-button[data-format="json"]')]);
    // A colleague's backup of the same statement, with a note on recommendation 3 that this browser does not have.
    const backup = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    const third = parseBackup(JSON.stringify(backup)).recommendations.find((r) => r.n === 3)!;
    backup.notes.push({ ...backup.notes[0], id: noteIdFor({ recommendationId: third.id }), recommendationId: third.id, body: 'From a colleague', tags: ['disability'] });
    if ((await dashboard.getAttribute('.import-open', 'aria-expanded')) !== 'true') await dashboard.click('.import-open'); // "Import…"
    await dashboard.setInputFiles('#import-backup-file', { name: 'colleague.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
    await dashboard.waitForSelector('.import-preview');
    await dashboard.click('.import-apply');
    await dashboard.waitForSelector('.import-done');

    await page.bringToFront();
    await panel.waitForFunction(() => document.querySelector('.panel-count')?.textContent === '3 recommendations · 2 with notes');
    await openRec(panel, 3);
    expect(await panel.inputValue(noteOf(3))).toBe('From a colleague');
    await openRec(panel, 2);
    expect(await panel.inputValue(noteOf(2))).toBe('My own words');
  });

  it('takes a recommendation marked "not a recommendation" in one tab out of the same statement in another tab', async () => {
    session = await launch();
    const a = await openStatement(session, seed.url, seed.html, 3);
    const b = await openStatement(session, seed.url, seed.html, 3);
    await a.page.bringToFront();
    await openCorrections(a.panel, 2);
    await a.panel.click('.rec[data-n="2"] .rec-reject');
    await a.panel.waitForFunction(() => document.querySelectorAll('.recs .rec').length === 2);

    // The other tab: its panel lists two, and its page highlights two.
    await b.page.bringToFront();
    await b.panel.waitForFunction(() => document.querySelectorAll('.recs .rec').length === 2);
    await waitForHighlightCount(b.page, 2);
    const rejected = seed.label.expected!.recommendations[1]!;
    const listed = await b.panel.$$eval('.recs .rec .rec-text', (els) => els.map((e) => e.textContent ?? ''));
    expect(listed.some((text) => text.includes(rejected.slice(0, 40)))).toBe(false);
  });
});
