import type { IDBPDatabase } from 'idb';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { showRecommendationCount } from '@/utils/badge';
import { classifyRecommendation } from '@/utils/classify';
import { DatasetError, parseDataset, toStoredRecommendation } from '@/utils/dataset';
import { applyImport, ImportError, parseBackup, parseW3c, previewImport, resolveW3cImport, type BackupData } from '@/utils/export';
import { settingsItem } from '@/utils/settings';
import { detectorRegistration, DETECTOR_SCRIPT_ID, isKnownHost, siteOf } from '@/utils/detector-registration';
import { createCrossrefIndex, type CrossrefIndex } from '@/utils/crossref';
import { BLOCKED_MESSAGE, createRepository, describeStorageError, NotFoundError, openUprDb, pageWordingOf, type RecordSets, type UprDb } from '@/utils/db';
import * as v from 'valibot';
import { commandEnvelope, createRouter, DRAFT_PORT, DraftMessageSchema, eventEnvelope, type DraftMessage, type EarlierRecommendation, type PopupStatus, RequestError, type Handlers, type PanelData, type TabCommands } from '@/utils/messages';
import { pageKey, type Note, type RecSelector, type StoredRecommendation } from '@/utils/model';

export default defineBackground(() => {
  const extensionOrigin = new URL(browser.runtime.getURL('/')).href;

  // "Add as a recommendation" on a selection, in the page's context menu.
  const ADD_SELECTION_MENU = 'upr-add-selection';
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: ADD_SELECTION_MENU, title: browser.i18n.getMessage('menuAddSelection'), contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === ADD_SELECTION_MENU) sendToTab(tab?.id, 'add-selection');
  });
  // The connection is cached only as a speed-up: the worker may be stopped at any moment, and everything that
  // matters is in IndexedDB, so a fresh worker simply opens it again.
  let dbPromise: Promise<IDBPDatabase<UprDb>> | null = null;
  const getDb = () =>
    (dbPromise ??= openUprDb({
      onClosed: () => (dbPromise = null),
      onBlocked: () => console.warn('[UPR Annotator]', BLOCKED_MESSAGE),
    }).catch((error: unknown) => {
      dbPromise = null;
      throw new RequestError('storage', describeStorageError(error));
    }));
  const repo = createRepository(getDb, {
    classify: classifyRecommendation,
    // A dataset row merged into its page capture is no longer a record of its own: the index forgets it.
    onRemoved: (ids) => void crossrefPromise?.then((index) => index.remove(ids)).catch(() => {}),
  });

  // The cross-reference index lives in memory and is rebuilt from IndexedDB when a fresh worker first needs it.
  let crossrefPromise: Promise<CrossrefIndex> | null = null;
  const getCrossref = () =>
    (crossrefPromise ??= repo.allRecommendations().then(
      (records) => createCrossrefIndex(records),
      (error: unknown) => {
        crossrefPromise = null;
        throw error;
      },
    ));
  const EARLIER_LIMIT = 3;
  /** Above this many recommendations an export leaves out the cross-reference counts (seconds of work). */
  const CROSSREF_COUNT_LIMIT = 5_000;
  const earlierOf = (index: CrossrefIndex, rec: StoredRecommendation): EarlierRecommendation[] =>
    index.earlierFor(rec, { limit: EARLIER_LIMIT }).map(({ record, repeat, similarity }) => ({
      id: record.id,
      text: record.text,
      recommendingState: record.recommendingState,
      session: record.session,
      cycle: record.cycle,
      response: record.response,
      pageUrl: record.pageUrl,
      repeat,
      similarity,
    }));

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

  // Storage failures reach the user as sentences; a missing record is "not found", not a storage fault.
  const stored = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof NotFoundError) throw new RequestError('not-found', error.message);
      if (error instanceof RequestError) throw error;
      throw new RequestError('storage', describeStorageError(error));
    }
  };
  // Every open panel or dashboard showing the note updates; nobody may be listening, which is fine.
  const changed = async (write: Promise<Note>): Promise<Note> => {
    const note = await write;
    for (const drafts of openDrafts) if (drafts.get(draftKey(note))?.body === note.body) drafts.delete(draftKey(note));
    browser.runtime.sendMessage(eventEnvelope('note.changed', { note })).catch(() => {});
    return note;
  };

  // Drafts each open panel sent over its port and that no save has confirmed yet: written when the port closes
  // (the tab or panel went away before its debounced save).
  const openDrafts = new Set<Map<string, DraftMessage['draft']>>();
  const draftKey = (t: { recommendationId: string | null } | { pageUrl: string | null }) =>
    'recommendationId' in t && t.recommendationId ? t.recommendationId : `page:${'pageUrl' in t ? t.pageUrl : ''}`;
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== DRAFT_PORT || port.sender?.id !== browser.runtime.id || !port.sender.url?.startsWith(extensionOrigin)) {
      port.disconnect();
      return;
    }
    const drafts = new Map<string, DraftMessage['draft']>();
    openDrafts.add(drafts);
    port.onMessage.addListener((message: unknown) => {
      const parsed = v.safeParse(DraftMessageSchema, message);
      if (parsed.success) drafts.set(draftKey(parsed.output.draft.target), parsed.output.draft);
    });
    port.onDisconnect.addListener(() => {
      openDrafts.delete(drafts);
      for (const { target, body } of drafts.values()) {
        changed(stored(() => repo.saveNote(target, { body }))).catch((error: unknown) => console.warn('[UPR Annotator] a draft could not be saved:', error));
      }
    });
  });

  const injectAnnotator = async (tabId: number, frameId: number, force: boolean) => {
    if (force) {
      // Annotate even what the detector would not call a statement: the user asked for it.
      await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, func: () => void ((globalThis as Record<string, unknown>).__uprForce = true) });
    }
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/content-scripts/annotator.js'] });
  };

  // The detector runs where the settings say; registered again whenever they change (and at every start, which
  // is cheap and mends a registration lost to a browser that keeps none across sessions).
  const registerDetector = async () => {
    const settings = await settingsItem.getValue();
    const registration = detectorRegistration(settings);
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: [DETECTOR_SCRIPT_ID] });
    if (existing.length > 0) await browser.scripting.updateContentScripts([registration]);
    else await browser.scripting.registerContentScripts([registration]);
  };
  const detectorReady = registerDetector().catch((error: unknown) => console.error('[UPR Annotator] the detector could not be registered:', error));
  settingsItem.watch(() => void registerDetector().catch((error: unknown) => console.error('[UPR Annotator]', error)));
  browser.runtime.onStartup.addListener(() => void detectorReady);

  // A backup is ours; anything else JSON is read as W3C annotations. Their readers give the user's words for errors.
  const readImport = (text: string, current: BackupData): { kind: 'backup' | 'w3c'; incoming: BackupData } => {
    try {
      if (/"format"\s*:\s*"upr-annotator-backup"/.test(text.slice(0, 2_000))) return { kind: 'backup', incoming: parseBackup(text) };
      return { kind: 'w3c', incoming: resolveW3cImport(current, parseW3c(text)) };
    } catch (error) {
      if (error instanceof ImportError) throw new RequestError('invalid', error.message);
      throw error;
    }
  };

  const handlers: Handlers = {
    async 'page.annotate'(_payload, sender) {
      await injectAnnotator(tabOf(sender).id, sender.frameId ?? 0, false);
      return { injected: true };
    },
    async 'page.correct'({ url, add, reject }, sender) {
      assertOwnPage(sender, url);
      await stored(() => repo.correctPage(url, { add, reject }));
      crossrefPromise = null;
      return null;
    },
    async 'rec.reject'({ recommendationId }, sender) {
      const tab = tabOf(sender);
      const rec = await stored(() => repo.getRecommendation(recommendationId));
      if (!rec?.pageUrl) throw new RequestError('not-found', 'That recommendation is not stored.');
      await stored(() => repo.correctPage(rec.pageUrl!, { reject: [rec.text] }));
      sendToTab(tab.id, 'refresh');
      return null;
    },
    async 'page.correctMeta'({ meta }, sender) {
      const tab = tabOf(sender);
      if (!tab.url) throw new RequestError('not-found', 'This tab shows no page.');
      await stored(() => repo.correctPage(tab.url!, { meta }));
      crossrefPromise = null;
      sendToTab(tab.id, 'refresh');
      return null;
    },
    async 'popup.annotate'({ tabId }) {
      await injectAnnotator(tabId, 0, true).catch((error: unknown) => {
        throw new RequestError('forbidden', `UPR Annotator cannot work on this page (${error instanceof Error ? error.message : String(error)}).`);
      });
      return { injected: true };
    },
    async 'popup.toggle'({ tabId }) {
      await browser.tabs.sendMessage(tabId, commandEnvelope('toggle-highlights', {}), { frameId: 0 }).catch(() => {
        throw new RequestError('not-found', 'There are no highlights on this page.');
      });
      return null;
    },
    async 'popup.status'({ tabId }) {
      const [tab, settings] = await Promise.all([browser.tabs.get(tabId), settingsItem.getValue()]);
      const site = siteOf(tab.url);
      const base = {
        site,
        knownHostsOnly: settings.knownHostsOnly,
        knownHost: isKnownHost(tab.url),
        disabledHere: site !== null && settings.disabledHosts.includes(site),
      };
      if (!site || !tab.url) return { ...base, annotated: false, page: null, recommendations: 0, notes: 0, detection: null };
      // What the content scripts know lives in their isolated world; reading it there writes nothing to the page.
      const [probe] = await browser.scripting
        .executeScript({
          target: { tabId, frameIds: [0] },
          func: () => {
            const scope = globalThis as unknown as { __uprAnnotatorRunning?: boolean; __uprDetection?: unknown };
            return { annotated: Boolean(scope.__uprAnnotatorRunning), detection: scope.__uprDetection ?? null };
          },
        })
        .catch(() => [undefined]);
      const seen = (probe?.result ?? { annotated: false, detection: null }) as { annotated: boolean; detection: PopupStatus['detection'] };
      const { page, recommendations, notes } = await stored(() => repo.loadPage(tab.url!));
      return { ...base, annotated: seen.annotated, detection: seen.detection, page, recommendations: recommendations.length, notes: notes.length };
    },
    async 'page.stored'({ url }, sender) {
      assertOwnPage(sender, url);
      const { page, recommendations, orphans } = await stored(() => repo.loadPage(url));
      const placed = [...recommendations, ...orphans].filter((r): r is StoredRecommendation & { selector: RecSelector } => r.selector !== null);
      return {
        // The page's own words: a record joined with a dataset row holds the official text, which the page may not.
        recommendations: placed.map((r) => ({ id: r.id, n: r.n, text: pageWordingOf(r), selector: r.selector, source: r.source })),
        rejected: page?.corrections?.rejected ?? [],
      };
    },
    async 'page.capture'(capture, sender) {
      assertOwnPage(sender, capture.url);
      const captured = await stored(() => repo.capturePage(capture));
      if (crossrefPromise) (await getCrossref()).add(captured);
      if ((sender.frameId ?? 0) === 0) showCount(tabOf(sender).id, captured.length);
      return { recommendations: captured.map((r) => ({ n: r.n, id: r.id })) };
    },
    async 'panel.load'(_payload, sender): Promise<PanelData> {
      const tab = tabOf(sender);
      if (!tab.url) return { tabId: tab.id, page: null, recommendations: [], orphans: [], pageNote: null, tags: [], earlierSummary: null };
      const [{ page, recommendations, orphans, notes, pageNote }, tags, index] = await stored(() =>
        Promise.all([repo.loadPage(tab.url!), repo.listTags(), getCrossref()]),
      );
      const noteOf = new Map(notes.map((n) => [n.recommendationId, n]));
      const withNote = (r: StoredRecommendation) => ({ ...r, note: noteOf.get(r.id) ?? null, earlier: earlierOf(index, r) });
      const summary = page ? index.summaryFor(page) : null;
      return {
        tabId: tab.id,
        page,
        recommendations: recommendations.map(withNote),
        orphans: orphans.map(withNote),
        pageNote,
        tags,
        earlierSummary: summary && { total: summary.total, supported: summary.supported, noted: summary.noted, unknown: summary.unknown },
      };
    },
    'note.save': ({ target, patch }) => changed(stored(() => repo.saveNote(target, patch))),
    'note.delete': ({ id }) => changed(stored(() => repo.deleteNote(id))),
    'note.restore': ({ id }) => changed(stored(() => repo.restoreNote(id))),
    'tags.list': () => stored(() => repo.listTags()),
    async 'data.export'({ pageUrl }) {
      // A statement's export carries that statement only; the user's settings go with a whole backup.
      const [records, settings] = await Promise.all([stored(() => repo.exportRecords(pageUrl)), pageUrl ? undefined : settingsItem.getValue()]);
      if (records.recommendations.length > CROSSREF_COUNT_LIMIT) return { ...records, settings };
      const index = await getCrossref();
      const crossrefCounts = Object.fromEntries(records.recommendations.map((r) => [r.id, index.earlierFor(r, { limit: 100 }).length]));
      return { ...records, settings, crossrefCounts };
    },
    async 'data.import'({ text, apply, settings: chosenSettings = [] }) {
      const [records, settings] = await Promise.all([stored(() => repo.exportRecords()), settingsItem.getValue()]);
      const current = { ...records, settings };
      const { kind, incoming } = readImport(text, current);
      const preview = previewImport(current, incoming);
      const count = (sets: RecordSets) => ({ pages: sets.pages.length, recommendations: sets.recommendations.length, notes: sets.notes.length });
      if (apply) {
        await stored(() => repo.importRecords(preview.writes));
        if (kind === 'backup' && chosenSettings.length > 0) await settingsItem.setValue(applyImport(current, incoming, chosenSettings).settings!);
        crossrefPromise = null; // rebuilt with the imported recommendations on next use
      }
      return { kind, added: count(preview.added), updated: count(preview.updated), unchanged: preview.unchanged, conflicts: preview.conflicts.length, settingChanges: preview.settingChanges, applied: apply };
    },
    async 'dataset.import'({ text, fileName }) {
      let lastReported = -1;
      const parsed = await parseDataset(text, {
        fileName,
        onProgress: ({ fraction }) => {
          const done = Math.floor(fraction * 100);
          if (done === lastReported) return;
          lastReported = done;
          browser.runtime.sendMessage(eventEnvelope('import.progress', { done, total: 100 })).catch(() => {});
        },
      }).catch((error: unknown) => {
        if (error instanceof DatasetError) throw new RequestError('invalid', error.message);
        throw error;
      });
      const now = Date.now();
      const records = await Promise.all(parsed.rows.map((row) => toStoredRecommendation(row, now)));
      const { added, updated } = await stored(() => repo.importRecommendations(records, now));
      crossrefPromise = null; // rebuilt with the dataset on next use
      return { added, updated, skipped: parsed.skipped, skippedCount: parsed.skippedCount };
    },
    async 'data.deleteAll'() {
      await stored(() => repo.deleteAll());
      crossrefPromise = null;
      return null;
    },
  };

  // The toolbar button counts the recommendations of the statement in its tab (MV3 `action`, Firefox MV2 `browserAction`).
  const toolbarButton = browser.action ?? browser.browserAction;
  const showCount = (tabId: number, count: number) =>
    void showRecommendationCount(toolbarButton, tabId, count, (n) => browser.i18n.getMessage('badgeTitle', [String(n)]), browser.i18n.getMessage('actionTitle')).catch(
      () => {}, // the tab closed meanwhile
    );

  // Toolbar button and keyboard shortcuts act on the annotator in the active tab; a tab without one (not a
  // statement page) has no listener, and that is not an error.
  const sendToTab = (tabId: number | undefined, command: keyof TabCommands, payload: object = {}) => {
    if (tabId === undefined) return;
    browser.tabs.sendMessage(tabId, commandEnvelope(command, payload), { frameId: 0 }).catch(() => {});
  };
  browser.commands.onCommand.addListener(async (name, tab) => {
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (name === 'next-recommendation') sendToTab(tabId, 'step', { direction: 1 });
    else if (name === 'previous-recommendation') sendToTab(tabId, 'step', { direction: -1 });
    else if (name === 'focus-panel' || name === 'toggle-highlights') sendToTab(tabId, name);
  });

  browser.runtime.onMessage.addListener(createRouter(handlers, { extensionId: browser.runtime.id, extensionOrigin }) as never);
});
