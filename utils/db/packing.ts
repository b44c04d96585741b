// Dataset rows packed: a recommendation known only from an imported dataset (no page) is stored inside a chunk of
// up to CHUNK_ROWS rows of one state under review (`rowChunks`), with the chunk's ids beside it (`rowIds`). Chromium
// spends 0.4–0.65 ms per IndexedDB `put` whatever its size, plus index entries: 100,000 rows one record each took
// 24 s to write; a chunk per few hundred rows and no index take a fraction of that (figures in the README).
// A row is either here or in `recommendations` (the records read on a page), never in both: the repository moves it
// when a page capture or a correction gives it a page, and every read sees the two stores as one.
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { StoredRecommendation } from '@/utils/model';
import type { RowChunk, RowChunkKey, RowIdList, UprDb } from './schema';

/** Rows per chunk at most: large enough that puts are few, small enough that changing one row rewrites little. */
export const CHUNK_ROWS = 500;

/** The stores a transaction needs to read and write packed rows. */
export const PACKED_STORES = ['rowChunks', 'rowIds'] as const;

// Any transaction over at least the two packed stores (callers cast theirs, as for the notes helpers).
type PackedTx = IDBPTransaction<UprDb, ('rowChunks' | 'rowIds')[], IDBTransactionMode>;
type PackedWriteTx = IDBPTransaction<UprDb, ('rowChunks' | 'rowIds')[], 'readwrite'>;

const stateKey = (rec: Pick<StoredRecommendation, 'stateUnderReviewCode'>) => rec.stateUnderReviewCode ?? '';

/** Every chunk key of one state under review ('' for rows without one). */
export const stateRange = (state: string) => IDBKeyRange.bound([state], [state, []]);

let serials = 0;
/** Unique within a database: the time, a per-worker counter and a random part (two workers may write in turn). */
function newSerial(): string {
  serials += 1;
  return `${Date.now().toString(36)}.${serials.toString(36)}.${Math.random().toString(36).slice(2, 8)}`;
}

/** Rows as chunks of one state each, CHUNK_ROWS at most, in the order given. */
export function packRows(rows: readonly StoredRecommendation[]): RowChunk[] {
  const byState = new Map<string, StoredRecommendation[]>();
  for (const row of rows) {
    const state = stateKey(row);
    let list = byState.get(state);
    if (!list) byState.set(state, (list = []));
    list.push(row);
  }
  const chunks: RowChunk[] = [];
  for (const [state, list] of byState) {
    for (let start = 0; start < list.length; start += CHUNK_ROWS) {
      const part = list.slice(start, start + CHUNK_ROWS);
      chunks.push({ key: [state, newSerial(), part.length], rows: part });
    }
  }
  return chunks;
}

export const idListOf = (chunk: RowChunk): RowIdList => ({ key: chunk.key, ids: chunk.rows.map((r) => r.id) });

/** Stores new rows (none of them stored yet) as new chunks. */
export function addRows(tx: PackedWriteTx, rows: readonly StoredRecommendation[]): Promise<unknown> {
  return Promise.all(packRows(rows).flatMap((chunk) => [tx.objectStore('rowChunks').put(chunk), tx.objectStore('rowIds').put(idListOf(chunk))]));
}

/** One state's chunks (its rows are their rows). */
export function chunksOfState(tx: PackedTx, state: string): Promise<RowChunk[]> {
  return tx.objectStore('rowChunks').getAll(stateRange(state));
}

/** The chunks holding any of `ids`: the id lists are read whole (ids only), then just those chunks. */
export async function chunksWith(tx: PackedTx, ids: ReadonlySet<string>): Promise<RowChunk[]> {
  if (ids.size === 0) return [];
  const lists = await tx.objectStore('rowIds').getAll();
  const keys = lists.filter((list) => list.ids.some((id) => ids.has(id))).map((list) => list.key);
  const chunks = await Promise.all(keys.map((key) => tx.objectStore('rowChunks').get(key)));
  return chunks.filter((chunk): chunk is RowChunk => chunk !== undefined);
}

/** The ids of every packed row. */
export async function packedIds(tx: PackedTx): Promise<string[]> {
  return (await tx.objectStore('rowIds').getAll()).flatMap((list) => list.ids);
}

export async function hasPackedRow(tx: PackedTx, id: string): Promise<boolean> {
  return (await tx.objectStore('rowIds').getAll()).some((list) => list.ids.includes(id));
}

export const rowsOf = (chunks: readonly RowChunk[]): StoredRecommendation[] => chunks.flatMap((chunk) => chunk.rows);

/**
 * Rewrites the chunks among `chunks` that `change` alters: each row becomes what `change` returns for it (null:
 * removed from the packed rows). A chunk whose size changes takes a new key; an emptied chunk goes.
 */
export async function rewriteRows(tx: PackedWriteTx, chunks: readonly RowChunk[], change: (row: StoredRecommendation) => StoredRecommendation | null): Promise<void> {
  const writes: Promise<unknown>[] = [];
  for (const chunk of chunks) {
    let changed = false;
    const rows: StoredRecommendation[] = [];
    for (const row of chunk.rows) {
      const next = change(row);
      if (next !== row) changed = true;
      if (next) rows.push(next);
    }
    if (!changed) continue;
    const chunkStore = tx.objectStore('rowChunks');
    const idStore = tx.objectStore('rowIds');
    if (rows.length === chunk.rows.length) {
      const same = rows.every((row, i) => row.id === chunk.rows[i]!.id);
      writes.push(chunkStore.put({ key: chunk.key, rows }));
      if (!same) writes.push(idStore.put({ key: chunk.key, ids: rows.map((r) => r.id) }));
      continue;
    }
    writes.push(chunkStore.delete(chunk.key), idStore.delete(chunk.key));
    if (rows.length === 0) continue;
    const next: RowChunk = { key: [chunk.key[0], chunk.key[1], rows.length], rows };
    writes.push(chunkStore.put(next), idStore.put(idListOf(next)));
  }
  await Promise.all(writes);
}

/** Removes the rows with these ids from the packed rows (they became, or gave way to, a page's record). */
export async function removeRows(tx: PackedWriteTx, ids: ReadonlySet<string>, known?: readonly RowChunk[]): Promise<void> {
  if (ids.size === 0) return;
  await rewriteRows(tx, known ?? (await chunksWith(tx, ids)), (row) => (ids.has(row.id) ? null : row));
}

/** How many packed rows a state under review has: read from the chunks' keys alone. */
export async function countOfState(db: IDBPDatabase<UprDb>, state: string): Promise<number> {
  return (await db.getAllKeys('rowIds', stateRange(state))).reduce((total, key) => total + key[2], 0);
}

/** Every packed row and every record of `recommendations`, as one list in id order (as one store gave them before). */
export function byId(a: readonly StoredRecommendation[], b: readonly StoredRecommendation[]): StoredRecommendation[] {
  if (b.length === 0) return [...a];
  return [...a, ...b].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
