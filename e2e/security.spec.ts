// Attacks a hostile site can run, each run here as that site would, against the built extension in Chromium; each
// test fails if its attack works again. No fingerprint: nothing a page hears, no extension file a page can load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { FLASH_MS } from '../utils/anchor';
import { firstByteListener, mutationWatcher, NOT_A_STATEMENT_BODY } from './support/page-watch';
import { clickHighlight, highlightCount, highlightRangesKept, keepHighlightRanges, launch, openCorrections, openPopup, openRec, panelFrame, ROOT, type Session, waitForHighlight, waitForNoted, waitForSelected, writeNote } from './support/extension';

const SITE = 'https://www.mission-hostile.example.test/';

// The hostile test page's statement (three recommendations), without its scripts and styles.
const STATEMENT_BODY = /<main>[\s\S]*<\/main>/.exec(readFileSync(join(ROOT, 'e2e/pages/hostile/statement.html'), 'utf8'))![0];
const STATEMENT_URL = `${SITE}upr/41/finland.html`;

/**
 * The page's first script, inline in <head> before anything else: it hears every `message` posted to the window
 * and every event WXT would name after the extension (the page knows the id of the extension it looks for).
 */
function listeningPage(title: string, body: string, extensionId: string): string {
  return `<!doctype html><html lang="en"><head>${firstByteListener(extensionId)}<meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
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
    session.serve(other, listeningPage('Consular section', NOT_A_STATEMENT_BODY, session.extensionId));
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

describe('no redress', () => {
  const appHtml = (frame: Frame) => frame.evaluate(() => document.getElementById('app')?.innerHTML ?? 'no #app');

  it('shows nothing in a panel that a page frames by its per-session address, directly or nested, or opened as a tab', async () => {
    session = await launch();
    const { page, panel } = await openStatement(session);
    // Say the page learnt the address it has no way to read: it frames it, directly and in a frame of its own.
    const address = (await iframeSources(page)).find((src) => src.includes('/panel.html'))!.replace(/#.*/, '');
    await page.evaluate((src) => {
      const direct = document.createElement('iframe');
      direct.src = src;
      const outer = document.createElement('iframe');
      outer.srcdoc = `<iframe src="${src}"></iframe>`;
      document.body.append(direct, outer);
    }, address);
    await page.waitForTimeout(1500);
    const framed = page.frames().filter((f) => f.url().includes('/panel.html') && f !== panel);
    expect(framed).toHaveLength(2);
    for (const frame of framed) expect(await appHtml(frame)).toBe('');
    expect(await panel.locator('.rec').count()).toBe(3); // ours still shows

    const tab = await session.context.newPage();
    await tab.goto(`chrome-extension://${session.extensionId}/panel.html`);
    await tab.waitForTimeout(1000);
    expect(await appHtml(tab.mainFrame())).toBe('');
  });

  it('still shows our own panel on a statement served over plain http', async () => {
    session = await launch();
    const url = STATEMENT_URL.replace('https:', 'http:');
    session.serve(url, listeningPage('Universal Periodic Review 41: Finland', STATEMENT_BODY, session.extensionId));
    const page = await session.context.newPage();
    await page.goto(url);
    const panel = await panelFrame(page, session.extensionId);
    await panel.waitForSelector('.rec');
    expect(await panel.locator('.rec').count()).toBe(3);
  });

  it('shows nothing of the dashboard or the popup inside a frame', async () => {
    session = await launch();
    const dashboard = await session.context.newPage();
    await dashboard.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
    await dashboard.waitForFunction(() => document.getElementById('app')!.innerHTML !== '');
    // Only the extension's own pages may frame them at all (pages are refused outright); even there they stay empty.
    await dashboard.evaluate(() => {
      for (const name of ['dashboard.html', 'popup.html']) {
        const frame = document.createElement('iframe');
        frame.src = `/${name}`;
        document.body.append(frame);
      }
    });
    await dashboard.waitForTimeout(1500);
    const frames = dashboard.frames().filter((f) => f !== dashboard.mainFrame());
    expect(frames.map((f) => new URL(f.url()).pathname).sort()).toEqual(['/dashboard.html', '/popup.html']);
    for (const frame of frames) expect(await appHtml(frame)).toBe('');
  });

  /** A note on recommendation 1, saved. */
  async function withNote(panel: Awaited<ReturnType<typeof openStatement>>['panel'], text: string) {
    await openRec(panel, 1);
    await panel.fill('.rec[data-n="1"] textarea', text);
    await panel.waitForSelector('.rec[data-n="1"] .note-state-saved');
  }

  it.each([
    [
      'made transparent',
      false,
      () => document.querySelector('upr-annotator-panel')!.setAttribute('style', document.querySelector('upr-annotator-panel')!.getAttribute('style') + ';opacity:0 !important'),
    ],
    [
      'made transparent',
      true,
      () => document.querySelector('upr-annotator-panel')!.setAttribute('style', document.querySelector('upr-annotator-panel')!.getAttribute('style') + ';opacity:0 !important'),
    ],
    ['made nearly transparent through the page root', true, () => document.documentElement.style.setProperty('opacity', '0.05')],
    [
      'covered by a decoy',
      false,
      () => {
        const decoy = document.createElement('div');
        decoy.textContent = 'Click here to claim your prize';
        decoy.setAttribute('style', 'position:fixed;inset:0;z-index:2147483647;background:#fff;pointer-events:none');
        document.body.append(decoy);
      },
    ],
  ])('refuses a destructive click in the panel while the page has it %s, and takes it once shown again (no IO v2: %s)', async (_how, withoutObserverV2, attack) => {
    session = await launch();
    // As in a browser without Intersection Observer v2 (Firefox): only the annotator's reading of the page is left.
    if (withoutObserverV2) {
      await session.context.addInitScript(() => {
        if (location.protocol === 'chrome-extension:') delete (IntersectionObserverEntry.prototype as { isVisible?: boolean }).isVisible;
      });
    }
    const { page, panel } = await openStatement(session);
    expect(await panel.evaluate(() => 'isVisible' in IntersectionObserverEntry.prototype)).toBe(!withoutObserverV2);
    await withNote(panel, 'Ask the ministry about the shelters budget');
    const style = await page.evaluate(() => document.querySelector('upr-annotator-panel')!.getAttribute('style'));
    await openCorrections(panel, 1); // the item's delete and corrections show on the selected item
    await page.evaluate(attack);
    await page.waitForTimeout(400); // the browser reports visibility at most every 100 ms
    await panel.click('.rec[data-n="1"] .note-delete', { force: true });
    await panel.waitForSelector('.panel-error');
    expect(await panel.textContent('.panel-error')).toContain('refused');
    expect(await panel.inputValue('.rec[data-n="1"] textarea')).toBe('Ask the ministry about the shelters budget');
    await panel.click('.rec[data-n="1"] .rec-reject', { force: true });
    await page.waitForTimeout(500);
    expect(await panel.locator('.rec').count()).toBe(3);

    // The same clicks on a panel the user can see do what they say.
    await page.evaluate((original) => {
      document.querySelector('upr-annotator-panel')!.setAttribute('style', original!);
      for (const el of document.body.querySelectorAll(':scope > div')) el.remove();
      document.documentElement.style.removeProperty('opacity');
    }, style);
    await page.waitForTimeout(400);
    await panel.click('.rec[data-n="1"] .note-delete');
    await panel.waitForSelector('.toast-undo');
    expect(await panel.inputValue('.rec[data-n="1"] textarea')).toBe('');
  });
});

describe('text as it reads', () => {
  it('shows a recommendation with a right-to-left override in the panel in logical order, the override visible', async () => {
    session = await launch();
    const body = STATEMENT_BODY.replace('guaranteed in law', 'guaranteed in \u202Etcaf ni dna wal\u202C');
    const { panel } = await openStatement(session, body);
    const text = await panel.textContent('.rec[data-n="2"] .rec-text');
    expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(text).toContain('guaranteed in ⟨U+202E⟩tcaf ni dna wal⟨U+202C⟩');
    // Laid out left to right as held: each letter of "tcaf" stands to the right of the one before it.
    const lefts = await panel.evaluate(() => {
      const bdi = document.querySelector('.rec[data-n="2"] .rec-text bdi')!;
      const node = bdi.firstChild as Text;
      const at = node.data.indexOf('tcaf');
      return [0, 1, 2, 3].map((i) => {
        const range = document.createRange();
        range.setStart(node, at + i);
        range.setEnd(node, at + i + 1);
        return range.getBoundingClientRect().left;
      });
    });
    expect(lefts).toEqual([...lefts].sort((a, b) => a - b));
    expect(new Set(lefts).size).toBe(4);
  });
});

describe('events checked like requests', () => {
  it('keeps a note change forged by a content script in another tab out of the panel and out of the next save', async () => {
    session = await launch();
    const { page, panel } = await openStatement(session);
    // The real broadcast, as the panel receives it when the user's note is saved.
    await panel.evaluate(() => {
      const seen: unknown[] = ((window as unknown as { __changes: unknown[] }).__changes = []);
      (globalThis as unknown as { chrome: { runtime: { onMessage: { addListener(f: (m: unknown) => void): void } } } }).chrome.runtime.onMessage.addListener((m) => {
        seen.push(m);
      });
    });
    await openRec(panel, 1);
    await panel.fill('.rec[data-n="1"] textarea', 'Real note');
    await panel.waitForSelector('.rec[data-n="1"] .note-state-saved');
    const real = await panel.evaluate(() =>
      (window as unknown as { __changes: { event?: string; payload: { scope: string; note: Record<string, unknown> } }[] }).__changes.find(
        (m) => m.event === 'data.changed' && m.payload.scope === 'note',
      ),
    );
    expect(real?.payload.note.body).toBe('Real note');

    // Another site, where our detector's content script runs: a compromised copy of it sends the same event.
    const other = `${SITE}news/today.html`;
    session.serve(other, listeningPage('Today', NOT_A_STATEMENT_BODY, session.extensionId));
    const evil = await session.context.newPage();
    await evil.goto(other);
    const forged = { ...real!, payload: { scope: 'note', note: { ...real!.payload.note, body: 'INJECTED by another site', updatedAt: Date.now() + 60_000 } } };
    const answer = await inContentScriptWorld(evil, session.extensionId, `chrome.runtime.sendMessage(${JSON.stringify(forged)}).then(() => 'sent', (e) => 'sent: ' + e.message)`);
    expect(answer).toMatch(/^sent/);
    await page.bringToFront();
    await page.waitForTimeout(800);
    expect(await panel.inputValue('.rec[data-n="1"] textarea')).toBe('Real note');

    // The user's next keystroke saves their own text, not the injected one.
    await openRec(panel, 1);
    await panel.focus('.rec[data-n="1"] textarea');
    await panel.press('.rec[data-n="1"] textarea', 'End');
    await panel.type('.rec[data-n="1"] textarea', '!');
    await panel.waitForSelector('.rec[data-n="1"] .note-state-saved');
    await page.reload();
    const again = await panelFrame(page, session.extensionId);
    await again.waitForSelector('.rec[data-n="1"] textarea');
    await again.waitForFunction(() => (document.querySelector('.rec[data-n="1"] textarea') as HTMLTextAreaElement).value !== '');
    expect(await again.inputValue('.rec[data-n="1"] textarea')).toBe('Real note!');
  });
});

describe('what the reader does is not in the page', () => {
  it('lets a MutationObserver on the page see nothing but the panel arriving: not the highlights, a selection, a note or the panel opening', async () => {
    session = await launch();
    // Watching the whole document once parsed (the detector runs at document_end, right after DOMContentLoaded's listeners, and writes nothing in the DOM).
    const watcher = mutationWatcher();
    const { page, panel } = await openStatement(session, watcher + STATEMENT_BODY);
    const records = () => page.evaluate(() => (window as unknown as { __records: string[] }).__records);
    // The panel must be in the page to be seen: its host element arrives once. Nothing else, highlights included.
    const arrival = ['childList html  upr-annotator-panel '];
    expect(await highlightCount(page)).toBe(3);
    expect(await records()).toEqual(arrival);

    await clickHighlight(page, 2);
    await panel.waitForSelector('.rec[data-n="2"][aria-current="true"]');
    await waitForSelected(page, 2);
    await panel.click('.rec[data-n="3"] .rec-text');
    await waitForSelected(page, 3);
    await writeNote(panel, 3, 'Ask about the 2025 draft law.');
    await waitForNoted(page, [3]);
    // Folding and opening the panel (its handle, at the panel's left edge).
    const host = (await page.locator('upr-annotator-panel').boundingBox())!;
    const hostWidth = () => page.evaluate(() => document.querySelector('upr-annotator-panel')!.getBoundingClientRect().width);
    // A click on the handle while the panel still settles can miss it: click again, as a reader would.
    const clickUntil = async (x: number, done: (width: number) => boolean) => {
      for (let attempt = 0; attempt < 3 && !done(await hostWidth()); attempt++) {
        await page.mouse.click(x, 112);
        await page.waitForFunction(`(() => { const w = document.querySelector('upr-annotator-panel').getBoundingClientRect().width; return ${done.toString()}(w); })()`, null, { timeout: 5_000 }).catch(() => {});
      }
      expect(done(await hostWidth())).toBe(true);
    };
    await clickUntil(host.x + 14, (width) => width < 100);
    await clickUntil(page.viewportSize()!.width - 14, (width) => width > 300);
    await page.waitForTimeout(FLASH_MS + 200);
    expect(await records()).toEqual(arrival);
  });
});

describe('page events stay between a page and its panel', () => {
  /** Records every runtime message the extension page in `target` receives. */
  const listen = (target: Page | Frame) =>
    target.evaluate(() => {
      const heard: unknown[] = ((window as unknown as { __runtimeHeard: unknown[] }).__runtimeHeard = []);
      (globalThis as unknown as { chrome: { runtime: { onMessage: { addListener(f: (m: unknown) => void): void } } } }).chrome.runtime.onMessage.addListener((m) => {
        heard.push(m);
      });
    });
  // Events, that is: requests other extension pages make of the background (the dashboard loading) reach every page too.
  const eventsHeardBy = (target: Page | Frame) =>
    target.evaluate(() => (window as unknown as { __runtimeHeard: object[] }).__runtimeHeard.filter((m) => typeof m === 'object' && m !== null && 'event' in m));

  it('tells only the panel in its own tab of a click on a highlight and of a new reading: no extension page anywhere hears it', async () => {
    session = await launch();
    const { page, panel } = await openStatement(session);
    // The same statement in a second tab, with its own panel, and the dashboard in a third.
    const second = await openStatement(session);
    const dashboard = await session.context.newPage();
    await dashboard.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
    for (const target of [panel, second.panel, dashboard]) await listen(target);

    await page.bringToFront();
    await clickHighlight(page, 2);
    await panel.waitForSelector('.rec[data-n="2"][aria-current="true"]');
    await second.page.waitForTimeout(300);
    for (const target of [panel, second.panel, dashboard]) expect(await eventsHeardBy(target)).toEqual([]);
    // A change to the statement: the page reads it again and its panel reloads. What every extension page hears is
    // only what the background stored (this page's records changed), never the reading or the selection.
    await page.evaluate(() => {
      const li = document.createElement('li');
      li.textContent = 'Ensure that every child is registered at birth, free of charge.';
      document.querySelector('main ol')!.append(li);
    });
    await panel.waitForSelector('.rec[data-n="4"]');
    await second.page.bringToFront();
    await second.page.waitForTimeout(300);

    expect(await second.panel.locator('.rec[aria-current="true"]').count()).toBe(0);
    for (const target of [panel, second.panel, dashboard]) {
      const heard = await eventsHeardBy(target);
      expect(heard.length).toBeGreaterThan(0);
      for (const event of heard) expect(event).toEqual({ upr: 1, event: 'data.changed', payload: { scope: 'page', pageUrl: STATEMENT_URL } });
    }
  });
});

/** Evaluates `expression` in our extension's content-script world in `page` (where the detector runs), by CDP. */
async function inContentScriptWorld(page: Page, extensionId: string, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: (typeof contexts)[number] }) => contexts.push(event.context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`);
  if (!world) throw new Error(`No content-script world of ours in ${page.url()}: ${JSON.stringify(contexts)}`);
  const { result } = (await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true })) as { result: { value: unknown } };
  await cdp.detach();
  return result.value;
}

describe('work proportional to change', () => {
  /** When the background last stored a capture of `url` (from the panel, an extension page that may ask). */
  const capturedAt = (panel: Frame, url: string) =>
    panel.evaluate(async (pageUrl) => {
      const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value: { pages: { url: string; capturedAt: number }[] } }> } } }).chrome;
      const answer = await api.runtime.sendMessage({ upr: 1, type: 'data.export', payload: {} });
      return answer.value.pages.find((p) => p.url === pageUrl)?.capturedAt ?? null;
    }, url);

  /** The page addresses the background has stored. */
  const storedUrls = (panel: Frame) =>
    panel.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value: { pages: { url: string }[] } }> } } }).chrome;
      const answer = await api.runtime.sendMessage({ upr: 1, type: 'data.export', payload: {} });
      return answer.value.pages.map((p) => p.url).sort();
    });

  it('stores nothing of a page that changes its address and words faster than anyone reads, and stores where it settles', async () => {
    session = await launch();
    // Once the reader has the statement and its panel (2 s after load: the panel lists what the address it opened
    // at holds), every 700 ms a new address (pushState) and new recommendation words, twelve times, then it stays.
    const body = STATEMENT_BODY.replace(
      '<main>',
      `<main><script>
        let step = 0;
        setTimeout(() => {
          const churn = setInterval(() => {
            step++;
            history.pushState({}, '', '/upr/41/churn-' + step + '.html');
            for (const li of document.querySelectorAll('main ol li')) li.textContent = 'Adopt measure ' + step + '-' + Math.random().toString(36).slice(2, 8) + ' to protect the rights of every person in detention.';
            if (step === 12) clearInterval(churn);
          }, 700);
        }, 2000);
      </script>`,
    );
    const { page, panel } = await openStatement(session, body);
    await page.waitForFunction(() => /churn-([4-9]|10)\.html$/.test(location.pathname), undefined, { timeout: 15_000 }); // in the middle of the churn
    expect(await storedUrls(panel)).toEqual([STATEMENT_URL]);
    await page.waitForFunction(() => location.pathname.endsWith('churn-12.html'), undefined, { timeout: 15_000 });
    await expect.poll(() => storedUrls(panel), { timeout: 15_000 }).toEqual([`${SITE}upr/41/churn-12.html`, STATEMENT_URL].sort());
  });

  it('neither re-highlights nor re-stores a statement whose page ticks every second, and still follows a real change', async () => {
    session = await launch();
    // A clock (its text replaced) and a ticker (its element replaced) in the statement's own main content.
    const body = STATEMENT_BODY.replace(
      '<main>',
      `<main><p id="clock"></p><p id="ticker"></p><script>
        setInterval(() => {
          document.getElementById('clock').textContent = 'Geneva time ' + new Date().toISOString();
          const item = document.createElement('span');
          item.textContent = 'Markets: ' + Math.random();
          document.getElementById('ticker').replaceChildren(item);
        }, 1000);
      </script>`,
    );
    const { page, panel } = await openStatement(session, body);
    await page.waitForTimeout(1500); // settled: the first capture stored
    const first = await capturedAt(panel, STATEMENT_URL);
    expect(first).not.toBeNull();
    // The very range objects painted stay: nothing is highlighted again.
    await keepHighlightRanges(page);
    await page.waitForTimeout(5000);
    expect(await capturedAt(panel, STATEMENT_URL)).toBe(first);
    expect(await highlightRangesKept(page)).toBe(true);

    // The statement itself changes: read again, highlighted and stored.
    await page.evaluate(() => {
      const item = document.querySelector('main ol')!;
      const li = document.createElement('li');
      li.textContent = 'Ratify the Optional Protocol to the Convention against Torture.';
      item.append(li);
    });
    await waitForHighlight(page, 4);
    await panel.waitForFunction(() => document.querySelectorAll('.rec').length === 4);
    expect(await capturedAt(panel, STATEMENT_URL)).toBeGreaterThan(first!);
  });
});

describe('records belong to where they were first seen', () => {
  const COPY_URL = 'https://www.copying-site.example.test/news/finland-upr.html';

  it('keeps the first page when another site serves the same statement: its panel says so, the dashboard opens the first page', async () => {
    session = await launch();
    const s = session;
    const first = await openStatement(s);
    await writeNote(first.panel, 2, 'Ask about the Sámi land rights bill');
    // Another site shows the same words.
    s.serve(COPY_URL, listeningPage('Universal Periodic Review 41: Finland', STATEMENT_BODY, s.extensionId));
    const copy = await s.context.newPage();
    await copy.goto(COPY_URL);
    const copyPanel = await panelFrame(copy, s.extensionId);
    await copyPanel.waitForSelector('.rec');
    await openRec(copyPanel, 2);
    // The copy lists them, with the user's note, and names the page they belong to.
    expect(await copyPanel.inputValue('.rec[data-n="2"] textarea')).toBe('Ask about the Sámi land rights bill');
    expect(await copyPanel.textContent('.rec[data-n="2"] .seen-elsewhere')).toBe('First seen at www.mission-hostile.example.test');
    expect(await copyPanel.getAttribute('.rec[data-n="2"] .seen-link', 'href')).toBe(STATEMENT_URL);
    // The first page, read again, says where else its recommendation was seen.
    await first.page.reload();
    const again = await panelFrame(first.page, s.extensionId);
    await again.waitForSelector('.rec');
    await openRec(again, 2);
    expect(await again.textContent('.rec[data-n="2"] .seen-elsewhere')).toBe('Also seen at www.copying-site.example.test');
    expect(await again.getAttribute('.rec[data-n="2"] .seen-link', 'href')).toBe(COPY_URL);
    // The dashboard's "Open at recommendation" opens the first page.
    const dashboard = await s.context.newPage();
    await dashboard.goto(`chrome-extension://${s.extensionId}/dashboard.html`);
    await dashboard.waitForSelector('.row-link');
    const hrefs = await dashboard.$$eval('.row-link', (links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThanOrEqual(3);
    for (const href of hrefs) expect(href.startsWith(STATEMENT_URL)).toBe(true);
    const opened = s.context.waitForEvent('page');
    await dashboard.locator('.row-link').first().click();
    const target = await opened;
    await target.waitForLoadState();
    expect(target.url().startsWith(STATEMENT_URL)).toBe(true);
  });
});

describe('a site’s pages are stored at a bounded rate', () => {
  /** How many pages the background has stored under `prefix`. */
  const storedUnder = (panel: Frame, prefix: string) =>
    panel.evaluate(async (start) => {
      const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value: { pages: { url: string }[] } }> } } }).chrome;
      const answer = await api.runtime.sendMessage({ upr: 1, type: 'data.export', payload: {} });
      return answer.value.pages.filter((p) => p.url.startsWith(start)).length;
    }, prefix);

  it('refuses a new page of a site that had a minute’s budget of pages stored, says so in the panel, and stores it when the user asks', async () => {
    session = await launch();
    const s = session;
    // The site had 60 pages stored in the last few seconds (a page reloading itself with new addresses would: the
    // count is the background's, in extension storage, which no reload resets).
    await (await s.worker()).evaluate(async (key) => {
      const now = Date.now();
      await (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ [key]: Array.from({ length: 60 }, (_, i) => now - 5_000 + i) });
    }, 'upr-capture-log:example.test');
    s.serve(STATEMENT_URL, listeningPage('Universal Periodic Review 41: Finland', STATEMENT_BODY, s.extensionId));
    const page = await s.context.newPage();
    await page.goto(STATEMENT_URL);
    // Highlighted all the same, but not stored, and the panel says why rather than "no recommendation".
    await waitForHighlight(page, 3);
    const panel = await panelFrame(page, s.extensionId);
    await panel.waitForSelector('.not-stored');
    expect(await panel.textContent('.not-stored-title')).toBe('This page was not stored.');
    expect(await panel.textContent('.not-stored-why')).toMatch(/^example\.test has had 60 pages stored in the last minute/);
    expect(await panel.$('.zero-state')).toBeNull();
    expect(await storedUnder(panel, STATEMENT_URL)).toBe(0);
    // The user stores it: the page reads itself again, and its panel lists its recommendations.
    await panel.click('.store-now');
    await panel.waitForSelector('.rec');
    expect(await panel.$('.not-stored')).toBeNull();
    expect(await storedUnder(panel, STATEMENT_URL)).toBe(1);
  });
});
