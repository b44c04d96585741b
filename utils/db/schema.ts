// The IndexedDB schema and its migrations. Each entry of MIGRATIONS upgrades from version i to i + 1; opening runs
// every step the stored database has not seen yet, so a database from any earlier version reaches the current one.
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Note, StoredPage, StoredRecommendation } from '../model';

export const DB_NAME = 'upr-annotator';

export interface UprDb extends DBSchema {
  pages: { key: string; value: StoredPage; indexes: { stateUnderReviewCode: string; recommendingStateCode: string; session: number; cycle: number } };
  recommendations: {
    key: string;
    value: StoredRecommendation;
    indexes: { pageUrl: string; stateUnderReviewCode: string; recommendingStateCode: string; session: number; cycle: number };
  };
  notes: { key: string; value: Note; indexes: { recommendationId: string; updatedAt: number; tags: string } };
}

type UpgradeTx = IDBPTransaction<UprDb, StoreNames<UprDb>[], 'versionchange'>;
type Migration = (db: IDBPDatabase<UprDb>, tx: UpgradeTx) => void;

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
];

export const DB_VERSION = MIGRATIONS.length;

export function upgrade(db: IDBPDatabase<UprDb>, oldVersion: number, newVersion: number | null, tx: UpgradeTx): void {
  for (let version = oldVersion; version < (newVersion ?? DB_VERSION); version++) MIGRATIONS[version]?.(db, tx);
}
