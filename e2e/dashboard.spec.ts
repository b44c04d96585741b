// The dashboard, in Chromium: three statements annotated in the panel, then found again by full-text search and by
// facets; the row link opens the statement at its recommendation; exports of what is shown (CSV of one state) and
// of everything (JSON); delete all behind a confirmation; the backup imported again with a preview; a malformed
// file refused in words with nothing changed; a dataset of UN recommendations with a skipped row; axe-core in light,
// dark and French.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup } from '../utils/export';
import { axeViolations, launch, openStatement, panelFrame, projectPage, ROOT, type Session, waitForSelected, writeNote } from './support/extension';

const seed = projectPage('canada-kazakhstan-upr34');
const SAMPLE_URL = 'https://www.regjeringen.no/en/topics/upr/upr48-kazakhstan-statement/';
const GHANA_URL = 'https://www.regjeringen.no/en/topics/upr/upr42-ghana-statement/';
const ownPage = (name: string) => readFileSync(join(ROOT, 'e2e/pages', name), 'utf8');

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

async function annotateThree(s: Session) {
  const a = await openStatement(s, seed.url, seed.html, 3);
  await writeNote(a.panel, 1, 'Trade unions: ask for the 2024 draft law.', ['labour']);
  await writeNote(a.panel, 2, 'Compare with the gender equality strategy.', ['gender']);
  const b = await openStatement(s, SAMPLE_URL, ownPage('sample-statement.html'), 4);
  await writeNote(b.panel, 3, 'Moratorium since 2003; ratification is the next step.', ['death-penalty']);
  const c = await openStatement(s, GHANA_URL, ownPage('dashboard-ghana-statement.html'), 2);
  await writeNote(c.panel, 1, 'Informal economy: most workers are outside any union.', ['labour']);
  for (const { page } of [a, b, c]) await page.close();
}

async function openDashboard(s: Session): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/dashboard.html`);
  await page.waitForSelector('.dash-summary');
  return page;
}

const rowIds = (page: Page) => page.$$eval('.rows > .row', (rows) => rows.map((r) => r.getAttribute('data-row')));
const rowTexts = (page: Page) => page.$$eval('.rows > .row .row-text', (els) => els.map((e) => e.textContent?.trim()));
const facetValue = (page: Page, facet: string, label: string) => page.locator(`[data-facet="${facet}"] .facet-value`).filter({ hasText: label });
const today = () => new Date().toISOString().slice(0, 10);
/** Opens a row's note editor with its "Edit note" button, as a user does. */
async function openEditor(page: Page, rowId: string) {
  await page.click(`.row[data-row="${rowId}"] .row-edit`);
  await page.waitForSelector(`.row[data-row="${rowId}"] textarea`);
}

describe('dashboard', () => {
  it('finds notes by full-text search and facets, links each row to its place, exports what is shown, and passes axe-core', async () => {
    session = await launch();
    await annotateThree(session);
    const page = await openDashboard(session);

    expect(await page.textContent('.dash-summary')).toBe('9 recommendations · 3 statements · 4 notes written');
    expect(await page.$$eval('.rows > .row', (rows) => rows.length)).toBe(9);
    expect(await page.textContent('.storage-used')).toMatch(/^Storage used: [\d.]+ (MB|GB)( of [\d.,]+ (MB|GB) available)?$/);

    // Full-text search: a note's words, a recommendation's words, a tag; accents and case do not matter.
    await page.fill('.search-input', 'MORATORIUM');
    expect(await rowTexts(page)).toEqual(['3Ratify the Second Optional Protocol to the International Covenant on Civil and Political Rights, aiming at the abolition of the death penalty']);
    const [moratorium] = await rowIds(page);
    expect(moratorium).toMatch(/^r[0-9a-f]{24}$/);
    const link = page.locator(`.row[data-row="${moratorium}"] .row-link`);
    expect(await link.getAttribute('href')).toBe(`${SAMPLE_URL}#upr-rec=${moratorium}`);
    expect(await link.getAttribute('target')).toBe('_blank');
    // The row shows its note in one line; "Edit note" opens the editor on that row only.
    expect(await page.textContent(`.row[data-row="${moratorium}"] .row-note-body`)).toBe('Moratorium since 2003; ratification is the next step.');
    expect(await page.locator('.rows textarea').count()).toBe(0);
    await openEditor(page, moratorium!);
    expect(await page.inputValue(`.row[data-row="${moratorium}"] textarea`)).toBe('Moratorium since 2003; ratification is the next step.');
    expect(await page.locator('.rows textarea').count()).toBe(1);
    // The link opens the statement at that recommendation.
    const [opened] = await Promise.all([session.context.waitForEvent('page'), link.click()]);
    await waitForSelected(opened, 3);
    expect(opened.url()).toBe(`${SAMPLE_URL}#upr-rec=${moratorium}`);
    await opened.close();

    await page.fill('.search-input', 'informal economy');
    expect(await page.$$eval('.rows > .row .row-states', (els) => els.map((e) => e.textContent))).toEqual(['Norway → Ghana']);
    await page.fill('.search-input', 'trade unions');
    expect((await rowTexts(page)).length).toBe(2); // Kazakhstan's recommendation 1 (its words and note), Ghana's recommendation 1 (its words)
    await page.fill('.search-input', '');

    // Facets: state under review, then tag; counts follow the other facets.
    expect(await facetValue(page, 'stateUnderReview', 'Kazakhstan').textContent()).toBe('Kazakhstan7');
    await facetValue(page, 'stateUnderReview', 'Ghana').locator('input').check();
    expect(await page.$$eval('.rows > .row .row-states', (els) => [...new Set(els.map((e) => e.textContent))])).toEqual(['Norway → Ghana']);
    expect(await page.textContent('.dash-count')).toBe('Showing 2 of 9 recommendations');
    await facetValue(page, 'tag', 'labour').locator('input').check();
    expect(await page.textContent('.dash-count')).toBe('Showing 1 of 9 recommendations');
    await facetValue(page, 'stateUnderReview', 'Ghana').locator('input').uncheck();
    expect(await page.textContent('.dash-count')).toBe('Showing 2 of 9 recommendations');
    expect(await facetValue(page, 'stateUnderReview', 'Kazakhstan').textContent()).toBe('Kazakhstan1');
    await page.click('.clear-filters');
    expect(await page.textContent('.dash-count')).toBe('Showing 9 of 9 recommendations');

    // A note edited here is stored (the panel would show it), even when its editor is closed at once.
    const ghanaTwo = page.locator('.row', { hasText: 'Criminalise all forms of violence' });
    await ghanaTwo.locator('.row-edit').click();
    await ghanaTwo.locator('textarea').fill('Written in the dashboard');
    await ghanaTwo.locator('.row-edit').click();
    await ghanaTwo.locator('.row-note-body', { hasText: 'Written in the dashboard' }).waitFor();
    expect(await ghanaTwo.locator('textarea').count()).toBe(0);

    // Export what is shown: one state's CSV, named after it.
    await facetValue(page, 'stateUnderReview', 'Kazakhstan').locator('input').check();
    expect(await page.textContent('.export-label')).toBe('Export the 7 items shown:');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('.export-button[data-format="csv"]')]);
    expect(csv.suggestedFilename()).toBe(`upr-annotator-kazakhstan-${today()}.csv`);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    const csvRecs = csvText.split('\r\n').filter((line) => line.startsWith('recommendation,'));
    expect(csvRecs).toHaveLength(7);
    expect(csvText).toContain('Trade unions: ask for the 2024 draft law.');
    expect(csvText).not.toContain('Ghana');
    expect(await page.textContent('.dash-notice')).toBe(`Saved upr-annotator-kazakhstan-${today()}.csv.`);

    // axe-core on the filtered view, then a look at it.
    expect(await axeViolations(page)).toEqual([]);
    await page.click('.clear-filters');
    await page.screenshot({ path: join(ROOT, 'test-results/dashboard.png') });

    // Everything, as a JSON backup.
    expect(await page.textContent('.export-label')).toBe('Export everything:');
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('.export-button[data-format="json"]')]);
    expect(json.suggestedFilename()).toBe(`upr-annotator-${today()}.json`);
    const backup = parseBackup(readFileSync((await json.path())!, 'utf8'));
    expect(backup.pages).toHaveLength(3);
    expect(backup.recommendations).toHaveLength(9);
    expect(backup.notes.map((n) => n.body).sort()).toEqual([
      'Compare with the gender equality strategy.',
      'Informal economy: most workers are outside any union.',
      'Moratorium since 2003; ratification is the next step.',
      'Trade unions: ask for the 2024 draft law.',
      'Written in the dashboard',
    ]);
  });

  it('deletes everything after a confirmation, imports the backup again with a preview, and refuses a malformed file', async () => {
    session = await launch({ colorScheme: 'dark' });
    const a = await openStatement(session, seed.url, seed.html, 3);
    await writeNote(a.panel, 1, 'Trade unions: ask for the 2024 draft law.', ['labour']);
    await writeNote(a.panel, 3, 'Disability: inclusive schools.', ['disability']);
    await a.page.close();
    const page = await openDashboard(session);
    expect(await page.textContent('.dash-summary')).toBe('3 recommendations · 1 statement · 2 notes written');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.export-button[data-format="json"]')]);
    const backupText = readFileSync((await download.path())!, 'utf8');
    const first = parseBackup(backupText).recommendations.find((r) => r.n === 1)!.id;

    // Delete all: the dialog says what goes; Cancel keeps everything; Delete everything empties.
    await page.click('.delete-open');
    await page.waitForSelector('dialog.confirm-dialog[open]');
    expect(await page.textContent('#delete-text')).toContain('(3 recommendations, 2 notes written)');
    expect(await axeViolations(page)).toEqual([]);
    await page.click('.delete-cancel');
    expect(await page.$$eval('.rows > .row', (rows) => rows.length)).toBe(3);
    await page.click('.delete-open');
    await page.click('.delete-confirm');
    await page.waitForFunction(() => document.querySelector('.dash-summary')?.textContent === '0 recommendations · 0 statements · 0 notes written');
    expect(await page.textContent('.dash-empty')).toMatch(/^Nothing is stored yet/);
    expect(await page.textContent('.dash-notice')).toBe('All data was deleted.');

    // A malformed file and a file that is not ours: a clear message, nothing changed.
    await page.setInputFiles('#import-backup-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "upr-annotator-backup", "version": 1, "pages": [') });
    await page.waitForSelector('.import-error');
    expect(await page.textContent('.import-error')).toMatch(/^“broken\.json” cannot be imported: .+ Nothing was changed\.$/);
    await page.setInputFiles('#import-backup-file', { name: 'list.json', mimeType: 'application/json', buffer: Buffer.from('[1, 2, 3]') });
    await page.waitForFunction(() => document.querySelector('.import-error')?.textContent?.startsWith('“list.json” cannot be imported'));
    expect(await page.$('.import-preview')).toBeNull();
    expect(await page.textContent('.dash-summary')).toBe('0 recommendations · 0 statements · 0 notes written');

    // The backup, plus a recommendation known only from a dataset (no page): previewed, then applied.
    const extended = JSON.parse(backupText);
    const datasetRec = { ...extended.recommendations[0], id: `r${'0'.repeat(23)}1`, pageUrl: null, n: 0, selector: null, text: 'Abolish the death penalty', source: 'import', session: 20, cycle: 2, response: 'noted' };
    extended.recommendations.push(datasetRec);
    await page.setInputFiles('#import-backup-file', { name: 'my-backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(extended)) });
    await page.waitForSelector('.import-preview');
    expect(await page.textContent('.import-preview p')).toBe('“my-backup.json” is a UPR Annotator backup.');
    expect(await page.$$eval('[data-preview="add"] td', (cells) => cells.map((c) => c.textContent))).toEqual(['1', '4', '2']);
    expect(await page.$$eval('[data-preview="update"] td', (cells) => cells.map((c) => c.textContent))).toEqual(['0', '0', '0']);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ROOT, 'test-results/dashboard-import-dark.png') });
    await page.click('.import-apply');
    await page.waitForFunction(() => document.querySelector('.dash-summary')?.textContent === '4 recommendations · 1 statement · 2 notes written');
    expect(await page.textContent('.import-done')).toBe('Imported “my-backup.json”: 7 records added, 0 updated.');
    await openEditor(page, first);
    expect(await page.inputValue(`.row[data-row="${first}"] textarea`)).toBe('Trade unions: ask for the 2024 draft law.');
    expect(await page.$$eval(`.row[data-row="${first}"] .tag span`, (els) => els.map((e) => e.textContent))).toEqual(['labour']);
    const orphan = page.locator(`.row[data-row="${datasetRec.id}"]`);
    expect(await orphan.locator('.row-nopage').textContent()).toBe('Known from an imported dataset: no page to open.');
    expect(await orphan.locator('a').count()).toBe(0);

    // A dataset of UN recommendations: one the seed page already has (it takes the response), one new, one bad row.
    const seedFirst = seed.label.expected!.recommendations[0]!;
    const dataset = [
      'Recommendation,Recommending State,State under Review,Session,Response',
      `"${seedFirst}",Canada,Kazakhstan,34,Supported`,
      'Ratify the Optional Protocol to the Convention against Torture,United Kingdom,Kazakhstan,20,Noted',
      'Ratify everything,France,Atlantis,34,Supported',
    ].join('\n');
    await page.setInputFiles('#import-dataset-file', { name: 'upr-info.csv', mimeType: 'text/csv', buffer: Buffer.from(dataset) });
    // Previewed in the page first; nothing is stored until the user confirms.
    await page.waitForSelector('.dataset-preview');
    expect(await page.textContent('.dataset-preview-counts')).toContain('3 rows read, 1 skipped: 2 recommendations will be stored');
    await page.click('.dataset-confirm');
    await page.waitForSelector('.dataset-done');
    expect(await page.textContent('.dataset-done')).toBe('“upr-info.csv”: recommendations added: 1; updated: 1; rows skipped: 1.');
    await page.click('.dataset-skipped summary');
    expect(await page.$$eval('.dataset-skipped li', (items) => items.map((li) => li.textContent))).toEqual(['Line 4: unknown state under review "Atlantis"']);
    await page.waitForFunction(() => document.querySelector('.dash-summary')?.textContent === '5 recommendations · 1 statement · 2 notes written');
    expect(await page.textContent(`.row[data-row="${first}"] .row-response`)).toBe('Supported');
    expect(await page.locator('.row', { hasText: 'Convention against Torture' }).locator('.row-nopage').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('.dash-data').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ROOT, 'test-results/dashboard-data-dark.png') });

    // The notes are back for the panel too.
    const again = await openStatement(session, seed.url, seed.html, 3);
    expect(await again.panel.inputValue('.rec[data-n="3"] textarea')).toBe('Disability: inclusive schools.');
  });

  it('imports a backup from elsewhere without taking its settings unless the user ticks them', async () => {
    session = await launch();
    const page = await openDashboard(session);
    const backup = readFileSync(join(ROOT, 'examples/backup.json')); // its settings: French, one site turned off
    await page.setInputFiles('#import-backup-file', { name: 'backup.json', mimeType: 'application/json', buffer: backup });
    await page.waitForSelector('.import-settings');
    expect(await page.$$eval('.import-setting', (labels) => labels.map((l) => l.textContent?.trim()))).toEqual([
      'Language: Browser language → Français',
      'Sites turned off: none → www.example.org',
    ]);
    expect(await page.$$eval('.import-setting input', (boxes) => boxes.map((b) => (b as HTMLInputElement).checked))).toEqual([false, false]);
    expect(await axeViolations(page)).toEqual([]);
    await page.click('.import-apply');
    await page.waitForSelector('.import-done');
    // The notes came in; the UI did not turn French, and no site was turned off.
    expect(await page.textContent('.dash-title')).toBe('UPR Annotator dashboard');
    const settings = await (await session.worker()).evaluate(async () => (await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('settings')).settings ?? null);
    expect(settings).toBeNull(); // never written: the defaults (browser language, no site off) still hold

    // The same file again, this time taking its language: the dashboard follows.
    await page.setInputFiles('#import-backup-file', { name: 'backup.json', mimeType: 'application/json', buffer: backup });
    await page.waitForSelector('.import-settings');
    await page.locator('.import-setting', { hasText: 'Language' }).locator('input').check();
    await page.click('.import-apply');
    await page.waitForFunction(() => document.querySelector('.dash-title')?.textContent === 'Tableau de bord d’UPR Annotator');
  });

  it('reads in French, works by keyboard, and passes axe-core there', async () => {
    session = await launch({ locale: 'fr-FR' });
    const a = await openStatement(session, seed.url, seed.html, 3);
    await writeNote(a.panel, 2, 'Égalité réelle', ['genre']);
    const page = await openDashboard(session);
    expect(await page.textContent('.dash-summary')).toBe('3 recommandations · 1 déclaration · 1 note rédigée');
    await page.fill('.search-input', 'egalite');
    expect(await page.textContent('.dash-count')).toBe('1 sur 3 recommandations');
    // A theme's French name finds the recommendation under it, though its words are English.
    await page.fill('.search-input', 'handicap');
    expect(await page.textContent('.dash-count')).toBe('1 sur 3 recommandations');
    expect(await page.textContent('.rows > .row .row-text')).toContain('disabilities');
    await page.fill('.search-input', 'egalite');
    expect(await page.textContent('.row-link')).toBe('Ouvrir à la recommandation 2 (s’ouvre dans un nouvel onglet)');
    // By keyboard: the first stop is the data toolbar's first export, the facets follow it, Space chooses one,
    // and the focus ring shows.
    await page.fill('.search-input', '');
    await page.click('.dash-title'); // the keyboard starts from the top of the page
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-format'))).toBe('json');
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.closest('[data-facet]'))); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-facet]')?.getAttribute('data-facet'))).toBe('stateUnderReview');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await page.keyboard.press('Space');
    expect(await page.textContent('.dash-count')).toBe('3 sur 3 recommandations');
    expect(await page.textContent('.export-label')).toBe('Exporter les 3 éléments affichés :');
    // Rows by keyboard: Arrow Down moves from row to row, Enter opens the note there, the button says so.
    await page.focus('.rows > .row:first-child .row-edit');
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => document.activeElement?.closest('.row')?.getAttribute('data-index'));
    expect(second).toBe('1');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    expect(await page.locator('.rows > .row[data-index="1"] textarea').count()).toBe(1);
    expect(await page.textContent('.rows > .row[data-index="1"] .row-edit')).toBe('Fermer la note');
    expect(await axeViolations(page)).toEqual([]);
  });
});
