import type { IDBPDatabase } from 'idb';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createRepository, openUprDb, type UprDb } from '@/utils/db';
import { commandEnvelope, createRouter, eventEnvelope, RequestError, type Handlers, type PanelData, type TabCommands } from '@/utils/messages';
import { pageKey, type StoredRecommendation } from '@/utils/model';

export default defineBackground(() => {
  // The connection is cached only as a speed-up: the worker may be stopped at any moment, and everything that
  // matters is in IndexedDB, so a fresh worker simply opens it again.
  let dbPromise: Promise<IDBPDatabase<UprDb>> | null = null;
  const getDb = () =>
    (dbPromise ??= openUprDb({ onClosed: () => (dbPromise = null) }).catch((error: unknown) => {
      dbPromise = null;
      throw new RequestError('storage', `Your notes could not be opened: ${error instanceof Error ? error.message : String(error)}`);
    }));
  const repo = createRepository(getDb);

  const tabOf = (sender: { tab?: { id?: number; url?: string } }) => {
    const id = sender.tab?.id;
    if (id === undefined) throw new RequestError('forbidden', 'This request must come from a tab.');
    return { id, url: sender.tab?.url };
  };

  // A content script may only speak for, and read about, the page it runs in.
  const assertOwnPage = (sender: { tab?: { url?: string } }, url: string) => {
    const tabUrl = sender.tab?.url;
    if (!tabUrl || pageKey(tabUrl) !== pageKey(url)) throw new RequestError('forbidden', 'That page is not this tab’s page.');
  };

  const handlers: Handlers = {
    async 'page.annotate'(_payload, sender) {
      const tab = tabOf(sender);
      await browser.scripting.executeScript({
        target: { tabId: tab.id, frameIds: [sender.frameId ?? 0] },
        files: ['/content-scripts/annotator.js'],
      });
      return { injected: true };
    },
    async 'page.stored'({ url }, sender) {
      assertOwnPage(sender, url);
      const { recommendations, orphans } = await repo.loadPage(url);
      return { recommendations: [...recommendations, ...orphans].map(({ id, n, text, selector, source }) => ({ id, n, text, selector, source })) };
    },
    async 'page.capture'(capture, sender) {
      assertOwnPage(sender, capture.url);
      const stored = await repo.capturePage(capture);
      return { recommendations: stored.map((r) => ({ n: r.n, id: r.id })) };
    },
    async 'panel.load'(_payload, sender): Promise<PanelData> {
      const tab = tabOf(sender);
      if (!tab.url) return { tabId: tab.id, page: null, recommendations: [], orphans: [] };
      const { page, recommendations, orphans, notes } = await repo.loadPage(tab.url);
      const noteOf = new Map(notes.map((n) => [n.recommendationId, n]));
      const withNote = (r: StoredRecommendation) => ({ ...r, note: noteOf.get(r.id) ?? null });
      return { tabId: tab.id, page, recommendations: recommendations.map(withNote), orphans: orphans.map(withNote) };
    },
    async 'panel.focus'({ n }, sender) {
      const tab = tabOf(sender);
      await browser.tabs.sendMessage(tab.id, commandEnvelope('focus', { n }), { frameId: 0 });
      return null;
    },
    async 'note.save'({ recommendationId, body }) {
      const note = await repo.saveNote(recommendationId, body).catch((error: unknown) => {
        throw new RequestError('storage', `Your note could not be saved: ${error instanceof Error ? error.message : String(error)}`);
      });
      // Every open panel or dashboard showing this recommendation updates; nobody may be listening, which is fine.
      browser.runtime.sendMessage(eventEnvelope('note.changed', { note })).catch(() => {});
      return note;
    },
  };

  // Toolbar button and keyboard shortcuts act on the annotator in the active tab; a tab without one (not a
  // statement page) has no listener, and that is not an error.
  const sendToTab = (tabId: number | undefined, command: keyof TabCommands, payload: object = {}) => {
    if (tabId === undefined) return;
    browser.tabs.sendMessage(tabId, commandEnvelope(command, payload), { frameId: 0 }).catch(() => {});
  };
  (browser.action ?? browser.browserAction).onClicked.addListener((tab) => sendToTab(tab.id, 'toggle-highlights'));
  browser.commands.onCommand.addListener(async (name, tab) => {
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (name === 'next-recommendation') sendToTab(tabId, 'step', { direction: 1 });
    else if (name === 'previous-recommendation') sendToTab(tabId, 'step', { direction: -1 });
    else if (name === 'focus-panel' || name === 'toggle-highlights') sendToTab(tabId, name);
  });

  const extensionOrigin = new URL(browser.runtime.getURL('/')).href;
  browser.runtime.onMessage.addListener(createRouter(handlers, { extensionId: browser.runtime.id, extensionOrigin }) as never);
});
