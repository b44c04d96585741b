// What the dashboard lists, as pure functions over the stored records: one row per recommendation (with its note)
// and one per statement note; each row's facet values; facet counts that ignore the facet's own selection (so the
// other values of a facet stay choosable); filtering, sorting; and the records an export of the rows shown takes.
import type { ExportedData } from '@/utils/messages';
import { statementDate, type Note, type StoredPage, type StoredRecommendation } from '@/utils/model';

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

/** Rows by position: an array of rows, or a RowTable. */
export interface Rows {
  readonly length: number;
  at(index: number): DashboardRow | undefined;
  /** The row for a pass over every row: built for the moment, not kept, where it is not built already. */
  read?(index: number): DashboardRow;
}

/** What the sort orders read of each row, by position, without building the row. */
export interface SortColumns {
  readonly length: number;
  stateUnderReview(i: number): string | null;
  recommendingState(i: number): string | null;
  session(i: number): number | null;
  date(i: number): string | null;
  updatedAt(i: number): number;
  pageUrl(i: number): string | null;
  isPage(i: number): boolean;
  n(i: number): number;
}

/**
 * The rows of the stored records, built one at a time as they are asked for (the first screen builds twenty, not
 * 100,000): recommendations first, at positions 0 to `recommendations` - 1, then one row per statement with notes.
 * Its columns answer the sort orders without building rows.
 */
export interface RowTable extends Rows {
  readonly recommendations: number;
  at(index: number): DashboardRow;
  idAt(index: number): string;
  /** The position of the row with this id, or -1. */
  indexOf(id: string): number;
  readonly columns: SortColumns;
  /** Every tag on a row's notes, A–Z. */
  tags(): string[];
}

export function createRowTable(data: RecordData): RowTable {
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
  const recs = data.recommendations;
  const recCount = recs.length;
  const pageUrls = [...byPage.keys()];
  const length = recCount + pageUrls.length;
  const built: DashboardRow[] = new Array(length);
  const pageOf = (i: number): StoredPage | null => {
    const url = i < recCount ? recs[i]!.pageUrl : pageUrls[i - recCount]!;
    return url === null ? null : (pages.get(url) ?? null);
  };

  function recommendationRow(i: number): DashboardRow {
    const rec = recs[i]!;
    const page = pageOf(i);
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
      date: statementDate(page, rec),
      updatedAt,
      facets: undefined as unknown as DashboardRow['facets'],
    };
    row.facets = facetsOf(row);
    return row;
  }

  function statementRow(i: number): DashboardRow {
    const url = pageUrls[i - recCount]!;
    const notes = byPage.get(url)!;
    const page = pageOf(i);
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
    return { ...row, facets: facetsOf(row) };
  }

  let positions: Map<string, number> | null = null;
  const columns: SortColumns = {
    length,
    stateUnderReview: (i) => pageOf(i)?.stateUnderReview ?? (i < recCount ? recs[i]!.stateUnderReview : null),
    recommendingState: (i) => pageOf(i)?.recommendingState ?? (i < recCount ? recs[i]!.recommendingState : null),
    session: (i) => pageOf(i)?.session ?? (i < recCount ? recs[i]!.session : null),
    date: (i) => statementDate(pageOf(i), i < recCount ? recs[i]! : null),
    updatedAt(i) {
      if (i >= recCount) return Math.max(...byPage.get(pageUrls[i - recCount]!)!.map((n) => n.updatedAt));
      const rec = recs[i]!;
      let updatedAt = rec.updatedAt;
      for (const note of byRec.get(rec.id) ?? []) updatedAt = Math.max(updatedAt, note.updatedAt);
      return updatedAt;
    },
    pageUrl: (i) => (i < recCount ? recs[i]!.pageUrl : pageUrls[i - recCount]!),
    isPage: (i) => i >= recCount,
    n: (i) => (i < recCount ? recs[i]!.n : 0),
  };
  return {
    length,
    recommendations: recCount,
    at(i) {
      if (!(i >= 0 && i < length)) return undefined as unknown as DashboardRow;
      return (built[i] ??= i < recCount ? recommendationRow(i) : statementRow(i));
    },
    read: (i) => built[i] ?? (i < recCount ? recommendationRow(i) : statementRow(i)),
    idAt: (i) => (i < recCount ? recs[i]!.id : `page:${pageUrls[i - recCount]!}`),
    indexOf(id) {
      if (!positions) {
        positions = new Map();
        for (let i = 0; i < length; i++) positions.set(i < recCount ? recs[i]!.id : `page:${pageUrls[i - recCount]!}`, i);
      }
      return positions.get(id) ?? -1;
    },
    columns,
    tags() {
      const tags = new Set<string>();
      for (const rec of recs) for (const note of byRec.get(rec.id) ?? []) for (const tag of note.tags) tags.add(tag);
      for (const notes of byPage.values()) for (const note of notes) for (const tag of note.tags) tags.add(tag);
      return [...tags].sort();
    },
  };
}

export function buildRows(data: RecordData): DashboardRow[] {
  const table = createRowTable(data);
  return Array.from({ length: table.length }, (_, i) => table.at(i));
}

/** The sort columns of rows already built. */
export function columnsOf(rows: readonly DashboardRow[]): SortColumns {
  return {
    length: rows.length,
    stateUnderReview: (i) => rows[i]!.stateUnderReview,
    recommendingState: (i) => rows[i]!.recommendingState,
    session: (i) => rows[i]!.session,
    date: (i) => rows[i]!.date,
    updatedAt: (i) => rows[i]!.updatedAt,
    pageUrl: (i) => rows[i]!.pageUrl,
    isPage: (i) => rows[i]!.kind === 'page',
    n: (i) => rows[i]!.recommendation?.n ?? 0,
  };
}

/** A note was written, deleted or restored: the records as they now are. */
export function withNote(data: ExportedData, note: Note): ExportedData {
  const notes = data.notes.some((n) => n.id === note.id) ? data.notes.map((n) => (n.id === note.id ? note : n)) : [...data.notes, note];
  return { ...data, notes };
}

/**
 * One statement's records as they now are (after a capture or a correction of it) in place of those held: its page,
 * its recommendations with their notes, its statement note. Null when the change reached records of no statement
 * (a dataset row merged into one of its recommendations): only a full load shows that.
 */
export function withStatement(data: ExportedData, pageUrl: string, fresh: RecordData): ExportedData | null {
  const held = new Set<string>();
  for (const r of data.recommendations) if (r.pageUrl === pageUrl) held.add(r.id);
  if (fresh.recommendations.some((r) => r.dataset && !held.has(r.id))) return null;
  const recIds = new Set([...held, ...fresh.recommendations.map((r) => r.id)]);
  const freshNotes = new Set(fresh.notes.map((n) => n.id));
  return {
    ...data,
    pages: [...data.pages.filter((p) => p.url !== pageUrl), ...fresh.pages],
    recommendations: [...data.recommendations.filter((r) => !recIds.has(r.id)), ...fresh.recommendations],
    notes: [...data.notes.filter((n) => !freshNotes.has(n.id) && !(n.recommendationId !== null ? recIds.has(n.recommendationId) : n.pageUrl === pageUrl)), ...fresh.notes],
  };
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
 * Each row's place among the distinct values of a column in order (unknown, null, last): the values are interned
 * first, so the comparison runs once per distinct state or URL and not once per row or per comparison.
 */
function rankColumn<T extends string | number>(count: number, value: (i: number) => T | null, compare: (a: T, b: T) => number): Float64Array {
  const ids = new Int32Array(count);
  const idOf = new Map<T, number>();
  const distinct: T[] = [];
  for (let i = 0; i < count; i++) {
    const v = value(i);
    if (v === null) {
      ids[i] = -1;
      continue;
    }
    let id = idOf.get(v);
    if (id === undefined) {
      idOf.set(v, (id = distinct.length));
      distinct.push(v);
    }
    ids[i] = id;
  }
  const byValue = distinct.map((_, id) => id).sort((a, b) => compare(distinct[a]!, distinct[b]!));
  const rankOfId = new Float64Array(distinct.length);
  byValue.forEach((id, rank) => (rankOfId[id] = rank));
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = ids[i]! < 0 ? Infinity : rankOfId[ids[i]!]!;
  return out;
}

/** Ranks of a numeric column: the values themselves, shifted, where they are integers in a short range. */
function rankNumbers(count: number, value: (i: number) => number | null, newestFirst: boolean): Float64Array {
  const out = new Float64Array(count);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    const v = value(i);
    out[i] = v ?? NaN;
    if (v === null) continue;
    if (!Number.isInteger(v)) return rankColumn(count, value, newestFirst ? (a, b) => b - a : (a, b) => a - b);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (max - min >= 1 << 16) return rankColumn(count, value, newestFirst ? (a, b) => b - a : (a, b) => a - b);
  for (let i = 0; i < count; i++) {
    const v = out[i]!;
    out[i] = Number.isNaN(v) ? Infinity : newestFirst ? max - v : v - min;
  }
  return out;
}

/**
 * The rows' positions in order. state: A–Z by state under review, then recommending state, newest session; session
 * and date: newest first; updated: last changed first.
 */
export function sortOrder(rows: readonly DashboardRow[], key: SortKey): number[] {
  return Array.from(sortPositions(columnsOf(rows), key));
}

/** sortOrder over the columns of a RowTable (or of rows), without building rows. */
export function sortPositions(columns: SortColumns, key: SortKey): Int32Array {
  const count = columns.length;
  if (count === 0) return new Int32Array(0);
  const alphabetical = (value: (i: number) => string | null) => rankColumn(count, value, COLLATOR.compare);
  const underReview = () => alphabetical(columns.stateUnderReview);
  const recommending = () => alphabetical(columns.recommendingState);
  const session = () => rankNumbers(count, columns.session, true);
  const date = () => rankColumn(count, columns.date, (a, b) => (a < b ? 1 : a > b ? -1 : 0));
  const updated = () => rankNumbers(count, columns.updatedAt, true);
  const inPage = () => [alphabetical(columns.pageUrl), rankNumbers(count, (i) => (columns.isPage(i) ? 0 : 1), false), rankNumbers(count, columns.n, false)];
  // A stable counting sort per key, from the last key to the first (a radix sort whose digits are the ranks): a few
  // passes over typed arrays, no comparison at all. Rows equal in every key keep their stored order.
  const by = (...keys: Float64Array[]): Int32Array => {
    let order = new Int32Array(count);
    for (let i = 0; i < count; i++) order[i] = i;
    let next = new Int32Array(count);
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k]!;
      let max = 0;
      for (let i = 0; i < count; i++) if (key[i] !== Infinity && key[i]! > max) max = key[i]!;
      // Infinity (unknown) sorts last, as max + 1.
      const starts = new Int32Array(max + 3);
      const digit = (i: number) => (key[i] === Infinity ? max + 1 : key[i]!);
      for (let i = 0; i < count; i++) starts[digit(i) + 1]!++;
      if (starts[digit(0) + 1] === count) continue; // one value: nothing to sort by
      for (let d = 0; d < max + 2; d++) starts[d + 1]! += starts[d]!;
      for (let p = 0; p < count; p++) {
        const i = order[p]!;
        next[starts[digit(i)]!++] = i;
      }
      [order, next] = [next, order];
    }
    return order;
  };
  const orders: Record<SortKey, () => Int32Array> = {
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
