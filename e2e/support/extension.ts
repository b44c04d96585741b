// Starts Debian's Chromium with the built extension loaded, serves pages at their real URLs from local files, and
// gives specs the handles they need: the extension's id, its service worker, and the panel's frame.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';

export { caretIsIn, clickHighlight, highlightCount, highlightedTexts, highlightedUpTo, clickHighlightWith, highlightPaint, highlightRangesKept, highlightRects, keepHighlightRanges, notedAre, readHighlights, selectedIs, selectInHighlight, waitForHighlight, waitForHighlightCount, waitForNoted, waitForSelected, whenHighlights } from './highlights';
import { waitForHighlight } from './highlights';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, process.env.UPR_OUTPUT_DIR ?? '.output', 'chrome-mv3');
export const SHARED_FIXTURES = resolve(ROOT, '../shared/fixtures');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Fixture {
  url: string;
  html: string;
  label: {
    kind: 'statement' | 'negative';
    expected: null | { recommendingState: string; stateUnderReview: string; session: number; cycle: number; date: string; recommendations: string[] };
  };
}

/** A labelled page of the project's own (`e2e/pages/<name>.json` + its HTML, in the label format of shared/fixtures). */
/** The project's own sample statement (written for it, not an official text), at the address the specs serve it. */
export const SAMPLE_STATEMENT = {
  url: 'https://sample.upr-annotator.test/human-rights/upr/48/kazakhstan.html',
  html: readFileSync(resolve(ROOT, 'e2e/pages/sample-statement.html'), 'utf8'),
};

export function projectPage(name: string): Fixture {
  const dir = join(ROOT, 'e2e/pages');
  const label = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
  return { url: label.url, html: readFileSync(join(dir, label.file), 'utf8'), label };
}

export interface Session {
  context: BrowserContext;
  profileDir: string;
  extensionId: string;
  worker(): Promise<Worker>;
  /** Serve `body` whenever the browser asks for `url` (the fragment ignored); HTML unless headers say otherwise. */
  serve(url: string, body: string, headers?: Record<string, string>): void;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  profileDir?: string;
  headless?: boolean;
  /** Refuse every request that is not a served page (default): tests never reach the network. */
  offline?: boolean;
  colorScheme?: 'light' | 'dark';
  /** The browser's UI language, e.g. 'fr-FR'. */
  locale?: string;
  /** The window's size (default 1440 × 900). */
  viewport?: { width: number; height: number };
}

export async function launch(options: LaunchOptions = {}): Promise<Session> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium was not found at ${CHROMIUM}. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'upr-e2e-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-GB',
    // On Linux the browser's own language (extension i18n, getUILanguage) follows LANGUAGE, not --lang.
    env: { ...process.env, LANGUAGE: (options.locale ?? 'en-GB').replace('-', '_') },
    args: [
      `--lang=${options.locale ?? 'en-GB'}`,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  const pages = new Map<string, { body: string; headers: Record<string, string> }>();
  // Nothing leaves the machine: known pages are served from files, everything else (page chrome's images,
  // analytics) is refused, as a closed network would.
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (!url.protocol.startsWith('http')) return route.continue(); // the extension's own files
    url.hash = '';
    const page = pages.get(url.href);
    if (page) await route.fulfill({ status: 200, body: page.body, headers: { 'content-type': 'text/html; charset=utf-8', ...page.headers } });
    else if (options.offline ?? true) await route.abort('blockedbyclient');
    else await route.continue();
  });
  // Chromium names an unpacked extension after its folder: the id is known before the worker shows up.
  const extensionId = unpackedExtensionId(EXTENSION_DIR);
  const worker = async (): Promise<Worker> => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const running = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
      if (running) return running;
      const started = await context.waitForEvent('serviceworker', { timeout: 10_000 }).catch(() => null);
      if (started) return started;
      // A busy machine may have let it go idle unseen: an extension page wakes it.
      const waker = await context.newPage();
      await waker.goto(`chrome-extension://${extensionId}/popup.html`).catch(() => {});
      await waker.close();
    }
    throw new Error('The extension’s service worker did not start');
  };
  await worker();
  // The background registers the detector when it starts; pages opened before that would not be looked at.
  for (let i = 0; i < 100; i++) {
    const registered = await (await worker())
      .evaluate(() => (globalThis as unknown as { chrome: WorkerChrome }).chrome.scripting.getRegisteredContentScripts().then((s) => s.length))
      .catch(() => 0);
    if (registered > 0) break;
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    context,
    profileDir,
    extensionId,
    worker,
    serve(url, body, headers = {}) {
      const key = new URL(url);
      key.hash = '';
      pages.set(key.href, { body, headers });
    },
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Chromium's id for an unpacked extension: the SHA-256 of its absolute path, in the letters a–p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

// The page's document each panel frame was handed out in (its main frame's time origin then).
const panelDocument = new WeakMap<Frame, number>();

/** The panel's frame in a page (an extension-origin iframe inside a closed shadow root). */
export async function panelFrame(page: Page, extensionId: string): Promise<Frame> {
  const prefix = `chrome-extension://${extensionId}/panel.html`;
  for (let i = 0; i < 100; i++) {
    // A frame from before a reload can still be listed for a while (the panel is an out-of-process frame, detached
    // after the page's new document has loaded): a frame handed out in an earlier document is never taken again.
    const document = await page.mainFrame().evaluate(() => performance.timeOrigin).catch(() => null);
    const current = (f: Frame) => document !== null && (panelDocument.get(f) ?? document) === document;
    const frame = page.frames().findLast((f) => f.url().startsWith(prefix) && !f.isDetached() && current(f));
    if (frame && (await frame.waitForLoadState('domcontentloaded').then(() => true, () => false))) {
      panelDocument.set(frame, document!);
      return frame;
    }
    await page.waitForTimeout(100);
  }
  throw new Error('The panel did not appear');
}

/** The panel's frame, however long the page takes before it mounts (a large page's capture): `attempts` waits of panelFrame. */
export async function slowPanelFrame(page: Page, extensionId: string, attempts = 10): Promise<Frame> {
  for (let attempt = 0; ; attempt++) {
    const frame = await panelFrame(page, extensionId).catch((error: unknown) => (attempt >= attempts ? Promise.reject(error) : null));
    if (frame) return frame;
  }
}

/** Stops every service worker of the profile, as Chromium does to an idle MV3 worker. */
export async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** The bits of the service worker's `chrome` the helpers below use (evaluated inside the worker). */
interface WorkerChrome {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  commands: { onCommand: { dispatch(name: string, tab: unknown): void } };
  scripting: { getRegisteredContentScripts(): Promise<unknown[]> };
}

/**
 * Runs the extension's own keyboard-shortcut listener for `name` on the active tab, as Chromium does when the
 * user presses the shortcut (headless Chromium has no browser window to receive the key).
 */
export async function pressShortcut(session: Session, name: string): Promise<void> {
  const worker = await session.worker();
  await worker.evaluate(async (command) => {
    const api = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    api.commands.onCommand.dispatch(command, tab);
  }, name);
}

/** The toolbar popup, opened as a page about the tab showing `url` (headless Chromium has no toolbar to click). */
export async function openPopup(session: Session, url: string): Promise<Page> {
  const worker = await session.worker();
  const tabs = await worker.evaluate(() => (globalThis as unknown as { chrome: WorkerChrome }).chrome.tabs.query({}));
  const tab = tabs.find((t) => t.url === url);
  if (tab?.id === undefined) throw new Error(`No tab shows ${url}`);
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tabId=${tab.id}`);
  await popup.waitForSelector('.popup-states, .popup-why');
  return popup;
}

/**
 * Records, from the page's own world, the body as it was before any content script could touch it (at
 * DOMContentLoaded, whose listeners run before the detector's document_end run in Chromium) and every DOM mutation after that.
 */
export const DOM_RECORDER = `
  window.__uprTest = { before: null, structureBefore: null, mutations: 0 };
  window.__uprStructure = (node) => {
    const out = [];
    const walk = (n, depth) => {
      out.push(depth + ':' + n.nodeType + ':' + (n.nodeType === 1 ? n.localName : n.nodeType === 3 ? JSON.stringify(n.data) : ''));
      for (const c of n.childNodes) walk(c, depth + 1);
    };
    walk(node, 0);
    return out.join('\\n');
  };
  document.addEventListener('DOMContentLoaded', () => {
    window.__uprTest.before = document.body.outerHTML;
    window.__uprTest.structureBefore = window.__uprStructure(document.body);
    new MutationObserver((records) => { window.__uprTest.mutations += records.length; })
      .observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  });
`;

/** Opens the statement `html` at `url` in a new tab and waits for its `count` highlights and the panel. */
export async function openStatement(s: Session, url: string, html: string, count: number): Promise<{ page: Page; panel: Frame }> {
  s.serve(url, html);
  const page = await s.context.newPage();
  await page.goto(url);
  await waitForHighlight(page, count);
  const panel = await panelFrame(page, s.extensionId);
  await panel.waitForSelector('.rec');
  return { page, panel };
}

/** Writes a note (and tags) on recommendation `n` in the panel and waits until it is saved. */
export async function writeNote(panel: Frame, n: number, body: string, tags: string[] = []) {
  const rec = `.rec[data-n="${n}"]`;
  await openRec(panel, n);
  await panel.fill(`${rec} textarea`, body);
  for (const tag of tags) {
    await panel.fill(`${rec} .tag-input`, tag);
    await panel.press(`${rec} .tag-input`, 'Enter');
  }
  await panel.waitForFunction(
    ({ rec, count }) => document.querySelectorAll(`${rec} .tag`).length === count && document.querySelector(`${rec} .note-state-saved`) !== null,
    { rec, count: tags.length },
  );
}

/** The seed (Canada → Kazakhstan, 3), the sample (Norway → Kazakhstan, 4) and Norway → Ghana (2), with notes. */

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's violations on a page or frame, as "rule: targets" lines. WCAG 2.2's target-size (24 × 24 px, or
 * spaced so) is on: axe leaves it off by default.
 */
export async function axeViolations(target: Page | Frame): Promise<string[]> {
  await target.evaluate(AXE_SOURCE);
  return target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { rules: { 'target-size': { enabled: true } } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/**
 * Selects recommendation `n` in the panel, as a user does before writing: the list shows an item's note box, tags,
 * status and corrections only on the selected item (or the one the keyboard is in).
 */
export async function openRec(panel: Frame, n: number): Promise<void> {
  const opened = `.rec[data-n="${n}"][aria-current="true"] textarea`;
  // A panel just mounted after a reload can take a first click before its frame is in place: click again, as a user
  // whose click did nothing would.
  for (let attempt = 0; attempt < 2; attempt++) {
    await panel.click(`.rec[data-n="${n}"] .rec-text`);
    if (await panel.waitForSelector(opened, { timeout: 3_000 }).then(() => true, () => false)) return;
  }
  await panel.click(`.rec[data-n="${n}"] .rec-text`);
  await panel.waitForSelector(opened);
}

/** Opens recommendation `n`'s corrections menu ("Correct…"), where "Not a recommendation", merge and split are. */
export async function openCorrections(panel: Frame, n: number): Promise<void> {
  await openRec(panel, n);
  const menu = panel.locator(`.rec[data-n="${n}"] .rec-menu`);
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
}
