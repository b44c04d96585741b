// A highlight clicked in the first instant after a reload, before the panel is there to hear it: the panel that
// mounts selects it all the same (it was lost, the reader's first click doing nothing).
import { afterEach, describe, it } from 'vitest';
import { clickHighlight, launch, openStatement, panelFrame, projectPage, type Session, waitForSelected } from './support/extension';

const seed = projectPage('canada-kazakhstan-upr34');

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe('selecting from the page while the panel mounts', () => {
  it('a highlight clicked right after a reload is the one selected in the panel', { timeout: 90_000 }, async () => {
    session = await launch();
    const { page } = await openStatement(session, seed.url, seed.html, 3);
    await page.reload();
    // As soon as it is highlighted again: the panel of the reloaded page is not there yet.
    await clickHighlight(page, 2);
    await waitForSelected(page, 2);
    const panel = await panelFrame(page, session.extensionId);
    await panel.waitForSelector('.rec[data-n="2"][aria-current="true"]', { timeout: 15_000 });
  });
});
