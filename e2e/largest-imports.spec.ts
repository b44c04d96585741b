// The largest file each import accepts, then export and delete-all: a dataset at the reader's limits (300,000 rows,
// just under its 48 MiB) and a W3C annotation file at its 32 MiB. Each is previewed, stored whole, downloaded again
// as a JSON backup (every record in it) and deleted — no import the readers accept leaves the user unable to back
// up or clear their store. The files are generated here (our own words, no third-party text).
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildW3cCollection } from '@/utils/export/w3c';
import { MAX_IMPORT_CHARS } from '@/utils/export/read-json';
import { MAX_ROWS } from '@/utils/dataset';
import { MAX_DATASET_TEXT } from '@/utils/messages';
import type { Note, StoredRecommendation } from '@/utils/model';
import { launch, type Session } from './support/extension';

const n = new Intl.NumberFormat('en').format;
const BUSY = { timeout: 600_000 };
const STATES = ['Kazakhstan', 'Ghana', 'Finland', 'Chile', 'Viet Nam', 'Canada', 'Norway', 'Brazil', 'Japan', 'Kenya'];

let session: Session | null = null;
let dir: string | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

async function dashboard(): Promise<Page> {
  session = await launch();
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
  await page.waitForSelector('.dash-summary');
  return page;
}

const summaryIs = (page: Page, summary: string) =>
  page.waitForFunction((s) => !document.querySelector('.dash-loading-more') && document.querySelector('.dash-summary')?.textContent === s, summary, BUSY);

/** Downloads the JSON backup of everything and returns its text. */
async function backup(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download', BUSY), page.click('.export-button[data-format="json"]', BUSY)]);
  return readFileSync((await download.path())!, 'utf8');
}

async function deleteAll(page: Page): Promise<void> {
  await page.click('.delete-open', BUSY);
  await page.click('.delete-confirm', BUSY);
  await summaryIs(page, '0 recommendations · 0 statements · 0 notes written');
}

/** A file in a fresh temporary folder (a path, so the browser reads it as a user's file would be). */
function file(name: string, text: string): string {
  dir = mkdtempSync(join(tmpdir(), 'upr-largest-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('the largest file each import accepts', () => {
  it('a dataset of 300,000 rows just under 48 MiB: previewed, stored whole, backed up and deleted', { timeout: 30 * 60_000 }, async () => {
    // Each row its own recommendation (its number in the words), padded so the file sits just under the size limit.
    const header = 'Recommendation,Recommending State,State under Review,Session,Response\n';
    const row = (i: number, pad: string) =>
      `"Recommendation ${i}: take further measures to guarantee access to justice for all${pad}",${STATES[i % 10]},${STATES[(i + 3) % 10]},${20 + (i % 20)},${i % 2 ? 'Supported' : 'Noted'}\n`;
    const bare = header.length + Array.from({ length: MAX_ROWS }, (_, i) => row(i, '').length).reduce((a, b) => a + b, 0);
    const pad = ' and without delay'.repeat(Math.floor((MAX_DATASET_TEXT - 64 * 1024 - bare) / MAX_ROWS / 18));
    let csv = header;
    for (let i = 0; i < MAX_ROWS; i++) csv += row(i, pad);
    expect(csv.length).toBeLessThanOrEqual(MAX_DATASET_TEXT);
    expect(csv.length).toBeGreaterThan(MAX_DATASET_TEXT - 6 * MAX_ROWS);
    const path = file('largest-dataset.csv', csv);

    const page = await dashboard();
    await page.setInputFiles('#import-dataset-file', path);
    await page.waitForSelector('.dataset-preview', BUSY);
    expect(await page.textContent('.dataset-preview-counts')).toContain(`${MAX_ROWS.toLocaleString('en')} rows read, 0 skipped: ${MAX_ROWS.toLocaleString('en')} recommendations will be stored`);
    await page.click('.dataset-confirm');
    await page.waitForSelector('.dataset-done', BUSY);
    expect(await page.textContent('.dataset-done')).toBe(`“largest-dataset.csv”: recommendations added: ${MAX_ROWS.toLocaleString('en')}; updated: 0; rows skipped: 0.`);
    await summaryIs(page, `${n(MAX_ROWS)} recommendations · 0 statements · 0 notes written`);

    const text = await backup(page);
    expect(text.match(/"source": "import"/g)).toHaveLength(MAX_ROWS);
    expect(text).toContain(`"text": "Recommendation ${MAX_ROWS - 1}: take further measures`);
    await deleteAll(page);
  });

  it('a W3C annotation file just under 32 MiB: previewed, every note stored, backed up and deleted', { timeout: 30 * 60_000 }, async () => {
    // Notes on recommendations known without a page (the text is the target), as another tool's file may hold them.
    const at = Date.UTC(2026, 11, 7);
    const records = (count: number) => {
      const recommendations: StoredRecommendation[] = [];
      const notes: Note[] = [];
      for (let i = 0; i < count; i++) {
        const hex = i.toString(16).padStart(24, '0');
        recommendations.push({
          id: `r${hex}`, pageUrl: null, n: 0, text: `Recommendation ${i}: ratify the Optional Protocol to the Convention against Torture`, selector: null,
          recommendingState: STATES[i % 10]!, recommendingStateCode: null, stateUnderReview: STATES[(i + 3) % 10]!, stateUnderReviewCode: null,
          session: 20 + (i % 20), cycle: 2, language: 'en', actionCategory: 5, themes: ['Torture'], response: 'supported', source: 'import', createdAt: at, updatedAt: at,
        });
        notes.push({ id: `n${hex}`, recommendationId: `r${hex}`, pageUrl: null, body: `Asked again at session ${20 + (i % 20)}; follow-up ${i}`, tags: ['follow'], status: 'follow-up', createdAt: at, updatedAt: at, deletedAt: null });
      }
      return JSON.stringify(buildW3cCollection({ pages: [], recommendations, notes }, { id: 'urn:uuid:00000000-0000-4000-8000-000000000000', now: at }));
    };
    // As many notes as fit under the reader's 32 MiB, measured on a sample.
    const perNote = records(1_000).length / 1_000;
    const count = Math.floor((MAX_IMPORT_CHARS * 0.985) / perNote);
    const w3c = records(count);
    expect(w3c.length).toBeLessThanOrEqual(MAX_IMPORT_CHARS);
    expect(w3c.length).toBeGreaterThan(MAX_IMPORT_CHARS * 0.97);
    const path = file('largest-annotations.jsonld', w3c);
    expect(statSync(path).size).toBe(w3c.length);

    const page = await dashboard();
    await page.setInputFiles('#import-backup-file', path);
    await page.waitForSelector('.import-preview', BUSY);
    expect(await page.$('.import-error')).toBeNull();
    await page.click('.import-apply', BUSY);
    await page.waitForSelector('.import-done', BUSY);
    await summaryIs(page, `${n(count)} recommendations · 0 statements · ${n(count)} notes written`);

    const text = await backup(page);
    expect(text.match(/"body": "Asked again at session \d+; follow-up \d+"/g)).toHaveLength(count);
    await deleteAll(page);
  });
});
