// The page stays the page's, and the notes stay the user's: a strict-CSP page that restyles everything still
// shows highlights and panel; hiding the highlights gives back the exact DOM; the page's own script cannot read a
// note or reach the background.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { highlightPaint, launch, openRec, panelFrame, ROOT, type Session, waitForHighlight } from './support/extension';

const BASE = 'https://www.hostile.example.test/upr/41/finland/';
const PAGES = join(ROOT, 'e2e/pages/hostile');
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

async function openHostile(s: Session) {
  s.serve(`${BASE}statement.html`, readFileSync(join(PAGES, 'statement.html'), 'utf8'), { 'content-security-policy': CSP });
  s.serve(`${BASE}hostile.css`, readFileSync(join(PAGES, 'hostile.css'), 'utf8'), { 'content-type': 'text/css' });
  s.serve(`${BASE}probe.js`, readFileSync(join(PAGES, 'probe.js'), 'utf8'), { 'content-type': 'text/javascript' });
  const page = await s.context.newPage();
  await page.goto(`${BASE}statement.html`);
  await waitForHighlight(page, 3);
  return page;
}

describe('on a hostile page with a strict Content-Security-Policy', () => {
  it('shows the highlights and the panel in spite of the page CSS', async () => {
    session = await launch();
    const page = await openHostile(session);
    // Painted with our colours, black on yellow, where the page forces its text colour on everything.
    const styles = await highlightPaint(page);
    expect(styles.length).toBe(3);
    expect(styles).toEqual(Array(3).fill({ background: 'rgb(255, 224, 102)', color: 'rgb(0, 0, 0)', shown: 'visible/1' }));
    const panel = await panelFrame(page, session.extensionId);
    await panel.waitForSelector('.rec');
    expect(await panel.locator('.rec').count()).toBe(3);
    const hostBox = await page.locator('upr-annotator-panel').boundingBox();
    expect(hostBox?.width).toBeGreaterThan(300);
  });

  it("keeps the user's note out of the page's reach", async () => {
    session = await launch();
    const page = await openHostile(session);
    const panel = await panelFrame(page, session.extensionId);
    const secret = 'Confidential: source in the ministry says the bill is shelved';
    await openRec(panel, 2);
    await panel.fill('.rec[data-n="2"] textarea', secret);
    await panel.waitForSelector('.rec[data-n="2"] .note-state-saved');

    const report = await page.evaluate(
      ([note, id]) => (window as unknown as { probeExtension(n: string, i: string): Promise<Record<string, unknown>> }).probeExtension(note!, id!),
      [secret, session.extensionId],
    );
    expect(report.found).toEqual([]);
    expect(report.shadowRoots).toEqual([]);
    // The frame in a closed shadow root is not even listed in window.frames; a frame it could list must refuse.
    expect((report.frameReads as string[]).filter((read) => !read.startsWith('blocked: '))).toEqual([]);
    expect(report.sendMessage).toBe('no chrome.runtime');
    expect(report.postMessageEcho).toBe(false);
  });
});
