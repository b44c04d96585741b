// No keystroke lost, no silent overwrite: words typed while the worker is stopped and the tab closed at once are
// there on the next visit; two tabs typing into one note at the same time both keep their words.
import type { Frame } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launch, openRec, openStatement, projectPage, stopServiceWorkers, writeNote, type Session } from './support/extension';

const seed = projectPage('canada-kazakhstan-upr34');
const box = (n: number) => `.rec[data-n="${n}"] textarea`;

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

const valueIs = (panel: Frame, n: number, text: string) =>
  panel.waitForFunction(({ selector, text }) => (document.querySelector(selector) as HTMLTextAreaElement | null)?.value === text, { selector: box(n), text });

describe('keystrokes', () => {
  it('keeps words typed while the worker was stopped, when the tab is closed at once', async () => {
    session = await launch();
    const { page, panel } = await openStatement(session, seed.url, seed.html, 3);
    await writeNote(panel, 1, 'alpha');
    await stopServiceWorkers(page);
    await panel.locator(box(1)).press('End');
    await panel.locator(box(1)).pressSequentially(' beta gamma delta epsilon');
    await page.close({ runBeforeUnload: true });

    const again = await openStatement(session, seed.url, seed.html, 3);
    await openRec(again.panel, 1);
    await valueIs(again.panel, 1, 'alpha beta gamma delta epsilon');
  });

  it('merges two tabs typing into one note at the same time, and both show it', async () => {
    session = await launch();
    const a = await openStatement(session, seed.url, seed.html, 3);
    const b = await openStatement(session, seed.url, seed.html, 3);
    await writeNote(b.panel, 2, 'Ask about the budget.');
    await a.page.bringToFront();
    await openRec(a.panel, 2);
    await valueIs(a.panel, 2, 'Ask about the budget.');
    await openRec(b.panel, 2);

    // Both edit before either save lands: the first tab writes before the text, the second after it.
    await a.panel.fill(box(2), 'Call the ministry. Ask about the budget.');
    await b.panel.locator(box(2)).press('End');
    await b.panel.locator(box(2)).pressSequentially(' Compare with 2019.');

    const merged = 'Call the ministry. Ask about the budget. Compare with 2019.';
    await valueIs(a.panel, 2, merged);
    await b.page.bringToFront();
    await valueIs(b.panel, 2, merged);
    await b.panel.waitForSelector('.rec[data-n="2"] .note-state-saved');

    await b.page.reload();
    const again = await openStatement(session, seed.url, seed.html, 3);
    await openRec(again.panel, 2);
    await valueIs(again.panel, 2, merged);
  });
});

