// Attacks a hostile site can run, each run here as that site would, against the built extension in Chromium; each
// test fails if its attack works again. No fingerprint: nothing a page hears, no extension file a page can load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launch, openPopup, panelFrame, ROOT, type Session } from './support/extension';

const SITE = 'https://www.mission-hostile.example.test/';

// The hostile test page's statement (three recommendations), without its scripts and styles.
const STATEMENT_BODY = /<main>[\s\S]*<\/main>/.exec(readFileSync(join(ROOT, 'e2e/pages/hostile/statement.html'), 'utf8'))![0];
const STATEMENT_URL = `${SITE}upr/41/finland.html`;

const OTHER_BODY = `
<main>
  <h1>Opening hours of the consular section</h1>
  <p>The consular section is open from Monday to Friday, 9:00 to 12:00. Passport applications need an appointment.</p>
</main>`;

/**
 * The page's first script, inline in <head> before anything else: it hears every `message` posted to the window
 * and every event WXT would name after the extension (the page knows the id of the extension it looks for).
 */
function listeningPage(title: string, body: string, extensionId: string): string {
  const names = ['detector', 'annotator'].flatMap((script) =>
    ['content-script-started', 'locationchange'].map((event) => `${extensionId}:${script}:wxt:${event}`),
  );
  return `<!doctype html><html lang="en"><head><script>
    window.__heard = [];
    addEventListener('message', (e) => __heard.push('message ' + JSON.stringify(e.data)), true);
    for (const name of ${JSON.stringify(names)}) {
      addEventListener(name, () => __heard.push('window ' + name), true);
      document.addEventListener(name, () => __heard.push('document ' + name), true);
    }
  </script><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

/** A statement page that listens from its first byte, once its panel shows the recommendations. */
async function openStatement(s: Session, body = STATEMENT_BODY) {
  s.serve(STATEMENT_URL, listeningPage('Universal Periodic Review 41: Finland', body, s.extensionId));
  const page = await s.context.newPage();
  await page.goto(STATEMENT_URL);
  const panel = await panelFrame(page, s.extensionId);
  await panel.waitForSelector('.rec');
  return { page, panel };
}

const heard = (page: Page) => page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe('no fingerprint', () => {
  it('lets a page that listens from its first byte hear nothing, on a statement and on any other page', async () => {
    session = await launch();
    const other = `${SITE}consular/hours.html`;
    session.serve(other, listeningPage('Consular section', OTHER_BODY, session.extensionId));
    const otherPage = await session.context.newPage();
    await otherPage.goto(other);
    // The detector did look at this page: the popup reports its verdict on it.
    const popup = await openPopup(session, other);
    expect(await popup.locator('.popup-why').count()).toBe(1);
    await popup.close();
    await otherPage.bringToFront();
    await otherPage.waitForTimeout(3000); // past the detector's second look

    const { page, panel } = await openStatement(session);
    expect(await panel.locator('.rec').count()).toBe(3);
    // An in-place navigation, which the annotator follows.
    await page.evaluate(() => history.pushState({}, '', '#section-2'));
    await page.waitForTimeout(1000);

    expect(await heard(otherPage)).toEqual([]);
    expect(await heard(page)).toEqual([]);
  });

  it("refuses a page that fetches or frames the panel's static URL, and loads our own panel by its per-session URL", async () => {
    session = await launch();
    const { page, panel } = await openStatement(session);

    // Our frame was loaded by the URL runtime.getURL gave the content script: a per-session id, not the static one.
    const ours = (await iframeSources(page)).filter((src) => src.includes('/panel.html'));
    expect(ours).toHaveLength(1);
    expect(new URL(ours[0]!).protocol).toBe('chrome-extension:');
    expect(new URL(ours[0]!).host).not.toBe(session.extensionId);

    const staticUrl = `chrome-extension://${session.extensionId}/panel.html`;
    const probe = await page.evaluate(async (url) => {
      const fetched = await fetch(url).then((r) => `status ${r.status}`, () => 'refused');
      const frame = document.createElement('iframe');
      frame.src = url;
      const loaded = new Promise((done) => frame.addEventListener('load', done));
      document.body.append(frame);
      await loaded;
      return { fetched };
    }, staticUrl);
    expect(probe.fetched).toBe('refused');
    // The page's own frame shows Chromium's error page, not the panel.
    const framed = page.frames().filter((f) => f.parentFrame() === page.mainFrame() && f !== panel);
    expect(framed.map((f) => f.url())).toEqual(['chrome-error://chromewebdata/']);

  });
});

/** Every iframe's src in the page, closed shadow roots included (read through the DevTools protocol). */
async function iframeSources(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  interface DomNode {
    nodeName: string;
    attributes?: string[];
    children?: DomNode[];
    shadowRoots?: DomNode[];
  }
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  await cdp.detach();
  const out: string[] = [];
  const walk = (node: DomNode) => {
    if (node.nodeName === 'IFRAME') {
      const attrs = node.attributes ?? [];
      const i = attrs.indexOf('src');
      if (i >= 0) out.push(attrs[i + 1]!);
    }
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
  };
  walk(root);
  return out;
}
