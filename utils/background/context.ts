// What every background service shares: the database and its repository, the cross-reference index, and the two
// things every write does — keep the index in step (`changingAll`, `capturing`) and tell every open panel and
// dashboard (`announce`). Nothing here is kept that IndexedDB does not also hold: a worker stopped at any moment
// loses only caches, and a fresh one opens the database again (the index's persisted parts are a cache too).
import type { IDBPDatabase } from 'idb';
import type { browser as Browser } from 'wxt/browser';
import { classifyRecommendation } from '@/utils/classify';
import type { CrossrefIndex } from '@/utils/crossref';
import { BLOCKED_MESSAGE, createRepository, describeStorageError, NotFoundError, NoteConflictError, openUprDb, type OpenOptions, type Repository, type UprDb } from '@/utils/db';
import { eventEnvelope, RequestError, type DataChange, type Sender } from '@/utils/messages';
import { pageKey, type Settings, type StoredRecommendation } from '@/utils/model';
import { createCrossrefCache, openCrossrefCache, type OpenCrossrefCache } from './crossref-cache';

/** The extension API as the background uses it: `wxt/browser` in the worker, a fake in unit tests. */
export type ExtensionApi = typeof Browser;

/** Where the user's settings live (a WXT storage item in the worker). */
export interface SettingsStore {
  getValue(): Promise<Settings>;
  setValue(settings: Settings): Promise<void>;
}

export interface BackgroundDeps {
  browser: ExtensionApi;
  settings: SettingsStore;
  /** Opens the database; unit tests open one of their own over fake-indexeddb. */
  openDb?: (options: OpenOptions) => Promise<IDBPDatabase<UprDb>>;
  /** Opens the cross-reference cache (its own database, `upr-annotator-cache`); unit tests name one of their own. */
  openCache?: OpenCrossrefCache;
}

export interface BackgroundContext {
  browser: ExtensionApi;
  settings: SettingsStore;
  repo: Repository;
  /** `chrome-extension://<id>/` (or `moz-extension://…`): the origin of our own pages. */
  extensionOrigin: string;
  /**
   * The cross-reference index with every stored recommendation to these states under review in it: loaded when first
   * asked for, from the persisted cache or else from IndexedDB (./crossref-cache).
   */
  crossref(states: Iterable<string | null | undefined>): Promise<CrossrefIndex>;
  /** Runs a write that may change any stored recommendation: the cross-reference cache is dropped before and after. */
  changingAll<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Runs a capture of recommendations to these states: their cached parts are dropped first, the records it stores
   * join the index, and the parts are stored again unless `persist` is false (more batches of the capture follow).
   */
  capturing(states: Iterable<string | null | undefined>, work: () => Promise<StoredRecommendation[]>, options?: { persist?: boolean }): Promise<StoredRecommendation[]>;
  /** Tell every open panel and dashboard what a write changed; nobody may be listening, which is fine. */
  announce(change: DataChange): void;
  /** Runs a storage operation, turning its failures into sentences for the user. */
  stored<T>(work: () => Promise<T>): Promise<T>;
}

export function createContext({ browser, settings, openDb = openUprDb, openCache = () => openCrossrefCache() }: BackgroundDeps): BackgroundContext {
  const extensionOrigin = new URL(browser.runtime.getURL('/')).href;
  // Firefox gives an extension page framed in a web page (the panel) content-script messaging only: it hears what is
  // sent to its tab, never runtime.sendMessage (w3c/webextensions#35). Chromium's panel hears runtime.sendMessage.
  const framedPagesHearOnlyTabs = extensionOrigin.startsWith('moz-extension:');
  // The connection is cached only as a speed-up.
  let dbPromise: Promise<IDBPDatabase<UprDb>> | null = null;
  const getDb = () =>
    (dbPromise ??= openDb({
      onClosed: () => (dbPromise = null),
      onBlocked: () => console.warn('[UPR Annotator]', BLOCKED_MESSAGE),
    }).catch((error: unknown) => {
      dbPromise = null;
      throw new RequestError('storage', describeStorageError(error));
    }));

  const repo = createRepository(getDb, {
    classify: classifyRecommendation,
    // A dataset row merged into its page capture is no longer a record of its own: the index forgets it.
    onRemoved: (ids) => crossrefCache.removed(ids),
  });
  const crossrefCache = createCrossrefCache(repo, openCache);

  return {
    browser,
    settings,
    repo,
    extensionOrigin,
    crossref: (states) => crossrefCache.forStates(states),
    async changingAll(work) {
      await crossrefCache.changing('all');
      try {
        return await work();
      } finally {
        crossrefCache.invalidate('all');
      }
    },
    async capturing(states, work, { persist = true } = {}) {
      const scope = [...states];
      await crossrefCache.changing(scope);
      let stored: StoredRecommendation[] = [];
      try {
        return (stored = await work());
      } finally {
        crossrefCache.added(stored, scope, { persist });
      }
    },
    announce(change) {
      const message = eventEnvelope('data.changed', change);
      void browser.runtime.sendMessage(message).catch(() => {});
      if (framedPagesHearOnlyTabs) void toWebTabs(browser, message);
    },
    async stored(work) {
      try {
        return await work();
      } catch (error) {
        if (error instanceof NotFoundError) throw new RequestError('not-found', error.message);
        if (error instanceof NoteConflictError) throw new RequestError('conflict', error.message);
        if (error instanceof RequestError) throw error;
        throw new RequestError('storage', describeStorageError(error));
      }
    },
  };
}

/**
 * Sends `message` to every frame of every web page's tab: where the panels are. Our content scripts there hear it too
 * and drop it (it is no tab command).
 */
async function toWebTabs(browser: ExtensionApi, message: unknown): Promise<void> {
  const tabs = await browser.tabs.query({ url: ['http://*/*', 'https://*/*'] }).catch(() => []);
  for (const tab of tabs) if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, message).catch(() => {});
}

/** The tab a content script or an extension page inside a tab speaks from. */
export function tabOf(sender: Sender): { id: number; url: string | undefined } {
  const id = sender.tab?.id;
  if (id === undefined) throw new RequestError('forbidden', 'This request must come from a tab.');
  return { id, url: sender.tab?.url };
}

/** A content script may only speak for, and read about, the page it runs in. */
export function assertOwnPage(sender: Sender, url: string): void {
  const tabUrl = sender.tab?.url;
  if (!tabUrl || pageKey(tabUrl) !== pageKey(url)) throw new RequestError('forbidden', 'That page is not this tab’s page.');
}
