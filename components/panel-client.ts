// What the panel needs from the extension, as one small interface: the real one speaks utils/messages, to the
// background through runtime messaging and to the page in its tab over their own port (page-port.ts); tests hand
// the components a fake.
import type { browser as Browser } from 'wxt/browser';
import type { NotePatch, NoteTarget } from '@/utils/db';
import { pagePortOf } from '@/utils/frame-guard';
import type { PageCorrections } from '@/utils/model';
import {
  createPortRpc,
  fromMessagePort,
  DRAFT_PORT,
  draftKey,
  PAGE_TO_PANEL,
  PANEL_TO_PAGE,
  PROTOCOL_VERSION,
  readEvent,
  sendRequest,
  type CorrectionDone,
  type DataChange,
  type Draft,
  type DraftMessage,
  type EventSender,
  type ExportedData,
  type Note,
  type PageReading,
  type PanelData,
  type PanelToPage,
  type PortRpc,
  type Result,
} from '@/utils/messages';

export interface PanelEventHandlers {
  selected(n: number): void;
  noteChanged(note: Note): void;
  /** The page in this tab was read again. */
  pageUpdated(): void;
  /** The page in this tab started (true) or ended (false) storing its reading. */
  pageStoring?(storing: boolean): void;
  /** A long statement's reading, to list while it is stored (told before `pageStoring(false)`). */
  pageReading?(reading: PageReading): void;
  /** The user added a recommendation from the page's context menu: the correction made (to offer its undo), or why not. */
  pageAdded?(done: CorrectionDone | { refused: string }): void;
  /** A write changed a page's records (`pageUrl`, as pageKey gives it) or everything (an import, delete-all). */
  dataChanged(change: Exclude<DataChange, { scope: 'note' }>): void;
}

export interface PanelClient {
  load(): Promise<Result<PanelData>>;
  /**
   * Whether the annotator in this tab mounted the frame whose address carries `token` (see utils/frame-guard): asked
   * over the port the annotator handed this panel with the token.
   */
  isMountedBy(token: string): Promise<Result<boolean>>;
  /** Whether the page shows this panel's frame as styled (asked of the annotator, which sees the page). */
  isShownOnPage(): Promise<Result<boolean>>;
  focus(n: number): Promise<Result<null>>;
  /** Tells the page which recommendations (by n) carry a note, for it to mark their highlights. */
  markNoted(ns: number[]): Promise<Result<null>>;
  saveNote(target: NoteTarget, patch: NotePatch): Promise<Result<Note>>;
  deleteNote(id: string): Promise<Result<Note>>;
  restoreNote(id: string): Promise<Result<Note>>;
  /**
   * Corrections: add the page's selection, merge n with the next, split n at the selection. Each answers the step
   * it stored, for "Undo" (null: there was nothing to do).
   */
  command(command: { command: 'add-selection' } | { command: 'merge' | 'split'; n: number }): Promise<Result<CorrectionDone | null>>;
  rejectRecommendation(recommendationId: string): Promise<Result<CorrectionDone>>;
  /** Accept a passage the page offered (by its words) as a recommendation. */
  acceptCandidate(text: string): Promise<Result<CorrectionDone>>;
  correctMeta(meta: PageCorrections['meta']): Promise<Result<CorrectionDone>>;
  /** Takes a correction back: a step of the page's, or an item dismissed before steps were kept. */
  revert(which: { step: string } | { recommendationId: string }): Promise<Result<null>>;
  /** "Store this page now": a page its site's budget held back is stored (it reads itself again). */
  storeNow(): Promise<Result<null>>;
  /** This page's records, for "export this page". */
  exportPage(pageUrl: string): Promise<Result<ExportedData>>;
  /** The text as typed, sent at once so that it outlives a tab closed before the debounced save. */
  draft(target: NoteTarget, body: string, base?: string, editor?: string): void;
  /** Events for this panel: a highlight clicked in its page (over the port), a write anywhere. Returns an unsubscribe. */
  subscribe(handlers: PanelEventHandlers): () => void;
}

type Runtime = typeof Browser.runtime;
/** The extension's storage areas; drafts go to `session` where the browser has it. */
type ExtensionStorage = Partial<Pick<typeof Browser.storage, 'session'>>;
const NO_PAGE: Result<never> = { ok: false, error: { code: 'not-found', message: 'This panel is not connected to its page.' } };
/** How long the panel waits for its page's port after it loaded (the annotator hands it over on the frame's load). */
const PAGE_PORT_WAIT_MS = 5_000;

/**
 * `frame`: the panel's window and the token in its address (see utils/frame-guard), when this client is a panel's;
 * the annotator that mounted it hands it a port with that token. Left out where there is no page (the dashboard).
 * `storage`: where drafts outlive a stopped worker (session storage).
 */
export function createPanelClient(runtime: Runtime, frame: { win: Window; token: string | null } | null = null, storage?: ExtensionStorage): PanelClient {
  const send = (message: unknown) => runtime.sendMessage(message);
  const listeners = new Set<PanelEventHandlers>();
  // A highlight selected before the panel listened (the port is connected by the mount check, before the panel
  // renders): handed to the first to subscribe. (A page read again meanwhile needs nothing: the panel's first load
  // comes after it subscribes.)
  let missedSelection: number | null = null;
  // Whether the page is storing, and what it reads meanwhile, as it last said: a panel subscribing learns it at once.
  let storing = false;
  let reading: PageReading | null = null;
  // The port to the annotator in this tab's page, taken by the mount check.
  let page: PortRpc<PanelToPage> | null = null;
  // Listening from the start: the offer comes when the frame has loaded, which may be before anyone asks.
  const offered = new Promise<MessagePort | null>((resolve) => {
    if (!frame) return resolve(null);
    const onMessage = (event: MessageEvent) => {
      const port = pagePortOf(event, frame.token, frame.win.parent);
      if (!port) return;
      frame.win.removeEventListener('message', onMessage);
      resolve(port);
    };
    frame.win.addEventListener('message', onMessage);
    setTimeout(() => resolve(null), PAGE_PORT_WAIT_MS);
  });
  const connectPage = async (): Promise<PortRpc<PanelToPage> | null> => {
    const port = await offered;
    if (!port) return null;
    return createPortRpc(fromMessagePort(port), {
      sends: PANEL_TO_PAGE,
      accepts: PAGE_TO_PANEL,
      handlers: {
        selected: ({ n }) => {
          if (listeners.size === 0) missedSelection = n;
          listeners.forEach((l) => l.selected(n));
          return null;
        },
        updated: () => (listeners.forEach((l) => l.pageUpdated()), null),
        storing: (payload) => {
          storing = payload.storing;
          // A reading comes after the notice that its storing starts; any earlier one is over.
          reading = null;
          listeners.forEach((l) => l.pageStoring?.(storing));
          return null;
        },
        reading: (payload) => {
          reading = payload;
          listeners.forEach((l) => l.pageReading?.(payload));
          return null;
        },
        added: (done) => (listeners.forEach((l) => l.pageAdded?.(done)), null),
      },
    });
  };
  let port: ReturnType<Runtime['connect']> | null = null;
  const draftPort = () => {
    if (port) return port;
    const opened = runtime.connect({ name: DRAFT_PORT });
    // The worker was stopped or the extension reloaded: the next keystroke opens a new port.
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = null;
    });
    return (port = opened);
  };
  return {
    draft(target, body, base, editor) {
      const draft: Draft = { target, body, at: Date.now(), ...(base === undefined ? {} : { base }), ...(editor === undefined ? {} : { editor }) };
      // Session storage outlives a stopped worker and a closed tab; the port tells a running worker at once.
      void storage?.session?.set({ [draftKey(target)]: draft }).catch(() => {});
      const message: DraftMessage = { upr: PROTOCOL_VERSION, draft };
      try {
        draftPort().postMessage(message);
      } catch {
        port = null; // the debounced save still carries the text
      }
    },
    load: () => sendRequest(send, 'panel.load', {}),
    async isMountedBy(token) {
      if (token !== frame?.token) return NO_PAGE;
      page ??= await connectPage();
      return page ? page.call('mounted', {}) : NO_PAGE;
    },
    isShownOnPage: () => page?.call('shown', {}) ?? Promise.resolve(NO_PAGE),
    focus: (n) => page?.call('focus', { n }) ?? Promise.resolve(NO_PAGE),
    markNoted: (ns) => page?.call('noted', { ns }) ?? Promise.resolve(NO_PAGE),
    saveNote: (target, patch) => sendRequest(send, 'note.save', { target, patch }),
    deleteNote: (id) => sendRequest(send, 'note.delete', { id }),
    restoreNote: (id) => sendRequest(send, 'note.restore', { id }),
    exportPage: (pageUrl) => sendRequest(send, 'data.export', { pageUrl }),
    async command(command) {
      const result = await (page?.call('correct', command) ?? NO_PAGE);
      return result.ok ? { ok: true, value: result.value === null ? null : { step: result.value } } : result;
    },
    rejectRecommendation: (recommendationId) => sendRequest(send, 'rec.reject', { recommendationId }),
    acceptCandidate: (text) => sendRequest(send, 'page.acceptCandidate', { text }),
    correctMeta: (meta) => sendRequest(send, 'page.correctMeta', { meta }),
    revert: (which) => sendRequest(send, 'page.revert', which),
    storeNow: () => sendRequest(send, 'page.storeNow', {}),
    subscribe(handlers) {
      // The background's events, each from the background only and in its shape (utils/messages/events): a content
      // script in another tab cannot put its text in this panel. The page's come over the port.
      const receiver = { extensionId: runtime.id, extensionOrigin: new URL(runtime.getURL('/')).href };
      const listener = (message: unknown, sender: EventSender) => {
        const changed = readEvent(message, 'data.changed', sender, receiver);
        if (changed?.scope === 'note') handlers.noteChanged(changed.note);
        else if (changed) handlers.dataChanged(changed);
        return undefined;
      };
      listeners.add(handlers);
      runtime.onMessage.addListener(listener);
      if (storing) handlers.pageStoring?.(true);
      if (storing && reading) handlers.pageReading?.(reading);
      if (missedSelection !== null) handlers.selected(missedSelection);
      missedSelection = null;
      return () => {
        listeners.delete(handlers);
        runtime.onMessage.removeListener(listener);
      };
    },
  };
}
