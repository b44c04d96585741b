// What the panel needs from the extension, as one small interface: the real one speaks utils/messages through
// runtime messaging; tests hand the components a fake.
import type { browser as Browser } from 'wxt/browser';
import type { NotePatch, NoteTarget } from '@/utils/db';
import type { PageCorrections } from '@/utils/model';
import { DRAFT_PORT, draftKey, PROTOCOL_VERSION, readEvent, sendRequest, type DataChange, type Draft, type DraftMessage, type EventSender, type ExportedData, type Note, type PanelData, type Result } from '@/utils/messages';

export interface PanelEventHandlers {
  selected(n: number): void;
  noteChanged(note: Note): void;
  /** The page in this tab was read again. */
  pageUpdated(): void;
  /** A write changed a page's records (`pageUrl`, as pageKey gives it) or everything (an import, delete-all). */
  dataChanged(change: Exclude<DataChange, { scope: 'note' }>): void;
}

export interface PanelClient {
  load(): Promise<Result<PanelData>>;
  /** Whether the annotator in this tab mounted the frame whose address carries `token` (see utils/frame-guard). */
  isMountedBy(token: string): Promise<Result<boolean>>;
  /** Whether the page shows this panel's frame as styled (asked of the annotator, which sees the page). */
  isShownOnPage(): Promise<Result<boolean>>;
  focus(n: number): Promise<Result<null>>;
  saveNote(target: NoteTarget, patch: NotePatch): Promise<Result<Note>>;
  deleteNote(id: string): Promise<Result<Note>>;
  restoreNote(id: string): Promise<Result<Note>>;
  /** Corrections: add the page's selection, merge n with the next, split n at the selection. */
  command(command: { command: 'add-selection' } | { command: 'merge' | 'split'; n: number }): Promise<Result<null>>;
  rejectRecommendation(recommendationId: string): Promise<Result<null>>;
  /** Accept a passage the page offered (by its words) as a recommendation. */
  acceptCandidate(text: string): Promise<Result<null>>;
  correctMeta(meta: PageCorrections['meta']): Promise<Result<null>>;
  /** This page's records, for "export this page". */
  exportPage(pageUrl: string): Promise<Result<ExportedData>>;
  /** The text as typed, sent at once so that it outlives a tab closed before the debounced save. */
  draft(target: NoteTarget, body: string, base?: string, editor?: string): void;
  /** Events for this panel: a highlight clicked in its own tab, a write anywhere. Returns an unsubscribe. */
  subscribe(tabId: number | null, handlers: PanelEventHandlers): () => void;
}

type Runtime = typeof Browser.runtime;
/** The extension's storage areas; drafts go to `session` where the browser has it. */
type ExtensionStorage = Partial<Pick<typeof Browser.storage, 'session'>>;

export function createPanelClient(runtime: Runtime, storage?: ExtensionStorage): PanelClient {
  const send = (message: unknown) => runtime.sendMessage(message);
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
    isMountedBy: (token) => sendRequest(send, 'panel.mount', { token }),
    isShownOnPage: () => sendRequest(send, 'panel.shown', {}),
    focus: (n) => sendRequest(send, 'panel.focus', { n }),
    saveNote: (target, patch) => sendRequest(send, 'note.save', { target, patch }),
    deleteNote: (id) => sendRequest(send, 'note.delete', { id }),
    restoreNote: (id) => sendRequest(send, 'note.restore', { id }),
    exportPage: (pageUrl) => sendRequest(send, 'data.export', { pageUrl }),
    command: (command) => sendRequest(send, 'panel.command', command),
    rejectRecommendation: (recommendationId) => sendRequest(send, 'rec.reject', { recommendationId }),
    acceptCandidate: (text) => sendRequest(send, 'page.acceptCandidate', { text }),
    correctMeta: (meta) => sendRequest(send, 'page.correctMeta', { meta }),
    subscribe(tabId, handlers) {
      // Each event from whom it may come and in its shape (utils/messages/events): a content script in another tab
      // cannot put its text in this panel.
      const receiver = { extensionId: runtime.id, extensionOrigin: new URL(runtime.getURL('/')).href, tabId };
      const listener = (message: unknown, sender: EventSender) => {
        const selected = readEvent(message, 'page.selected', sender, receiver);
        if (selected) handlers.selected(selected.n);
        else if (readEvent(message, 'page.updated', sender, receiver)) handlers.pageUpdated();
        else {
          const changed = readEvent(message, 'data.changed', sender, receiver);
          if (changed?.scope === 'note') handlers.noteChanged(changed.note);
          else if (changed) handlers.dataChanged(changed);
        }
        return undefined;
      };
      runtime.onMessage.addListener(listener);
      return () => runtime.onMessage.removeListener(listener);
    },
  };
}
