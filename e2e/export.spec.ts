// Export from the panel, in Chromium: this statement's notes downloaded as CSV and as a JSON backup with clear file
// names; and a link that names a recommendation opens the page at it.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup } from '../utils/export';
import { launch, openRec, panelFrame, projectPage, type Session, waitForHighlight, waitForSelected } from './support/extension';

const seed = projectPage('canada-kazakhstan-upr34');

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

async function annotateSeed(s: Session) {
  s.serve(seed.url, seed.html);
  const page = await s.context.newPage();
  await page.goto(seed.url);
  await waitForHighlight(page, 3);
  const panel = await panelFrame(page, s.extensionId);
  await openRec(panel, 2);
  await panel.fill('.rec[data-n="2"] textarea', '=HYPERLINK("http://evil.example") — ask about the 2021 gender law');
  await panel.fill('.rec[data-n="2"] .tag-input', 'gender');
  await panel.press('.rec[data-n="2"] .tag-input', 'Enter');
  await panel.waitForSelector('.rec[data-n="2"] .note-state-saved');
  return { page, panel };
}

describe('export from the panel', () => {
  it('downloads this statement as CSV and as a JSON backup', async () => {
    session = await launch();
    const { page, panel } = await annotateSeed(session);
    const today = new Date().toISOString().slice(0, 10);

    const [csv] = await Promise.all([page.waitForEvent('download'), panel.click('.export-button[data-format="csv"]')]);
    expect(csv.suggestedFilename()).toBe(`upr-annotator-kazakhstan-upr34-canada-${today}.csv`);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText.startsWith('\uFEFF')).toBe(true);
    expect(csvText).toContain(`"'=HYPERLINK(""http://evil.example"") — ask about the 2021 gender law"`);
    expect(csvText.split('\r\n').filter((line) => line.startsWith('recommendation,'))).toHaveLength(3);

    const [json] = await Promise.all([page.waitForEvent('download'), panel.click('.export-button[data-format="json"]')]);
    expect(json.suggestedFilename()).toBe(`upr-annotator-kazakhstan-upr34-canada-${today}.json`);
    const backup = parseBackup(readFileSync((await json.path())!, 'utf8'));
    expect(backup.recommendations).toHaveLength(3);
    expect(backup.notes.map((n) => [n.body, n.tags])).toEqual([['=HYPERLINK("http://evil.example") — ask about the 2021 gender law', ['gender']]]);
    // One statement's export carries that statement only: none of the user's settings.
    expect(backup.settings).toBeUndefined();
  });

  it('restores a downloaded backup into a fresh browser profile, with the notes on the same highlights', async () => {
    session = await launch();
    const { page, panel } = await annotateSeed(session);
    await openRec(panel, 3);
    await panel.fill('.rec[data-n="3"] textarea', 'Disability services: follow up in 2027');
    await panel.waitForSelector('.rec[data-n="3"] .note-state-saved');
    const [download] = await Promise.all([page.waitForEvent('download'), panel.click('.export-button[data-format="json"]')]);
    const backup = readFileSync((await download.path())!);
    await session.close();

    session = await launch();
    const dashboard = await session.context.newPage();
    await dashboard.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
    await dashboard.setInputFiles('#import-backup-file', { name: download.suggestedFilename(), mimeType: 'application/json', buffer: backup });
    await dashboard.waitForSelector('.import-preview');
    expect(await dashboard.$$eval('[data-preview="add"] td', (cells) => cells.map((c) => c.textContent))).toEqual(['1', '3', '2']);
    await dashboard.click('.import-apply');
    await dashboard.waitForSelector('.import-done');

    session.serve(seed.url, seed.html);
    const restored = await session.context.newPage();
    await restored.goto(seed.url);
    await waitForHighlight(restored, 3);
    const restoredPanel = await panelFrame(restored, session.extensionId);
    await restoredPanel.waitForSelector('.rec[data-n="2"] .tag');
    expect(await restoredPanel.inputValue('.rec[data-n="2"] textarea')).toBe('=HYPERLINK("http://evil.example") — ask about the 2021 gender law');
    expect(await restoredPanel.inputValue('.rec[data-n="3"] textarea')).toBe('Disability services: follow up in 2027');
    expect(await restoredPanel.inputValue('.rec[data-n="1"] textarea')).toBe('');
  });

  it('opens the page at a recommendation named in the link', async () => {
    session = await launch();
    const { page } = await annotateSeed(session);
    const [json] = await Promise.all([page.waitForEvent('download'), (await panelFrame(page, session.extensionId)).click('.export-button[data-format="json"]')]);
    const id = parseBackup(readFileSync((await json.path())!, 'utf8')).recommendations.find((r) => r.n === 3)!.id;
    const linked = await session.context.newPage();
    await linked.goto(`${seed.url}#upr-rec=${id}`);
    await waitForSelected(linked, 3);
    const panel = await panelFrame(linked, session.extensionId);
    await panel.waitForSelector('.rec[data-n="3"][aria-current="true"]');
  });
});
