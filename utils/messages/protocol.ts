// One map of every request the content script and the extension pages make of the background: its payload schema,
// who may send it, and the result type. The router and the client are both typed from this map.
import * as v from 'valibot';
import type { PagedStore, RecordsPage } from '@/utils/db';
import { MAX_BACKUP_RECORDS } from '@/utils/export/read-json';
import { NoteSchema as BackupNoteSchema, PageSchema as BackupPageSchema, RecommendationSchema as BackupRecommendationSchema, SettingsSchema as BackupSettingsSchema } from '@/utils/export/backup';
import { PROTOCOL_VERSION } from './envelope';
import {
  NOTE_STATUSES,
  SETTING_KEYS,
  NoteBodySchema,
  NoteIdSchema,
  PageCaptureSchema,
  CorrectionStepSchema,
  PageCorrectionsSchema,
  CapturedRecommendationSchema,
  RecSelectorSchema,
  PageUrlSchema,
  RecommendationIdSchema,
  type CorrectionKind,
  type Note,
  type RecSelector,
  type States,
  type Response,
  type SettingChange,
  type Settings,
  type StoredPage,
  type StoredRecommendation,
} from '@/utils/model';

/** Who may send a request: a content script in a web page, or one of the extension's own pages (panel, popup, dashboard). */
export type Origin = 'content' | 'extension';

/** An earlier-cycle recommendation to the same state, as the panel lists it. */
export interface EarlierRecommendation {
  id: string;
  text: string;
  recommendingState: string | null;
  session: number | null;
  cycle: number | null;
  response: Response | null;
  /** Where it was read: the statement page, else null (known from an imported dataset). */
  pageUrl: string | null;
  /** Nearly the same words. */
  repeat: boolean;
  similarity: number;
}

/**
 * A recommendation as the panel lists it: its record without its place on the page (the page anchors its highlights
 * from `page.stored`; the panel never reads it, and on a statement of thousands it was a third of the answer), with
 * its note and earlier-cycle matches.
 */
export interface PanelRecommendation extends Omit<StoredRecommendation, 'selector'> {
  note: Note | null;
  earlier: EarlierRecommendation[];
}

/** A correction as the panel's "Corrected" list shows it, with "Restore". */
export interface CorrectedEntry {
  /** The step to take back; null for an item dismissed before steps were kept (restored by its id). */
  step: string | null;
  kind: CorrectionKind;
  /** What it took off the list (dismissed, merged, split), each with its note. */
  removed: PanelRecommendation[];
  /** The words of what it put on the list (added, or a merge's or split's result). */
  added: string[];
  /** New details: the states and session before them. */
  was: States | null;
}

/** What the same recommending state asked of this state in earlier cycles, and how it was answered. */
export interface EarlierSummary {
  total: number;
  supported: number;
  noted: number;
  unknown: number;
}

export interface PanelData {
  tabId: number | null;
  page: StoredPage | null;
  /** Found on the page this visit, in page order. */
  recommendations: PanelRecommendation[];
  /** Stored for this page but not found on it this visit: kept with their notes, never deleted. */
  orphans: PanelRecommendation[];
  /** The user's corrections of this page, newest first, each with what it took off the list: the panel's "Corrected". */
  corrected: CorrectedEntry[];
  pageNote: Note | null;
  /** Tags in use, most used first. */
  tags: string[];
  earlierSummary: EarlierSummary | null;
  /** The page was read but not stored (its site's pages were stored too often); absent or null when it was. */
  notStored?: NotStored | null;
}

/** Why a tab's page was not stored: its site had `limit` pages stored in the last `per`, until `until` (ms since epoch). */
export interface NotStored {
  url: string;
  site: string;
  until: number;
  limit: number;
  per: 'minute' | 'hour';
}

export type StoredForPage = Pick<StoredRecommendation, 'id' | 'n' | 'text' | 'source'> & { selector: RecSelector };

const TabIdSchema = v.pipe(v.number(), v.integer(), v.minValue(0));

const NoteTargetSchema = v.union([v.object({ recommendationId: RecommendationIdSchema }), v.object({ pageUrl: PageUrlSchema })]);

/**
 * The panel's drafts: every keystroke's text, with the stored text it was typed over (`base`) and when (`at`),
 * goes at once over a port and into the extension's session storage (which pages and content scripts cannot
 * reach), so text typed just before a tab closes is not lost with it — even while the worker is stopped: the
 * background writes what no save has confirmed when the port goes away, and whatever is left when it next starts.
 */
export const DRAFT_PORT = 'upr-drafts';
const EditorIdSchema = v.pipe(v.string(), v.regex(/^[0-9a-z-]{1,64}$/));
/** Session-storage keys of drafts: this prefix, then the note's target. */
export const DRAFT_KEY_PREFIX = 'upr-draft:';
export const DraftSchema = v.object({
  target: NoteTargetSchema,
  body: NoteBodySchema,
  base: v.optional(NoteBodySchema),
  at: v.pipe(v.number(), v.finite(), v.minValue(0)),
  /** The note editor that typed it (random per editor): its own earlier draft is not another tab's edit. */
  editor: v.optional(EditorIdSchema),
});
export type Draft = v.InferOutput<typeof DraftSchema>;
export const DraftMessageSchema = v.object({ upr: v.literal(PROTOCOL_VERSION), draft: DraftSchema });
export type DraftMessage = v.InferOutput<typeof DraftMessageSchema>;

/** Where a draft for `target` is kept in session storage: one per note, the latest keystroke's. */
export function draftKey(target: { recommendationId: string } | { pageUrl: string }): string {
  return DRAFT_KEY_PREFIX + ('recommendationId' in target ? target.recommendationId : `page:${target.pageUrl}`);
}

/** The largest W3C file text an import accepts (32 M characters), checked again by the readers; backups go in parts (below). */
export const MAX_IMPORT_TEXT = 32 * 1024 * 1024;
/**
 * A backup is read and checked in the dashboard, then sent in parts (data.importBegin, data.importPart,
 * data.importCommit): each part at most this many records and (as JSON) about this many characters, far below one
 * message's 64 MiB.
 */
export const MAX_IMPORT_PART_RECORDS = 5_000;
export const MAX_IMPORT_PART_CHARS = 8 * 1024 * 1024;
const ImportSessionSchema = v.pipe(v.string(), v.regex(/^[0-9a-f-]{36}$/));
const RecordCountSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_BACKUP_RECORDS));
const partOf = <T extends v.GenericSchema>(item: T) => v.optional(v.pipe(v.array(item), v.maxLength(MAX_IMPORT_PART_RECORDS)));
const ChosenSettingsSchema = v.optional(v.pipe(v.array(v.picklist(SETTING_KEYS)), v.maxLength(SETTING_KEYS.length)));
/** A dataset may be larger (100,000 recommendations with their metadata), within one message's reach. */
export const MAX_DATASET_TEXT = 48 * 1024 * 1024;

/** The most records one data.page answer carries. */
export const MAX_PAGE_RECORDS = 10_000;
/**
 * The most JSON text one data.page answer carries (at least one record): at 3 bytes a character at worst, 48 MB —
 * under the 64 MiB a runtime message may be, whatever one record holds.
 */
export const PAGE_MAX_CHARS = 16 * 1024 * 1024;
const PAGED_STORE_NAMES = ['pages', 'notes', 'recommendations', 'rowChunks'] as const satisfies readonly PagedStore[];

export const REQUESTS = {
  /** The detector found a statement: inject the annotator into that tab. */
  'page.annotate': { from: 'content', payload: v.object({}) },
  /** What is already stored for the page (no notes): the annotator re-anchors what extraction did not find. */
  'page.stored': { from: 'content', payload: v.object({ url: PageUrlSchema }) },
  /** The annotator's capture of the page: metadata, the recommendations found, and the stored ones not found. */
  'page.capture': { from: 'content', payload: PageCaptureSchema },
  /** The panel asks for the page in its own tab, with notes. */
  'panel.load': { from: 'extension', payload: v.object({}) },
  /** Create or change the note on a recommendation or on a page; fields left out keep their value. */
  'note.save': {
    from: 'extension',
    payload: v.object({
      target: NoteTargetSchema,
      patch: v.object({
        body: v.optional(NoteBodySchema),
        /** The stored text `body` was typed over: edits saved meanwhile elsewhere are merged, never overwritten. */
        base: v.optional(NoteBodySchema),
        /** The editor that typed `body` (see DraftSchema). */
        editor: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-z-]{1,64}$/))),
        tags: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(50))),
        status: v.optional(v.picklist(NOTE_STATUSES)),
      }),
    }),
  },
  /** Delete a note, undoably. */
  'note.delete': { from: 'extension', payload: v.object({ id: NoteIdSchema }) },
  'note.restore': { from: 'extension', payload: v.object({ id: NoteIdSchema }) },
  /** Tags in use, most used first: suggestions for the tag field. */
  'tags.list': { from: 'extension', payload: v.object({}) },
  /** Everything stored (or one page's part of it), with the settings: what the exports are built from. */
  'data.export': { from: 'extension', payload: v.object({ pageUrl: v.optional(PageUrlSchema) }) },
  /**
   * Everything stored, a page at a time (the dashboard's load): from `cursor` (null: the start, with the totals and
   * the settings) at most `limit` records, each answer far below the browser's 64 MiB message limit whatever the
   * store holds. The answer's `next` is the cursor of the page after it.
   */
  'data.page': {
    from: 'extension',
    payload: v.object({
      cursor: v.nullable(v.object({ store: v.picklist(PAGED_STORE_NAMES), after: v.nullable(v.pipe(v.string(), v.maxLength(4_000))) })),
      limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_PAGE_RECORDS)),
    }),
  },
  /** A JSON backup or W3C annotation file: previewed (apply false), then applied in one transaction. */
  'data.import': {
    from: 'extension',
    /** `settings`: the setting changes the user ticked in the preview; none are applied otherwise. */
    payload: v.object({ text: v.pipe(v.string(), v.maxLength(MAX_IMPORT_TEXT)), apply: v.boolean(), settings: ChosenSettingsSchema }),
  },
  /**
   * A backup in parts: begin (how many records of each kind will come, and the file's settings), the parts (each
   * record checked as the backup reader checks it), then commit: previewed (apply false; the parts stay for the
   * apply) or applied in one transaction. Nothing is stored before the commit, so an import that stops part-way
   * changes nothing. One import at a time: a new begin drops the parts of the one before.
   */
  'data.importBegin': {
    from: 'extension',
    payload: v.object({
      total: v.object({ pages: RecordCountSchema, recommendations: RecordCountSchema, notes: RecordCountSchema }),
      settings: v.optional(BackupSettingsSchema),
    }),
  },
  'data.importPart': {
    from: 'extension',
    payload: v.object({ session: ImportSessionSchema, pages: partOf(BackupPageSchema), recommendations: partOf(BackupRecommendationSchema), notes: partOf(BackupNoteSchema) }),
  },
  'data.importCommit': { from: 'extension', payload: v.object({ session: ImportSessionSchema, apply: v.boolean(), settings: ChosenSettingsSchema }) },
  /** The user cancelled the preview: the background lets go of its parts (a backup can be hundreds of megabytes). */
  'data.importCancel': { from: 'extension', payload: v.object({ session: ImportSessionSchema }) },
  'data.deleteAll': { from: 'extension', payload: v.object({ confirm: v.literal('delete everything') }) },
  /** The annotator's part of a correction: text the user selected, merged or split on the page. */
  'page.correct': {
    from: 'content',
    payload: v.object({
      url: PageUrlSchema,
      /** `statement`: on a page of several statements, the one the words belong to. */
      add: v.pipe(v.array(v.object({ text: v.pipe(v.string(), v.minLength(1), v.maxLength(20_000)), selector: RecSelectorSchema, statement: CapturedRecommendationSchema.entries.statement })), v.maxLength(10)),
      reject: v.pipe(v.array(v.pipe(v.string(), v.maxLength(20_000))), v.maxLength(10)),
    }),
  },
  /** "Add as a recommendation": one of the passages the page's last reading offered (by its words) becomes a user-added recommendation. */
  'page.acceptCandidate': { from: 'extension', payload: v.object({ text: v.pipe(v.string(), v.minLength(1), v.maxLength(20_000)) }) },
  /** "Not a recommendation": kept out of this page from now on (its note stays stored). */
  'rec.reject': { from: 'extension', payload: v.object({ recommendationId: RecommendationIdSchema }) },
  /** "Store this page": the user stores the page in the panel's tab although its site's pages were stored too often. */
  'page.storeNow': { from: 'extension', payload: v.object({}) },
  /** The user's metadata for the page in the panel's tab. */
  'page.correctMeta': { from: 'extension', payload: v.object({ meta: PageCorrectionsSchema.entries.meta }) },
  /**
   * Take a correction of the page in the panel's tab back ("Undo", or "Restore" in the panel's Corrected list): one
   * of its steps, or an item dismissed before steps were kept.
   */
  'page.revert': {
    from: 'extension',
    payload: v.union([v.object({ step: CorrectionStepSchema.entries.id }), v.object({ recommendationId: RecommendationIdSchema })]),
  },
  /** The toolbar popup: what was found in a tab, or why not. */
  'popup.status': { from: 'extension', payload: v.object({ tabId: TabIdSchema }) },
  /** "Annotate this page": inject the annotator into a page the detector passed over (or where it does not run). */
  'popup.annotate': { from: 'extension', payload: v.object({ tabId: TabIdSchema }) },
  /** Show or hide the highlights in a tab. */
  'popup.toggle': { from: 'extension', payload: v.object({ tabId: TabIdSchema }) },
  /** A dataset of earlier recommendations (CSV or JSON, e.g. UN or UPR Info data with responses), stored in one transaction. */
  'dataset.import': {
    from: 'extension',
    payload: v.object({ text: v.pipe(v.string(), v.maxLength(MAX_DATASET_TEXT)), fileName: v.pipe(v.string(), v.maxLength(500)) }),
  },
} as const satisfies Record<string, { from: Origin; payload: v.GenericSchema }>;

export interface Results {
  'page.annotate': { injected: boolean };
  /** `rejected`: normalized texts the user marked as not recommendations. */
  'page.stored': { recommendations: StoredForPage[]; rejected: string[] };
  'page.capture': { recommendations: { n: number; id: string }[] };
  'panel.load': PanelData;
  'note.save': Note;
  'note.delete': Note;
  'note.restore': Note;
  'tags.list': string[];
  'data.export': ExportedData;
  'data.page': ExportedPage;
  'data.import': ImportSummary;
  'data.importBegin': { session: string };
  'data.importPart': { received: ImportCounts };
  'data.importCommit': ImportSummary;
  'data.importCancel': { released: boolean };
  'data.deleteAll': null;
  'dataset.import': DatasetSummary;
  'popup.status': PopupStatus;
  'page.correct': CorrectionDone;
  'rec.reject': CorrectionDone;
  'page.acceptCandidate': CorrectionDone;
  'page.correctMeta': CorrectionDone;
  'page.revert': null;
  'page.storeNow': null;
  'popup.annotate': { injected: boolean };
  'popup.toggle': null;
}

/** A correction made: `step`, its id among the page's steps, is what "Undo" takes back. */
export interface CorrectionDone {
  step: string;
}

export interface PopupStatus {
  /** The tab's site ("gov.uk"), or null for pages the extension cannot work on (browser pages, files). */
  site: string | null;
  /** The annotator is at work in the tab. */
  annotated: boolean;
  page: StoredPage | null;
  recommendations: number;
  notes: number;
  /** The detector's verdict on this page, when it ran there. */
  detection: { detected: boolean; score: number; reasons: string[] } | null;
  /** The user turned the extension off on this site. */
  disabledHere: boolean;
  knownHostsOnly: boolean;
  knownHost: boolean;
}

export interface DatasetSummary {
  added: number;
  updated: number;
  /** The first rows that were skipped, each with its line and why. */
  skipped: { line: number; reason: string }[];
  skippedCount: number;
}

export interface ExportedData {
  pages: StoredPage[];
  recommendations: StoredRecommendation[];
  notes: Note[];
  /** Left out of a statement's export: it carries that statement only. */
  settings?: Settings;
  /** How many earlier-cycle recommendations match each one (left out for very large exports). */
  crossrefCounts?: Record<string, number>;
}

/** One page of everything stored (data.page): records of any store, where the next page starts, and on the first the totals and settings. */
export interface ExportedPage extends RecordsPage {
  settings?: Settings;
  /** On the last page, when the store is small enough to count them (see ExportedData). */
  crossrefCounts?: Record<string, number>;
}

export type ImportCounts = { pages: number; recommendations: number; notes: number };
type Counts = ImportCounts;
export interface ImportSummary {
  kind: 'backup' | 'w3c';
  added: Counts;
  updated: Counts;
  unchanged: Counts;
  /** Notes changed on both sides: the newer keeps its place, the other is kept as a copy tagged "import-conflict". */
  conflicts: number;
  /** What the file would change in the settings, applied only where the user ticked it. */
  settingChanges: SettingChange[];
  applied: boolean;
}

export type RequestType = keyof typeof REQUESTS;
export type Payload<T extends RequestType> = v.InferOutput<(typeof REQUESTS)[T]['payload']>;

/** `conflict`: a note's edit overlaps one saved meanwhile elsewhere; nothing was overwritten. */
export type ErrorCode = 'protocol' | 'invalid' | 'forbidden' | 'storage' | 'not-found' | 'conflict' | 'internal';
export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/**
 * What a write changed, announced by the background after every write: one note (its new state), one page's records
 * (a capture, a correction; `pageUrl` as pageKey gives it), or anything (an import, delete-all).
 */
export type DataChange = { scope: 'note'; note: Note } | { scope: 'page'; pageUrl: string } | { scope: 'all' };

/** What a dataset import is doing: reading the file's rows, or storing them. */
export type ImportStage = 'read' | 'store';

/**
 * The background's one-way notices to every extension page (the page talks to its panel over its own port,
 * page-port.ts). `data.changed`: after every write.
 */
export interface Events {
  /**
   * How far a dataset import has gone, in rows: `done` of `total` read from the file (`total` foreseen until the end),
   * then stored. Without a stage, reading.
   */
  'import.progress': { done: number; total: number; stage?: ImportStage };
  'data.changed': DataChange;
}

/** Whether a message is the event `event` of this protocol version (its payload an object; fields are the caller's to check). */
export function isEvent<E extends keyof Events>(message: unknown, event: E): message is { upr: number; event: E; payload: Events[E] } {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m.upr === PROTOCOL_VERSION && m.event === event && typeof m.payload === 'object' && m.payload !== null;
}
