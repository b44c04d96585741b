// The dashboard's load, a page at a time: however much is stored, no answer from the background comes near the
// browser's message limit, and the first rows show as soon as the first pages are in while the rest follow.
import type { RecordsCursor } from '@/utils/db';
import type { ExportedData, ExportedPage, Result } from '@/utils/messages';

/** Records asked for per page until the first rows show: small, so they show at once. */
export const FIRST_PAGE_RECORDS = 1_000;
/** Records asked for per page after that (the background caps an answer's text too). */
export const PAGE_RECORDS = 5_000;
/** Rows enough for a first screen (pages and notes come first, so the first pages may list none). */
export const FIRST_ROWS = 100;

export interface LoadProgress {
  /** Records read so far, and how many are stored. */
  loaded: number;
  total: number;
}

export interface PagedLoad {
  /** The records read when a first screen's worth is in (a copy: later pages do not change it). */
  onFirst(data: ExportedData, progress: LoadProgress): void;
  onProgress?(progress: LoadProgress): void;
  /** True once a newer load has started: this one stops. */
  stale?(): boolean;
  /** Waited for between pages once the first rows show, so reading and scrolling them come first (e.g. idle time). */
  pause?(): Promise<void>;
}

const rowsIn = (data: ExportedData) => data.recommendations.length + data.notes.filter((n) => n.pageUrl !== null).length;
const copy = (data: ExportedData): ExportedData => ({ ...data, pages: data.pages.slice(), recommendations: data.recommendations.slice(), notes: data.notes.slice() });

/**
 * Reads everything through `page`, a page after the other; the whole when it is all in (null if a newer load took
 * over). A failed page fails the load.
 */
export async function loadInPages(page: (cursor: RecordsCursor | null, limit: number) => Promise<Result<ExportedPage>>, load: PagedLoad): Promise<Result<ExportedData> | null> {
  const data: ExportedData = { pages: [], recommendations: [], notes: [] };
  let cursor: RecordsCursor | null = null;
  let total = 0;
  let shown = false;
  do {
    if (shown) await load.pause?.();
    if (load.stale?.()) return null;
    const answer = await page(cursor, shown ? PAGE_RECORDS : FIRST_PAGE_RECORDS);
    if (load.stale?.()) return null;
    if (!answer.ok) return answer;
    const { pages, recommendations, notes, next, total: counts, settings, crossrefCounts } = answer.value;
    for (const p of pages) data.pages.push(p);
    for (const r of recommendations) data.recommendations.push(r);
    for (const n of notes) data.notes.push(n);
    if (counts) total = counts.pages + counts.recommendations + counts.notes;
    if (settings) data.settings = settings;
    if (crossrefCounts) data.crossrefCounts = crossrefCounts;
    cursor = next;
    const loaded = data.pages.length + data.recommendations.length + data.notes.length;
    const progress = { loaded, total: Math.max(total, loaded) };
    if (!shown && (rowsIn(data) >= FIRST_ROWS || cursor === null)) {
      shown = true;
      if (cursor !== null) load.onFirst(copy(data), progress);
    } else if (cursor !== null) load.onProgress?.(progress);
  } while (cursor !== null);
  return { ok: true, value: data };
}
