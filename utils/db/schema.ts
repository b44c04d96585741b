// The IndexedDB schema and its migrations. Each entry of MIGRATIONS upgrades from version i to i + 1; opening runs
// every step the stored database has not seen yet, so a database from any earlier version reaches the current one.
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Note, StoredPage, StoredRecommendation } from '../model';

export const DB_NAME = 'upr-annotator';

export interface TagRecord {
  name: string;
  /** How many live notes carry it: suggestions are ordered by use. */
  count: number;
  updatedAt: number;
}

export interface UprDb extends DBSchema {
  pages: { key: string; value: StoredPage; indexes: { stateUnderReviewCode: string; recommendingStateCode: string; session: number; cycle: number } };
  recommendations: {
    key: string;
    value: StoredRecommendation;
    indexes: { pageUrl: string; stateUnderReviewCode: string; recommendingStateCode: string; session: number; cycle: number; themes: string };
  };
  notes: { key: string; value: Note; indexes: { recommendationId: string; pageUrl: string; updatedAt: number; tags: string } };
  tags: { key: string; value: TagRecord; indexes: { count: number } };
}

type UpgradeTx = IDBPTransaction<UprDb, StoreNames<UprDb>[], 'versionchange'>;
/** A step may start cursor work on the upgrade transaction; the upgrade completes when that work has. */
type Migration = (db: IDBPDatabase<UprDb>, tx: UpgradeTx) => void | Promise<void>;

/** Rewrites every record of a store through `change`, inside the upgrade transaction. */
async function rewriteAll<S extends StoreNames<UprDb>>(tx: UpgradeTx, store: S, change: (value: Record<string, unknown>) => Record<string, unknown>) {
  let cursor = await tx.objectStore(store).openCursor();
  while (cursor) {
    await cursor.update(change(cursor.value as unknown as Record<string, unknown>) as never);
    cursor = await cursor.continue();
  }
}

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
      const page: Record<string, unknown> = { orphanIds: [], ...(pageCursor.value as unknown as Record<string, unknown>) };
      pages.set(String(page.url), page);
      await pageCursor.update(page as never);
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
];

export const DB_VERSION = MIGRATIONS.length;

export function upgrade(db: IDBPDatabase<UprDb>, oldVersion: number, newVersion: number | null, tx: UpgradeTx): void {
  // Steps run in order; a step awaits only its own requests on this transaction, which keeps it active.
  const run = async () => {
    for (let version = oldVersion; version < (newVersion ?? DB_VERSION); version++) await MIGRATIONS[version]?.(db, tx);
  };
  run().catch((error: unknown) => {
    console.error('[UPR Annotator] migration failed; the upgrade is rolled back', error);
    tx.abort();
  });
}
