// The records every part of the extension shares — pages, recommendations, notes — as valibot schemas, so one
// definition gives both the TypeScript types and the runtime check at the message boundary. Also the two rules
// that make a record's identity: the page key (URL without fragment) and the recommendation's stable id.
import * as v from 'valibot';
import { sha256Hex } from './sha256';

const MAX_TEXT = 20_000;
const MAX_NOTE = 100_000;
/** The most recommendations one page capture (or one batch of it) carries. */
export const MAX_RECS = 5_000;

const name = v.nullable(v.pipe(v.string(), v.maxLength(200)));
const code = v.nullable(v.pipe(v.string(), v.regex(/^[A-Z]{3}$/)));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** Who recommends to whom, at which session: what a recommendation's id follows. */
const StatesSchema = v.object({
  recommendingState: name,
  recommendingStateCode: code,
  stateUnderReview: name,
  stateUnderReviewCode: code,
  session: v.nullable(v.pipe(count, v.maxValue(200))),
  cycle: v.nullable(v.pipe(count, v.maxValue(20))),
});
export type States = v.InferOutput<typeof StatesSchema>;

/** The states and session of a page or record, and nothing else of it. */
export function statesOf(who: States): States {
  return {
    recommendingState: who.recommendingState,
    recommendingStateCode: who.recommendingStateCode,
    stateUnderReview: who.stateUnderReview,
    stateUnderReviewCode: who.stateUnderReviewCode,
    session: who.session,
    cycle: who.cycle,
  };
}

export const PageMetaSchema = v.object({
  title: v.pipe(v.string(), v.maxLength(2_000)),
  ...StatesSchema.entries,
  date: v.nullable(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
  language: v.nullable(v.pipe(v.string(), v.maxLength(20))),
});
export type PageMeta = v.InferOutput<typeof PageMetaSchema>;

export const RecSelectorSchema = v.object({
  quote: v.object({
    type: v.literal('TextQuoteSelector'),
    exact: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TEXT)),
    prefix: v.pipe(v.string(), v.maxLength(200)),
    suffix: v.pipe(v.string(), v.maxLength(200)),
  }),
  position: v.object({ type: v.literal('TextPositionSelector'), start: count, end: count }),
});
export type RecSelector = v.InferOutput<typeof RecSelectorSchema>;

/** The most sub-statements one page may hold (a session page of one government's statements: 14 reviews a session). */
export const MAX_STATEMENTS = 200;

/**
 * One statement of a page that holds several (a session page, a speech collection): the sub-heading that opens it
 * and what it does not share with the others — its state under review, session, cycle and date.
 */
export const PageStatementSchema = v.object({
  heading: v.nullable(v.pipe(v.string(), v.maxLength(400))),
  stateUnderReview: name,
  stateUnderReviewCode: code,
  session: PageMetaSchema.entries.session,
  cycle: PageMetaSchema.entries.cycle,
  date: PageMetaSchema.entries.date,
});
export type PageStatement = v.InferOutput<typeof PageStatementSchema>;
/** Index of a recommendation's statement in its page's `statements`. */
const statementIndex = v.optional(v.pipe(count, v.maxValue(MAX_STATEMENTS - 1)));

export const CapturedRecommendationSchema = v.object({
  n: v.pipe(count, v.minValue(1)),
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TEXT)),
  selector: RecSelectorSchema,
  /** On a page of several statements, which one it belongs to (an index in the capture's `statements`). */
  statement: statementIndex,
});
export type CapturedRecommendation = v.InferOutput<typeof CapturedRecommendationSchema>;

export const RecommendationIdSchema = v.pipe(v.string(), v.regex(/^r[0-9a-f]{24}$/));
/** `n…` a recommendation's note, `p…` a page's note. */
export const NoteIdSchema = v.pipe(v.string(), v.regex(/^[np][0-9a-f]{24}$/));
export const PageUrlSchema = v.pipe(v.string(), v.url(), v.regex(/^https?:/), v.maxLength(4_000));

/** Which signal gave each metadata field its value (utils/extract reads them in this precedence). */
export const META_SOURCES = [
  'lead-in', 'body title', 'body', 'author line', 'site identity', 'host', 'page title', 'page date', 'address', 'date', 'session', 'document language', 'wording',
] as const;
export const META_SOURCE_FIELDS = ['recommendingState', 'stateUnderReview', 'session', 'cycle', 'date', 'language'] as const;
const metaSource = v.optional(v.picklist(META_SOURCES));
export const MetaSourcesSchema = v.object({
  recommendingState: metaSource,
  stateUnderReview: metaSource,
  session: metaSource,
  cycle: metaSource,
  date: metaSource,
  language: metaSource,
});
export type MetaSources = v.InferOutput<typeof MetaSourcesSchema>;

/** A passage that reads like a recommendation on a statement where none was found, offered for the user to accept. */
export const CandidatePassageSchema = v.object({ text: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TEXT)), selector: RecSelectorSchema });
export type CandidatePassage = v.InferOutput<typeof CandidatePassageSchema>;
export const MAX_CANDIDATES = 10;

export const PageCaptureSchema = v.object({
  url: PageUrlSchema,
  meta: PageMetaSchema,
  /** Which signal each field of `meta` came from. */
  sources: v.optional(MetaSourcesSchema),
  /** Only when extraction found no recommendation: the passages likeliest to be ones, not yet accepted. */
  candidates: v.optional(v.pipe(v.array(CandidatePassageSchema), v.maxLength(MAX_CANDIDATES))),
  recommendations: v.pipe(v.array(CapturedRecommendationSchema), v.maxLength(MAX_RECS)),
  /** Stored recommendations of this page that could not be anchored this visit. */
  orphans: v.optional(v.pipe(v.array(RecommendationIdSchema), v.maxLength(MAX_RECS)), []),
  /**
   * A further batch of the same reading (a page with more recommendations than one message carries): its
   * recommendations are added, the page's record (metadata, orphans, offered passages) stays as the first batch wrote it.
   */
  continues: v.optional(v.boolean()),
  /**
   * More batches of the same reading follow this one: the worker stores it without telling the panels or storing the
   * cross-reference cache again, which the last batch does once for the whole reading.
   */
  more: v.optional(v.boolean()),
  /** Only on a page of several statements: each one, in page order (sent with every batch: they say whose each is). */
  statements: v.optional(v.pipe(v.array(PageStatementSchema), v.minLength(2), v.maxLength(MAX_STATEMENTS))),
});
/**
 * How many recommendations one capture message carries; a page with more sends them in batches (`continues`, `more`).
 * Small enough that cloning one message on the page stays a short task (a few ms), large enough that a 10,000-
 * recommendation page takes 20 messages.
 */
export const CAPTURE_BATCH = 500;
export type PageCapture = v.InferOutput<typeof PageCaptureSchema>;

export const NoteBodySchema = v.pipe(v.string(), v.maxLength(MAX_NOTE));

/** Metadata the user set by hand; it wins over what the page says. */
const CorrectedMetaSchema = v.object({
  recommendingState: v.optional(name),
  recommendingStateCode: v.optional(code),
  stateUnderReview: v.optional(name),
  stateUnderReviewCode: v.optional(code),
  session: v.optional(v.nullable(v.pipe(count, v.maxValue(200)))),
  cycle: v.optional(v.nullable(v.pipe(count, v.maxValue(20)))),
});

export const CORRECTION_KINDS = ['reject', 'merge', 'split', 'add', 'details'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];
/** How many corrections a page remembers one by one; older ones stay in effect (a dismissed item is still listed). */
export const MAX_STEPS = 200;
const texts = v.pipe(v.array(v.pipe(v.string(), v.maxLength(MAX_TEXT))), v.maxLength(MAX_RECS));
const fewIds = <T extends v.GenericSchema>(id: T) => v.pipe(v.array(id), v.maxLength(10));
/**
 * One correction, with exactly what it changed: reverting it (utils/db, `revertCorrection`) puts each of these back
 * as it was before, the notes included.
 */
export const CorrectionStepSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^c[0-9a-z]{1,32}$/)),
  kind: v.picklist(CORRECTION_KINDS),
  at: count,
  /** Normalized texts it marked as not recommendations (not already marked). */
  rejected: texts,
  /** Normalized texts it took off that list (adding again what had been dismissed). */
  unrejected: texts,
  /** Records it created. */
  added: fewIds(RecommendationIdSchema),
  /** Offered passages it used up. */
  candidates: v.pipe(v.array(CandidatePassageSchema), v.maxLength(MAX_CANDIDATES)),
  /** Notes it moved onto its result (merge, split): left deleted on their items, given back by a revert. */
  movedNotes: fewIds(NoteIdSchema),
  /** The result's note before the notes moved onto it (`before` null: it had none). */
  resultNote: v.optional(
    v.object({
      id: NoteIdSchema,
      before: v.nullable(v.object({ body: v.pipe(v.string(), v.maxLength(MAX_NOTE)), tags: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(50)), status: v.picklist(['none', 'follow-up', 'priority', 'done']) })),
    }),
  ),
  /** A change of the details: the user's details and the page's states before it. */
  meta: v.optional(
    v.object({ before: CorrectedMetaSchema, states: StatesSchema }),
  ),
});
export type CorrectionStep = v.InferOutput<typeof CorrectionStepSchema>;

/** The user's corrections to what was read off a page, applied again on every visit. */
export const PageCorrectionsSchema = v.object({
  meta: CorrectedMetaSchema,
  /** Texts (normalized) the user marked as not a recommendation. */
  rejected: texts,
  /** Each correction as made, oldest first: what it changed, so that it can be undone now or restored later. */
  steps: v.optional(v.pipe(v.array(CorrectionStepSchema), v.maxLength(MAX_STEPS))),
});
export type PageCorrections = v.InferOutput<typeof PageCorrectionsSchema>;

export interface StoredPage extends PageMeta {
  url: string;
  capturedAt: number;
  /** Ids of this page's recommendations that were not found on its last visit. */
  orphanIds: string[];
  corrections?: PageCorrections;
  /** Which signal each field came from at the last visit (absent for pages stored before it was kept). */
  sources?: MetaSources;
  /** Passages offered at the last visit because extraction found no recommendation; absent when none. */
  candidates?: CandidatePassage[];
  /**
   * Recommendations this page showed at its last visit whose records belong to the page where they were first seen
   * (their `pageUrl`), with their order here; absent when none.
   */
  alsoShows?: Sighting[];
  /**
   * Only on a page of several statements (a session page, a speech collection): each one in page order. The page's
   * own state under review and date are then null; each recommendation carries its statement's.
   */
  statements?: PageStatement[];
}

/** A recommendation shown on a page that is not its own: its id and its order there. */
export interface Sighting {
  id: string;
  n: number;
}

/** How many other pages a recommendation remembers being seen at; later ones are not recorded. */
export const MAX_SIGHTINGS = 20;

/** `seenAt` with `url` added (the same array when it is already there, or full). */
export function withSighting(seenAt: readonly string[] | undefined, url: string): string[] | undefined {
  if (seenAt?.includes(url) || (seenAt?.length ?? 0) >= MAX_SIGHTINGS) return seenAt as string[] | undefined;
  return [...(seenAt ?? []), url];
}

export type RecommendationSource = 'page' | 'import' | 'manual';
/** The state under review's answer, as the UN records it ("accepted" reads as supported). */
export type Response = 'supported' | 'noted';
/** UPR Info's action categories: 1 minimal, 2 continuing, 3 considering, 4 general, 5 specific action. */
export type ActionCategory = 1 | 2 | 3 | 4 | 5;

export interface StoredRecommendation {
  id: string;
  /**
   * The page it was first seen on (key of `pages`), where the user annotated it: another page showing the same words
   * adds to `seenAt` instead. Null for recommendations known only from an imported dataset.
   */
  pageUrl: string | null;
  /** Other pages (keys) it was seen at after `pageUrl`, oldest first, at most MAX_SIGHTINGS; absent when none. */
  seenAt?: string[];
  /** Order on that page, 1-based; 0 when it has no page. */
  n: number;
  text: string;
  /** Where it sits on its page; null when it has no page. */
  selector: RecSelector | null;
  recommendingState: string | null;
  recommendingStateCode: string | null;
  stateUnderReview: string | null;
  stateUnderReviewCode: string | null;
  session: number | null;
  cycle: number | null;
  language: string | null;
  actionCategory: ActionCategory | null;
  themes: string[];
  response: Response | null;
  source: RecommendationSource;
  createdAt: number;
  updatedAt: number;
  /**
   * Every recommending state of a joint recommendation, in the dataset's order; absent when there is one (then
   * `recommendingState` names it). For a joint one `recommendingState` lists the names and the code is the first's.
   */
  recommendingStates?: RecommendingStateRef[];
  /** What an imported dataset said of it; absent for what was only read on a page. */
  dataset?: DatasetFacts;
  /** On a page of several statements, its statement there (an index in the page's `statements`); absent otherwise. */
  statement?: number;
}

export interface RecommendingStateRef {
  name: string;
  code: string | null;
}

/** Which dataset a record was imported from, which of its values that dataset gave, and the official reference. */
export interface DatasetFacts {
  /** The dataset as the user knows it: its kind and file ("UPR Info database export: 1-5.csv"). */
  name: string;
  /** True when the value is the dataset's (a person's coding or the UN record), false when computed here. */
  actionCategory: boolean;
  themes: boolean;
  response: boolean;
  /** The Working Group report holding the recommendation ("A/HRC/43/11") and its paragraph ("89.12"). */
  reportSymbol: string | null;
  paragraph: string | null;
}

export type NoteStatus = 'none' | 'follow-up' | 'priority' | 'done';
export const NOTE_STATUSES: readonly NoteStatus[] = ['none', 'follow-up', 'priority', 'done'];

export interface Note {
  id: string;
  /** The recommendation it is about; null for a page-level note. */
  recommendationId: string | null;
  /** The page a page-level note is about; null for a recommendation's note. */
  pageUrl: string | null;
  body: string;
  tags: string[];
  status: NoteStatus;
  createdAt: number;
  updatedAt: number;
  /** Set when the user deletes it, so the deletion can be undone; deleted notes are left out of every view. */
  deletedAt: number | null;
}

/** The three kinds of record, as a backup, an export, an import or a dashboard holds them. */
export interface RecordSets {
  pages: StoredPage[];
  recommendations: StoredRecommendation[];
  notes: Note[];
}

/** Who recommends to whom, and at which session: what a recommendation shares with its statement. */
/** Who recommends to whom, at which session: the same fields as States. */
export type Who = States;

/** What a stored recommendation is made of, wherever it comes from (a page read, the user's addition, an import). */
export interface RecommendationParts {
  id: string;
  pageUrl: string | null;
  n: number;
  text: string;
  selector: RecSelector | null;
  who: Who;
  language: string | null;
  classified: Pick<StoredRecommendation, 'actionCategory' | 'themes'>;
  response: Response | null;
  source: RecommendationSource;
  createdAt: number;
  updatedAt: number;
  /** Its statement on a page of several (StoredRecommendation.statement). */
  statement?: number;
}

/** The stored record from its parts: every field, in the one order records are stored and exported in. */
export function buildStoredRecommendation(parts: RecommendationParts): StoredRecommendation {
  const { who, classified } = parts;
  return {
    id: parts.id,
    pageUrl: parts.pageUrl,
    n: parts.n,
    text: parts.text,
    selector: parts.selector,
    ...statesOf(who),
    language: parts.language,
    actionCategory: classified.actionCategory,
    themes: classified.themes,
    response: parts.response,
    source: parts.source,
    createdAt: parts.createdAt,
    updatedAt: parts.updatedAt,
    ...(parts.statement !== undefined ? { statement: parts.statement } : {}),
  };
}

/**
 * Who recommends to whom for a recommendation of `page`: the page's states and session, or, on a page of several
 * statements, its own statement's state under review, session and cycle. The user's corrections win over both.
 */
export function whoOnPage(page: Who, statements: readonly PageStatement[] | undefined, statement: number | undefined, corrections?: Partial<Who>): Who {
  const own = statement !== undefined ? statements?.[statement] : undefined;
  const { recommendingState, recommendingStateCode } = page;
  const base = own ? { recommendingState, recommendingStateCode, stateUnderReview: own.stateUnderReview, stateUnderReviewCode: own.stateUnderReviewCode, session: own.session, cycle: own.cycle } : statesOf(page);
  return { ...base, ...corrections };
}

/**
 * A page's statements when it holds several, in page order; null for an ordinary page, or one the user said is one
 * statement (by correcting its state under review).
 */
export function severalStatements(page: Pick<StoredPage, 'statements' | 'corrections'> | null): PageStatement[] | null {
  return page?.statements && page.statements.length > 1 && !page.corrections?.meta.stateUnderReviewCode ? page.statements : null;
}

/** The date of the statement a recommendation was read in: its own statement's on a page of several, else its page's. */
export function statementDate(page: Pick<StoredPage, 'date' | 'statements'> | null, rec: Pick<StoredRecommendation, 'statement'> | null): string | null {
  const own = rec?.statement !== undefined ? page?.statements?.[rec.statement] : undefined;
  return own ? own.date : (page?.date ?? null);
}


/** User settings that travel with a backup. */
export interface Settings {
  /** UI language: follow the browser, or a fixed one. */
  language: 'auto' | 'en' | 'fr';
  /** Run automatically only on known government hosts (annotate on demand elsewhere). */
  knownHostsOnly: boolean;
  /** Hosts where the user turned the extension off. */
  disabledHosts: string[];
}

export const DEFAULT_SETTINGS: Settings = { language: 'auto', knownHostsOnly: false, disabledHosts: [] };

export type SettingKey = keyof Settings;
export const SETTING_KEYS = ['language', 'knownHostsOnly', 'disabledHosts'] as const satisfies readonly SettingKey[];

/** One setting an imported backup would change: its value now, and the value it would take. */
export interface SettingChange {
  key: SettingKey;
  current: Settings[SettingKey];
  incoming: Settings[SettingKey];
}

/** What a note is about: a recommendation, or a statement page. */
export type NoteTarget = { recommendationId: string } | { pageUrl: string };

const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 50;

/** Tags as the user means them (at most 20 of 50 characters): trimmed, single-spaced, without duplicates that differ only by case. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of tags) {
    const tag = raw.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, MAX_TAG_LENGTH);
    if (tag && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
    if (seen.size === MAX_TAGS) break;
  }
  return [...seen.values()];
}

/** A note's id follows from what it is about: one note per recommendation, one per page. */
export function noteIdFor(target: NoteTarget): string {
  return 'recommendationId' in target ? `n${target.recommendationId.slice(1)}` : `p${sha256Hex(pageKey(target.pageUrl), 12)}`;
}

/** The key a page is stored under: its URL without the fragment, which only scrolls. */
export function pageKey(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

/** Text as compared for identity: case, spacing, quotes and trailing separators do not make a new recommendation. */
export function normalizeRecommendationText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b`´]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/[\s;,.:]+(and|et|y)?[\s;,.:]*$/u, '')
    .trim();
}

/**
 * Did the user mark this recommendation as not one? `rejected` holds a page's normalized texts
 * (PageCorrections.rejected); any of the recommendation's wordings (its text, the page's words for it) counts.
 */
export function isRejected(rejected: ReadonlySet<string>, ...wordings: string[]): boolean {
  return wordings.some((wording) => rejected.has(normalizeRecommendationText(wording)));
}

/**
 * The stable id of a recommendation: the same words from the same state to the same state at the same session are
 * the same record, whichever URL, visit or import they come from, so notes follow them.
 */
export function recommendationId(
  text: string,
  who: {
    recommendingStateCode: string | null;
    stateUnderReviewCode: string | null;
    session: number | null;
    recommendingStates?: readonly RecommendingStateRef[];
  },
): string {
  // A joint recommendation is one record whichever state's row came first; one state keeps the key it always had.
  const joint = who.recommendingStates && who.recommendingStates.length > 1;
  const from = joint ? [...new Set(who.recommendingStates!.map((s) => s.code ?? s.name))].sort().join('+') : (who.recommendingStateCode ?? '');
  const key = [normalizeRecommendationText(text), from, who.stateUnderReviewCode ?? '', who.session ?? ''].join('\u0000');
  return `r${sha256Hex(key, 12)}`;
}

export { mergeEdits, keepBoth } from './merge-edits';
