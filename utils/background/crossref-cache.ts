// The cross-reference index as the background keeps it: one state under review at a time, loaded when a panel (or
// an export) first asks about that state, and persisted per state in a database of its own
// (`upr-annotator-cache`, outside the user's data and its migrations), so a worker Chromium has just started reads
// a few hundred prepared records instead of every stored recommendation. Every question the index answers is about
// one state under review (utils/crossref), so nothing else is ever needed.
//
// The persisted parts are a cache: each is stamped with its format and the number of stored recommendations to its
// state, and one that is missing, stamped otherwise or malformed is rebuilt from the user's records (and stored
// again). Writes keep it in step: `changing` drops the parts a write will touch before it starts (so a worker
// stopped half-way leaves no stale part behind), `added` / `removed` update the loaded index after a capture, and
// `invalidate` forgets everything loaded after a write that may touch any state.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { createCrossrefIndex, type CrossrefIndex, type CrossrefPart, type CrossrefRecord } from '@/utils/crossref';
import type { Repository } from '@/utils/db';
import type { StoredRecommendation } from '@/utils/model';

export const CROSSREF_CACHE_DB = 'upr-annotator-cache';
/** Bumped whenever the stored part or the index's comparison words change meaning: older parts are rebuilt. */
export const CROSSREF_CACHE_FORMAT = 2;
/**
 * Earlier-cycle matches the panel shows per recommendation. Each stored part carries every record's answer up to this
 * many, so the first panel of a stopped worker lists them without scoring its statement against the whole state.
 */
export const EARLIER_LIMIT = 3;
/**
 * A part carries answers for the records read on pages (the ones a panel asks about), and none when a state has more
 * than this many: scoring them all again at each capture would hold up the worker longer than the answers save.
 */
const MAX_ANSWERED = 1_000;

export interface PersistedPart extends CrossrefPart {
  state: string;
  format: number;
  /** Stored recommendations to the state when the part was made. */
  count: number;
}

export interface CrossrefCacheDb extends DBSchema {
  parts: { key: string; value: PersistedPart };
}

export type OpenCrossrefCache = () => Promise<IDBPDatabase<CrossrefCacheDb>>;

export function openCrossrefCache(name = CROSSREF_CACHE_DB): Promise<IDBPDatabase<CrossrefCacheDb>> {
  const opened: Promise<IDBPDatabase<CrossrefCacheDb>> = openDB<CrossrefCacheDb>(name, 1, {
    upgrade: (db) => void db.createObjectStore('parts', { keyPath: 'state' }),
    blocking: () => void opened.then((db) => db.close()),
  });
  return opened;
}

/** What of a stored recommendation the index keeps (and the cache stores). */
function crossrefRecordOf(r: StoredRecommendation): CrossrefRecord {
  const record: CrossrefRecord = {
    id: r.id,
    text: r.text,
    stateUnderReviewCode: r.stateUnderReviewCode,
    recommendingStateCode: r.recommendingStateCode,
    recommendingState: r.recommendingState,
    session: r.session,
    cycle: r.cycle,
    themes: r.themes,
    response: r.response,
    pageUrl: r.pageUrl,
  };
  if (r.recommendingStates) record.recommendingStates = r.recommendingStates;
  return record;
}

export type WriteScope = 'all' | Iterable<string | null | undefined>;

export interface CrossrefCache {
  /** The index with every stored recommendation to these states under review in it (others may be in too). */
  forStates(states: Iterable<string | null | undefined>): Promise<CrossrefIndex>;
  /** Before a write to these states' recommendations (or any): their persisted parts go, loads under way start over. */
  changing(scope: WriteScope): Promise<void>;
  /**
   * After a capture: its records join the loaded states, and their parts are stored again unless `persist` is false
   * (a batch that more of the same capture follow: the last one stores them once). Ends `changing`.
   */
  added(records: readonly StoredRecommendation[], scope: WriteScope, options?: { persist?: boolean }): void;
  /** Records that are no longer stored (a dataset row merged into its page's record). */
  removed(ids: readonly string[]): void;
  /** After a write that may touch any state: nothing loaded is kept. Ends `changing`. */
  invalidate(scope?: WriteScope): void;
}

/** What the cache reads of the user's records: a state's recommendations, and their number. */
export type CrossrefSource = Pick<Repository, 'recommendationsTo' | 'countTo'>;

export function createCrossrefCache(source: CrossrefSource, openCache: OpenCrossrefCache): CrossrefCache {
  let index = createCrossrefIndex();
  /** States whose every stored record is in `index`. */
  const loaded = new Set<string>();
  const loading = new Map<string, Promise<void>>();
  // A load that read the records before a write and ends after it must not be kept: each write moves the epochs
  // (all states, or its own) before and after, and a load whose epoch moved reads again.
  let epoch = 0;
  const stateEpochs = new Map<string, number>();
  const epochOf = (state: string) => `${epoch}:${stateEpochs.get(state) ?? 0}`;
  // Writes under way: no part is stored for their states until they end.
  let writingAll = 0;
  const writing = new Map<string, number>();

  let cachePromise: Promise<IDBPDatabase<CrossrefCacheDb> | null> | null = null;
  const cacheDb = () =>
    (cachePromise ??= openCache().then(
      (db) => {
        db.addEventListener('close', () => (cachePromise = null));
        return db;
      },
      (error: unknown) => {
        // Without its cache the index is rebuilt from the user's records each time, slower but right.
        console.warn('[UPR Annotator] the cross-reference cache is unavailable', error);
        cachePromise = null;
        return null;
      },
    ));
  // Cache writes run one after the other, in the order they were asked for.
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = (work: (db: IDBPDatabase<CrossrefCacheDb>) => Promise<unknown>): Promise<void> => {
    const next = queue.then(async () => {
      const db = await cacheDb();
      if (db) await work(db);
    });
    queue = next.catch((error: unknown) => console.warn('[UPR Annotator] the cross-reference cache could not be written', error));
    return queue.then(() => undefined);
  };

  const statesOf = (scope: Iterable<string | null | undefined>) => new Set([...scope].filter((s): s is string => !!s));
  const bump = (scope: WriteScope) => {
    if (scope === 'all') epoch += 1;
    else for (const state of statesOf(scope)) stateEpochs.set(state, (stateEpochs.get(state) ?? 0) + 1);
  };
  const isWriting = (state: string) => writingAll > 0 || (writing.get(state) ?? 0) > 0;

  /** States whose part is waiting in the queue to be stored: asked again meanwhile, it is stored once. */
  const persisting = new Set<string>();
  /** Stores a loaded state's part as the index holds it when the queue reaches it. */
  const persist = (state: string) => {
    if (persisting.has(state)) return;
    persisting.add(state);
    void enqueue(async (db) => {
      persisting.delete(state);
      if (!loaded.has(state) || isWriting(state)) return;
      const count = source.countTo(state);
      const part = index.partOf(state, answersFor(index, state));
      if ((await count) !== part.records.length || !loaded.has(state) || isWriting(state)) return;
      await db.put('parts', { state, format: CROSSREF_CACHE_FORMAT, count: part.records.length, ...part });
    }).finally(() => persisting.delete(state)); // also when the cache could not be opened and the work never ran
  };

  /** What of a state's records its part answers for: see MAX_ANSWERED. */
  function answersFor(index: CrossrefIndex, state: string): Parameters<CrossrefIndex['partOf']>[1] {
    const onPages = index.partOf(state).records.filter((r) => r.pageUrl !== null).length;
    return onPages > 0 && onPages <= MAX_ANSWERED ? { earlier: EARLIER_LIMIT, answering: (r) => r.pageUrl !== null } : {};
  }

  async function readPart(state: string): Promise<PersistedPart | undefined> {
    const db = await cacheDb();
    return db?.get('parts', state).catch(() => undefined);
  }

  async function load(state: string): Promise<void> {
    let useCache = true;
    for (;;) {
      const at = epochOf(state);
      const current = index;
      const [part, count] = await Promise.all([useCache ? readPart(state) : undefined, source.countTo(state)]);
      const fresh = part && part.format === CROSSREF_CACHE_FORMAT && part.count === count && part.records?.length === count ? part : null;
      const records = fresh ? [] : (await source.recommendationsTo(state)).map(crossrefRecordOf);
      if (epochOf(state) !== at || index !== current) continue;
      if (fresh) {
        try {
          index.addPart(fresh);
        } catch {
          // A malformed part (a damaged profile, a format not caught by its stamp): rebuilt from the records.
          useCache = false;
          continue;
        }
      } else index.add(records);
      loaded.add(state);
      if (!fresh) persist(state);
      return;
    }
  }

  return {
    async forStates(states) {
      const wanted = [...statesOf(states)].filter((s) => !loaded.has(s));
      await Promise.all(
        wanted.map((state) => {
          let pending = loading.get(state);
          if (!pending) {
            pending = load(state).finally(() => loading.delete(state));
            loading.set(state, pending);
          }
          return pending;
        }),
      );
      return index;
    },
    async changing(scope) {
      bump(scope);
      if (scope === 'all') {
        writingAll += 1;
        await enqueue((db) => db.clear('parts'));
        return;
      }
      const states = statesOf(scope);
      for (const state of states) writing.set(state, (writing.get(state) ?? 0) + 1);
      await enqueue(async (db) => {
        const tx = db.transaction('parts', 'readwrite');
        await Promise.all([...states].map((state) => tx.store.delete(state)));
        await tx.done;
      });
    },
    added(records, scope, { persist: storeParts = true } = {}) {
      bump(scope);
      const states = scope === 'all' ? null : statesOf(scope);
      if (states) for (const state of states) writing.set(state, Math.max(0, (writing.get(state) ?? 0) - 1));
      index.add(records.filter((r) => r.stateUnderReviewCode && loaded.has(r.stateUnderReviewCode)).map(crossrefRecordOf));
      if (!storeParts) return;
      for (const state of new Set([...(states ?? []), ...records.map((r) => r.stateUnderReviewCode)])) if (state && loaded.has(state)) persist(state);
    },
    removed(ids) {
      index.remove(ids);
    },
    invalidate(scope = 'all') {
      bump('all');
      if (scope === 'all') writingAll = Math.max(0, writingAll - 1);
      else for (const state of statesOf(scope)) writing.set(state, Math.max(0, (writing.get(state) ?? 0) - 1));
      index = createCrossrefIndex();
      loaded.clear();
      loading.clear();
    },
  };
}
