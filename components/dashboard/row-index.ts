// The dashboard's indexes over its rows, built once per data change so that a keystroke at 100,000 rows costs a few
// milliseconds: a term index that matches exactly what components/search.ts (MiniSearch) matches — the same
// tokens, folding, every word required, the last word as a prefix, words over five letters within the same edit
// distance — but answers in typed arrays with a cheap relevance score (MiniSearch itself takes seconds to index
// 100k rows and a second for a one-letter prefix); facet values interned so counts are one pass over integers; and
// each sort order computed once.
import { fold } from '../format';
import { labelsOf } from '../search';
import { FACET_KEYS, orderFacetCounts, sortOrder, type DashboardRow, type FacetCount, type FacetKey, type FacetSelection, type SortKey } from './dashboard-rows';

const TOKEN = /[\s\p{P}\p{S}]+/u;
/** The field weights of components/search.ts. */
const FIELDS = ['text', 'notes', 'tags', 'labels'] as const;
const BOOST = [1, 1.5, 2, 2] as const;
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const FUZZY = 0.15;
const MAX_FUZZY = 6;

/** Per row (by position in the rows array), 1 where it matches. */
export type RowMask = Uint8Array;

export interface SearchResult {
  /** Row positions that match, best first. */
  ranked: Int32Array;
  mask: RowMask;
}

export interface RowMatcher {
  search(query: string): SearchResult | null;
}

interface Posting {
  /** Row positions, ascending, one per row. */
  rows: number[];
  /** The best field weight the term has in each of those rows. */
  boost: number[];
}

function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The words of each field of a row, as components/dashboard/dashboard-search.ts hands them to MiniSearch. */
function fieldsOf(row: DashboardRow, labels: (row: DashboardRow) => string): string[] {
  const notes = [row.note, ...row.otherNotes].filter((n) => n !== null);
  return [row.recommendation?.text ?? row.page?.title ?? '', notes.map((n) => n.body).join('\n'), notes.flatMap((n) => n.tags).join(' '), labels(row)];
}

export function createRowMatcher(rows: readonly DashboardRow[]): RowMatcher {
  const postings = new Map<string, Posting>();
  const folded = new Map<string, string>();
  const labelCache = new Map<string, string>();
  const labels = (row: DashboardRow) => {
    const rec = row.recommendation;
    const notes = [row.note, ...row.otherNotes].filter((n) => n !== null);
    const key = `${rec?.actionCategory ?? ''}|${rec?.themes.join('|') ?? ''}|${notes.map((n) => n.status).join('|')}`;
    let value = labelCache.get(key);
    if (value === undefined) labelCache.set(key, (value = labelsOf({ notes, themes: rec?.themes ?? [], actionCategory: rec?.actionCategory ?? null })));
    return value;
  };
  const termsOf = (text: string) => {
    const terms: string[] = [];
    for (const token of text.split(TOKEN)) {
      if (!token) continue;
      let term = folded.get(token);
      if (term === undefined) folded.set(token, (term = fold(token)));
      if (term) terms.push(term);
    }
    return terms;
  };
  // Rows share their labels (themes, category, status): their terms are read once per distinct set.
  const labelTerms = new Map<string, string[]>();
  for (let i = 0; i < rows.length; i++) {
    const fields = fieldsOf(rows[i]!, labels);
    for (let f = 0; f < FIELDS.length; f++) {
      const text = fields[f]!;
      if (!text) continue;
      let terms: string[];
      if (f === 3) {
        terms = labelTerms.get(text) ?? termsOf(text);
        labelTerms.set(text, terms);
      } else terms = termsOf(text);
      for (const term of terms) {
        let posting = postings.get(term);
        if (!posting) postings.set(term, (posting = { rows: [], boost: [] }));
        const last = posting.rows.length - 1;
        if (posting.rows[last] === i) posting.boost[last] = Math.max(posting.boost[last]!, BOOST[f]!);
        else {
          posting.rows.push(i);
          posting.boost.push(BOOST[f]!);
        }
      }
    }
  }
  const vocabulary = [...postings.keys()].sort();
  const count = rows.length;

  /** The index terms a query word matches, each with its weight (exact 1, prefix and fuzzy less, as MiniSearch). */
  function termsFor(word: string, isLast: boolean): [string, number][] {
    const out = new Map<string, number>();
    if (postings.has(word)) out.set(word, 1);
    if (isLast) {
      for (let k = lowerBound(vocabulary, word); k < vocabulary.length && vocabulary[k]!.startsWith(word); k++) {
        const term = vocabulary[k]!;
        const distance = term.length - word.length;
        if (distance > 0) out.set(term, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance));
      }
    }
    if (word.length > 5) {
      const max = Math.min(MAX_FUZZY, Math.round(word.length * FUZZY));
      if (max > 0) {
        for (const term of vocabulary) {
          if (out.has(term)) continue;
          const distance = editDistanceWithin(word, term, max);
          if (distance > 0 && distance <= max) out.set(term, (FUZZY_WEIGHT * term.length) / (term.length + distance));
        }
      }
    }
    return [...out];
  }

  return {
    search(query) {
      if (query.trim() === '') return null;
      const words = query
        .split(TOKEN)
        .filter(Boolean)
        .map((w) => fold(w))
        .filter(Boolean);
      const mask = new Uint8Array(count);
      const scores = new Float64Array(count);
      if (words.length === 0) return { ranked: new Int32Array(0), mask };
      // hits[i] counts the query words row i matched; a row matches when it matched every one.
      const hits = new Uint8Array(count);
      words.forEach((word, w) => {
        const seen = new Uint8Array(count);
        for (const [term, weight] of termsFor(word, w === words.length - 1)) {
          const posting = postings.get(term)!;
          const idf = Math.log(1 + (count - posting.rows.length + 0.5) / (posting.rows.length + 0.5));
          for (let k = 0; k < posting.rows.length; k++) {
            const i = posting.rows[k]!;
            if (hits[i] !== w) continue; // missed an earlier word
            scores[i] = scores[i]! + weight * posting.boost[k]! * idf;
            seen[i] = 1;
          }
        }
        for (let i = 0; i < count; i++) if (seen[i]) hits[i] = w + 1;
      });
      const matched: number[] = [];
      for (let i = 0; i < count; i++) {
        if (hits[i] === words.length) {
          mask[i] = 1;
          matched.push(i);
        }
      }
      matched.sort((a, b) => scores[b]! - scores[a]! || a - b);
      return { ranked: Int32Array.from(matched), mask };
    },
  };
}

export interface FacetCounter {
  /** What countFacets gives, and which rows match the selection (and the search mask, when given). */
  count(selection: FacetSelection, found: RowMask | null): { counts: Record<FacetKey, FacetCount[]>; matching: RowMask };
}

/** Facet values as integers per row (offsets into one array per facet), so counting is a pass over numbers. */
export function createFacetCounter(rows: readonly DashboardRow[]): FacetCounter {
  const index = FACET_KEYS.map((key) => {
    const ids = new Map<string, number>();
    const offsets = new Int32Array(rows.length + 1);
    const list: number[] = [];
    rows.forEach((row, i) => {
      for (const value of row.facets[key]) {
        let id = ids.get(value);
        if (id === undefined) ids.set(value, (id = ids.size));
        list.push(id);
      }
      offsets[i + 1] = list.length;
    });
    return { key, ids, values: [...ids.keys()], offsets, list: Int32Array.from(list) };
  });

  return {
    count(selection, found) {
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
      const matching = new Uint8Array(rows.length);
      for (let i = 0; i < rows.length; i++) {
        if (found && !found[i]) continue;
        // The one facet the row fails (-1: none; -2: more than one): it still counts for that facet's values.
        let failed = -1;
        for (let k = 0; k < index.length && failed !== -2; k++) {
          const flags = chosen[k];
          if (!flags) continue;
          const { offsets, list } = index[k]!;
          let hit = false;
          for (let p = offsets[i]!; p < offsets[i + 1]! && !hit; p++) hit = flags[list[p]!] === 1;
          if (!hit) failed = failed === -1 ? k : -2;
        }
        if (failed === -2) continue;
        if (failed === -1) matching[i] = 1;
        for (let k = 0; k < index.length; k++) {
          if (failed !== -1 && failed !== k) continue;
          const { offsets, list } = index[k]!;
          const tally = tallies[k]!;
          for (let p = offsets[i]!; p < offsets[i + 1]!; p++) tally[list[p]!]!++;
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
export function createSortOrders(rows: readonly DashboardRow[]): (key: SortKey) => Int32Array {
  const orders = new Map<SortKey, Int32Array>();
  return (key) => {
    let order = orders.get(key);
    if (!order) orders.set(key, (order = Int32Array.from(sortOrder(rows, key))));
    return order;
  };
}

