// What the background asks of storage, as whole operations: each runs in one transaction, so a page capture or a
// note is either stored completely or not at all.
import { openDB, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction, type StoreNames } from 'idb';
import {
  buildStoredRecommendation,
  isRejected,
  keepBoth,
  mergeEdits,
  normalizeRecommendationText,
  normalizeTags,
  noteIdFor,
  pageKey,
  recommendationId,
  statesOf,
  type States,
  MAX_STEPS,
  type CorrectionKind,
  type CorrectionStep,
  whoOnPage,
  type PageCorrections,
  type RecSelector,
  type Sighting,
  withSighting,
  type Note,
  type NoteStatus,
  type NoteTarget,
  type PageCapture,
  type RecordSets,
  type StoredPage,
  type StoredRecommendation,
} from '@/utils/model';
import { twinSimilarity } from '@/utils/crossref';
import { DB_NAME, DB_VERSION, upgrade, type RowChunk, type RowChunkKey, type UprDb } from './schema';
import { addRows, byId, CHUNK_ROWS, chunksOfState, chunksWith, countOfState, hasPackedRow, PACKED_STORES, packedIds, removeRows, rewriteRows, rowsOf, stateRange } from './packing';

export interface OpenOptions {
  name?: string;
  /** Called when another context holds an older version open and our upgrade waits. */
  onBlocked?: () => void;
  /** Called when the connection is gone (closed for an upgrade elsewhere, or the database was deleted underneath). */
  onClosed?: () => void;
}

/** Opens (and upgrades) the database through the global indexedDB; unit tests install fake-indexeddb there. */
export async function openUprDb(options: OpenOptions = {}): Promise<IDBPDatabase<UprDb>> {
  const db: IDBPDatabase<UprDb> = await openDB<UprDb>(options.name ?? DB_NAME, DB_VERSION, {
    upgrade,
    blocked: options.onBlocked,
    // A newer version wants to open (an update): step aside instead of blocking it.
    blocking: () => {
      db.close();
      options.onClosed?.();
    },
    terminated: () => options.onClosed?.(),
  });
  return db;
}

/** What a save changes; fields left out keep their stored value. */
export interface NotePatch {
  body?: string;
  /**
   * The stored text `body` was typed over. When the stored text moved on since (another tab saved), the two edits
   * are merged where they touch different parts; where they overlap, nothing is overwritten (NoteConflictError).
   * Without it, `body` replaces the stored text.
   */
  base?: string;
  /** The note editor that typed `body` (random per editor); the background uses it, storage does not keep it. */
  editor?: string;
  tags?: string[];
  status?: NoteStatus;
}

export { normalizeTags, noteIdFor, type NoteTarget } from '@/utils/model';

export interface LoadedPage {
  page: StoredPage | null;
  /** Found on the page's last visit, in page order. */
  recommendations: StoredRecommendation[];
  /** Stored for the page but not found on its last visit. */
  orphans: StoredRecommendation[];
  /** The page's records the user corrected away (not a recommendation, merged, split), kept with their notes. */
  corrected: StoredRecommendation[];
  /** Live (not deleted) notes on those recommendations. */
  notes: Note[];
  pageNote: Note | null;
}

export interface RepositoryOptions {
  /** Fills a recommendation's action category and themes when it is first stored. */
  classify?: (text: string, language: string | null) => Pick<StoredRecommendation, 'actionCategory' | 'themes'>;
  /** Told the ids of records that merged into another (a dataset row into its page capture), once stored. */
  onRemoved?: (ids: string[]) => void;
}

export interface ImportOptions {
  /** Page records already joined by a dataset row: an import written in several batches shares it, so two rows never join one. */
  taken?: Set<string>;
  /**
   * Every stored recommendation id, read once for an import written in batches (`recommendationIds`): a row whose id
   * is not in it is new, and is written without being read first. Ids written are added.
   */
  existing?: Set<string>;
}

/**
 * The stores a paged read walks, in this order: the few pages first, then notes, then the many recommendations, then
 * the dataset rows packed in chunks (given as recommendations, a whole chunk at a time).
 */
export const PAGED_STORES = ['pages', 'notes', 'recommendations', 'rowChunks'] as const;
export type PagedStore = (typeof PAGED_STORES)[number];
/** Where a paged read goes on: after this key of this store (null: from the store's first record). */
export interface RecordsCursor {
  store: PagedStore;
  after: string | null;
}

export interface RecordsPage extends RecordSets {
  /** Where the next page starts; null once every store has been read. */
  next: RecordsCursor | null;
  /** How many records each store holds, on a first page (no cursor) only. */
  total?: { pages: number; recommendations: number; notes: number };
}

export interface Repository {
  /**
   * Stores a page's reading; returns its recommendations as this page shows them (in its order and place), whichever
   * page their records belong to. A recommendation first seen at another page stays that page's (`pageUrl`) and
   * records this one in `seenAt`. Nothing is written when nothing changed; otherwise `admit` is asked first and may
   * throw to refuse the capture, which then writes nothing.
   */
  capturePage(capture: PageCapture, now?: number, admit?: (capture: { newPage: boolean }) => void): Promise<StoredRecommendation[]>;
  loadPage(url: string): Promise<LoadedPage>;
  saveNote(target: NoteTarget, patch: NotePatch, now?: number): Promise<Note>;
  /** The note on a recommendation or page, deleted ones too (null when there never was one). */
  getNote(target: NoteTarget): Promise<Note | null>;
  /** Marks a note deleted (undoable); returns it as deleted. */
  deleteNote(id: string, now?: number): Promise<Note>;
  restoreNote(id: string, now?: number): Promise<Note>;
  /** Tags in use, most used first. */
  listTags(): Promise<string[]>;
  /** Every stored recommendation (for the cross-reference index). */
  allRecommendations(): Promise<StoredRecommendation[]>;
  /** The ids of every stored recommendation. */
  recommendationIds(): Promise<Set<string>>;
  /** Every stored recommendation to a state under review (what the cross-reference index of that state holds). */
  recommendationsTo(stateUnderReviewCode: string): Promise<StoredRecommendation[]>;
  /** How many there are, without reading them. */
  countTo(stateUnderReviewCode: string): Promise<number>;
  /** The stored page (its metadata and the user's corrections), or null. */
  getPage(url: string): Promise<StoredPage | null>;
  getRecommendation(id: string): Promise<StoredRecommendation | null>;
  /** Everything, deleted notes included (a backup restores undo too); limited to one page when given. */
  exportRecords(pageUrl?: string): Promise<RecordSets>;
  /**
   * Everything, a page at a time in key order: at most `limit` records, and no more than `maxChars` of JSON (at least
   * one record), so no answer grows with the store. A record written behind the cursor meanwhile is not in later pages.
   */
  recordsPage(cursor: RecordsCursor | null, limit: number, maxChars?: number): Promise<RecordsPage>;
  /** Puts the records of an import in one transaction, and recounts the tags from the notes as they then are. */
  importRecords(writes: RecordSets, now?: number): Promise<void>;
  /**
   * Recommendations from a dataset: new ones added; known ones take the dataset's record. A row that is a
   * recommendation already read on a page (same states and session, near-identical words) merges into that record.
   */
  importRecommendations(records: StoredRecommendation[], now?: number, options?: ImportOptions): Promise<{ added: number; updated: number }>;
  deleteAll(): Promise<void>;
  /** The user's corrections to a page: recommendations added by hand, texts that are not recommendations, metadata. */
  correctPage(url: string, change: PageCorrection, now?: number): Promise<StoredPage>;
  /**
   * Takes a correction back (`step`, the id of one of the page's `corrections.steps`; or `recommendationId`, an item
   * dismissed before corrections were remembered one by one): the page as it was before it, notes included. What the
   * user wrote since on its result is not dropped: that item stays, listed as dismissed, with its note.
   */
  revertCorrection(url: string, which: { step: string } | { recommendationId: string }, now?: number): Promise<StoredPage>;
}

export interface PageCorrection {
  /** `statement`: on a page of several statements, the one the added words belong to (an index in its `statements`). */
  add?: { text: string; selector: RecSelector; statement?: number }[];
  reject?: string[];
  meta?: PageCorrections['meta'];
  /** What the user did; when left out, read from the change (stepKind). */
  kind?: CorrectionKind;
}

/** A merge adds one text for two, a split two for one; otherwise an add, a dismissal or new details. */
export function stepKind(change: PageCorrection): CorrectionKind {
  const added = change.add?.length ?? 0;
  const rejected = change.reject?.length ?? 0;
  if (change.meta) return 'details';
  if (added === 1 && rejected >= 2) return 'merge';
  if (added >= 2 && rejected >= 1) return 'split';
  return added > 0 ? 'add' : 'reject';
}


export class NotFoundError extends Error {}

/** A save whose edit overlaps one saved meanwhile elsewhere: `current` is the note as stored, left as it was. */
export class NoteConflictError extends Error {
  constructor(readonly current: Note) {
    super('This note was changed elsewhere while you were typing here. Nothing was overwritten: choose which text to keep.');
  }
}

const keyOf = (store: Exclude<PagedStore, 'rowChunks'>, record: StoredPage | Note | StoredRecommendation | undefined): string | null =>
  record === undefined ? null : store === 'pages' ? (record as StoredPage).url : (record as Note | StoredRecommendation).id;

const live = (note: Note | undefined): note is Note => Boolean(note && note.deletedAt === null);

/** The words of a recommendation as its page has them: a record merged with a dataset row holds the official text. */
export function pageWordingOf(rec: Pick<StoredRecommendation, 'text' | 'selector' | 'dataset'>): string {
  return rec.dataset && rec.selector ? rec.selector.quote.exact : rec.text;
}

// One record per real recommendation: a page capture and a dataset row are the same one when they have the same
// state under review and session, the page's recommending state is among the row's, and the words are the same
// but for punctuation, list markers, lead-ins and the like (utils/crossref's twinSimilarity).
const twinGroup = (r: Pick<StoredRecommendation, 'stateUnderReviewCode' | 'session'>) =>
  r.stateUnderReviewCode && r.session != null ? `${r.stateUnderReviewCode}|${r.session}` : null;

function statesInclude(rec: Pick<StoredRecommendation, 'recommendingStateCode' | 'recommendingStates'>, code: string | null): boolean {
  return code !== null && (rec.recommendingStateCode === code || Boolean(rec.recommendingStates?.some((s) => s.code === code)));
}

/** The page record among `candidates` that `imported` is the same recommendation as, best first; null if none. */
function pageTwinOf(imported: StoredRecommendation, candidates: readonly StoredRecommendation[], taken: ReadonlySet<string>): StoredRecommendation | null {
  let best: StoredRecommendation | null = null;
  let bestScore = 0;
  for (const page of candidates) {
    if (taken.has(page.id) || !statesInclude(imported, page.recommendingStateCode) || page.session !== imported.session) continue;
    const score = Math.max(twinSimilarity(pageWordingOf(page), imported.text), page.dataset ? twinSimilarity(page.text, imported.text) : 0);
    if (score >= TWIN_SIMILARITY && score > bestScore) [best, bestScore] = [page, score];
  }
  return best;
}
const TWIN_SIMILARITY = 0.9;

/**
 * The one record for a recommendation known from a page and from a dataset, whichever came first: the dataset's
 * official text, states, response, category, themes and facts; the page's place (URL, order, selector) and origin.
 */
function mergeTwin(page: StoredRecommendation, imported: StoredRecommendation, id: string, now: number): StoredRecommendation {
  return {
    ...imported,
    id,
    pageUrl: page.pageUrl,
    ...(page.seenAt ? { seenAt: page.seenAt } : {}),
    n: page.n,
    selector: page.selector,
    source: page.source === 'import' ? 'page' : page.source,
    language: imported.language ?? page.language,
    response: imported.response ?? page.response,
    createdAt: Math.min(page.createdAt, imported.createdAt),
    updatedAt: now,
    ...(page.statement !== undefined ? { statement: page.statement } : {}),
  };
}

/** The dataset row among `imported` that a newly captured recommendation is the same as. */
function pageTwinForCapture(text: string, recommendingStateCode: string | null, imported: readonly StoredRecommendation[]): StoredRecommendation | null {
  let best: StoredRecommendation | null = null;
  let bestScore = 0;
  for (const row of imported) {
    if (!statesInclude(row, recommendingStateCode)) continue;
    const score = twinSimilarity(text, row.text);
    if (score >= TWIN_SIMILARITY && score > bestScore) [best, bestScore] = [row, score];
  }
  return best;
}

/** The same stored record but for `ignored` (a time a rewrite would change): key order and absent fields do not count. */
function sameRecord<T extends object>(a: T, b: T, ignored: keyof T): boolean {
  const canonical = (record: T) =>
    JSON.stringify({ ...record, [ignored]: undefined }, (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : 1))) : value,
    );
  return canonical(a) === canonical(b);
}

const withAlsoShows = (alsoShows: Sighting[]) => (alsoShows.length > 0 ? { alsoShows } : {});

/**
 * The recommendations a page shows: its own, and those it showed at its last visit that were first seen elsewhere
 * (`inPageOrder`: numbered in this page's order; otherwise as stored, `n` being their own page's).
 */
async function recordsShownOn(
  store: IDBPObjectStore<UprDb, ArrayLike<StoreNames<UprDb>>, 'recommendations', IDBTransactionMode>,
  key: string,
  page: StoredPage | null | undefined,
  inPageOrder: boolean,
): Promise<StoredRecommendation[]> {
  const own = await store.index('pageUrl').getAll(key);
  const borrowed = await Promise.all((page?.alsoShows ?? []).map(async ({ id, n }) => {
    const rec = await store.get(id);
    return rec && rec.pageUrl !== key ? (inPageOrder ? { ...rec, n } : rec) : undefined;
  }));
  return [...own, ...borrowed.filter((r): r is StoredRecommendation => r !== undefined)];
}

// Any read-write transaction over at least the notes and tags stores (callers cast theirs, as for countTags).
type NotesTx = IDBPTransaction<UprDb, ('notes' | 'tags')[], 'readwrite'>;

/**
 * Moves the note of recommendation `from` to recommendation `to` (its record merged into that one). If `to` has a
 * note too, the two become one: both texts, every tag, the first status set; nothing the user wrote is dropped.
 */
async function moveNote(tx: NotesTx, from: string, to: string, now: number): Promise<void> {
  const notes = tx.objectStore('notes');
  const fromId = noteIdFor({ recommendationId: from });
  const toId = noteIdFor({ recommendationId: to });
  const moving = await notes.get(fromId);
  if (!moving) return;
  const staying = await notes.get(toId);
  await notes.delete(fromId);
  if (!staying || (!live(staying) && live(moving))) {
    await notes.put({ ...moving, id: toId, recommendationId: to });
    return;
  }
  if (!live(moving)) return; // a deleted note where a live one stays: the live one wins, as the user left it
  const bodies = [staying.body, moving.body].filter((b, i, all) => b.trim() !== '' && all.indexOf(b) === i);
  const merged: Note = {
    ...staying,
    body: bodies.join('\n\n'),
    tags: normalizeTags([...staying.tags, ...moving.tags]),
    status: staying.status !== 'none' ? staying.status : moving.status,
    createdAt: Math.min(staying.createdAt, moving.createdAt),
    updatedAt: now,
  };
  await notes.put(merged);
  // Two live notes became one: the tag counts follow.
  await countTags(tx, [...staying.tags, ...moving.tags], merged.tags, now);
}

/** Below this many stored notes per recommendation asked about, every note is read at once (one request, not one per recommendation). */
const NOTES_READ_WHOLE = 20;

/** The notes (deleted ones too) on these recommendations, in their order: what one index read per recommendation gives. */
async function notesOn(tx: IDBPTransaction<UprDb, ('notes' | 'recommendations' | 'pages')[], IDBTransactionMode>, ids: readonly string[]): Promise<Note[]> {
  const store = tx.objectStore('notes');
  if ((await store.count()) > ids.length * NOTES_READ_WHOLE) {
    const index = store.index('recommendationId');
    return (await Promise.all(ids.map((id) => index.getAll(id)))).flat();
  }
  const byRecommendation = new Map<string, Note[]>(ids.map((id) => [id, []]));
  for (const note of await store.getAll()) if (note.recommendationId !== null) byRecommendation.get(note.recommendationId)?.push(note);
  return [...byRecommendation.values()].flat();
}

/** Keeps the tags store's counts in step with a note's change, in the same transaction. */
async function countTags(tx: NotesTx, before: string[], after: string[], now: number) {
  const store = tx.objectStore('tags');
  const delta = new Map<string, number>();
  for (const tag of before) delta.set(tag, (delta.get(tag) ?? 0) - 1);
  for (const tag of after) delta.set(tag, (delta.get(tag) ?? 0) + 1);
  for (const [name, change] of delta) {
    if (change === 0) continue;
    const record = await store.get(name);
    const count = Math.max(0, (record?.count ?? 0) + change);
    if (count === 0) await store.delete(name);
    else await store.put({ name, count, updatedAt: now });
  }
}

type RecordsTx = IDBPTransaction<UprDb, ('recommendations' | 'notes')[], 'readwrite'>;
type Rekey = { rec: StoredRecommendation; id: string; states: States; oldNoteId: string; newNoteId: string }[];

/**
 * Each of a page's records with its id under its statement's states and session (`whoOf`: the page's, or on a page of
 * several statements its own statement's); ids, and note ids, follow them.
 */
async function planRekey(existing: StoredRecommendation[], whoOf: (statement: number | undefined) => Parameters<typeof recommendationId>[1] & States): Promise<Rekey> {
  return Promise.all(
    existing.map(async (rec) => {
      const who = whoOf(rec.statement);
      const id = await recommendationId(pageWordingOf(rec), who);
      return { rec, id, states: statesOf(who), oldNoteId: noteIdFor({ recommendationId: rec.id }), newNoteId: noteIdFor({ recommendationId: id }) };
    }),
  );
}

/** Writes the records under their new ids and states (all of them when `restate`), their notes moving with them. */
async function applyRekey(tx: RecordsTx, plan: Rekey, restate: boolean, now: number): Promise<void> {
  const recs = tx.objectStore('recommendations');
  const notes = tx.objectStore('notes');
  for (const { rec, id, states, oldNoteId, newNoteId } of plan) {
    if (id === rec.id && !restate) continue;
    await recs.put({ ...rec, ...states, id, updatedAt: now });
    if (id === rec.id) continue;
    await recs.delete(rec.id);
    const note = await notes.get(oldNoteId);
    if (note) {
      await notes.delete(note.id);
      await notes.put({ ...note, id: newNoteId, recommendationId: id });
    }
  }
}

export function createRepository(getDb: () => Promise<IDBPDatabase<UprDb>>, options: RepositoryOptions = {}): Repository {
  const classify = options.classify ?? (() => ({ actionCategory: null, themes: [] }));
  /** Pages of several statements whose reading under way found no record stored as one statement (see capturePage). */
  const withoutUnsplit = new Set<string>();

  async function setDeleted(id: string, deletedAt: number | null, now: number): Promise<Note> {
    const db = await getDb();
    const tx = db.transaction(['notes', 'tags'], 'readwrite');
    const note = await tx.objectStore('notes').get(id);
    if (!note) {
      tx.done.catch(() => {});
      tx.abort();
      throw new NotFoundError('That note no longer exists.');
    }
    const wasLive = note.deletedAt === null;
    const next: Note = { ...note, deletedAt, updatedAt: now };
    await tx.objectStore('notes').put(next);
    if (wasLive !== (deletedAt === null)) await countTags(tx, wasLive ? note.tags : [], wasLive ? [] : note.tags, now);
    await tx.done;
    return next;
  }

  return {
    async capturePage(capture, now = Date.now(), admit) {
      const url = pageKey(capture.url);
      const before = await (await getDb()).get('pages', url);
      // The user's corrections outlive every capture, and their metadata wins over what the page says.
      const corrections = before?.corrections;
      const who = { ...capture.meta, ...corrections?.meta };
      // On a page of several statements each recommendation is its own statement's: its state under review and session.
      const statements = capture.statements;
      const statementOf = (r: PageCapture['recommendations'][number]) => (r.statement !== undefined && statements?.[r.statement] ? r.statement : undefined);
      const whos = capture.recommendations.map((r) => {
        const statement = statementOf(r);
        return statement === undefined ? who : { ...who, ...whoOnPage(capture.meta, statements, statement, corrections?.meta) };
      });
      const ids = await Promise.all(capture.recommendations.map((r, i) => recommendationId(r.text, whos[i]!)));
      const db = await getDb();
      const tx = db.transaction(['pages', 'recommendations', 'notes', 'tags', ...PACKED_STORES], 'readwrite');
      const recs = tx.objectStore('recommendations');
      // A recommendation the page shows is never also its orphan (an official text differs from the page's words).
      const captured = new Set(ids);
      const orphaned = new Set(capture.orphans);
      const earliers = await Promise.all(ids.map((id) => recs.get(id)));
      // A page of several statements stored by an earlier version as one (its records under no state under review):
      // each such record becomes its statement's, with its note, instead of staying beside it as a second copy.
      // Looked for once per reading: a page that had none at its first batch gets none from the batches that follow it
      // (they store records of a statement each), so those do not read the whole page again.
      const unsplit = new Map<string, StoredRecommendation>();
      if (!capture.continues) withoutUnsplit.delete(url);
      if (statements && earliers.some((e) => !e) && !withoutUnsplit.has(url)) {
        for (const rec of await recs.index('pageUrl').getAll(url)) {
          if (rec.statement === undefined && rec.stateUnderReviewCode === who.stateUnderReviewCode) unsplit.set(normalizeRecommendationText(pageWordingOf(rec)), rec);
        }
        if (unsplit.size === 0) withoutUnsplit.add(url);
      }
      // A recommendation read here for the first time may be a dataset's row already stored (the same id, which
      // follows from the same state under review, or its twin): the same record then, no longer a packed row. Rows
      // are looked for per state under review and session (one per statement of the page).
      const unknownStates = new Set(whos.filter((_, i) => !earliers[i]).map((w) => w.stateUnderReviewCode ?? ''));
      const chunks: RowChunk[] = (await Promise.all([...unknownStates].map((state) => chunksOfState(tx as never, state)))).flat();
      const rows = new Map(rowsOf(chunks).map((r) => [r.id, r]));
      const fromRows = new Set<string>();
      for (const [i, id] of ids.entries()) {
        const row = earliers[i] ? undefined : rows.get(id);
        if (!row) continue;
        earliers[i] = row;
        fromRows.add(id);
      }
      const importedOf = new Map<string, StoredRecommendation[]>();
      for (const [i, w] of whos.entries()) {
        const group = twinGroup(w);
        if (!group || earliers[i] || !w.recommendingStateCode || importedOf.has(group)) continue;
        importedOf.set(group, [...rows.values()].filter((r) => !fromRows.has(r.id) && twinGroup(r) === group));
      }
      const taken = new Set<string>();
      const twins: { from: string; to: string }[] = [];
      const writes: StoredRecommendation[] = [];
      const shown: StoredRecommendation[] = [];
      const alsoShows: Sighting[] = [];
      for (const [i, r] of capture.recommendations.entries()) {
        const id = ids[i]!;
        const own = whos[i]!;
        const imported = importedOf.get(twinGroup(own) ?? '') ?? [];
        let earlier = earliers[i];
        const stale = earlier ? undefined : unsplit.get(normalizeRecommendationText(r.text));
        if (stale && stale.id !== id) {
          unsplit.delete(normalizeRecommendationText(r.text));
          twins.push({ from: stale.id, to: id });
          earlier = stale;
        }
        if (!earlier && imported.length > 0) {
          const found = pageTwinForCapture(r.text, own.recommendingStateCode, imported.filter((t) => !taken.has(t.id)));
          if (found) {
            taken.add(found.id);
            twins.push({ from: found.id, to: id });
            fromRows.add(found.id);
            earlier = found;
          }
        }
        // First seen elsewhere: the record stays that page's, and notes that it was seen here too.
        if (earlier && earlier.pageUrl !== null && earlier.pageUrl !== url) {
          const seenAt = withSighting(earlier.seenAt, url);
          if (seenAt !== earlier.seenAt) writes.push({ ...earlier, seenAt: seenAt!, updatedAt: now });
          alsoShows.push({ id, n: r.n });
          shown.push({ ...earlier, n: r.n, selector: r.selector });
          continue;
        }
        const classified = earlier && pageWordingOf(earlier) === r.text && earlier.actionCategory !== null ? earlier : classify(r.text, who.language);
        const fromPage = buildStoredRecommendation({
          id,
          pageUrl: url,
          n: r.n,
          text: r.text,
          selector: r.selector,
          who: own,
          language: who.language,
          classified,
          response: earlier?.response ?? null,
          source: earlier && earlier.source !== 'import' ? earlier.source : 'page',
          createdAt: earlier?.createdAt ?? now,
          updatedAt: now,
          statement: statementOf(r),
        });
        // What a dataset gave (official text, states, response, coding) stays; the page gives the place.
        const record = earlier?.dataset ? mergeTwin(fromPage, earlier, id, now) : { ...fromPage, ...(earlier?.seenAt ? { seenAt: earlier.seenAt } : {}) };
        // The same record as stored (only its time would change): nothing to write.
        const unchanged = earlier !== undefined && sameRecord(earlier, record, 'updatedAt');
        if (!unchanged) writes.push(record);
        shown.push(unchanged ? earlier! : record);
      }
      // A continuing batch adds to the page's list of recommendations it shows from elsewhere, and rewrites nothing else.
      const page: StoredPage | undefined = capture.continues
        ? before && alsoShows.length > 0
          ? { ...before, alsoShows: [...(before.alsoShows ?? []), ...alsoShows] }
          : before
        : {
            ...who,
            url,
            capturedAt: now,
            orphanIds: capture.orphans.filter((id) => !captured.has(id)),
            ...(corrections ? { corrections } : {}),
            ...(capture.sources ? { sources: capture.sources } : {}),
            ...(capture.candidates?.length ? { candidates: capture.candidates } : {}),
            ...withAlsoShows([...alsoShows, ...(before?.alsoShows ?? []).filter((s) => orphaned.has(s.id) && !captured.has(s.id))]),
            ...(statements ? { statements } : {}),
          };
      const pageChanged = page !== undefined && (before === undefined || !sameRecord(before, page, 'capturedAt'));
      // Capturing the same statement again writes nothing at all.
      if (!pageChanged && writes.length === 0) {
        await tx.done;
        return shown;
      }
      try {
        admit?.({ newPage: before === undefined });
      } catch (error) {
        tx.done.catch(() => {}); // the abort below rejects it; the caller gets the refusal instead
        tx.abort();
        throw error;
      }
      // A changed reading is this page's latest capture, even where its own record reads the same.
      if (page && (pageChanged || !capture.continues)) void tx.objectStore('pages').put(page);
      for (const { from, to } of twins) {
        await recs.delete(from);
        await moveNote(tx as never, from, to, now);
      }
      // A dataset row that a captured recommendation is (by id, or as its twin) is that record from now on.
      await removeRows(tx as never, fromRows, chunks);
      for (const record of writes) void recs.put(record);
      await tx.done;
      if (twins.length > 0) options.onRemoved?.(twins.map((t) => t.from));
      return shown;
    },

    async loadPage(url) {
      const key = pageKey(url);
      const pageNoteId = await noteIdFor({ pageUrl: key });
      const db = await getDb();
      const tx = db.transaction(['pages', 'recommendations', 'notes'], 'readonly');
      const page = (await tx.objectStore('pages').get(key)) ?? null;
      const all = (await recordsShownOn(tx.objectStore('recommendations'), key, page, true)).sort((a, b) => a.n - b.n);
      const notes = (await notesOn(tx, all.map((r) => r.id))).filter(live);
      const pageNote = await tx.objectStore('notes').get(pageNoteId);
      await tx.done;
      const orphanIds = new Set(page?.orphanIds ?? []);
      // What the user said is not a recommendation (or merged, or split) is kept, with its note, but not listed.
      const rejected = new Set(page?.corrections?.rejected ?? []);
      const isCorrected = (r: StoredRecommendation) => rejected.size > 0 && isRejected(rejected, r.text, pageWordingOf(r));
      const listed = all.filter((r) => !isCorrected(r));
      return {
        page,
        recommendations: listed.filter((r) => !orphanIds.has(r.id)),
        orphans: listed.filter((r) => orphanIds.has(r.id)),
        corrected: all.filter(isCorrected),
        notes,
        pageNote: live(pageNote) ? pageNote : null,
      };
    },

    async saveNote(target, patch, now = Date.now()) {
      const id = await noteIdFor(target);
      const db = await getDb();
      const tx = db.transaction(['notes', 'recommendations', 'pages', 'tags', ...PACKED_STORES], 'readwrite');
      const exists =
        'recommendationId' in target
          ? ((await tx.objectStore('recommendations').getKey(target.recommendationId)) ?? (await hasPackedRow(tx as never, target.recommendationId)))
          : await tx.objectStore('pages').getKey(pageKey(target.pageUrl));
      if (!exists) {
        tx.done.catch(() => {}); // the abort below rejects it; the caller gets our error instead
        tx.abort();
        throw new NotFoundError(
          'recommendationId' in target
            ? 'This recommendation is no longer stored (the extension’s data may have been cleared). Reload the page to store it again; your text is still here.'
            : 'This page is no longer stored (the extension’s data may have been cleared). Reload the page to store it again; your text is still here.',
        );
      }
      const notes = tx.objectStore('notes');
      const earlier = await notes.get(id);
      const before = live(earlier) ? earlier.tags : [];
      const stored = live(earlier) ? earlier.body : '';
      let body = patch.body ?? stored;
      // (A note deleted meanwhile is not merged with: writing in it again brings it back, as before.)
      if (patch.body !== undefined && patch.base !== undefined && live(earlier) && stored !== patch.base) {
        const merged = mergeEdits(patch.base, patch.body, stored);
        if (merged === null) {
          tx.done.catch(() => {});
          tx.abort();
          throw new NoteConflictError(earlier);
        }
        body = merged;
      }
      const note: Note = {
        id,
        recommendationId: 'recommendationId' in target ? target.recommendationId : null,
        pageUrl: 'pageUrl' in target ? pageKey(target.pageUrl) : null,
        body,
        tags: patch.tags ? normalizeTags(patch.tags) : before,
        status: patch.status ?? (live(earlier) ? earlier.status : 'none'),
        createdAt: live(earlier) ? earlier.createdAt : now,
        updatedAt: now,
        deletedAt: null,
      };
      await notes.put(note);
      await countTags(tx as never, before, note.tags, now);
      await tx.done;
      return note;
    },

    async getNote(target) {
      return (await (await getDb()).get('notes', noteIdFor(target))) ?? null;
    },

    deleteNote: (id, now = Date.now()) => setDeleted(id, now, now),
    restoreNote: (id, now = Date.now()) => setDeleted(id, null, now),

    async allRecommendations() {
      const tx = (await getDb()).transaction(['recommendations', ...PACKED_STORES], 'readonly');
      const [onPages, chunks] = await Promise.all([tx.objectStore('recommendations').getAll(), tx.objectStore('rowChunks').getAll()]);
      return byId(onPages, rowsOf(chunks));
    },

    async recommendationIds() {
      const tx = (await getDb()).transaction(['recommendations', ...PACKED_STORES], 'readonly');
      const [onPages, rows] = await Promise.all([tx.objectStore('recommendations').getAllKeys(), packedIds(tx as never)]);
      return new Set([...onPages, ...rows]);
    },

    async recommendationsTo(state) {
      const db = await getDb();
      const [onPages, chunks] = await Promise.all([db.getAllFromIndex('recommendations', 'stateUnderReviewCode', state), db.getAll('rowChunks', stateRange(state))]);
      return [...onPages, ...rowsOf(chunks)];
    },

    async countTo(state) {
      const db = await getDb();
      const [onPages, rows] = await Promise.all([db.countFromIndex('recommendations', 'stateUnderReviewCode', state), countOfState(db, state)]);
      return onPages + rows;
    },

    async getPage(url) {
      return (await (await getDb()).get('pages', pageKey(url))) ?? null;
    },

    async getRecommendation(id) {
      const tx = (await getDb()).transaction(['recommendations', ...PACKED_STORES], 'readonly');
      const onPage = await tx.objectStore('recommendations').get(id);
      if (onPage) return onPage;
      return rowsOf(await chunksWith(tx as never, new Set([id]))).find((r) => r.id === id) ?? null;
    },

    async exportRecords(pageUrl) {
      const db = await getDb();
      const tx = db.transaction(['pages', 'recommendations', 'notes', ...PACKED_STORES], 'readonly');
      if (pageUrl === undefined) {
        const [pages, onPages, chunks, notes] = await Promise.all([
          tx.objectStore('pages').getAll(),
          tx.objectStore('recommendations').getAll(),
          tx.objectStore('rowChunks').getAll(),
          tx.objectStore('notes').getAll(),
        ]);
        return { pages, recommendations: byId(onPages, rowsOf(chunks)), notes };
      }
      const key = pageKey(pageUrl);
      const page = await tx.objectStore('pages').get(key);
      const recommendations = await recordsShownOn(tx.objectStore('recommendations'), key, page, false);
      const notes = await notesOn(tx as never, recommendations.map((r) => r.id));
      notes.push(...(await tx.objectStore('notes').index('pageUrl').getAll(key)));
      return { pages: page ? [page] : [], recommendations, notes };
    },

    async recordsPage(cursor, limit, maxChars = Infinity) {
      const db = await getDb();
      const tx = db.transaction([...PAGED_STORES, 'rowIds'], 'readonly');
      const out: RecordsPage = { pages: [], recommendations: [], notes: [], next: null };
      if (cursor === null) {
        const [pages, notes, recommendations] = await Promise.all((['pages', 'notes', 'recommendations'] as const).map((store) => tx.objectStore(store).count()));
        const packed = (await tx.objectStore('rowIds').getAllKeys()).reduce((total, key) => total + key[2], 0);
        out.total = { pages: pages!, recommendations: recommendations! + packed, notes: notes! };
      }
      limit = Math.max(1, limit);
      let left = limit;
      let chars = 0;
      for (let s = PAGED_STORES.indexOf(cursor?.store ?? 'pages'); s < PAGED_STORES.length; s++) {
        const store = PAGED_STORES[s]!;
        const after = store === cursor?.store ? cursor.after : null;
        if (store === 'rowChunks') {
          // Whole chunks (a row is never split from its chunk): the last one may take a page past `limit`.
          const from = after === null ? undefined : IDBKeyRange.lowerBound(JSON.parse(after) as RowChunkKey, true);
          const asked = Math.ceil(left / CHUNK_ROWS);
          const chunks = await tx.objectStore('rowChunks').getAll(from, asked);
          let last: string | null = after;
          for (const chunk of chunks) {
            const size = chunk.rows.reduce((total, row) => total + JSON.stringify(row).length, 0);
            if (chars + size > maxChars && left < limit) {
              out.next = { store, after: last };
              break;
            }
            chars += size;
            out.recommendations.push(...chunk.rows);
            left -= chunk.rows.length;
            last = JSON.stringify(chunk.key);
            if (left <= 0) {
              out.next = { store, after: last };
              break;
            }
          }
          // Chunks smaller than CHUNK_ROWS: as many as asked were read, and more may follow.
          if (!out.next && chunks.length === asked) out.next = { store, after: last };
          break;
        }
        const read = (await tx.objectStore(store).getAll(after === null ? undefined : IDBKeyRange.lowerBound(after, true), left)) as (StoredPage | Note | StoredRecommendation)[];
        const kept = out[store] as typeof read;
        for (const record of read) {
          chars += JSON.stringify(record).length;
          if (chars > maxChars && left < limit) {
            out.next = { store, after: keyOf(store, kept.at(-1)) ?? after };
            break;
          }
          kept.push(record);
          left--;
        }
        if (out.next) break;
        if (left === 0) {
          out.next = { store, after: keyOf(store, kept.at(-1)) ?? after };
          break;
        }
      }
      await tx.done;
      return out;
    },

    async importRecords(writes, now = Date.now()) {
      const db = await getDb();
      const tx = db.transaction(['pages', 'recommendations', 'notes', 'tags', ...PACKED_STORES], 'readwrite');
      for (const page of writes.pages) void tx.objectStore('pages').put(page);
      // A record with a page goes to `recommendations`, one without to the packed rows, and leaves the other place.
      const incoming = new Map(writes.recommendations.map((r) => [r.id, r]));
      const onPages = new Set(await tx.objectStore('recommendations').getAllKeys());
      const chunks = await chunksWith(tx as never, new Set(incoming.keys()));
      const packed = new Set(rowsOf(chunks).map((r) => r.id));
      const newRows: StoredRecommendation[] = [];
      for (const rec of incoming.values()) {
        if (rec.pageUrl !== null) void tx.objectStore('recommendations').put(rec);
        else {
          if (onPages.has(rec.id)) void tx.objectStore('recommendations').delete(rec.id);
          if (!packed.has(rec.id)) newRows.push(rec);
        }
      }
      await rewriteRows(tx as never, chunks, (row) => {
        const rec = incoming.get(row.id);
        return !rec ? row : rec.pageUrl === null ? rec : null;
      });
      await addRows(tx as never, newRows);
      for (const note of writes.notes) void tx.objectStore('notes').put(note);
      const counts = new Map<string, number>();
      for (const note of await tx.objectStore('notes').getAll()) {
        if (live(note)) for (const tag of note.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      }
      await tx.objectStore('tags').clear();
      for (const [name, count] of counts) void tx.objectStore('tags').put({ name, count, updatedAt: now });
      await tx.done;
    },

    async importRecommendations(records, now = Date.now(), { taken = new Set<string>(), existing } = {}) {
      const db = await getDb();
      // A dataset can be imported again if the browser fails before the disk has it: no flush per batch.
      const tx = db.transaction(['recommendations', 'notes', 'tags', ...PACKED_STORES], 'readwrite', { durability: 'relaxed' });
      const store = tx.objectStore('recommendations');
      // The records read on a page (few, next to a dataset) by state and session: where a row may have its twin.
      const onPages = new Map<string, StoredRecommendation[]>();
      for (const rec of await store.index('pageUrl').getAll()) {
        const group = twinGroup(rec);
        if (group) onPages.set(group, [...(onPages.get(group) ?? []), rec]);
      }
      // Where the rows stored before are: a page's record, or a packed row (read once, with its chunk). A row
      // whose id is not in `existing` is new and is not looked for.
      const known = [...new Set(records.map((r) => r.id))].filter((id) => !existing || existing.has(id));
      const pageRecords = new Map<string, StoredRecommendation>();
      for (const [i, rec] of (await Promise.all(known.map((id) => store.get(id)))).entries()) if (rec) pageRecords.set(known[i]!, rec);
      const chunks = await chunksWith(tx as never, new Set(known.filter((id) => !pageRecords.has(id))));
      /** Packed rows as this import leaves them: stored ones (replaced or not), new ones, and those removed (null). */
      const rows = new Map<string, StoredRecommendation | null>(rowsOf(chunks).map((r) => [r.id, r]));
      const storedRows = new Set(rows.keys());
      const earlierOf = (id: string) => pageRecords.get(id) ?? rows.get(id) ?? undefined;
      let added = 0;
      let updated = 0;
      const removed: string[] = [];
      const put = (record: StoredRecommendation) => {
        const earlier = earlierOf(record.id);
        existing?.add(record.id);
        if (!earlier) {
          added++;
          rows.set(record.id, record);
          return;
        }
        updated++;
        // A row imported before: the dataset's record as it now is. One merged with a page keeps its place there.
        if (earlier.pageUrl !== null) {
          const merged = mergeTwin(earlier, record, earlier.id, now);
          pageRecords.set(merged.id, merged);
          void store.put(merged);
        } else rows.set(record.id, { ...record, createdAt: earlier.createdAt, updatedAt: now });
      };
      for (const record of records) {
        const group = twinGroup(record);
        if (!onPages.has(group ?? '')) {
          put(record);
          continue;
        }
        // A row that may be a page's recommendation: two rows never merge into one page record.
        const earlier = earlierOf(record.id);
        const twin = earlier && earlier.pageUrl !== null ? earlier : pageTwinOf(record, onPages.get(group!)!, taken);
        if (!twin) {
          put(record);
          continue;
        }
        taken.add(twin.id);
        updated++;
        const merged = mergeTwin(twin, record, twin.id, now);
        pageRecords.set(merged.id, merged);
        await store.put(merged);
        // Stored apart before (by an older version, or earlier in this import): the dataset's copy goes, its note
        // joins the page's record.
        if (earlier && earlier.id !== twin.id) {
          rows.set(earlier.id, null);
          await moveNote(tx as never, earlier.id, twin.id, now);
          removed.push(earlier.id);
        }
      }
      await rewriteRows(tx as never, chunks, (row) => (rows.has(row.id) ? rows.get(row.id)! : row));
      await addRows(tx as never, [...rows].flatMap(([id, row]) => (row && !storedRows.has(id) ? [row] : [])));
      await tx.done;
      if (removed.length > 0) options.onRemoved?.(removed);
      return { added, updated };
    },

    async correctPage(url, change, now = Date.now()) {
      const key = pageKey(url);
      const db = await getDb();
      const page = await db.get('pages', key);
      if (!page) throw new NotFoundError('This page is not stored yet: reload it, then correct it.');
      const before = page.corrections ?? { meta: {}, rejected: [] };
      const meta = { ...before.meta, ...change.meta };
      const added = (change.add ?? []).map((a) => ({ ...a, text: a.text.replace(/\s+/g, ' ').trim() })).filter((a) => a.text);
      const addedKeys = new Set(added.map((a) => normalizeRecommendationText(a.text)));
      const rejected = [...new Set([...before.rejected, ...(change.reject ?? []).map(normalizeRecommendationText)])].filter((r) => !addedKeys.has(r));
      const who = { ...page, ...meta };
      const kind = change.kind ?? stepKind(change);
      const wasRejected = new Set(before.rejected);
      const step: CorrectionStep = {
        id: `c${now.toString(36)}${Math.random().toString(36).slice(2, 8)}`,
        kind,
        at: now,
        rejected: rejected.filter((r) => !wasRejected.has(r)),
        unrejected: before.rejected.filter((r) => addedKeys.has(r)),
        added: [],
        candidates: page.candidates?.filter((c) => addedKeys.has(normalizeRecommendationText(c.text))) ?? [],
        movedNotes: [],
        ...(change.meta ? { meta: { before: before.meta, states: statesOf(page) } } : {}),
      };
      // Ids follow the states and session: corrected metadata moves the page's recommendations, and their notes, to new ids.
      const existing = await db.getAllFromIndex('recommendations', 'pageUrl', key);
      // On a page of several statements, each recommendation is its own statement's (unless the user said otherwise).
      const whoOf = (statement: number | undefined) => whoOnPage(page, page.statements, statement, meta);
      const rekey = await planRekey(existing, whoOf);
      const addedIds = await Promise.all(added.map((a) => recommendationId(a.text, whoOf(a.statement))));
      // A merge's or a split's notes go to its result (the first part of a split), all of them kept.
      const newlyRejected = new Set(step.rejected);
      const merging = (kind === 'merge' || kind === 'split') && addedIds.length > 0 ? existing.filter((r) => isRejected(newlyRejected, r.text, pageWordingOf(r))).sort((a, b) => a.n - b.n) : [];
      const movingIds = merging.map((r) => noteIdFor({ recommendationId: r.id }));
      const resultNoteId = addedIds[0] ? noteIdFor({ recommendationId: addedIds[0] }) : null;

      const tx = db.transaction(['pages', 'recommendations', 'notes', 'tags', ...PACKED_STORES], 'readwrite');
      const recs = tx.objectStore('recommendations');
      const notes = tx.objectStore('notes');
      // A dataset row with an id the page's records now take is that record from now on (one record per id).
      await removeRows(tx as never, new Set([...rekey.filter(({ rec, id }) => id !== rec.id).map(({ id }) => id), ...addedIds]));
      await applyRekey(tx as never, rekey, Boolean(change.meta), now);
      for (const [i, item] of added.entries()) {
        if (!(await recs.getKey(addedIds[i]!))) step.added.push(addedIds[i]!);
        await recs.put(
          buildStoredRecommendation({
            id: addedIds[i]!,
            pageUrl: key,
            n: 0,
            text: item.text,
            selector: item.selector,
            who: whoOf(item.statement),
            language: page.language,
            classified: classify(item.text, page.language),
            response: null,
            source: 'manual',
            createdAt: now,
            updatedAt: now,
            statement: item.statement !== undefined && page.statements?.[item.statement] ? item.statement : undefined,
          }),
        );
      }
      if (resultNoteId && merging.length > 0) {
        const moving = (await Promise.all(movingIds.map((id) => notes.get(id)))).filter(live);
        if (moving.length > 0) {
          const target = await notes.get(resultNoteId);
          const kept = live(target) ? target : null;
          step.resultNote = { id: resultNoteId, before: kept && { body: kept.body, tags: kept.tags, status: kept.status } };
          step.movedNotes = moving.map((n) => n.id);
          const all = kept ? [kept, ...moving] : moving;
          const result: Note = {
            id: resultNoteId,
            recommendationId: addedIds[0]!,
            pageUrl: null,
            body: all.reduce((body, n) => (n.body.trim() === '' || body.includes(n.body) ? body : keepBoth(body, n.body)), ''),
            tags: normalizeTags(all.flatMap((n) => n.tags)),
            status: all.find((n) => n.status !== 'none')?.status ?? 'none',
            createdAt: Math.min(...all.map((n) => n.createdAt)),
            updatedAt: now,
            deletedAt: null,
          };
          await notes.put(result);
          // Left on their items as deleted notes, for a revert to give back as they were.
          for (const n of moving) await notes.put({ ...n, deletedAt: now });
          await countTags(tx as never, all.flatMap((n) => n.tags), result.tags, now);
        }
      }
      const steps = [...(before.steps ?? []), step].slice(-MAX_STEPS);
      const next: StoredPage = { ...page, ...statesOf(who), corrections: { meta, rejected, steps } };
      // A passage offered and now added is offered no more.
      const offered = page.candidates?.filter((c) => !addedKeys.has(normalizeRecommendationText(c.text)));
      if (offered?.length) next.candidates = offered;
      else delete next.candidates;
      await tx.objectStore('pages').put(next);
      await tx.done;
      return next;
    },

    async revertCorrection(url, which, now = Date.now()) {
      const key = pageKey(url);
      const db = await getDb();
      const page = await db.get('pages', key);
      if (!page?.corrections) throw new NotFoundError('This page has no correction to take back.');
      const corrections = page.corrections;
      let step = 'step' in which ? corrections.steps?.find((s) => s.id === which.step) : undefined;
      if (!step && 'recommendationId' in which) {
        // Dismissed before corrections were remembered one by one: its wordings come off the list.
        const rec = await db.get('recommendations', which.recommendationId);
        if (rec?.pageUrl === key) {
          const wordings = [rec.text, pageWordingOf(rec)].map(normalizeRecommendationText);
          step = { id: 'c0', kind: 'reject', at: now, rejected: wordings, unrejected: [], added: [], candidates: [], movedNotes: [] };
        }
      }
      if (!step) throw new NotFoundError('That correction was already taken back.');
      const taken = step;
      const rejected = new Set(corrections.rejected.filter((r) => !taken.rejected.includes(r)));
      for (const r of taken.unrejected) rejected.add(r);
      const meta = taken.meta ? taken.meta.before : corrections.meta;
      const states = taken.meta ? taken.meta.states : statesOf(page);
      const whoOf = (statement: number | undefined) => whoOnPage({ ...page, ...states }, page.statements, statement, meta);
      const rekey = taken.meta ? await planRekey(await db.getAllFromIndex('recommendations', 'pageUrl', key), whoOf) : [];
      const addedNoteIds = taken.added.map((id) => noteIdFor({ recommendationId: id }));

      const tx = db.transaction(['pages', 'recommendations', 'notes', 'tags'], 'readwrite');
      const recs = tx.objectStore('recommendations');
      const notes = tx.objectStore('notes');
      await applyRekey(tx as never, rekey, true, now);
      // Written on since the correction: not the correction's to take back.
      const untouched = (note: Note | undefined): note is Note => live(note) && note.updatedAt <= taken.at;
      if (taken.resultNote) {
        const note = await notes.get(taken.resultNote.id);
        const was = taken.resultNote.before;
        if (untouched(note)) {
          if (was) await notes.put({ ...note, ...was, updatedAt: now });
          else await notes.delete(note.id);
          await countTags(tx as never, note.tags, was?.tags ?? [], now);
        }
      }
      for (const id of taken.movedNotes) {
        const note = await notes.get(id);
        if (!note || note.deletedAt === null) continue;
        await notes.put({ ...note, deletedAt: null, updatedAt: now });
        await countTags(tx as never, [], note.tags, now);
      }
      for (const [i, id] of taken.added.entries()) {
        const rec = await recs.get(id);
        if (!rec) continue;
        const note = await notes.get(addedNoteIds[i]!);
        if (live(note)) {
          // The user wrote on it since: it stays, with its note, among what was corrected away.
          rejected.add(normalizeRecommendationText(rec.text));
          continue;
        }
        await recs.delete(id);
        await notes.delete(addedNoteIds[i]!); // a deleted note on it, if any
      }
      const next: StoredPage = {
        ...page,
        ...states,
        corrections: { meta, rejected: [...rejected], steps: (corrections.steps ?? []).filter((s) => s.id !== taken.id) },
      };
      const offered = [...(page.candidates ?? []), ...taken.candidates.filter((c) => !page.candidates?.some((o) => o.text === c.text))];
      if (offered.length) next.candidates = offered;
      await tx.objectStore('pages').put(next);
      await tx.done;
      return next;
    },

    async deleteAll() {
      const db = await getDb();
      const tx = db.transaction(['pages', 'recommendations', 'notes', 'tags', ...PACKED_STORES], 'readwrite');
      await Promise.all([
        tx.objectStore('pages').clear(),
        tx.objectStore('recommendations').clear(),
        tx.objectStore('rowChunks').clear(),
        tx.objectStore('rowIds').clear(),
        tx.objectStore('notes').clear(),
        tx.objectStore('tags').clear(),
      ]);
      await tx.done;
    },

    async listTags() {
      const db = await getDb();
      const tags = await db.getAll('tags');
      return tags.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).map((t) => t.name);
    },
  };
}
