// What the dashboard needs from the extension, as one small interface (tests hand the components a fake): the
// stored records, import and delete-all through utils/messages, the panel's note requests, note changes made
// elsewhere, and how much the browser stores for the extension.
import type { browser as Browser } from 'wxt/browser';
import type { RecordsCursor } from '@/utils/db';
import { isEvent, isFromBackground, sendRequest, type DataChange, type DatasetSummary, type Events, type ExportedData, type ExportedPage, type ImportSummary, type Note, type Result } from '@/utils/messages';
import type { SettingKey } from '@/utils/model';
import { createPanelClient, type PanelClient } from '@/components/panel-client';
import { createFileImporter } from './backup-import';

export interface StorageUse {
  usage: number;
  quota: number;
}

export interface DashboardClient extends Pick<PanelClient, 'saveNote' | 'deleteNote' | 'restoreNote' | 'draft'> {
  /** Everything stored, a page at a time (see data.page): the first (cursor null) with the totals and the settings. */
  loadPage(cursor: RecordsCursor | null, limit: number): Promise<Result<ExportedPage>>;
  /** One statement's records (its page, recommendations and their notes, its statement note), after a change to it. */
  loadStatement(pageUrl: string): Promise<Result<ExportedData>>;
  /**
   * A backup or W3C file's text: previewed (apply false) or applied in one transaction (a backup is checked here and
   * sent in parts, see backup-import.ts). `settings`: the setting changes the user ticked in the preview (none by default). */
  importFile(text: string, apply: boolean, settings?: SettingKey[]): Promise<Result<ImportSummary>>;
  /** Lets go of the backup being previewed (the dashboard's copy and the background's parts). */
  cancelImport(): Promise<void>;
  deleteAll(): Promise<Result<null>>;
  /** A dataset of UN recommendations (CSV or JSON): parsed and stored by the background, with skipped rows reported. */
  importDataset(text: string, fileName: string): Promise<Result<DatasetSummary>>;
  /** How far the background has read a dataset. Returns an unsubscribe. */
  onImportProgress(handler: (progress: Events['import.progress']) => void): () => void;
  /**
   * A note changed anywhere (a panel, another dashboard, an undo), or other records did (`dataChanged`: a capture,
   * a correction, an import, delete-all). Returns an unsubscribe.
   */
  subscribe(noteChanged: (note: Note) => void, dataChanged?: (change: Exclude<DataChange, { scope: 'note' }>) => void): () => void;
  /** Null where the browser does not tell. */
  storageUse(): Promise<StorageUse | null>;
}

type Runtime = typeof Browser.runtime;

export function isImportProgress(message: unknown): message is { payload: Events['import.progress'] } {
  if (!isEvent(message, 'import.progress')) return false;
  const { done, total, stage } = message.payload as Record<string, unknown>;
  return (
    typeof done === 'number' &&
    typeof total === 'number' &&
    Number.isFinite(done) &&
    Number.isFinite(total) &&
    total > 0 &&
    done >= 0 &&
    (stage === undefined || stage === 'read' || stage === 'store')
  );
}

export function createDashboardClient(
  runtime: Runtime,
  storage: StorageManager | undefined = globalThis.navigator?.storage,
  extensionStorage?: Parameters<typeof createPanelClient>[2],
): DashboardClient {
  const send = (message: unknown) => runtime.sendMessage(message);
  const panel = createPanelClient(runtime, null, extensionStorage);
  return {
    loadPage: (cursor, limit) => sendRequest(send, 'data.page', { cursor, limit }),
    loadStatement: (pageUrl) => sendRequest(send, 'data.export', { pageUrl }),
    ...(() => {
      const importFile = createFileImporter(send);
      return { importFile, cancelImport: importFile.cancel };
    })(),
    deleteAll: () => sendRequest(send, 'data.deleteAll', { confirm: 'delete everything' }),
    importDataset: (text, fileName) => sendRequest(send, 'dataset.import', { text, fileName }),
    onImportProgress(handler) {
      const receiver = { extensionId: runtime.id, extensionOrigin: new URL(runtime.getURL('/')).href };
      const listener = (message: unknown, sender: { id?: string; url?: string; tab?: { id?: number } }) => {
        if (isFromBackground(sender, receiver) && isImportProgress(message)) handler(message.payload);
        return undefined;
      };
      runtime.onMessage.addListener(listener);
      return () => runtime.onMessage.removeListener(listener);
    },
    saveNote: panel.saveNote,
    deleteNote: panel.deleteNote,
    restoreNote: panel.restoreNote,
    draft: panel.draft,
    subscribe: (noteChanged, dataChanged = () => {}) => panel.subscribe({ noteChanged, dataChanged, selected: () => {}, pageUpdated: () => {} }),
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
