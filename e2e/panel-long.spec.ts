// A long statement (4,000 recommendations, two capture batches): its panel lists every recommendation as the page
// read it while the capture is being stored, and says so; page and panel select each other on that list; then it
// shows the stored records where the reader is, and a note is written there and kept.
import { afterEach, describe, expect, it } from 'vitest';
import { launch, type Session, slowPanelFrame, writeNote } from './support/extension';
import { clickItemHighlight, highlightedOnScreen, waitForRegistered } from './support/highlights';
import { LONG_ITEMS as ITEMS, longRecText as recText, longStatement, storedFor } from './support/long-statement';

const COUNT = 4_000;
const seed = longStatement(COUNT);

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe('the panel of a statement with 4,000 recommendations', () => {
  it('lists every one while they are stored, selects with the page meanwhile, then takes notes on the stored records', { timeout: 240_000 }, async () => {
    session = await launch();
    session.serve(seed.url, seed.html);
    const page = await session.context.newPage();
    await page.goto(seed.url);
    // Only the highlights near the viewport are registered on so long a page (e2e/long-statement.spec.ts).
    await waitForRegistered(page, ITEMS, highlightedOnScreen(recText(1)), 'the first screen is highlighted', 120_000);
    const panel = await slowPanelFrame(page, session.extensionId);

    // Before the capture is stored: every recommendation listed (its number and words), each as not yet stored, and
    // the header says the page is being stored.
    const pending = await panel.waitForFunction(
      (count) => {
        const storing = document.querySelector('.panel-storing')?.textContent;
        const listed = document.querySelectorAll('.recs .rec.rec-unstored');
        if (!storing || listed.length !== count) return null;
        const last = listed[count - 1]!;
        return { storing, header: document.querySelector('.panel-count')?.textContent, lastN: last.getAttribute('data-n'), lastText: last.querySelector('.rec-text bdi')?.textContent, noteBoxes: document.querySelectorAll('textarea').length };
      },
      COUNT,
      { timeout: 120_000, polling: 100 },
    );
    expect(await pending.jsonValue()).toEqual({
      storing: `Storing ${COUNT.toLocaleString('en')} recommendations…`,
      header: `${COUNT.toLocaleString('en')} recommendations`,
      lastN: String(COUNT),
      lastText: `Adopt measure ${COUNT} to protect the rights of every person held in detention.`,
      noteBoxes: 0,
    });

    // A highlight clicked meanwhile selects its item in the pending list, which says its note comes once stored;
    // an item chosen there is the one selected on the page.
    await clickItemHighlight(page, ITEMS, 3_210 - 1);
    await panel.waitForSelector('.rec.rec-unstored[data-n="3210"][aria-current="true"] .rec-unstored-note');
    await panel.click('.rec.rec-unstored[data-n="12"] .rec-text');
    await waitForRegistered(page, ITEMS, (r) => r.selected.length === 1 && r.selected[0] === recText(12), 'recommendation 12 is selected on the page');
    await panel.waitForSelector('.rec.rec-unstored[data-n="12"][aria-current="true"]');
    // The reader scrolls far from it meanwhile: recommendation 2,000 at the top, under the header.
    const belowHeader = (n: number) =>
      panel.evaluate((n) => document.querySelector(`.rec[data-n="${n}"]`)!.getBoundingClientRect().top - document.querySelector('.panel-header')!.getBoundingClientRect().bottom, n);
    await panel.evaluate(() => {
      const item = document.querySelector<HTMLElement>('.rec[data-n="2000"]')!;
      item.style.scrollMarginTop = `${document.querySelector<HTMLElement>('.panel-header')!.offsetHeight}px`;
      item.scrollIntoView({ block: 'start' });
    });
    const readingTop = await belowHeader(2_000);

    // Stored: the stored records replace the reading, every one of them, the selection kept; a note is written there.
    await panel.waitForSelector('.rec[data-n="12"][aria-current="true"] textarea', { timeout: 180_000 });
    // Where the reader was: the same recommendation at the top, under the header (taller now).
    expect(Math.abs((await belowHeader(2_000)) - readingTop)).toBeLessThanOrEqual(2);
    expect(await panel.evaluate(() => ({ storing: document.querySelector('.panel-storing'), unstored: document.querySelectorAll('.rec-unstored').length, listed: document.querySelectorAll('.recs .rec').length }))).toEqual({
      storing: null,
      unstored: 0,
      listed: COUNT,
    });
    await writeNote(panel, 3_999, 'Follow up with the ministry of justice.');
    const stored = await storedFor(panel, seed.url);
    expect(stored.ns).toEqual(Array.from({ length: COUNT }, (_, i) => i + 1));
    expect(stored.notes).toEqual(['Follow up with the ministry of justice.']);
  });
});
