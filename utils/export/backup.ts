// The JSON backup: everything the extension stores (pages, recommendations, notes with their deleted ones, settings)
// in one versioned file, and its strict reader. parseBackup(JSON.stringify(buildBackup(x))) gives back x; a file that
// is not a backup, is from a newer version, or breaks any field's rule is refused as a whole with a message.
import * as v from 'valibot';
import {
  CandidatePassageSchema,
  MAX_CANDIDATES,
  MAX_RECS,
  MAX_SIGHTINGS,
  MAX_STATEMENTS,
  MetaSourcesSchema,
  NOTE_STATUSES,
  normalizeTags,
  PageCorrectionsSchema,
  PageMetaSchema,
  PageStatementSchema,
  RecSelectorSchema,
  RecommendationIdSchema,
  type Note,
  type RecordSets,
  type Settings,
  type StoredPage,
  type StoredRecommendation,
} from '@/utils/model';
import { jsonParts } from './parts';
import { ImportError, isPlainObject, MAX_BACKUP_CHARS, MAX_BACKUP_RECORDS, MAX_TIME, readJson } from './read-json';

export const BACKUP_FORMAT = 'upr-annotator-backup';
export const BACKUP_VERSION = 1;

export interface BackupData extends RecordSets {
  /** The extension's settings; absent from a statement's export (it carries that statement's records only). */
  settings?: Settings;
}

export interface Backup extends BackupData {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601, UTC. */
  exportedAt: string;
}

const MAX_RECORDS = MAX_BACKUP_RECORDS;
const timestamp = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_TIME, 'a date past the year 275760, which no export can write'));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const url = v.pipe(v.string(), v.url(), v.maxLength(4_000));
const records = <T extends v.GenericSchema>(item: T) => v.pipe(v.array(item), v.maxLength(MAX_RECORDS));
const label = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

// Strict objects all the way down: a field we do not know would be dropped on the way in, and a backup loses nothing.
const SelectorSchema = v.strictObject({
  quote: v.strictObject(RecSelectorSchema.entries.quote.entries),
  position: v.strictObject(RecSelectorSchema.entries.position.entries),
});

export const PageSchema = v.strictObject({
  url,
  ...PageMetaSchema.entries,
  capturedAt: timestamp,
  orphanIds: records(RecommendationIdSchema),
  corrections: v.optional(
    v.strictObject({
      meta: v.strictObject(PageCorrectionsSchema.entries.meta.entries),
      rejected: PageCorrectionsSchema.entries.rejected,
      // What each correction changed, so that it can still be restored after a backup is restored.
      steps: PageCorrectionsSchema.entries.steps,
    }),
  ),
  sources: v.optional(v.strictObject(MetaSourcesSchema.entries)),
  candidates: v.optional(v.pipe(v.array(v.strictObject({ text: CandidatePassageSchema.entries.text, selector: SelectorSchema })), v.maxLength(MAX_CANDIDATES))),
  // The recommendations it showed whose records belong to the page where they were first seen (see utils/model).
  alsoShows: v.optional(v.pipe(v.array(v.strictObject({ id: RecommendationIdSchema, n: v.pipe(v.number(), v.integer(), v.minValue(1)) })), v.maxLength(MAX_RECS))),
  statements: v.optional(v.pipe(v.array(v.strictObject(PageStatementSchema.entries)), v.maxLength(MAX_STATEMENTS))),
});

export const RecommendationSchema = v.strictObject({
  id: RecommendationIdSchema,
  pageUrl: v.nullable(url),
  n: v.pipe(v.number(), v.integer(), v.minValue(0)),
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(20_000)),
  selector: v.nullable(SelectorSchema),
  recommendingState: PageMetaSchema.entries.recommendingState,
  recommendingStateCode: PageMetaSchema.entries.recommendingStateCode,
  stateUnderReview: PageMetaSchema.entries.stateUnderReview,
  stateUnderReviewCode: PageMetaSchema.entries.stateUnderReviewCode,
  session: PageMetaSchema.entries.session,
  cycle: PageMetaSchema.entries.cycle,
  language: PageMetaSchema.entries.language,
  actionCategory: v.nullable(v.picklist([1, 2, 3, 4, 5])),
  themes: v.pipe(v.array(label), v.maxLength(100)),
  response: v.nullable(v.picklist(['supported', 'noted'])),
  source: v.picklist(['page', 'import', 'manual']),
  createdAt: timestamp,
  updatedAt: timestamp,
  // The other pages it was seen at after its own (`pageUrl`, where it was first seen).
  seenAt: v.optional(v.pipe(v.array(url), v.maxLength(MAX_SIGHTINGS))),
  // A joint recommendation's states, and what an imported dataset said of it (see utils/model).
  recommendingStates: v.optional(
    v.pipe(v.array(v.strictObject({ name: v.pipe(v.string(), v.minLength(1), v.maxLength(300)), code: v.nullable(v.pipe(v.string(), v.regex(/^[A-Z]{3}$/))) })), v.maxLength(200)),
  ),
  dataset: v.optional(
    v.strictObject({
      name: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
      actionCategory: v.boolean(),
      themes: v.boolean(),
      response: v.boolean(),
      reportSymbol: v.nullable(text(100)),
      paragraph: v.nullable(text(50)),
    }),
  ),
  statement: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_STATEMENTS - 1))),
});

export const NoteSchema = v.pipe(
  v.strictObject({
    id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
    recommendationId: v.nullable(RecommendationIdSchema),
    pageUrl: v.nullable(url),
    body: text(100_000),
    tags: v.pipe(v.array(label), v.maxLength(100)),
    status: v.picklist(NOTE_STATUSES),
    createdAt: timestamp,
    updatedAt: timestamp,
    deletedAt: v.nullable(timestamp),
  }),
  v.check((note) => (note.recommendationId === null) !== (note.pageUrl === null), 'a note is about either a recommendation or a page'),
);

export const SettingsSchema = v.strictObject({
  language: v.picklist(['auto', 'en', 'fr']),
  knownHostsOnly: v.boolean(),
  disabledHosts: v.pipe(v.array(text(300)), v.maxLength(10_000)),
});

const BackupSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: v.pipe(v.string(), v.isoTimestamp()),
  pages: records(PageSchema),
  recommendations: records(RecommendationSchema),
  notes: records(NoteSchema),
  settings: v.optional(SettingsSchema),
});

// If the model gains or changes a field, these stop compiling until the backup schema follows.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const MODEL_MATCHES: [
  Same<v.InferOutput<typeof PageSchema>, StoredPage>,
  Same<v.InferOutput<typeof RecommendationSchema>, StoredRecommendation>,
  Same<v.InferOutput<typeof NoteSchema>, Note>,
  Same<v.InferOutput<typeof SettingsSchema>, Settings>,
] = [true, true, true, true];
void MODEL_MATCHES;

type AnySchema = v.GenericSchema & { entries?: Record<string, AnySchema>; item?: AnySchema; wrapped?: AnySchema };

/** Copies `value` keeping only the fields `schema` names, in its order: stray runtime fields never make a backup unreadable. */
function canonical(schema: AnySchema, value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (schema.wrapped) return canonical(schema.wrapped, value);
  if (Array.isArray(value)) return schema.item ? value.map((x) => canonical(schema.item!, x)) : [...value];
  if (!schema.entries) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(schema.entries)) if (key in source) out[key] = canonical(entry, source[key]);
  return out;
}

export function buildBackup(data: BackupData, now: number | Date): Backup {
  return canonical(BackupSchema as AnySchema, {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    ...data,
  }) as Backup;
}

/** The backup as a file's text: pretty-printed so a person (or a diff) can read it. */
export function serializeBackup(backup: Backup): string {
  return serializeBackupParts(backup).join('');
}

/** serializeBackup's text as parts, a record each (see parts.ts). */
export function serializeBackupParts(backup: Backup): string[] {
  return [...jsonParts(backup), '\n'];
}

const MAX_REPORTED_ISSUES = 3;

/** Whether a file's text says it is our backup (in its first lines, where we write the format); anything else JSON is read as W3C. */
export function isBackupText(fileText: string): boolean {
  return /"format"\s*:\s*"upr-annotator-backup"/.test(fileText.slice(0, 2_000));
}

/** Reads a backup file's text; throws ImportError with a user-facing message if anything is wrong. */
export function parseBackup(fileText: string): Backup {
  const value = readJson(fileText, MAX_BACKUP_CHARS);
  if (!isPlainObject(value) || value.format !== BACKUP_FORMAT) {
    throw new ImportError('not-ours', 'This is not a UPR Annotator backup.');
  }
  const { version } = value;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    throw new ImportError(
      'newer-version',
      `This backup was made by a newer version of UPR Annotator (backup format ${version}; this one reads format ${BACKUP_VERSION}). Update the extension, then import it again.`,
    );
  }
  if (version !== BACKUP_VERSION) {
    throw new ImportError('unknown-version', `This backup has no version UPR Annotator knows (${JSON.stringify(version) ?? 'none'}).`);
  }
  const result = v.safeParse(BackupSchema, value);
  if (!result.success) {
    const where = result.issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => `${v.getDotPath(issue) ?? 'the file'}: ${issue.message}`);
    const more = result.issues.length > MAX_REPORTED_ISSUES ? ` (and ${result.issues.length - MAX_REPORTED_ISSUES} more)` : '';
    throw new ImportError('invalid', `This backup is damaged or was edited by hand, so nothing was imported. ${where.join('; ')}${more}.`);
  }
  const backup = result.output as Backup;
  backup.notes = normalizeNoteTags(backup.notes);
  assertUniqueIds(backup);
  return backup;
}

/** Tags as a note editor keeps them (at most 20 of 50 characters): more could not be saved again from the panel. */
export function normalizeNoteTags(notes: Note[]): Note[] {
  return notes.map((note) => ({ ...note, tags: normalizeTags(note.tags) }));
}

/** Refuses records that share a key: a file (or the parts of one) holding a page, recommendation or note twice. */
export function assertUniqueIds(backup: RecordSets): void {
  const stores = [
    ['pages', backup.pages.map((p) => p.url)],
    ['recommendations', backup.recommendations.map((r) => r.id)],
    ['notes', backup.notes.map((n) => n.id)],
  ] as const;
  for (const [store, ids] of stores) {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) throw new ImportError('invalid', `This backup is damaged: ${store} holds "${id}" twice, so nothing was imported.`);
      seen.add(id);
    }
  }
}
