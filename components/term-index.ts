// The term index behind the dashboard's search and the panel's filter: it matches exactly what MiniSearch matches
// as components/search.ts sets it up — the same tokens, folding, every word required, the last word as a prefix,
// words over five letters within the same edit distance — but answers in typed arrays with a cheap relevance score
// (MiniSearch itself takes seconds to index 100k rows and a second for a one-letter prefix). It builds in steps (a
// generator that yields between chunks of items), so a page can build it in idle time; and a result's ranking is
// exact for the first screen at once and for the rest when asked (rankRows).
import { fold } from './format';

const TOKEN = /[\s\p{P}\p{S}]+/u;
/** The fields and their weights, as MiniSearch is given them (components/search.ts). */
const FIELDS = ['text', 'notes', 'tags', 'labels'] as const;
const BOOST = [1, 1.5, 2, 2] as const;
/** A term's weight in an item: the sum of the weights of the fields it is in (by their bits), as MiniSearch adds them up. */
const FIELD_SET_WEIGHT = Array.from({ length: 1 << BOOST.length }, (_, set) => BOOST.reduce((sum, boost, f) => (set & (1 << f) ? sum + boost : sum), 0));
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const FUZZY = 0.15;
const MAX_FUZZY = 6;

/** Per row (by position in the rows array), 1 where it matches. */
export type RowMask = Uint8Array;

export interface SearchResult {
  /** Per row, 1 where it matches. */
  mask: RowMask;
  /** Per row, its relevance (0 where it does not match). */
  scores: Float64Array;
  /** How many rows match. */
  count: number;
  /** The positions of the rows that match, ascending. */
  positions: Int32Array;
  /** Row positions that match, best first (ranked when first read). */
  readonly ranked: Int32Array;
}

export interface TermIndex {
  search(query: string): SearchResult | null;
}

/**
 * Whether a query word may match by near spelling: words of more than five letters, as MiniSearch; never a word with a
 * digit in it — a number one digit off is another number (a paragraph, a session, a record), not a typo.
 */
export const fuzzyWord = (word: string): boolean => word.length > 5 && !/\p{Nd}/u.test(word);

/**
 * The terms of the sorted vocabulary within `max` edits of `word` (0 < distance), with their distance, in vocabulary
 * order. Terms sharing a prefix share the rows of the edit-distance table for it (a walk down the trie the sorted list
 * is), and every term under a prefix whose row is already over `max` is skipped at once: a fuzzy word costs the
 * prefixes that can still match, not one table per term of the vocabulary (160,000 number terms took a second).
 */
function fuzzyTerms(word: string, max: number, vocabulary: readonly string[], found: (term: string, distance: number) => void): void {
  const m = word.length;
  // rows[d] is the table's row after the first d letters of the term walked: the distance from each prefix of `word`.
  const rows: Int32Array[] = [Int32Array.from({ length: m + 1 }, (_, j) => j)];
  let walked = ''; // the term whose rows are in `rows`, up to `valid` letters
  let valid = 0;
  let k = 0;
  while (k < vocabulary.length) {
    const term = vocabulary[k]!;
    let depth = 0;
    const shared = Math.min(valid, term.length);
    while (depth < shared && walked.charCodeAt(depth) === term.charCodeAt(depth)) depth++;
    let pruned = false;
    for (; depth < term.length; depth++) {
      const previous = rows[depth]!;
      const row = (rows[depth + 1] ??= new Int32Array(m + 1));
      const letter = term.charCodeAt(depth);
      row[0] = depth + 1;
      let best = row[0];
      for (let j = 1; j <= m; j++) {
        const value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (word.charCodeAt(j - 1) === letter ? 0 : 1));
        row[j] = value;
        if (value < best) best = value;
      }
      if (best > max) {
        // No term that starts with these depth + 1 letters comes within `max`.
        const prefix = term.slice(0, depth + 1);
        k = lowerBound(vocabulary, prefix + '\uffff', k + 1);
        walked = term;
        valid = depth;
        pruned = true;
        break;
      }
    }
    if (pruned) continue;
    const distance = rows[term.length]![m]!;
    if (distance > 0 && distance <= max) found(term, distance);
    walked = term;
    valid = term.length;
    k++;
  }
}

function lowerBound(sorted: readonly string[], key: string, from = 0): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many items (rows) a build step reads before it yields. */
export const ROWS_PER_STEP = 500;

/** Runs a stepped build to its end. */
export function buildAtOnce<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** An Int32Array that grows by doubling. */
function grown(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  if (size <= array.length) return array;
  const next = new Int32Array(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

/**
 * The term index over `count` items, each read once as its four fields (text, notes, tags, labels), built in steps.
 */
export function* buildTermIndex(count: number, fieldsAt: (i: number) => readonly string[]): Generator<void, TermIndex> {
  // Terms by id; each token read once (its folded term's id, -1 when it folds to nothing).
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const tokenTerm = new Map<string, number>();
  const termIdsOf = (text: string): number[] => {
    const out: number[] = [];
    for (const token of text.split(TOKEN)) {
      if (!token) continue;
      let id = tokenTerm.get(token);
      if (id === undefined) {
        const term = fold(token);
        id = term ? termIds.get(term) : -1;
        if (id === undefined) {
          termIds.set(term, (id = terms.length));
          terms.push(term);
        }
        tokenTerm.set(token, id);
      }
      if (id >= 0) out.push(id);
    }
    return out;
  };
  // First pass: each item's distinct terms with the fields they are in (one bit a field), in typed arrays that
  // grow, not one array per term.
  let pairTerm = new Int32Array(1 << 16);
  let pairField = new Int32Array(1 << 16);
  let pairs = 0;
  const rowStart = new Int32Array(count + 1);
  let lastRow = new Int32Array(1 << 12).fill(-1);
  let lastPair = new Int32Array(1 << 12);
  let termRows = new Int32Array(1 << 12);
  // Rows share their labels (themes, category, status): their terms are read once per distinct set.
  const labelTerms = new Map<string, number[]>();
  for (let i = 0; i < count; i++) {
    if (i % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
    const fields = fieldsAt(i);
    for (let f = 0; f < FIELDS.length; f++) {
      const text = fields[f]!;
      if (!text) continue;
      let ids: number[];
      if (f === 3) {
        ids = labelTerms.get(text) ?? termIdsOf(text);
        labelTerms.set(text, ids);
      } else ids = termIdsOf(text);
      if (terms.length > lastRow.length) {
        const size = Math.max(terms.length, lastRow.length * 2);
        const rowsBefore = lastRow;
        lastRow = new Int32Array(size).fill(-1);
        lastRow.set(rowsBefore);
        lastPair = grown(lastPair, size);
        termRows = grown(termRows, size);
      }
      for (const id of ids) {
        if (lastRow[id] === i) {
          const p = lastPair[id]!;
          pairField[p] = pairField[p]! | (1 << f);
          continue;
        }
        if (pairs === pairTerm.length) {
          pairTerm = grown(pairTerm, pairs + 1);
          pairField = grown(pairField, pairs + 1);
        }
        lastRow[id] = i;
        lastPair[id] = pairs;
        termRows[id]!++;
        pairTerm[pairs] = id;
        pairField[pairs++] = 1 << f;
      }
    }
    rowStart[i + 1] = pairs;
  }
  // Second pass: per term, its rows (ascending) and weights, one after another in two arrays.
  const termStart = new Int32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t++) termStart[t + 1] = termStart[t]! + termRows[t]!;
  const postingRows = new Int32Array(pairs);
  const postingBoost = new Float64Array(pairs);
  const fill = termStart.slice(0, terms.length);
  for (let i = 0; i < count; i++) {
    if (i % (ROWS_PER_STEP * 4) === ROWS_PER_STEP * 4 - 1) yield;
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
      const at = fill[pairTerm[p]!]!++;
      postingRows[at] = i;
      postingBoost[at] = FIELD_SET_WEIGHT[pairField[p]!]!;
    }
  }
  const vocabulary = [...terms].sort();

  /** The index terms a query word matches, each with its weight (exact 1, prefix and fuzzy less, as MiniSearch). */
  function termsFor(word: string, isLast: boolean): [string, number][] {
    const out = new Map<string, number>();
    if (termIds.has(word)) out.set(word, 1);
    if (isLast) {
      for (let k = lowerBound(vocabulary, word); k < vocabulary.length && vocabulary[k]!.startsWith(word); k++) {
        const term = vocabulary[k]!;
        const distance = term.length - word.length;
        if (distance > 0) out.set(term, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance));
      }
    }
    if (fuzzyWord(word)) {
      const max = Math.min(MAX_FUZZY, Math.round(word.length * FUZZY));
      if (max > 0) {
        fuzzyTerms(word, max, vocabulary, (term, distance) => {
          if (!out.has(term)) out.set(term, (FUZZY_WEIGHT * term.length) / (term.length + distance));
        });
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
      if (words.length === 0) return resultOf(mask, scores, new Int32Array(0));
      // hits[i] counts the query words row i matched; a row matches when it matched every one, so the last word
      // marks the mask.
      const hits = new Uint8Array(count);
      words.forEach((word, w) => {
        const last = w === words.length - 1;
        const seen = last ? mask : new Uint8Array(count);
        for (const [term, weight] of termsFor(word, last)) {
          const t = termIds.get(term)!;
          const from = termStart[t]!;
          const to = termStart[t + 1]!;
          const idf = Math.log(1 + (count - (to - from) + 0.5) / (to - from + 0.5));
          for (let k = from; k < to; k++) {
            const i = postingRows[k]!;
            if (hits[i] !== w) continue; // missed an earlier word
            scores[i] = scores[i]! + weight * postingBoost[k]! * idf;
            seen[i] = 1;
          }
        }
        if (!last) for (let i = 0; i < count; i++) if (seen[i]) hits[i] = w + 1;
      });
      const found = new Int32Array(count);
      let matched = 0;
      for (let i = 0; i < count; i++) {
        if (mask[i]) found[matched++] = i;
        else scores[i] = 0;
      }
      return resultOf(mask, scores, found.subarray(0, matched));
    },
  };
}

function resultOf(mask: RowMask, scores: Float64Array, positions: Int32Array): SearchResult {
  let ranked: Int32Array | null = null;
  return {
    mask,
    scores,
    count: positions.length,
    positions,
    get ranked() {
      if (!ranked) {
        const order = rankRows(scores, positions, 0);
        order.complete();
        ranked = order.positions;
      }
      return ranked;
    },
  };
}

/** Row positions best first; the first `exact` of them in their final order, the rest until complete(). */
export interface RankedRows {
  /** The candidates' positions (in `out`, when given), best first. */
  readonly positions: Int32Array;
  readonly exact: number;
  complete(): void;
}

/**
 * The candidates (row positions, ascending) by relevance, best first, equal scores in row order. The `first` best
 * are picked and ordered at once (one pass, a heap of `first`); the others follow in row order until complete()
 * sorts them, so a one-letter search over 100,000 rows shows its first screen without sorting 86,000 rows.
 */
export function rankRows(scores: Float64Array, candidates: Int32Array, first: number, out?: Int32Array): RankedRows {
  const n = candidates.length;
  const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  let exact = 0;
  const positions = out ? out.subarray(0, n) : new Int32Array(n);
  const complete = () => {
    if (exact === n) return;
    // Every score's place among the distinct scores (a numeric sort, not 86,000 comparator calls), then the rows
    // placed by that rank, in row order within a rank.
    const sorted = new Float64Array(n);
    for (let k = 0; k < n; k++) sorted[k] = -scores[candidates[k]!]!;
    sorted.sort();
    let distinct = 0;
    for (let k = 0; k < n; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[distinct++] = sorted[k]!;
    const rank = new Int32Array(n);
    const starts = new Int32Array(distinct + 1);
    for (let k = 0; k < n; k++) {
      const key = -scores[candidates[k]!]!;
      let lo = 0;
      let hi = distinct - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid]! < key) lo = mid + 1;
        else hi = mid;
      }
      rank[k] = lo;
      starts[lo + 1]!++;
    }
    for (let r = 0; r < distinct; r++) starts[r + 1]! += starts[r]!;
    for (let k = 0; k < n; k++) positions[starts[rank[k]!]!++] = candidates[k]!;
    exact = n;
  };
  if (first <= 0 || n <= first * 4) complete();
  else {
    // A heap of the best `first` so far, the worst of them on top.
    const heap = new Int32Array(first);
    let size = 0;
    const sift = (at: number) => {
      for (;;) {
        const left = at * 2 + 1;
        if (left >= size) return;
        const child = left + 1 < size && better(heap[left]!, heap[left + 1]!) ? left + 1 : left;
        if (!better(heap[at]!, heap[child]!)) return;
        [heap[at], heap[child]] = [heap[child]!, heap[at]!];
        at = child;
      }
    };
    for (let k = 0; k < n; k++) {
      const i = candidates[k]!;
      if (size < first) {
        let at = size++;
        heap[at] = i;
        while (at > 0) {
          const parent = (at - 1) >> 1;
          if (!better(heap[parent]!, heap[at]!)) break;
          [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
          at = parent;
        }
      } else if (better(i, heap[0]!)) {
        heap[0] = i;
        sift(0);
      }
    }
    const best = Array.from(heap).sort((a, b) => (better(a, b) ? -1 : 1));
    const chosen = new Uint8Array(scores.length);
    for (const i of best) chosen[i] = 1;
    positions.set(best);
    let at = first;
    for (let k = 0; k < n; k++) if (!chosen[candidates[k]!]) positions[at++] = candidates[k]!;
    exact = first;
  }
  return {
    positions,
    get exact() {
      return exact;
    },
    complete,
  };
}

