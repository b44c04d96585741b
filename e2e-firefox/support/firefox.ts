// Starts Debian's firefox-esr through puppeteer-core (WebDriver BiDi), installs the built Firefox extension
// (.output/firefox-mv2) as a temporary add-on, and serves pages at their real URLs from local files by intercepting
// each request, so nothing leaves the machine. Playwright cannot drive a stock Firefox; puppeteer can.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { highlightedTexts as readHighlightedTexts } from '../../e2e/support/extension';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, process.env.UPR_OUTPUT_DIR ?? '.output', 'firefox-mv2');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The add-on id the manifest fixes (Firefox keys the add-on's storage by it). */
export function addonId(): string {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const id: unknown = manifest.browser_specific_settings?.gecko?.id;
  if (typeof id !== 'string') throw new Error('The Firefox build has no browser_specific_settings.gecko.id');
  return id;
}

// Firefox gives each add-on a random moz-extension:// host per profile; this pref pins it, so the test knows the
// panel's origin in advance.
const EXTENSION_UUID = '3f0b6a52-6c1e-4f7a-9d2b-5a8e1c4d7b90';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}/`;

export interface Session {
  browser: Browser;
  profileDir: string;
  /** A new tab whose requests are answered from the served pages; every other http(s) request is refused. */
  newPage(): Promise<Page>;
  /** Serve `body` as HTML whenever a tab asks for `url` (the fragment ignored). */
  serve(url: string, body: string): void;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export async function launch(options: { profileDir?: string } = {}): Promise<Session> {
  if (!existsSync(FIREFOX)) {
    throw new Error(`Firefox was not found at ${FIREFOX}. Install it (Debian: apt-get install firefox-esr) or set FIREFOX_PATH.`);
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${EXTENSION_DIR}: run npm run build:firefox first.`);
  }
  const id = addonId();
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'upr-e2e-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profileDir,
    defaultViewport: { width: 1440, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }),
      // A temporary add-on is uninstalled when Firefox quits; these keep its IndexedDB and its origin for the next
      // run of the same profile, as an installed (signed) add-on keeps them across restarts and updates.
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
      'intl.locale.requested': 'en-GB',
      'intl.accept_languages': 'en-GB, en',
    },
  });
  const installed = await browser.installExtension(EXTENSION_DIR);
  if (installed !== id) throw new Error(`Firefox installed the add-on as ${installed}, not ${id}`);

  const pages = new Map<string, string>();
  const keyOf = (url: string) => {
    const key = new URL(url);
    key.hash = '';
    return key.href;
  };
  return {
    browser,
    profileDir,
    serve(url, body) {
      pages.set(keyOf(url), body);
    },
    async newPage() {
      const page = await browser.newPage();
      // Request interception works for top-level navigations in Firefox (WebDriver BiDi network.addIntercept at
      // beforeRequestSent, answered with network.provideResponse), before any DNS lookup.
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const url = request.url();
        if (!/^https?:/.test(url)) return void request.continue(); // data: URLs and the extension's own files
        const body = pages.get(keyOf(url));
        if (body !== undefined) void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
        else void request.abort('blockedbyclient');
      });
      return page;
    },
    async close({ keepProfile = false } = {}) {
      await browser.close();
      if (!keepProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * The panel's frame in a page (an extension-origin iframe inside a closed shadow root). Puppeteer still reports
 * such a frame's URL as about:blank in Firefox (no BiDi navigation event reaches it), so each frame is asked where
 * it is.
 */
export async function panelFrame(page: Page): Promise<Frame> {
  const prefix = `${EXTENSION_ORIGIN}panel.html`;
  for (let i = 0; i < 100; i++) {
    for (const frame of page.frames()) {
      const href = await frame.evaluate(() => (document.readyState === 'loading' ? '' : location.href)).catch(() => '');
      if (href.startsWith(prefix)) return frame;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('The panel did not appear');
}

/**
 * Clicks an element of the panel where it is on screen, as a user does. Puppeteer's own frame.click() cannot: it
 * finds the frame's element with a BiDi "context" locator, which firefox-esr 140 does not have yet. The panel's
 * iframe is the right-hand part of its host, as wide as the panel's own viewport.
 */
export async function clickInPanel(page: Page, panel: Frame, selector: string): Promise<void> {
  const inFrame = await panel.$eval(selector, (el) => {
    el.scrollIntoView({ block: 'center' });
    const rect = el.getBoundingClientRect();
    return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2, frameWidth: window.innerWidth };
  });
  const host = await page.$eval('upr-annotator-panel', (el) => {
    const rect = el.getBoundingClientRect();
    return { right: rect.right, top: rect.top };
  });
  await page.mouse.click(host.right - inFrame.frameWidth + inFrame.x, host.top + inFrame.y);
}

/**
 * The text of each highlighted recommendation, by its number: the Chromium E2E's reading, so both browsers are held
 * to the same one. That helper only calls page.evaluate(fn), which puppeteer's Page has with the same meaning.
 */
export const highlightedTexts = (page: Page): Promise<Record<number, string>> =>
  readHighlightedTexts(page as unknown as Parameters<typeof readHighlightedTexts>[0]);
