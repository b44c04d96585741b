import type { IDBPDatabase } from 'idb';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createRepository, openUprDb, type UprDb } from '@/utils/db';
import { commandEnvelope, createRouter, eventEnvelope, RequestError, type Handlers, type PanelData, type TabCommands } from '@/utils/messages';
import { pageKey } from '@/utils/model';

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

  const handlers: Handlers = {
    async 'page.annotate'(_payload, sender) {
      const tab = tabOf(sender);
      await browser.scripting.executeScript({
        target: { tabId: tab.id, frameIds: [sender.frameId ?? 0] },
        files: ['/content-scripts/annotator.js'],
      });
      return { injected: true };
    },
    async 'page.capture'(capture, sender) {
      const tab = tabOf(sender);
      // A content script may only speak for the page it runs in.
      if (tab.url && pageKey(tab.url) !== pageKey(capture.url)) throw new RequestError('forbidden', 'The capture is not of this tab’s page.');
      const stored = await repo.capturePage(capture);
      return { recommendations: stored.map((r) => ({ n: r.n, id: r.id })) };
    },
    async 'panel.load'(_payload, sender): Promise<PanelData> {
      const tab = tabOf(sender);
      if (!tab.url) return { tabId: tab.id, page: null, recommendations: [] };
      const { page, recommendations, notes } = await repo.loadPage(tab.url);
      const noteOf = new Map(notes.map((n) => [n.recommendationId, n]));
      return { tabId: tab.id, page, recommendations: recommendations.map((r) => ({ ...r, note: noteOf.get(r.id) ?? null })) };
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
