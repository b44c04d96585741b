// The dashboard's indexes over its rows, built once per data change so that a keystroke at 100,000 rows costs a few
// milliseconds: the term index of components/term-index.ts over each row's words, notes, tags and labels; facet
// values interned so counts are one pass over integers; and each sort order computed once. The term and facet
// indexes build in steps (generators that yield between chunks of rows), so the dashboard can build them in idle
// time without holding the page for a second.
import { labelsOf } from '@/components/search';
import { buildAtOnce, buildTermIndex, ROWS_PER_STEP, type RowMask, type TermIndex } from '@/components/term-index';
import { columnsOf, FACET_KEYS, orderFacetCounts, sortPositions, type DashboardRow, type FacetCount, type FacetKey, type FacetSelection, type Rows, type SortColumns, type SortKey } from './dashboard-rows';

export { rankRows, type RowMask, type SearchResult } from '@/components/term-index';
export type RowMatcher = TermIndex;

/** The words of each field of a row, as components/dashboard/dashboard-search.ts hands them to MiniSearch. */
function fieldsOf(row: DashboardRow, labels: (row: DashboardRow) => string): string[] {
  const notes = [row.note, ...row.otherNotes].filter((n) => n !== null);
  return [row.recommendation?.text ?? row.page?.title ?? '', notes.map((n) => n.body).join('\n'), notes.flatMap((n) => n.tags).join(' '), labels(row)];
}

export const createRowMatcher = (rows: Rows): RowMatcher => buildAtOnce(buildRowMatcher(rows));

/** How an index build reads rows: without keeping the 100,000 rows built for it, where the rows allow. */
const rowReader = (rows: Rows) => (rows.read ? rows.read.bind(rows) : (i: number) => rows.at(i)!);

export function buildRowMatcher(rows: Rows): Generator<void, RowMatcher> {
  // Rows share their labels (themes, category, status): each distinct set is worded once.
  const labelCache = new Map<string, string>();
  const labels = (row: DashboardRow) => {
    const rec = row.recommendation;
    const notes = [row.note, ...row.otherNotes].filter((n) => n !== null);
    const key = `${rec?.actionCategory ?? ''}|${rec?.themes.join('|') ?? ''}|${notes.map((n) => n.status).join('|')}`;
    let value = labelCache.get(key);
    if (value === undefined) labelCache.set(key, (value = labelsOf({ notes, themes: rec?.themes ?? [], actionCategory: rec?.actionCategory ?? null })));
    return value;
  };
  const rowAt = rowReader(rows);
  return buildTermIndex(rows.length, (i) => fieldsOf(rowAt(i), labels));
}

export interface FacetCounter {
  /**
   * What countFacets gives, and which rows match the selection (and the search mask, when given). `positions`, the
   * rows of the mask in order, when known: only they are read.
   */
  count(selection: FacetSelection, found: RowMask | null, positions?: Int32Array): { counts: Record<FacetKey, FacetCount[]>; matching: RowMask };
}

export const createFacetCounter = (rows: Rows): FacetCounter => buildAtOnce(buildFacetCounter(rows));

/** Facet values as integers per row (offsets into one array per facet), so counting is a pass over numbers. */
export function* buildFacetCounter(rows: Rows): Generator<void, FacetCounter> {
  const building = FACET_KEYS.map((key) => ({ key, ids: new Map<string, number>(), offsets: new Int32Array(rows.length + 1), list: [] as number[] }));
  const rowAt = rowReader(rows);
  for (let i = 0; i < rows.length; i++) {
    if (i % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
    const row = rowAt(i);
    for (const { key, ids, offsets, list } of building) {
      for (const value of row.facets[key]) {
        let id = ids.get(value);
        if (id === undefined) ids.set(value, (id = ids.size));
        list.push(id);
      }
      offsets[i + 1] = list.length;
    }
  }
  // A facet with at most one value per row (all but theme and tag, usually) keeps it per row: -1 for none.
  const index = building.map(({ key, ids, offsets, list }) => {
    let single: Int32Array | null = new Int32Array(rows.length);
    for (let i = 0; i < rows.length && single; i++) {
      const size = offsets[i + 1]! - offsets[i]!;
      if (size > 1) single = null;
      else single[i] = size === 0 ? -1 : list[offsets[i]!]!;
    }
    return { key, ids, values: [...ids.keys()], offsets, list: Int32Array.from(list), single };
  });

  return {
    count(selection, found, positions) {
      const chosen = index.map(({ key, ids, values }) => {
        const picked = selection[key] ?? [];
        if (picked.length === 0) return null;
        const flags = new Uint8Array(values.length);
        for (const value of picked) {
          const id = ids.get(value);
          if (id !== undefined) flags[id] = 1;
        }
        return flags;
      });
      const tallies = index.map(({ values }) => new Uint32Array(values.length));
      const singles = index.map(({ single }) => single);
      const chosenAny = chosen.some((flags) => flags !== null);
      const count = rows.length;
      const matching = new Uint8Array(count);
      const reads = positions ? positions.length : count;
      for (let r = 0; r < reads; r++) {
        const i = positions ? positions[r]! : r;
        if (found && !found[i]) continue;
        // The one facet the row fails (-1: none; -2: more than one): it still counts for that facet's values.
        let failed = -1;
        for (let k = 0; chosenAny && k < index.length && failed !== -2; k++) {
          const flags = chosen[k];
          if (!flags) continue;
          const single = singles[k];
          let hit = false;
          if (single) hit = single[i]! >= 0 && flags[single[i]!] === 1;
          else {
            const { offsets, list } = index[k]!;
            for (let p = offsets[i]!; p < offsets[i + 1]! && !hit; p++) hit = flags[list[p]!] === 1;
          }
          if (!hit) failed = failed === -1 ? k : -2;
        }
        if (failed === -2) continue;
        if (failed === -1) matching[i] = 1;
        for (let k = 0; k < index.length; k++) {
          if (failed !== -1 && failed !== k) continue;
          const single = singles[k];
          const tally = tallies[k]!;
          if (single) {
            if (single[i]! >= 0) tally[single[i]!]!++;
          } else {
            const { offsets, list } = index[k]!;
            for (let p = offsets[i]!; p < offsets[i + 1]!; p++) tally[list[p]!]!++;
          }
        }
      }
      const counts = {} as Record<FacetKey, FacetCount[]>;
      index.forEach(({ key, values }, k) => {
        const tally = tallies[k]!;
        const list: FacetCount[] = [];
        values.forEach((value, id) => {
          if (tally[id]! > 0) list.push({ value, count: tally[id]! });
        });
        for (const value of selection[key] ?? []) if (!list.some((c) => c.value === value)) list.push({ value, count: 0 });
        counts[key] = orderFacetCounts(key, list);
      });
      return { counts, matching };
    },
  };
}

/** Each sort order of the rows as positions, computed the first time it is asked for. */
export function createSortOrders(source: readonly DashboardRow[] | SortColumns): (key: SortKey) => Int32Array {
  const columns = Array.isArray(source) ? columnsOf(source) : (source as SortColumns);
  const orders = new Map<SortKey, Int32Array>();
  return (key) => {
    let order = orders.get(key);
    if (!order) orders.set(key, (order = sortPositions(columns, key)));
    return order;
  };
}

