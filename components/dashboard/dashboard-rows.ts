// What the dashboard lists, as pure functions over the stored records: one row per recommendation (with its note)
// and one per statement note; each row's facet values; facet counts that ignore the facet's own selection (so the
// other values of a facet stay choosable); filtering, sorting; and the records an export of the rows shown takes.
import type { ExportedData } from '@/utils/messages';
import type { Note, StoredPage, StoredRecommendation } from '@/utils/model';

export const FACET_KEYS = ['stateUnderReview', 'recommendingState', 'cycle', 'session', 'theme', 'actionCategory', 'tag', 'hasNotes'] as const;
export type FacetKey = (typeof FACET_KEYS)[number];
/** Values chosen per facet: a row matches a facet when it has any of them, and the selection when it matches every facet. */
export type FacetSelection = Partial<Record<FacetKey, readonly string[]>>;
export interface FacetCount {
  value: string;
  count: number;
}

export const SORT_KEYS = ['state', 'session', 'date', 'updated'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export type RecordData = Pick<ExportedData, 'pages' | 'recommendations' | 'notes'>;

export interface DashboardRow {
  /** The recommendation's id, or `page:` and the page's URL for a statement note. */
  id: string;
  kind: 'recommendation' | 'page';
  recommendation: StoredRecommendation | null;
  page: StoredPage | null;
  pageUrl: string | null;
  /** The note the row edits (null when there is none yet). */
  note: Note | null;
  /** Other live notes on the same target: copies an import kept in conflict. */
  otherNotes: Note[];
  stateUnderReview: string | null;
  recommendingState: string | null;
  session: number | null;
  cycle: number | null;
  date: string | null;
  updatedAt: number;
  facets: Record<FacetKey, string[]>;
}

export const hasContent = (note: Note | null): boolean => Boolean(note && (note.body.trim() || note.tags.length || note.status !== 'none'));

/** The note a row edits: the one the panel writes (its id follows from the recommendation's), else the newest. */
function mainNote(notes: Note[], preferredId: string | null): { note: Note | null; others: Note[] } {
  if (notes.length === 0) return { note: null, others: [] };
  const sorted = [...notes].sort((a, b) => b.updatedAt - a.updatedAt);
  const note = sorted.find((n) => n.id === preferredId) ?? sorted.find((n) => !n.tags.includes('import-conflict')) ?? sorted[0]!;
  return { note, others: sorted.filter((n) => n !== note) };
}

// Rows share their one-value facet arrays (never changed once built): 100,000 rows, a few hundred arrays.
const SINGLE_VALUES = new Map<string, string[]>();
const NONE: string[] = [];
const text = (value: string | number | null): string[] => {
  if (value === null) return NONE;
  const key = String(value);
  let list = SINGLE_VALUES.get(key);
  if (!list) SINGLE_VALUES.set(key, (list = [key]));
  return list;
};

function facetsOf(row: Omit<DashboardRow, 'facets'>): Record<FacetKey, string[]> {
  const rec = row.recommendation;
  const notes = row.note ? [row.note, ...row.otherNotes] : row.otherNotes;
  const themes = rec?.themes ?? [];
  return {
    stateUnderReview: text(row.stateUnderReview),
    recommendingState: text(row.recommendingState),
    cycle: text(row.cycle),
    session: text(row.session),
    theme: themes.length === 0 ? NONE : themes.length === 1 ? text(themes[0]!) : [...new Set(themes)],
    actionCategory: text(rec?.actionCategory ?? null),
    tag: notes.length === 0 ? NONE : [...new Set(notes.flatMap((n) => n.tags))],
    hasNotes: text(notes.some(hasContent) ? 'yes' : 'no'),
  };
}

export function buildRows(data: RecordData): DashboardRow[] {
  const pages = new Map(data.pages.map((p) => [p.url, p]));
  const byRec = new Map<string, Note[]>();
  const byPage = new Map<string, Note[]>();
  for (const note of data.notes) {
    if (note.deletedAt !== null) continue;
    const [map, key] = note.recommendationId !== null ? [byRec, note.recommendationId] : [byPage, note.pageUrl];
    if (key === null) continue;
    const list = map.get(key);
    if (list) list.push(note);
    else map.set(key, [note]);
  }
  const rows: DashboardRow[] = [];
  for (const rec of data.recommendations) {
    const page = rec.pageUrl === null ? null : (pages.get(rec.pageUrl) ?? null);
    const notes = byRec.get(rec.id);
    const { note, others } = notes ? mainNote(notes, `n${rec.id.slice(1)}`) : { note: null, others: [] as Note[] };
    let updatedAt = Math.max(rec.updatedAt, note?.updatedAt ?? 0);
    for (const other of others) updatedAt = Math.max(updatedAt, other.updatedAt);
    const row: DashboardRow = {
      id: rec.id,
      kind: 'recommendation',
      recommendation: rec,
      page,
      pageUrl: rec.pageUrl,
      note,
      otherNotes: others,
      stateUnderReview: page?.stateUnderReview ?? rec.stateUnderReview,
      recommendingState: page?.recommendingState ?? rec.recommendingState,
      session: page?.session ?? rec.session,
      cycle: page?.cycle ?? rec.cycle,
      date: page?.date ?? null,
      updatedAt,
      facets: undefined as unknown as DashboardRow['facets'],
    };
    row.facets = facetsOf(row);
    rows.push(row);
  }
  for (const [url, notes] of byPage) {
    const page = pages.get(url) ?? null;
    const { note, others } = mainNote(notes, null);
    const row = {
      id: `page:${url}`,
      kind: 'page' as const,
      recommendation: null,
      page,
      pageUrl: url,
      note,
      otherNotes: others,
      stateUnderReview: page?.stateUnderReview ?? null,
      recommendingState: page?.recommendingState ?? null,
      session: page?.session ?? null,
      cycle: page?.cycle ?? null,
      date: page?.date ?? null,
      updatedAt: Math.max(...notes.map((n) => n.updatedAt)),
    };
    rows.push({ ...row, facets: facetsOf(row) });
  }
  return rows;
}

/** A note was written, deleted or restored: the records as they now are. */
export function withNote(data: ExportedData, note: Note): ExportedData {
  const notes = data.notes.some((n) => n.id === note.id) ? data.notes.map((n) => (n.id === note.id ? note : n)) : [...data.notes, note];
  return { ...data, notes };
}

export function matchesFacets(row: DashboardRow, selection: FacetSelection, except?: FacetKey): boolean {
  for (const key of FACET_KEYS) {
    const chosen = selection[key];
    if (key === except || !chosen || chosen.length === 0) continue;
    if (!row.facets[key].some((value) => chosen.includes(value))) return false;
  }
  return true;
}

/** Rows that match the search (null: no search) and the facets. */
export function filterRows(rows: readonly DashboardRow[], selection: FacetSelection, found: ReadonlySet<string> | null): DashboardRow[] {
  return rows.filter((row) => (found === null || found.has(row.id)) && matchesFacets(row, selection));
}

const numericFacets: ReadonlySet<FacetKey> = new Set(['cycle', 'session', 'actionCategory']);
const COLLATOR = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Values in use first (most rows first; numbers in order for cycles, sessions and categories; "with a note" first). */
export function orderFacetCounts(key: FacetKey, list: FacetCount[]): FacetCount[] {
  return list.sort(
    numericFacets.has(key)
      ? (a, b) => Number(a.value) - Number(b.value)
      : key === 'hasNotes'
        ? (a, b) => (a.value === 'yes' ? -1 : b.value === 'yes' ? 1 : 0)
        : (a, b) => b.count - a.count || COLLATOR.compare(a.value, b.value),
  );
}

/**
 * Per facet, how many rows each value would show if it were added to the selection: rows matching the search and
 * every other facet. Values in use first (most rows first; numbers in order for cycles, sessions and categories);
 * a chosen value is listed even when no row has it any more, so it can be unchosen.
 */
export function countFacets(rows: readonly DashboardRow[], selection: FacetSelection, found: ReadonlySet<string> | null): Record<FacetKey, FacetCount[]> {
  const searched = found === null ? rows : rows.filter((row) => found.has(row.id));
  const out = {} as Record<FacetKey, FacetCount[]>;
  for (const key of FACET_KEYS) {
    const counts = new Map<string, number>();
    for (const row of searched) {
      if (!matchesFacets(row, selection, key)) continue;
      for (const value of row.facets[key]) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    for (const value of selection[key] ?? []) if (!counts.has(value)) counts.set(value, 0);
    const list = [...counts].map(([value, count]) => ({ value, count }));
    out[key] = orderFacetCounts(key, list);
  }
  return out;
}

export function toggleFacet(selection: FacetSelection, key: FacetKey, value: string): FacetSelection {
  const chosen = selection[key] ?? [];
  const next = chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value];
  return { ...selection, [key]: next };
}

export const hasSelection = (selection: FacetSelection): boolean => FACET_KEYS.some((key) => (selection[key]?.length ?? 0) > 0);

/**
 * The rows' positions in order. state: A–Z by state under review, then recommending state, newest session; session
 * and date: newest first; updated: last changed first.
 */
/** Each value's place among the distinct values in order; unknown (null) last. */
function ranksOf<T>(values: readonly (T | null)[], distinct: readonly T[]): Float64Array {
  const ranks = new Map<T, number>();
  for (let i = 0; i < distinct.length; i++) ranks.set(distinct[i]!, i);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    out[i] = v === null ? Infinity : ranks.get(v)!;
  }
  return out;
}

export function sortOrder(rows: readonly DashboardRow[], key: SortKey): number[] {
  // Each row's keys as numbers first (the collator once per distinct state or URL, not once per comparison), so
  // 100,000 rows sort in tens of milliseconds.
  const rankOf = (value: (row: DashboardRow) => string | null) => {
    const values = rows.map(value);
    const distinct = [...new Set(values.filter((v): v is string => v !== null))].sort(COLLATOR.compare);
    return ranksOf(values, distinct);
  };
  const newestFirst = (value: (row: DashboardRow) => number | string | null) => {
    const values = rows.map(value);
    const distinct = [...new Set(values.filter((v) => v !== null))].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    return ranksOf(values, distinct);
  };
  const underReview = () => rankOf((r) => r.stateUnderReview);
  const recommending = () => rankOf((r) => r.recommendingState);
  const session = () => newestFirst((r) => r.session);
  const date = () => newestFirst((r) => r.date);
  const updated = () => newestFirst((r) => r.updatedAt);
  const numbers = (value: (row: DashboardRow) => number) => {
    const out = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = value(rows[i]!);
    return out;
  };
  const inPage = () => [rankOf((r) => r.pageUrl), numbers((r) => (r.kind === 'page' ? 0 : 1)), numbers((r) => r.recommendation?.n ?? 0)];
  // The keys folded into one number per row where their ranks fit in a double exactly (they do for any real store),
  // with the row's position as the last key, so the engine's own numeric sort does the work; otherwise compared key
  // by key. Rows equal in every key keep their stored order.
  const by = (...keys: Float64Array[]): number[] => {
    const sizes = keys.map((k) => {
      let max = 0;
      for (const v of k) if (v !== Infinity && v > max) max = v;
      return max + 2; // Infinity (unknown) becomes max + 1
    });
    const count = rows.length;
    if (sizes.reduce((a, b) => a * b, 1) * count < Number.MAX_SAFE_INTEGER) {
      const packed = new Float64Array(count);
      for (let i = 0; i < count; i++) {
        let value = 0;
        for (let k = 0; k < keys.length; k++) {
          const v = keys[k]![i]!;
          value = value * sizes[k]! + (v === Infinity ? sizes[k]! - 1 : v);
        }
        packed[i] = value * count + i;
      }
      packed.sort();
      const order = new Array<number>(count);
      for (let i = 0; i < count; i++) order[i] = packed[i]! % count;
      return order;
    }
    return rows
      .map((_, i) => i)
      .sort((a, b) => {
        for (const k of keys) if (k[a] !== k[b]) return k[a]! < k[b]! ? -1 : 1;
        return a - b;
      });
  };
  const orders: Record<SortKey, () => number[]> = {
    state: () => by(underReview(), recommending(), session(), ...inPage()),
    session: () => by(session(), underReview(), recommending(), ...inPage()),
    date: () => by(date(), underReview(), recommending(), ...inPage()),
    updated: () => by(updated(), ...inPage()),
  };
  return orders[key]();
}

export function sortRows(rows: readonly DashboardRow[], key: SortKey): DashboardRow[] {
  return sortOrder(rows, key).map((i) => rows[i]!);
}

/**
 * The records behind the rows shown, for an export: their recommendations with every note on them (deleted ones
 * too, as a backup keeps them; the reports leave them out), the statement notes shown, and the pages of both.
 */
export function selectForExport(data: RecordData, rows: readonly DashboardRow[]): RecordData {
  const recIds = new Set(rows.flatMap((r) => (r.recommendation ? [r.recommendation.id] : [])));
  const notedPages = new Set(rows.flatMap((r) => (r.kind === 'page' && r.pageUrl ? [r.pageUrl] : [])));
  const recommendations = data.recommendations.filter((r) => recIds.has(r.id));
  const pageUrls = new Set([...notedPages, ...recommendations.flatMap((r) => (r.pageUrl ? [r.pageUrl] : []))]);
  return {
    pages: data.pages.filter((p) => pageUrls.has(p.url)),
    recommendations,
    notes: data.notes.filter((n) => (n.recommendationId !== null ? recIds.has(n.recommendationId) : n.pageUrl !== null && notedPages.has(n.pageUrl))),
  };
}

/**
 * What an export's file name says about its scope: the state under review when exactly one is chosen, "selection"
 * when the rows are filtered some other way, nothing when it is everything.
 */
export function exportNameParts(selection: FacetSelection, filtered: boolean, slug: (text: string) => string): string[] {
  const states = selection.stateUnderReview ?? [];
  if (states.length === 1 && slug(states[0]!)) return [states[0]!];
  return filtered ? ['selection'] : [];
}
