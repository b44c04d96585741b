// What the background asks of storage, as whole operations: each runs in one transaction, so a page capture or a
// note is either stored completely or not at all.
import { openDB, type IDBPDatabase } from 'idb';
import {
  pageKey,
  recommendationId,
  type Note,
  type PageCapture,
  type StoredPage,
  type StoredRecommendation,
} from '../model';
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

export interface Repository {
  capturePage(capture: PageCapture, now?: number): Promise<StoredRecommendation[]>;
  /** The page with its recommendations split into those found on its last visit (in page order) and orphans. */
  loadPage(url: string): Promise<{ page: StoredPage | null; recommendations: StoredRecommendation[]; orphans: StoredRecommendation[]; notes: Note[] }>;
  saveNote(recommendationId: string, body: string, now?: number): Promise<Note>;
}

export function createRepository(getDb: () => Promise<IDBPDatabase<UprDb>>): Repository {
  return {
    async capturePage(capture, now = Date.now()) {
      const url = pageKey(capture.url);
      const who = capture.meta;
      // Ids first: crypto.subtle is async and a transaction must not wait on anything but its own requests.
      const ids = await Promise.all(capture.recommendations.map((r) => recommendationId(r.text, who)));
      const db = await getDb();
      const tx = db.transaction(['pages', 'recommendations'], 'readwrite');
      const recs = tx.objectStore('recommendations');
      void tx.objectStore('pages').put({ ...capture.meta, url, capturedAt: now, orphanIds: capture.orphans });
      const stored = await Promise.all(
        capture.recommendations.map(async (r, i): Promise<StoredRecommendation> => {
          const id = ids[i]!;
          const earlier = await recs.get(id);
          const record: StoredRecommendation = {
            id,
            pageUrl: url,
            n: r.n,
            text: r.text,
            selector: r.selector,
            recommendingStateCode: who.recommendingStateCode,
            stateUnderReviewCode: who.stateUnderReviewCode,
            session: who.session,
            cycle: who.cycle,
            source: earlier?.source ?? 'page',
            createdAt: earlier?.createdAt ?? now,
            updatedAt: now,
          };
          await recs.put(record);
          return record;
        }),
      );
      await tx.done;
      return stored;
    },

    async loadPage(url) {
      const key = pageKey(url);
      const db = await getDb();
      const tx = db.transaction(['pages', 'recommendations', 'notes'], 'readonly');
      const page = (await tx.objectStore('pages').get(key)) ?? null;
      const all = (await tx.objectStore('recommendations').index('pageUrl').getAll(key)).sort((a, b) => a.n - b.n);
      const noteIndex = tx.objectStore('notes').index('recommendationId');
      const notes = (await Promise.all(all.map((r) => noteIndex.getAll(r.id)))).flat();
      await tx.done;
      const orphanIds = new Set(page?.orphanIds ?? []);
      return {
        page,
        recommendations: all.filter((r) => !orphanIds.has(r.id)),
        orphans: all.filter((r) => orphanIds.has(r.id)),
        notes,
      };
    },

    async saveNote(recommendationId, body, now = Date.now()) {
      const db = await getDb();
      const tx = db.transaction(['notes', 'recommendations'], 'readwrite');
      if (!(await tx.objectStore('recommendations').getKey(recommendationId))) {
        tx.done.catch(() => {}); // the abort below rejects it; the caller gets our error instead
        tx.abort();
        throw new Error(`No recommendation ${recommendationId}`);
      }
      const notes = tx.objectStore('notes');
      // One note per recommendation for now: its id is derived from the recommendation's.
      const id = `n${recommendationId.slice(1)}`;
      const earlier = await notes.get(id);
      const note: Note = {
        id,
        recommendationId,
        body,
        tags: earlier?.tags ?? [],
        createdAt: earlier?.createdAt ?? now,
        updatedAt: now,
      };
      await notes.put(note);
      await tx.done;
      return note;
    },
  };
}
