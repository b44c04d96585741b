// The background application: the single owner of storage, as services created with their dependencies handed
// in (the extension API, the settings store, the database opener), so each handler can be unit-tested over
// fake-indexeddb. context.ts shares the database, the cross-reference index and the change announcements;
// pages.ts, notes.ts (with the drafts port), data.ts, popup.ts and tabs.ts each own their requests.
// entrypoints/background only wires `listen()` to the browser.
import { createRouter, type Handlers } from '@/utils/messages';
import { detectorRegistration, DETECTOR_SCRIPT_ID } from '@/utils/detector-registration';
import { createContext, type BackgroundDeps } from './context';
import { createDataHandlers } from './data';
import { createNotesService, type NotesService } from './notes';
import { createPageHandlers } from './pages';
import { createPopupHandlers } from './popup';
import { createTabsService } from './tabs';

export type { BackgroundDeps, ExtensionApi, SettingsStore } from './context';
export { ADD_SELECTION_MENU } from './tabs';

export interface BackgroundApp {
  /** Every request's handler, by request type. */
  handlers: Handlers;
  /** The runtime.onMessage listener: the validated, sender-checked router over `handlers`. */
  router: ReturnType<typeof createRouter>;
  /** The runtime.onConnect listener: the drafts port each open panel streams its typing over. */
  onConnect: NotesService['onConnect'];
  /** Writes the drafts that no save confirmed (those left in session storage, and `extra`). */
  flushDrafts: NotesService['flushDrafts'];
  /** Registers the detector where the settings say (again whenever they change). */
  registerDetector(): Promise<void>;
  /** Adds every listener to the browser. */
  listen(): void;
}

function afterDrafts(ready: Promise<unknown>, handlers: Handlers): Handlers {
  const waiting = Object.entries(handlers).map(([type, handle]) => [type, async (payload: never, sender: never) => (await ready, (handle as (p: never, s: never) => unknown)(payload, sender))]);
  return Object.fromEntries(waiting) as Handlers;
}

export function createBackground(deps: BackgroundDeps): BackgroundApp {
  const ctx = createContext(deps);
  const { browser } = deps;
  const tabs = createTabsService(browser);
  const notes = createNotesService(ctx);
  // Drafts a stopped worker left behind (a tab closed while it slept) are written before any request is answered,
  // so the panel that opens next shows them.
  const draftsWritten = notes.flushDrafts().catch((error: unknown) => console.warn('[UPR Annotator]', error));
  const handlers = afterDrafts(draftsWritten, {
    ...createPageHandlers(ctx, tabs),
    ...notes.handlers,
    ...createDataHandlers(ctx, tabs, notes),
    ...createPopupHandlers(ctx, tabs),
  });
  const router = createRouter(handlers, { extensionId: browser.runtime.id, extensionOrigin: ctx.extensionOrigin });

  // The detector runs where the settings say; registered at every start too, which is cheap and mends a
  // registration lost to a browser that keeps none across sessions.
  const registerDetector = async () => {
    const registration = detectorRegistration(await deps.settings.getValue());
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: [DETECTOR_SCRIPT_ID] });
    if (existing.length > 0) await browser.scripting.updateContentScripts([registration]);
    else await browser.scripting.registerContentScripts([registration]);
  };

  return {
    handlers,
    router,
    onConnect: notes.onConnect,
    flushDrafts: notes.flushDrafts,
    registerDetector,
    listen() {
      browser.runtime.onInstalled.addListener(() => tabs.onInstalled());
      browser.contextMenus.onClicked.addListener((info, tab) => tabs.onMenuClicked(info, tab));
      browser.commands.onCommand.addListener((name, tab) => void tabs.onCommand(name, tab));
      browser.runtime.onConnect.addListener((port) => notes.onConnect(port));
      browser.runtime.onMessage.addListener(router as never);
    },
  };
}
