// The IndexedDB schema and its migrations. Each entry of MIGRATIONS upgrades from version i to i + 1; opening runs
// every step the stored database has not seen yet, so a database from any earlier version reaches the current one.
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Note, StoredPage, StoredRecommendation } from '@/utils/model';
import { addRows } from './packing';

export const DB_NAME = 'upr-annotator';

export interface TagRecord {
  name: string;
  /** How many live notes carry it: suggestions are ordered by use. */
  count: number;
  updatedAt: number;
}

/** The database as the current version has it: only the indexes the repository reads. */
export interface UprDb extends DBSchema {
  pages: { key: string; value: StoredPage };
  recommendations: { key: string; value: StoredRecommendation; indexes: { pageUrl: string; stateUnderReviewCode: string } };
  notes: { key: string; value: Note; indexes: { recommendationId: string; pageUrl: string } };
  tags: { key: string; value: TagRecord };
  /** Recommendations known only from an imported dataset (no page), packed a few hundred to a record (./packed). */
  rowChunks: { key: RowChunkKey; value: RowChunk };
  /** The ids of each chunk of `rowChunks`, under the same key: where a row is, read without reading rows. */
  rowIds: { key: RowChunkKey; value: RowIdList };
}

/**
 * A chunk's key: the rows' state under review ('' for none), a serial unique to the chunk, and how many rows it
 * holds — so a state's rows are one key range, and counting them reads keys only.
 */
export type RowChunkKey = [state: string, serial: string, size: number];

export interface RowChunk {
  key: RowChunkKey;
  rows: StoredRecommendation[];
}

export interface RowIdList {
  key: RowChunkKey;
  ids: string[];
}

// A step sees the database as the version before it had it, not as UprDb says: untyped.
type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;
/** A step may start cursor work on the upgrade transaction; the upgrade completes when that work has. */
type Migration = (db: IDBPDatabase, tx: UpgradeTx) => void | Promise<void>;

/** Rewrites every record of a store through `change`, inside the upgrade transaction. */
async function rewriteAll(tx: UpgradeTx, store: string, change: (value: Record<string, unknown>) => Record<string, unknown>) {
  let cursor = await tx.objectStore(store).openCursor();
  while (cursor) {
    await cursor.update(change(cursor.value as Record<string, unknown>));
    cursor = await cursor.continue();
  }
}

/** The indexes version 3 dropped: written on every put, read by nothing (lookups by state, session, theme or tag run on loaded records). */
const UNREAD_INDEXES: Readonly<Record<string, readonly string[]>> = {
  pages: ['stateUnderReviewCode', 'recommendingStateCode', 'session', 'cycle'],
  recommendations: ['recommendingStateCode', 'session', 'cycle', 'themes'],
  notes: ['updatedAt', 'tags'],
  tags: ['count'],
};

/** Records read at a time by the 3 → 4 migration. */
const MIGRATION_SLICE = 5_000;

export const MIGRATIONS: Migration[] = [
  // 0 → 1: pages, recommendations and notes.
  (db) => {
    const pages = db.createObjectStore('pages', { keyPath: 'url' });
    for (const key of ['stateUnderReviewCode', 'recommendingStateCode', 'session', 'cycle'] as const) pages.createIndex(key, key);
    const recs = db.createObjectStore('recommendations', { keyPath: 'id' });
    for (const key of ['pageUrl', 'stateUnderReviewCode', 'recommendingStateCode', 'session', 'cycle'] as const) recs.createIndex(key, key);
    const notes = db.createObjectStore('notes', { keyPath: 'id' });
    notes.createIndex('recommendationId', 'recommendationId');
    notes.createIndex('updatedAt', 'updatedAt');
    notes.createIndex('tags', 'tags', { multiEntry: true });
  },
  // 1 → 2: classification and response on recommendations; page-level notes, status and undoable deletion on
  // notes; a tags store for suggestions.
  async (db, tx) => {
    tx.objectStore('recommendations').createIndex('themes', 'themes', { multiEntry: true });
    tx.objectStore('notes').createIndex('pageUrl', 'pageUrl');
    const tags = db.createObjectStore('tags', { keyPath: 'name' });
    tags.createIndex('count', 'count');

    const pages = new Map<string, Record<string, unknown>>();
    let pageCursor = await tx.objectStore('pages').openCursor();
    while (pageCursor) {
      const page: Record<string, unknown> = { orphanIds: [], ...(pageCursor.value as Record<string, unknown>) };
      pages.set(String(page.url), page);
      await pageCursor.update(page);
      pageCursor = await pageCursor.continue();
    }
    await rewriteAll(tx, 'recommendations', (rec) => {
      const page = pages.get(String(rec.pageUrl));
      return {
        recommendingState: page?.recommendingState ?? null,
        stateUnderReview: page?.stateUnderReview ?? null,
        language: page?.language ?? null,
        actionCategory: null,
        themes: [],
        response: null,
        ...rec,
      };
    });
    const counts = new Map<string, number>();
    await rewriteAll(tx, 'notes', (note) => {
      for (const tag of (note.tags as string[] | undefined) ?? []) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      return { pageUrl: null, status: 'none', deletedAt: null, tags: [], ...note };
    });
    const now = Date.now();
    for (const [name, count] of counts) await tx.objectStore('tags').put({ name, count, updatedAt: now });
  },
  // 2 → 3: the unread indexes dropped; no record is touched.
  (_db, tx) => {
    for (const [store, names] of Object.entries(UNREAD_INDEXES)) for (const name of names) tx.objectStore(store).deleteIndex(name);
  },
  // 3 → 4: dataset rows packed. Every recommendation without a page moves from `recommendations` into chunks of
  // `rowChunks` (one put per few hundred rows instead of one per row, and no index entries); notes and pages stay.
  // Read in slices (memory stays bounded); the store is then cleared and the page records put back, because one
  // `delete` per moved row would cost as much as the puts this version saves.
  async (db, tx) => {
    db.createObjectStore('rowChunks', { keyPath: 'key' });
    db.createObjectStore('rowIds', { keyPath: 'key' });
    const recs = tx.objectStore('recommendations');
    const onPages: StoredRecommendation[] = [];
    let after: IDBKeyRange | undefined;
    for (;;) {
      const slice = (await recs.getAll(after, MIGRATION_SLICE)) as StoredRecommendation[];
      if (slice.length === 0) break;
      const rows = slice.filter((rec) => rec.pageUrl === null);
      onPages.push(...slice.filter((rec) => rec.pageUrl !== null));
      await addRows(tx as never, rows);
      after = IDBKeyRange.lowerBound(slice.at(-1)!.id, true);
    }
    await recs.clear();
    await Promise.all(onPages.map((rec) => recs.put(rec)));
  },
];

export const DB_VERSION = MIGRATIONS.length;

export function upgrade(db: IDBPDatabase<UprDb>, oldVersion: number, newVersion: number | null, tx: IDBPTransaction<UprDb, StoreNames<UprDb>[], 'versionchange'>): void {
  // Steps run in order; a step awaits only its own requests on this transaction, which keeps it active.
  const run = async () => {
    for (let version = oldVersion; version < (newVersion ?? DB_VERSION); version++) await MIGRATIONS[version]?.(db as unknown as IDBPDatabase, tx as unknown as UpgradeTx);
  };
  run().catch((error: unknown) => {
    console.error('[UPR Annotator] migration failed; the upgrade is rolled back', error);
    tx.abort();
  });
}
