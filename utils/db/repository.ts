// What the background asks of storage, as whole operations: each runs in one transaction, so a page capture or a
// note is either stored completely or not at all.
import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import {
  buildStoredRecommendation,
  isRejected,
  mergeEdits,
  normalizeRecommendationText,
  normalizeTags,
  noteIdFor,
  pageKey,
  recommendationId,
  type PageCorrections,
  type RecSelector,
  type Note,
  type NoteStatus,
  type NoteTarget,
  type PageCapture,
  type RecordSets,
  type StoredPage,
  type StoredRecommendation,
} from '@/utils/model';
import { twinSimilarity } from '@/utils/crossref';
import { DB_NAME, DB_VERSION, upgrade, type UprDb } from './schema';

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

/** The stores a paged read walks, in this order: the few pages first, then notes, then the many recommendations. */
export const PAGED_STORES = ['pages', 'notes', 'recommendations'] as const;
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
  capturePage(capture: PageCapture, now?: number): Promise<StoredRecommendation[]>;
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
}

export interface PageCorrection {
  add?: { text: string; selector: RecSelector }[];
  reject?: string[];
  meta?: PageCorrections['meta'];
}

export class NotFoundError extends Error {}

/** A save whose edit overlaps one saved meanwhile elsewhere: `current` is the note as stored, left as it was. */
export class NoteConflictError extends Error {
  constructor(readonly current: Note) {
    super('This note was changed elsewhere while you were typing here. Nothing was overwritten: choose which text to keep.');
  }
}

const keyOf = (store: PagedStore, record: StoredPage | Note | StoredRecommendation | undefined): string | null =>
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
    n: page.n,
    selector: page.selector,
    source: page.source === 'import' ? 'page' : page.source,
    language: imported.language ?? page.language,
    response: imported.response ?? page.response,
    createdAt: Math.min(page.createdAt, imported.createdAt),
    updatedAt: now,
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

export function createRepository(getDb: () => Promise<IDBPDatabase<UprDb>>, options: RepositoryOptions = {}): Repository {
  const classify = options.classify ?? (() => ({ actionCategory: null, themes: [] }));

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
    async capturePage(capture, now = Date.now()) {
      const url = pageKey(capture.url);
      // The user's corrections outlive every capture, and their metadata wins over what the page says.
      const corrections = (await (await getDb()).get('pages', url))?.corrections;
      const who = { ...capture.meta, ...corrections?.meta };
      const ids = await Promise.all(capture.recommendations.map((r) => recommendationId(r.text, who)));
      const db = await getDb();
      const tx = db.transaction(['pages', 'recommendations', 'notes', 'tags'], 'readwrite');
      const recs = tx.objectStore('recommendations');
      // A recommendation the page shows is never also its orphan (an official text differs from the page's words).
      const captured = new Set(ids);
      if (!capture.continues) void tx.objectStore('pages').put({
        ...who,
        url,
        capturedAt: now,
        orphanIds: capture.orphans.filter((id) => !captured.has(id)),
        ...(corrections ? { corrections } : {}),
        ...(capture.sources ? { sources: capture.sources } : {}),
        ...(capture.candidates?.length ? { candidates: capture.candidates } : {}),
      });
      const earliers = await Promise.all(ids.map((id) => recs.get(id)));
      // A recommendation read here for the first time may be a dataset's row already stored: the same record then.
      const group = twinGroup(who);
      const imported =
        group && earliers.some((e) => !e) && who.recommendingStateCode
          ? (await recs.index('stateUnderReviewCode').getAll(who.stateUnderReviewCode!)).filter((r) => r.pageUrl === null && twinGroup(r) === group)
          : [];
      const taken = new Set<string>();
      const removed: string[] = [];
      const stored: StoredRecommendation[] = [];
      for (const [i, r] of capture.recommendations.entries()) {
        const id = ids[i]!;
        let earlier = earliers[i];
        if (!earlier && imported.length > 0) {
          const found = pageTwinForCapture(r.text, who.recommendingStateCode, imported.filter((t) => !taken.has(t.id)));
          if (found) {
            taken.add(found.id);
            removed.push(found.id);
            await recs.delete(found.id);
            await moveNote(tx as never, found.id, id, now);
            earlier = found;
          }
        }
        const classified = earlier && pageWordingOf(earlier) === r.text && earlier.actionCategory !== null ? earlier : classify(r.text, who.language);
        const fromPage = buildStoredRecommendation({
          id,
          pageUrl: url,
          n: r.n,
          text: r.text,
          selector: r.selector,
          who,
          language: who.language,
          classified,
          response: earlier?.response ?? null,
          source: earlier && earlier.source !== 'import' ? earlier.source : 'page',
          createdAt: earlier?.createdAt ?? now,
          updatedAt: now,
        });
        // What a dataset gave (official text, states, response, coding) stays; the page gives the place.
        const record = earlier?.dataset ? mergeTwin(fromPage, earlier, id, now) : fromPage;
        await recs.put(record);
        stored.push(record);
      }
      await tx.done;
      if (removed.length > 0) options.onRemoved?.(removed);
      return stored;
    },

    async loadPage(url) {
      const key = pageKey(url);
      const pageNoteId = await noteIdFor({ pageUrl: key });
      const db = await getDb();
      const tx = db.transaction(['pages', 'recommendations', 'notes'], 'readonly');
      const page = (await tx.objectStore('pages').get(key)) ?? null;
      const all = (await tx.objectStore('recommendations').index('pageUrl').getAll(key)).sort((a, b) => a.n - b.n);
      const noteIndex = tx.objectStore('notes').index('recommendationId');
      const notes = (await Promise.all(all.map((r) => noteIndex.getAll(r.id)))).flat().filter(live);
      const pageNote = await tx.objectStore('notes').get(pageNoteId);
      await tx.done;
      const orphanIds = new Set(page?.orphanIds ?? []);
      // What the user said is not a recommendation (or merged, or split) is kept, with its note, but not listed.
      const rejected = new Set(page?.corrections?.rejected ?? []);
      const listed = all.filter((r) => !isRejected(rejected, r.text, pageWordingOf(r)));
      return {
        page,
        recommendations: listed.filter((r) => !orphanIds.has(r.id)),
        orphans: listed.filter((r) => orphanIds.has(r.id)),
        notes,
        pageNote: live(pageNote) ? pageNote : null,
      };
    },

    async saveNote(target, patch, now = Date.now()) {
      const id = await noteIdFor(target);
      const db = await getDb();
      const tx = db.transaction(['notes', 'recommendations', 'pages', 'tags'], 'readwrite');
      const exists =
        'recommendationId' in target
          ? await tx.objectStore('recommendations').getKey(target.recommendationId)
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
      return (await getDb()).getAll('recommendations');
    },

    async recommendationIds() {
      return new Set(await (await getDb()).getAllKeys('recommendations'));
    },

    async getPage(url) {
      return (await (await getDb()).get('pages', pageKey(url))) ?? null;
    },

    async getRecommendation(id) {
      return (await (await getDb()).get('recommendations', id)) ?? null;
    },

    async exportRecords(pageUrl) {
      const db = await getDb();
      const tx = db.transaction(['pages', 'recommendations', 'notes'], 'readonly');
      if (pageUrl === undefined) {
        const [pages, recommendations, notes] = await Promise.all([
          tx.objectStore('pages').getAll(),
          tx.objectStore('recommendations').getAll(),
          tx.objectStore('notes').getAll(),
        ]);
        return { pages, recommendations, notes };
      }
      const key = pageKey(pageUrl);
      const page = await tx.objectStore('pages').get(key);
      const recommendations = await tx.objectStore('recommendations').index('pageUrl').getAll(key);
      const noteIndex = tx.objectStore('notes').index('recommendationId');
      const notes = (await Promise.all(recommendations.map((r) => noteIndex.getAll(r.id)))).flat();
      notes.push(...(await tx.objectStore('notes').index('pageUrl').getAll(key)));
      return { pages: page ? [page] : [], recommendations, notes };
    },

    async recordsPage(cursor, limit, maxChars = Infinity) {
      const db = await getDb();
      const tx = db.transaction([...PAGED_STORES], 'readonly');
      const out: RecordsPage = { pages: [], recommendations: [], notes: [], next: null };
      if (cursor === null) {
        const [pages, notes, recommendations] = await Promise.all(PAGED_STORES.map((store) => tx.objectStore(store).count()));
        out.total = { pages: pages!, recommendations: recommendations!, notes: notes! };
      }
      limit = Math.max(1, limit);
      let left = limit;
      let chars = 0;
      for (let s = PAGED_STORES.indexOf(cursor?.store ?? 'pages'); s < PAGED_STORES.length; s++) {
        const store = PAGED_STORES[s]!;
        const after = store === cursor?.store ? cursor.after : null;
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
      const tx = db.transaction(['pages', 'recommendations', 'notes', 'tags'], 'readwrite');
      for (const page of writes.pages) void tx.objectStore('pages').put(page);
      for (const rec of writes.recommendations) void tx.objectStore('recommendations').put(rec);
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
      const tx = db.transaction(['recommendations', 'notes', 'tags'], 'readwrite', { durability: 'relaxed' });
      const store = tx.objectStore('recommendations');
      // The records read on a page (few, next to a dataset) by state and session: where a row may have its twin.
      const onPages = new Map<string, StoredRecommendation[]>();
      for (const rec of await store.index('pageUrl').getAll()) {
        const group = twinGroup(rec);
        if (group) onPages.set(group, [...(onPages.get(group) ?? []), rec]);
      }
      let added = 0;
      let updated = 0;
      const removed: string[] = [];
      const put = async (record: StoredRecommendation) => {
        const earlier = existing && !existing.has(record.id) ? undefined : await store.get(record.id);
        existing?.add(record.id);
        if (!earlier) {
          added++;
          return store.put(record);
        }
        updated++;
        // A row imported before: the dataset's record as it now is. One merged with a page keeps its place there.
        return store.put(earlier.pageUrl !== null ? mergeTwin(earlier, record, earlier.id, now) : { ...record, createdAt: earlier.createdAt, updatedAt: now });
      };
      const plain: StoredRecommendation[] = [];
      const maybeTwins: StoredRecommendation[] = [];
      for (const record of records) (onPages.has(twinGroup(record) ?? '') ? maybeTwins : plain).push(record);
      await Promise.all(plain.map(put));
      // Rows that may be a page's recommendation, one after the other: two rows never merge into one page record.
      for (const record of maybeTwins) {
        const earlier = await store.get(record.id);
        const twin = earlier && earlier.pageUrl !== null ? earlier : pageTwinOf(record, onPages.get(twinGroup(record)!)!, taken);
        if (!twin) {
          await put(record);
          continue;
        }
        taken.add(twin.id);
        updated++;
        await store.put(mergeTwin(twin, record, twin.id, now));
        // Stored apart before (by an older version): the dataset's copy goes, its note joins the page's record.
        if (earlier && earlier.id !== twin.id) {
          await store.delete(earlier.id);
          await moveNote(tx as never, earlier.id, twin.id, now);
          removed.push(earlier.id);
        }
      }
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
      // Ids follow the states and session: corrected metadata moves the page's recommendations, and their notes, to new ids.
      const existing = await db.getAllFromIndex('recommendations', 'pageUrl', key);
      const rekeyed = await Promise.all(existing.map(async (rec) => ({ rec, id: await recommendationId(pageWordingOf(rec), who) })));
      const addedIds = await Promise.all(added.map((a) => recommendationId(a.text, who)));
      const [oldNoteIds, newNoteIds] = await Promise.all([
        Promise.all(rekeyed.map(({ rec }) => noteIdFor({ recommendationId: rec.id }))),
        Promise.all(rekeyed.map(({ id }) => noteIdFor({ recommendationId: id }))),
      ]);

      const tx = db.transaction(['pages', 'recommendations', 'notes'], 'readwrite');
      const recs = tx.objectStore('recommendations');
      const notes = tx.objectStore('notes');
      const states = { recommendingState: who.recommendingState, recommendingStateCode: who.recommendingStateCode, stateUnderReview: who.stateUnderReview, stateUnderReviewCode: who.stateUnderReviewCode, session: who.session, cycle: who.cycle };
      for (const [i, { rec, id }] of rekeyed.entries()) {
        if (id === rec.id && !change.meta) continue;
        await recs.put({ ...rec, ...states, id, updatedAt: now });
        if (id === rec.id) continue;
        await recs.delete(rec.id);
        const note = await notes.get(oldNoteIds[i]!);
        if (note) {
          await notes.delete(note.id);
          await notes.put({ ...note, id: newNoteIds[i]!, recommendationId: id });
        }
      }
      for (const [i, item] of added.entries()) {
        await recs.put(
          buildStoredRecommendation({
            id: addedIds[i]!,
            pageUrl: key,
            n: 0,
            text: item.text,
            selector: item.selector,
            who: states,
            language: page.language,
            classified: classify(item.text, page.language),
            response: null,
            source: 'manual',
            createdAt: now,
            updatedAt: now,
          }),
        );
      }
      const next: StoredPage = { ...page, ...states, corrections: { meta, rejected } };
      // A passage offered and now added is offered no more.
      const offered = page.candidates?.filter((c) => !addedKeys.has(normalizeRecommendationText(c.text)));
      if (offered?.length) next.candidates = offered;
      else delete next.candidates;
      await tx.objectStore('pages').put(next);
      await tx.done;
      return next;
    },

    async deleteAll() {
      const db = await getDb();
      const tx = db.transaction(['pages', 'recommendations', 'notes', 'tags'], 'readwrite');
      await Promise.all([tx.objectStore('pages').clear(), tx.objectStore('recommendations').clear(), tx.objectStore('notes').clear(), tx.objectStore('tags').clear()]);
      await tx.done;
    },

    async listTags() {
      const db = await getDb();
      const tags = await db.getAll('tags');
      return tags.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).map((t) => t.name);
    },
  };
}
