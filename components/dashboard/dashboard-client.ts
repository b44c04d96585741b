// What the dashboard needs from the extension, as one small interface (tests hand the components a fake): the
// stored records, import and delete-all through utils/messages, the panel's note requests, note changes made
// elsewhere, and how much the browser stores for the extension.
import type { browser as Browser } from 'wxt/browser';
import { sendRequest, type ExportedData, type ImportSummary, type Note, type Result } from '@/utils/messages';
import { createPanelClient, type PanelClient } from '../panel-client';

export interface StorageUse {
  usage: number;
  quota: number;
}

export interface DashboardClient extends Pick<PanelClient, 'saveNote' | 'deleteNote' | 'restoreNote' | 'draft'> {
  load(): Promise<Result<ExportedData>>;
  /** A backup or W3C file's text: previewed (apply false) or applied in one transaction. */
  importFile(text: string, apply: boolean): Promise<Result<ImportSummary>>;
  deleteAll(): Promise<Result<null>>;
  /** A note changed anywhere (a panel, another dashboard, an undo). Returns an unsubscribe. */
  subscribe(noteChanged: (note: Note) => void): () => void;
  /** Null where the browser does not tell. */
  storageUse(): Promise<StorageUse | null>;
}

type Runtime = typeof Browser.runtime;

export function createDashboardClient(runtime: Runtime, storage: StorageManager | undefined = globalThis.navigator?.storage): DashboardClient {
  const send = (message: unknown) => runtime.sendMessage(message);
  const panel = createPanelClient(runtime);
  return {
    load: () => sendRequest(send, 'data.export', {}),
    importFile: (text, apply) => sendRequest(send, 'data.import', { text, apply }),
    deleteAll: () => sendRequest(send, 'data.deleteAll', { confirm: 'delete everything' }),
    saveNote: panel.saveNote,
    deleteNote: panel.deleteNote,
    restoreNote: panel.restoreNote,
    draft: panel.draft,
    subscribe: (noteChanged) => panel.subscribe(null, { noteChanged, selected: () => {}, pageUpdated: () => {} }),
    async storageUse() {
      if (!storage?.estimate) return null;
      try {
        const { usage, quota } = await storage.estimate();
        return usage === undefined ? null : { usage, quota: quota ?? 0 };
      } catch {
        return null;
      }
    },
  };
}
