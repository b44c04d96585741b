// A store far larger than one message carries (160,000 recommendations, ~70 MB as JSON; UPR_LARGE_STORE=300000 for more): the dashboard still opens
// it a page at a time, downloads the whole JSON backup (written in parts), deletes everything, imports that backup
// back (read in the dashboard, sent in parts), and deletes everything again. On
// the build before paging, the dashboard only said "Message exceeded maximum allowed size of 64MiB". The records
// are generated in the test, written straight into the extension's IndexedDB from its own dashboard page.
import { readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './support/extension';

const COUNT = Number(process.env.UPR_LARGE_STORE ?? 160_000);
const t0 = Date.now();
const step = (what: string) => console.log(`[large-store] ${what} at ${Math.round((Date.now() - t0) / 1000)} s`);

/** A dashboard holding hundreds of thousands of rows may take long to answer a click (on a loaded machine, minutes at 300,000). */
const BUSY = { timeout: 600_000 };

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

/** Runs in the dashboard page: `count` dataset-like recommendations (one in 300 with a note) put in the extension's database. */
async function seed(count: number): Promise<void> {
  const db = await new Promise<IDBDatabase>((done, fail) => {
    const open = indexedDB.open('upr-annotator');
    open.onsuccess = () => done(open.result);
    open.onerror = () => fail(open.error);
  });
  const hex = (i: number) => i.toString(16).padStart(24, '0');
  const states = ['Kazakhstan', 'Ghana', 'Finland', 'Chile', 'Viet Nam'];
  await new Promise<void>((done, fail) => {
    const tx = db.transaction(['recommendations', 'notes'], 'readwrite');
    const recs = tx.objectStore('recommendations');
    const notes = tx.objectStore('notes');
    for (let i = 0; i < count; i++) {
      recs.put({
        id: `r${hex(i)}`,
        pageUrl: null,
        n: 0,
        text: `Recommendation ${i}: take further measures to guarantee the independence of the judiciary and access to justice for all.`,
        selector: null,
        recommendingState: 'Canada',
        recommendingStateCode: 'CAN',
        stateUnderReview: states[i % states.length],
        stateUnderReviewCode: null,
        session: 20 + (i % 20),
        cycle: 1 + (i % 4),
        language: 'en',
        actionCategory: 4,
        themes: ['Justice'],
        response: i % 2 ? 'supported' : 'noted',
        source: 'import',
        createdAt: 1_700_000_000_000,
        updatedAt: 1_700_000_000_000 + i,
      });
      if (i % 300 === 0) {
        notes.put({ id: `n${hex(i)}`, recommendationId: `r${hex(i)}`, pageUrl: null, body: `Follow-up ${i}`, tags: ['follow'], status: 'none', createdAt: 1, updatedAt: 2, deletedAt: null });
      }
    }
    tx.oncomplete = () => done();
    tx.onerror = () => fail(tx.error);
  });
  db.close();
}

/** A browser with the extension, its database seeded with COUNT records, and its dashboard page (before the reload that reads them). */
async function seededDashboard(): Promise<Page> {
  session = await launch();
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
  await page.waitForSelector('.dash-summary');
  await page.evaluate(seed, COUNT);
  step('seeded');
  return page;
}

describe('a store larger than one message carries', () => {
  it('opens in the dashboard, exports a whole JSON backup, deletes everything, imports the backup back and deletes it again', { timeout: 30 * 60_000 }, async () => {
    const page = await seededDashboard();

    await page.reload();
    await page.waitForSelector('.rows > .row', { timeout: 120_000 });
    step('first rows');
    await page.waitForFunction((total) => !document.querySelector('.dash-loading-more') && document.querySelector('.dash-summary')?.textContent?.startsWith(total), new Intl.NumberFormat('en').format(COUNT), { timeout: 180_000 });
    const n = new Intl.NumberFormat('en').format;
    expect(await page.textContent('.dash-summary')).toBe(`${n(COUNT)} recommendations · 0 statements · ${n(Math.ceil(COUNT / 300))} notes written`);
    expect(await page.$('.dash-error')).toBeNull();
    step('all rows');


    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.click('.export-button[data-format="json"]', BUSY)]);
    const path = (await download.path())!;
    step('downloaded');
    // Past one message at the default size (a few hundred bytes a record whatever the size).
    expect(statSync(path).size).toBeGreaterThan(Math.min(64 * 1024 * 1024, COUNT * 400));
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('{\n  "format": "upr-annotator-backup"')).toBe(true);
    expect(text.match(/"source": "import"/g)).toHaveLength(COUNT);
    expect(text.match(/"body": "Follow-up \d+"/g)).toHaveLength(Math.ceil(COUNT / 300));

    const deleteAll = async () => {
      await page.click('.delete-open', BUSY);
      // What is about to go, counted as the summary counts it.
      expect(await page.textContent('#delete-text')).toContain(`(${n(COUNT)} recommendations, ${n(Math.ceil(COUNT / 300))} notes written)`);
      await page.click('.delete-confirm', BUSY);
      await page.waitForFunction(() => document.querySelector('.dash-summary')?.textContent === '0 recommendations · 0 statements · 0 notes written', null, { timeout: 600_000 });
    };
    await deleteAll();
    step('deleted');

    // Our own backup imports back, whatever its size: previewed, then applied.
    await page.setInputFiles('#import-backup-file', path);
    await page.waitForSelector('.import-preview', { timeout: 600_000 });
    step('previewed');
    expect(await page.$('.import-error')).toBeNull();
    expect(await page.$$eval('tr[data-preview="add"] td', (cells) => cells.map((c) => c.textContent))).toEqual(['0', n(COUNT), n(Math.ceil(COUNT / 300))]);
    await page.click('.import-apply', BUSY);
    await page.waitForSelector('.import-done', { timeout: 600_000 });
    expect(await page.textContent('.import-done')).toMatch(new RegExp(`: ${n(COUNT + Math.ceil(COUNT / 300))} records added, 0 updated\\.$`));
    await page.waitForFunction((summary) => !document.querySelector('.dash-loading-more') && document.querySelector('.dash-summary')?.textContent === summary, `${n(COUNT)} recommendations · 0 statements · ${n(Math.ceil(COUNT / 300))} notes written`, { timeout: 600_000 });
    step('imported');

    await deleteAll();
    step('deleted again');
  });

  it('finds the rows a search asks for among them, typed a key at a time', { timeout: 300_000 }, async () => {
    const page = await seededDashboard();
    await page.reload();
    const n = new Intl.NumberFormat('en').format;
    await page.waitForFunction((total) => !document.querySelector('.dash-loading-more') && document.querySelector('.dash-summary')?.textContent?.startsWith(total), n(COUNT), { timeout: 180_000 });
    step('all rows');

    // A note's words and its recommendation's number (one in 300 has a note "Follow-up <number>") find that one row
    // among 160,000 (each a number of its own: as many words as rows), every keystroke a search. Before the fuzzy
    // matching walked the vocabulary as a tree, each keystroke past "follow" compared the word with every number.
    const target = Math.min(99_900, Math.floor((COUNT - 1) / 300) * 300);
    await page.locator('.search-input').pressSequentially(`follow-up ${target}`);
    await page.waitForFunction((expected) => document.querySelector('.dash-count')?.textContent === expected, `Showing 1 of ${n(COUNT)} recommendations`, { timeout: 60_000 });
    step('searched');
    expect(await page.$$eval('.rows > .row .row-words', (rows) => rows.map((r) => r.textContent))).toEqual([expect.stringContaining(`Recommendation ${target}:`)]);
    expect(await page.textContent('.rows > .row .row-note-body')).toBe(`Follow-up ${target}`);
  });
});
