// The user's data as a whole: export, backup/W3C import with its preview, dataset import, delete-all. Each write
// here may touch any page, so it drops every cache and tells every panel and dashboard that everything changed.
import { DatasetError, parseDataset, toStoredRecommendation } from '@/utils/dataset';
import type { RecordSets } from '@/utils/db';
import type { Settings, StoredRecommendation } from '@/utils/model';
import { applyImport, assertUniqueIds, ImportError, isBackupText, normalizeNoteTags, parseBackup, parseW3c, previewImport, resolveW3cImport, type BackupData } from '@/utils/export';
import { eventEnvelope, PAGE_MAX_CHARS, RequestError, type Handlers, type ImportCounts, type ImportStage, type ImportSummary, type Payload } from '@/utils/messages';
import type { BackgroundContext } from './context';
import type { NotesService } from './notes';
import type { TabsService } from './tabs';

type DataHandlers = Pick<Handlers, 'data.export' | 'data.page' | 'data.import' | 'data.importBegin' | 'data.importPart' | 'data.importCommit' | 'data.importCancel' | 'dataset.import' | 'data.deleteAll'>;

/** A backup arriving in parts: kept in memory, never in the store, until its commit applies it in one transaction. */
interface StagedImport {
  session: string;
  total: ImportCounts;
  settings?: Settings;
  sets: RecordSets;
}

/** What the user is told when parts arrive for an import the background no longer holds. */
export const IMPORT_INTERRUPTED =
  'This import was interrupted before it was complete (the extension restarted, or another import began), so nothing was imported. Import the file again.';

/** Rows of a dataset written per transaction. */
export const IMPORT_BATCH = 5_000;

/** Above this many recommendations an export leaves out the cross-reference counts (seconds of work). */
const CROSSREF_COUNT_LIMIT = 5_000;


// A backup is ours; anything else JSON is read as W3C annotations. Their readers give the user's words for errors.
function readImport(text: string, current: BackupData): { kind: 'backup' | 'w3c'; incoming: BackupData } {
  try {
    if (isBackupText(text)) return { kind: 'backup', incoming: parseBackup(text) };
    return { kind: 'w3c', incoming: resolveW3cImport(current, parseW3c(text)) };
  } catch (error) {
    if (error instanceof ImportError) throw new RequestError('invalid', error.message);
    throw error;
  }
}

const count = (sets: RecordSets) => ({ pages: sets.pages.length, recommendations: sets.recommendations.length, notes: sets.notes.length });
const KINDS = ['pages', 'recommendations', 'notes'] as const;

export function createDataHandlers(ctx: BackgroundContext, tabs: TabsService, notes: Pick<NotesService, 'forgetDrafts'>): DataHandlers {
  const { repo, stored, settings } = ctx;
  // Every write here goes through ctx.changingAll, which keeps the cross-reference index in step.
  const changedEverything = () => ctx.announce({ scope: 'all' });
  /** How many earlier-cycle recommendations match each one, left out above CROSSREF_COUNT_LIMIT (seconds of work). */
  async function crossrefCountsOf(recommendations: StoredRecommendation[]): Promise<{ crossrefCounts?: Record<string, number> }> {
    if (recommendations.length > CROSSREF_COUNT_LIMIT) return {};
    const index = await stored(() => ctx.crossref(recommendations.map((r) => r.stateUnderReviewCode)));
    return { crossrefCounts: Object.fromEntries(recommendations.map((r) => [r.id, index.earlierFor(r, { limit: 100 }).length])) };
  }
  let staged: StagedImport | null = null;
  function stagedFor(session: Payload<'data.importCommit'>['session']): StagedImport {
    if (staged?.session !== session) throw new RequestError('not-found', IMPORT_INTERRUPTED);
    return staged;
  }
  async function currentData(): Promise<BackupData> {
    const [records, userSettings] = await Promise.all([stored(() => repo.exportRecords()), settings.getValue()]);
    return { ...records, settings: userSettings };
  }
  /** Previews `incoming` against what is stored, and with `apply` writes it in one transaction (all of it, or nothing). */
  async function importInto(current: BackupData, kind: ImportSummary['kind'], incoming: BackupData, apply: boolean, chosenSettings: Payload<'data.import'>['settings'] = []): Promise<ImportSummary> {
    const preview = previewImport(current, incoming);
    if (apply) {
      await stored(() => ctx.changingAll(() => repo.importRecords(preview.writes)));
      if (kind === 'backup' && chosenSettings.length > 0) await settings.setValue(applyImport(current, incoming, chosenSettings).settings!);
      changedEverything();
    }
    return { kind, added: count(preview.added), updated: count(preview.updated), unchanged: preview.unchanged, conflicts: preview.conflicts.length, settingChanges: preview.settingChanges, applied: apply };
  }
  return {
    async 'data.export'({ pageUrl }) {
      // A statement's export carries that statement only; the user's settings go with a whole backup.
      const [records, userSettings] = await Promise.all([stored(() => repo.exportRecords(pageUrl)), pageUrl ? undefined : settings.getValue()]);
      return { ...records, settings: userSettings, ...(await crossrefCountsOf(records.recommendations)) };
    },
    async 'data.page'({ cursor, limit }) {
      const page = await stored(() => repo.recordsPage(cursor, limit, PAGE_MAX_CHARS));
      const first = cursor === null ? { settings: await settings.getValue() } : {};
      // The counts the reports show go with the last page, where the store is small enough to count them.
      const last = page.next === null && (await stored(() => repo.recommendationIds())).size <= CROSSREF_COUNT_LIMIT ? await crossrefCountsOf(await stored(() => repo.allRecommendations())) : {};
      return { ...page, ...first, ...last };
    },
    async 'data.import'({ text, apply, settings: chosenSettings = [] }) {
      const current = await currentData();
      const { kind, incoming } = readImport(text, current);
      return importInto(current, kind, incoming, apply, chosenSettings);
    },
    async 'data.importBegin'({ total, settings: fileSettings }) {
      staged = { session: crypto.randomUUID(), total, ...(fileSettings ? { settings: fileSettings } : {}), sets: { pages: [], recommendations: [], notes: [] } };
      return { session: staged.session };
    },
    async 'data.importPart'(part) {
      const into = stagedFor(part.session);
      for (const kind of KINDS) {
        const records = part[kind] ?? [];
        if (into.sets[kind].length + records.length > into.total[kind]) {
          staged = null;
          throw new RequestError('invalid', `This import sent more ${kind} than it announced, so nothing was imported.`);
        }
        (into.sets[kind] as unknown[]).push(...(kind === 'notes' ? normalizeNoteTags(part.notes ?? []) : records));
      }
      return { received: count(into.sets) };
    },
    async 'data.importCommit'({ session, apply, settings: chosenSettings = [] }) {
      const from = stagedFor(session);
      if (KINDS.some((kind) => from.sets[kind].length !== from.total[kind])) {
        throw new RequestError('invalid', 'This import stopped before all of the file had arrived, so nothing was imported. Import the file again.');
      }
      try {
        assertUniqueIds(from.sets);
      } catch (error) {
        staged = null;
        if (error instanceof ImportError) throw new RequestError('invalid', error.message);
        throw error;
      }
      const summary = await importInto(await currentData(), 'backup', { ...from.sets, ...(from.settings ? { settings: from.settings } : {}) }, apply, chosenSettings);
      // A preview keeps the parts for the apply that may follow; an apply is the end of them.
      if (apply) staged = null;
      return summary;
    },
    async 'data.importCancel'({ session }) {
      const released = staged?.session === session;
      if (released) staged = null;
      return { released };
    },
    async 'dataset.import'({ text, fileName }) {
      // The progress bar follows rows: those read, then those stored, each of the file's row count.
      const progress = (stage: ImportStage, done: number, total: number) =>
        void ctx.browser.runtime.sendMessage(eventEnvelope('import.progress', { stage, done, total: Math.max(total, done, 1) })).catch(() => {});
      const parsed = await parseDataset(text, {
        fileName,
        // While reading, the row count is foreseen from how much of the text the rows so far took.
        onProgress: ({ fraction, rows }) => progress('read', rows, fraction > 0 ? Math.round(rows / fraction) : rows),
      }).catch((error: unknown) => {
        if (error instanceof DatasetError) throw new RequestError('invalid', error.message);
        throw error;
      });
      const now = Date.now();
      const total = parsed.rows.length;
      progress('store', 0, total);
      // Written in batches (ids, then one transaction each), so memory stays bounded and progress follows the write.
      const { added, updated } = await stored(() =>
        ctx.changingAll(async () => {
          const counts = { added: 0, updated: 0 };
          const taken = new Set<string>();
          const existing = await repo.recommendationIds();
          for (let start = 0; start < total; start += IMPORT_BATCH) {
            const batch = parsed.rows.slice(start, start + IMPORT_BATCH);
            const records = await Promise.all(batch.map((row) => toStoredRecommendation(row, now)));
            const written = await repo.importRecommendations(records, now, { taken, existing });
            counts.added += written.added;
            counts.updated += written.updated;
            progress('store', start + batch.length, total);
          }
          return counts;
        }),
      );
      changedEverything();
      return { added, updated, skipped: parsed.skipped, skippedCount: parsed.skippedCount };
    },
    async 'data.deleteAll'() {
      await notes.forgetDrafts();
      await stored(() => ctx.changingAll(() => repo.deleteAll()));
      changedEverything();
      // Each statement open in a tab is read and captured again, so its panel goes on with empty notes, not with
      // records that no longer exist.
      await tabs.refreshTabs();
      return null;
    },
  };
}
