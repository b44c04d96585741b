// What the panel needs from the extension, as one small interface: the real one speaks utils/messages through
// runtime messaging; tests hand the components a fake.
import type { browser as Browser } from 'wxt/browser';
import { PROTOCOL_VERSION, sendRequest, type Events, type Note, type PanelData, type Result } from '@/utils/messages';

export interface PanelClient {
  load(): Promise<Result<PanelData>>;
  focus(n: number): Promise<Result<null>>;
  saveNote(recommendationId: string, body: string): Promise<Result<Note>>;
  /** Events for this panel: a highlight clicked in its own tab, a note changed anywhere. Returns an unsubscribe. */
  subscribe(tabId: number | null, handlers: PanelEventHandlers): () => void;
}

type Runtime = typeof Browser.runtime;

export interface PanelEventHandlers {
  selected(n: number): void;
  noteChanged(note: Note): void;
  /** The page in this tab was read again. */
  pageUpdated(): void;
}

function isEvent<E extends keyof Events>(message: unknown, event: E): message is { payload: Events[E] } {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m.upr === PROTOCOL_VERSION && m.event === event && typeof m.payload === 'object' && m.payload !== null;
}

export function createPanelClient(runtime: Runtime): PanelClient {
  const send = (message: unknown) => runtime.sendMessage(message);
  return {
    load: () => sendRequest(send, 'panel.load', {}),
    focus: (n) => sendRequest(send, 'panel.focus', { n }),
    saveNote: (recommendationId, body) => sendRequest(send, 'note.save', { recommendationId, body }),
    subscribe(tabId, handlers) {
      const listener = (message: unknown, sender: { id?: string; tab?: { id?: number } }) => {
        if (sender.id !== runtime.id) return undefined;
        if (isEvent(message, 'page.selected') && sender.tab?.id === tabId && typeof message.payload.n === 'number') {
          handlers.selected(message.payload.n);
        } else if (isEvent(message, 'page.updated') && sender.tab?.id === tabId) {
          handlers.pageUpdated();
        } else if (isEvent(message, 'note.changed')) {
          handlers.noteChanged(message.payload.note);
        }
        return undefined;
      };
      runtime.onMessage.addListener(listener);
      return () => runtime.onMessage.removeListener(listener);
    },
  };
}
