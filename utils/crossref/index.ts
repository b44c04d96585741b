// utils/crossref: the index of stored recommendations that answers "what was recommended to this state before?" —
// earlier-cycle recommendations to the same state under review, ranked by text similarity, shared themes and the
// same recommending state, with a "repeat" flag for near-identical text — and "how did this state answer that
// state in earlier cycles?" counts. Owned by the background; pure (no storage, no DOM). Every question is about one
// state under review, so the background loads it a state at a time, and stores each state's part (`partOf`, with
// the comparison words already computed) for the next worker to load back (`addPart`): utils/background/crossref-cache.
//
// Records are kept per state under review, and a query scores the earlier records of that state that share a word
// with it (each state's word → records lists are built when the state is first asked about). Every record's distinct
// words are ids in one shared typed list, so 100,000 records cost a few MB on top of the records themselves. A state
// holds a few hundred to two thousand records, so a query takes well under a millisecond, needs no search structure
// to build when the worker wakes, and cannot miss the best match the way a top-N candidate list from a text search
// can. MiniSearch (BM25 candidates, then the same rescoring) was measured first: building it for 100,000 records took
// 1.5–2.5 s on top of ~1 s of word extraction, and queries were slower (p50 ~0.9 ms), for no better ranking.
// A stored part can carry each record's answer (`partOf(state, { earlier })`): a fresh worker's first panel then
// lists a statement's earlier matches without scoring it, until the state's records change.
import type { StoredRecommendation } from '@/utils/model';
import { comparisonProfile, type ComparisonLanguage } from './terms';

export { comparisonProfile, comparisonTerms, type ComparisonLanguage, type ComparisonProfile } from './terms';
export { normalizeInstruments } from './lexicon';
export { isSameRecommendation, twinSimilarity } from './twins';

export type CrossrefRecord = Pick<
  StoredRecommendation,
  'id' | 'text' | 'stateUnderReviewCode' | 'recommendingStateCode' | 'recommendingState' | 'session' | 'cycle' | 'themes' | 'response' | 'pageUrl'
> &
  Partial<Pick<StoredRecommendation, 'recommendingStates'>>;

export interface CrossrefMatch {
  record: CrossrefRecord;
  /** What the list is sorted by: similarity, plus a little for shared themes and the same recommending state. */
  score: number;
  /** Word overlap, 0 (nothing in common) to 1 (the same words). */
  similarity: number;
  /** The earlier recommendation says nearly the same thing. */
  repeat: boolean;
  sharedThemes: string[];
  sameRecommendingState: boolean;
}

export interface CrossrefCounts {
  total: number;
  supported: number;
  noted: number;
  /** Response not known (not in the data, or not yet given). */
  unknown: number;
}

export interface CrossrefSummary extends CrossrefCounts {
  /** The same counts per earlier cycle, oldest first; cycles without recommendations are left out. */
  byCycle: (CrossrefCounts & { cycle: number })[];
}

export interface EarlierOptions {
  /** How many matches at most; default 5. */
  limit?: number;
  /** Leave out matches less similar than this (0–1); default 0.2. */
  minSimilarity?: number;
}

export interface CrossrefIndex {
  /** Adds records, or replaces those whose id is already in. */
  add(records: Iterable<CrossrefRecord>): void;
  remove(ids: Iterable<string>): void;
  /** Earlier-cycle recommendations to the same state under review, best first. Empty without a state or cycle. */
  earlierFor(rec: Pick<CrossrefRecord, 'text' | 'stateUnderReviewCode' | 'recommendingStateCode' | 'cycle' | 'themes'> & { id?: string }, options?: EarlierOptions): CrossrefMatch[];
  /**
   * What `recommendingStateCode` recommended to `stateUnderReviewCode` before `cycle` (every cycle when null), and the
   * answers; a joint recommendation counts for each of its states.
   */
  summaryFor(who: { recommendingStateCode: string | null; stateUnderReviewCode: string | null; cycle: number | null }): CrossrefSummary;
  get(id: string): CrossrefRecord | undefined;
  readonly size: number;
  /** The records as JSON; `loadCrossrefIndex` turns it back into an index. */
  serialize(): string;
  /**
   * One state under review's records with their comparison words, as `addPart` takes them back; with `earlier`, also
   * each record's `earlierFor` answer up to that many matches (those `answering` accepts, by default all), so the
   * next worker answers for them without scoring.
   */
  partOf(stateUnderReviewCode: string, options?: { earlier?: number; answering?: (record: CrossrefRecord) => boolean }): CrossrefPart;
  /** Adds a state's records with the words `partOf` gave for them, computing nothing; throws on a malformed part. */
  addPart(part: CrossrefPart): void;
}

/**
 * One state under review's share of the index in a form that can be stored (structured clone or JSON): its records,
 * and for each the comparison words (space-separated) and language, so loading it back computes nothing.
 */
export interface CrossrefPart {
  records: CrossrefRecord[];
  terms: string[];
  languages: (ComparisonLanguage | null)[];
  /**
   * For each record, its earlier-cycle matches as `earlierFor` found them with the default minimum similarity, best
   * first, up to `limit`: [id, similarity, repeat]; null for a record left unanswered. Kept while the state's records
   * stay as they were.
   */
  earlier?: { limit: number; lists: (EarlierEntry[] | null)[] };
}

export type EarlierEntry = [id: string, similarity: number, repeat: boolean];

const DEFAULT_LIMIT = 5;
const DEFAULT_MIN_SIMILARITY = 0.2;
const THEME_WEIGHT = 0.15;
const MAX_THEMES_COUNTED = 3;
const SAME_STATE_WEIGHT = 0.1;
// "Nearly the same text": most words shared both ways, or one text inside the other with little added.
const REPEAT_JACCARD = 0.8;
const REPEAT_CONTAINMENT = 0.9;
const REPEAT_MIN_TERMS = 4;
const REPEAT_MIN_LENGTH_RATIO = 0.6;
// Across languages some words of each side have no twin in the lexicon, so "nearly the same" asks for less.
const REPEAT_JACCARD_ACROSS = 0.6;
const REPEAT_CONTAINMENT_ACROSS = 0.75;
const SERIAL_VERSION = 1;
/** The concept token of consider / envisager / considerar (./lexicon). */
const CONSIDER = 'consider';

/** Languages as the index stores them, one small number per record: the position in this list. */
const LANGUAGES: readonly (ComparisonLanguage | null)[] = [null, 'en', 'fr', 'es'];
/** Set in a record's flags when it asks to consider (envisage, study) rather than to act: never a repeat of the act itself. */
const CONSIDERS_FLAG = 4;
const LANGUAGE_MASK = 3;
/** Removed records leave their slot empty until there are this many, and more of them than of records. */
const COMPACT_AFTER = 4_096;

/**
 * A growing list of 32-bit integers in one typed array. The index keeps every record's words this way, all records'
 * in one list: an array of numbers per record costs about three times the memory (a header and 8 bytes a number).
 */
interface IntList {
  data: Int32Array;
  length: number;
}

const intList = (capacity = 16): IntList => ({ data: new Int32Array(capacity), length: 0 });

function pushInt(list: IntList, value: number): void {
  if (list.length === list.data.length) {
    const grown = new Int32Array(list.data.length * 2);
    grown.set(list.data);
    list.data = grown;
  }
  list.data[list.length++] = value;
}

/**
 * A state's records that have a cycle, oldest cycle first (`slotAt`: position → slot, `cycles`: position → cycle,
 * ascending), its words (ascending ids) and, for words[i], the positions of the records holding it, ascending:
 * positions[offsets[i] .. offsets[i + 1]). The records earlier than a cycle are a prefix of every list.
 */
interface StateWords {
  slotAt: Int32Array;
  cycles: Int32Array;
  words: Int32Array;
  offsets: Int32Array;
  positions: Int32Array;
}

/** A match as `earlierFor` gives it: the similarity and verdict, plus what the asking recommendation shares with it. */
function matchOf(
  rec: Pick<CrossrefRecord, 'recommendingStateCode'>,
  recThemes: ReadonlySet<string>,
  earlier: CrossrefRecord,
  similarity: number,
  repeat: boolean,
): CrossrefMatch {
  const sharedThemes = earlier.themes.filter((t) => recThemes.has(t));
  const sameRecommendingState = rec.recommendingStateCode != null && earlier.recommendingStateCode === rec.recommendingStateCode;
  const score = similarity + (THEME_WEIGHT * Math.min(sharedThemes.length, MAX_THEMES_COUNTED)) / MAX_THEMES_COUNTED + (sameRecommendingState ? SAME_STATE_WEIGHT : 0);
  return { record: earlier, score, similarity, repeat, sharedThemes, sameRecommendingState };
}

/** The stored record is asked about as it is stored: every field its earlier matches and their order depend on. */
function isAskedAs(stored: CrossrefRecord, rec: Pick<CrossrefRecord, 'text' | 'stateUnderReviewCode' | 'recommendingStateCode' | 'cycle' | 'themes'>): boolean {
  return (
    stored.text === rec.text &&
    stored.stateUnderReviewCode === rec.stateUnderReviewCode &&
    stored.recommendingStateCode === rec.recommendingStateCode &&
    stored.cycle === rec.cycle &&
    stored.themes.length === rec.themes.length &&
    stored.themes.every((t, i) => t === rec.themes[i])
  );
}

/** How many of the ascending `list` are below `value`. */
function countBelow(list: Int32Array, value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Where `value` is in the ascending `list`, or -1. */
function binarySearch(list: Int32Array, value: number): number {
  const at = countBelow(list, value);
  return at < list.length && list[at] === value ? at : -1;
}

/** A text's comparison words as ids, and what `earlierFor` needs to know of it besides. */
interface Query {
  ids: ArrayLike<number>;
  /** Words of the text the index has never seen (they count in its size, never as shared). */
  unknown: number;
  language: ComparisonLanguage | null;
  considers: boolean;
}

export function createCrossrefIndex(records: Iterable<CrossrefRecord> = []): CrossrefIndex {
  // Every record has a slot, in the order added; slot i's words (distinct ids, ascending, so overlap is a merge) are
  // terms[starts[i] .. starts[i + 1]). A removed record leaves its slot empty (undefined) until `compact`.
  let slots: (CrossrefRecord | undefined)[] = [];
  let starts = intList();
  let terms = intList(256);
  /** Language (its position in LANGUAGES) and CONSIDERS_FLAG, per slot. */
  let flags = intList();
  const slotOf = new Map<string, number>();
  /** State under review → its records' slots, oldest first; every question is about one state. */
  let byState = new Map<string, IntList>();
  let empty = 0;
  const termIdOf = new Map<string, number>();
  /** Id → word, to give a state's words back in `partOf`. */
  const termOf: string[] = [];

  const endOf = (slot: number) => (slot + 1 < slots.length ? starts.data[slot + 1]! : terms.length);

  function termIds(words: readonly string[], addMissing: boolean): { ids: number[]; unknown: number } {
    const ids: number[] = [];
    let unknown: Set<string> | null = null;
    for (const term of words) {
      let id = termIdOf.get(term);
      if (id === undefined && addMissing) {
        termIdOf.set(term, (id = termOf.length));
        termOf.push(term);
      }
      if (id === undefined) (unknown ??= new Set()).add(term);
      else ids.push(id);
    }
    ids.sort((a, b) => a - b);
    let distinct = 0;
    for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[i - 1]) ids[distinct++] = ids[i]!;
    ids.length = distinct;
    return { ids, unknown: unknown?.size ?? 0 };
  }

  /** A text's comparison words as a query: the ids of those the index knows, how many it does not, and its language. */
  function profileOf(text: string): Query {
    const profile = comparisonProfile(text);
    return { ...termIds(profile.terms, false), language: profile.language, considers: profile.terms.includes(CONSIDER) };
  }

  /** A stored record's words as a query, read from the index (nothing computed). */
  function queryOf(slot: number): Query {
    const flag = flags.data[slot]!;
    return { ids: terms.data.subarray(starts.data[slot]!, endOf(slot)), unknown: 0, language: LANGUAGES[flag & LANGUAGE_MASK]!, considers: (flag & CONSIDERS_FLAG) !== 0 };
  }

  /**
   * Per state under review, which of its records (positions in its list of slots) hold each word: built when the
   * state is first asked about and dropped whenever its records change. A query then counts shared words by
   * walking its own words' lists, instead of comparing itself with every record of the state.
   */
  let wordsOfState = new Map<string, StateWords>();
  /** Per state under review, answers a part brought (`CrossrefPart.earlier`), by slot: [slot, similarity, repeat]. */
  let earlierOfState = new Map<string, { limit: number; bySlot: Map<number, [number, number, boolean][]> }>();
  const changed = (sur: string) => {
    wordsOfState.delete(sur);
    earlierOfState.delete(sur);
  };

  function stateWords(sur: string, list: IntList): StateWords {
    let found = wordsOfState.get(sur);
    if (found) return found;
    // Only records with a cycle can be earlier than anything; sorted by cycle (stable: oldest added first among equals).
    const dated: number[] = [];
    for (let k = 0; k < list.length; k++) {
      const slot = list.data[k]!;
      if (slots[slot]?.cycle != null) dated.push(slot);
    }
    dated.sort((a, b) => slots[a]!.cycle! - slots[b]!.cycle! || a - b);
    const slotAt = Int32Array.from(dated);
    const cycles = Int32Array.from(dated, (slot) => slots[slot]!.cycle!);
    const counts = new Map<number, number>();
    for (const slot of slotAt) {
      for (let j = starts.data[slot]!, end = endOf(slot); j < end; j++) counts.set(terms.data[j]!, (counts.get(terms.data[j]!) ?? 0) + 1);
    }
    const words = Int32Array.from(counts.keys()).sort();
    const offsets = new Int32Array(words.length + 1);
    const at = new Map<number, number>();
    words.forEach((word, i) => {
      at.set(word, i);
      offsets[i + 1] = offsets[i]! + counts.get(word)!;
    });
    const positions = new Int32Array(offsets[words.length]!);
    const next = offsets.slice(0, words.length);
    slotAt.forEach((slot, k) => {
      for (let j = starts.data[slot]!, end = endOf(slot); j < end; j++) positions[next[at.get(terms.data[j]!)!]!++] = k;
    });
    wordsOfState.set(sur, (found = { slotAt, cycles, words, offsets, positions }));
    return found;
  }

  /**
   * Calls `each` with every record of the state from a cycle before `cycle` that shares words with `ids` (its slot)
   * and how many: only those records' entries of each word's list are read, so a statement's own cycle costs nothing.
   */
  function forEachEarlierSharing(sur: string, list: IntList, cycle: number, ids: ArrayLike<number>, each: (slot: number, shared: number) => void): void {
    const { slotAt, cycles, words, offsets, positions } = stateWords(sur, list);
    const below = countBelow(cycles, cycle);
    if (below === 0) return;
    const shared = new Int32Array(below);
    const touched: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      const w = binarySearch(words, ids[i]!);
      if (w < 0) continue;
      for (let p = offsets[w]!, end = offsets[w + 1]!; p < end && positions[p]! < below; p++) if (shared[positions[p]!]!++ === 0) touched.push(positions[p]!);
    }
    for (const position of touched) each(slotAt[position]!, shared[position]!);
  }

  /** The live records of a state, oldest first, with their slots. */
  function* stateSlots(sur: string): Generator<[number, CrossrefRecord]> {
    const list = byState.get(sur);
    if (!list) return;
    for (let i = 0; i < list.length; i++) {
      const slot = list.data[i]!;
      const record = slots[slot];
      if (record) yield [slot, record];
    }
  }

  /** Moves the live records into fresh lists, dropping the empty slots removals left. */
  function compact(): void {
    const old = { slots, starts: starts.data, terms, flags: flags.data };
    slots = [];
    starts = intList(Math.max(16, slotOf.size));
    terms = intList(Math.max(256, old.terms.length));
    flags = intList(Math.max(16, slotOf.size));
    byState = new Map();
    wordsOfState = new Map();
    earlierOfState = new Map();
    empty = 0;
    old.slots.forEach((record, slot) => {
      if (!record) return;
      const end = slot + 1 < old.slots.length ? old.starts[slot + 1]! : old.terms.length;
      place(record, old.terms.data.subarray(old.starts[slot]!, end), old.flags[slot]!);
    });
  }

  function place(record: CrossrefRecord, ids: ArrayLike<number>, flag: number): void {
    const slot = slots.length;
    slots.push(record);
    pushInt(starts, terms.length);
    for (let i = 0; i < ids.length; i++) pushInt(terms, ids[i]!);
    pushInt(flags, flag);
    slotOf.set(record.id, slot);
    const sur = record.stateUnderReviewCode;
    // Without a state under review a record can never be "earlier to the same state"; keep it for get() only.
    if (!sur) return;
    let list = byState.get(sur);
    if (!list) byState.set(sur, (list = intList(8)));
    pushInt(list, slot);
    changed(sur);
  }

  function removeOne(id: string): void {
    const slot = slotOf.get(id);
    if (slot === undefined) return;
    slotOf.delete(id);
    const sur = slots[slot]!.stateUnderReviewCode;
    if (sur) changed(sur);
    slots[slot] = undefined;
    empty += 1;
    if (empty > COMPACT_AFTER && empty > slotOf.size) compact();
  }

  function addOne(record: CrossrefRecord, profile: { terms: readonly string[]; language: ComparisonLanguage | null } = comparisonProfile(record.text)): void {
    if (slotOf.has(record.id)) removeOne(record.id);
    const flag = LANGUAGES.indexOf(profile.language) | (profile.terms.includes(CONSIDER) ? CONSIDERS_FLAG : 0);
    place(record, termIds(profile.terms, true).ids, flag);
  }

  const index: CrossrefIndex = {
    add(list) {
      for (const record of list) addOne(record);
    },
    remove(ids) {
      for (const id of ids) removeOne(id);
    },
    get(id) {
      const slot = slotOf.get(id);
      return slot === undefined ? undefined : slots[slot];
    },
    get size() {
      return slotOf.size;
    },
    earlierFor(rec, options = {}) {
      const { limit = DEFAULT_LIMIT, minSimilarity = DEFAULT_MIN_SIMILARITY } = options;
      const { stateUnderReviewCode: sur, cycle } = rec;
      if (!sur || cycle == null || limit <= 0) return [];
      if (!byState.has(sur)) return [];
      // A stored recommendation asked about (a statement's own, in the panel) has its words in the index already.
      const own = rec.id !== undefined ? slotOf.get(rec.id) : undefined;
      const recThemes = new Set(rec.themes);
      const known = own !== undefined && minSimilarity === DEFAULT_MIN_SIMILARITY ? earlierOfState.get(sur) : undefined;
      const answered = known && limit <= known.limit && isAskedAs(slots[own!]!, rec) ? known.bySlot.get(own!) : undefined;
      if (answered) return answered.slice(0, limit).map(([slot, similarity, repeat]) => matchOf(rec, recThemes, slots[slot]!, similarity, repeat));
      const query = own !== undefined && slots[own]!.text === rec.text ? queryOf(own) : profileOf(rec.text);
      if (query.ids.length === 0 && query.unknown === 0) return [];
      const { considers } = query;
      const sizeA = query.ids.length + query.unknown;
      const list = byState.get(sur)!;
      const matches: CrossrefMatch[] = [];
      const consider = (slot: number, shared: number) => {
        const earlier = slots[slot];
        if (!earlier || earlier.cycle == null || earlier.cycle >= cycle || earlier.id === rec.id) return;
        const flag = flags.data[slot]!;
        const across = isAcross(query.language, LANGUAGES[flag & LANGUAGE_MASK]!);
        const overlap = overlapOfCounts(shared, sizeA, endOf(slot) - starts.data[slot]!, across, considers !== ((flag & CONSIDERS_FLAG) !== 0));
        if (overlap.similarity >= minSimilarity) matches.push(matchOf(rec, recThemes, earlier, overlap.similarity, overlap.repeat));
      };
      if (minSimilarity > 0) {
        // A record sharing no word has similarity 0: only those the query's words lead to are scored.
        forEachEarlierSharing(sur, list, cycle, query.ids, consider);
      } else {
        for (let k = 0; k < list.length; k++) {
          const slot = list.data[k]!;
          consider(slot, sharedOf(query.ids, terms.data, starts.data[slot]!, endOf(slot)));
        }
      }
      // Most recent cycle first among equals: the last answer is the one a reader wants.
      matches.sort((a, b) => b.score - a.score || (b.record.cycle ?? 0) - (a.record.cycle ?? 0) || (a.record.id < b.record.id ? -1 : 1));
      return matches.slice(0, limit);
    },
    summaryFor({ recommendingStateCode, stateUnderReviewCode, cycle }) {
      const summary: CrossrefSummary = { ...zeroCounts(), byCycle: [] };
      if (!recommendingStateCode || !stateUnderReviewCode) return summary;
      const perCycle = new Map<number, CrossrefCounts>();
      for (const [, record] of stateSlots(stateUnderReviewCode)) {
        if (record.recommendingStateCode !== recommendingStateCode && !record.recommendingStates?.some((s) => s.code === recommendingStateCode)) continue;
        if (record.cycle == null || (cycle != null && record.cycle >= cycle)) continue;
        let counts = perCycle.get(record.cycle);
        if (!counts) perCycle.set(record.cycle, (counts = zeroCounts()));
        count(counts, record.response);
        count(summary, record.response);
      }
      summary.byCycle = [...perCycle].sort(([a], [b]) => a - b).map(([c, counts]) => ({ cycle: c, ...counts }));
      return summary;
    },
    partOf(sur, options = {}) {
      const part: CrossrefPart = { records: [], terms: [], languages: [] };
      for (const [slot, record] of stateSlots(sur)) {
        const query = queryOf(slot);
        part.records.push(record);
        part.terms.push(Array.from(query.ids, (id) => termOf[id]).join(' '));
        part.languages.push(query.language);
      }
      const limit = options.earlier ?? 0;
      if (limit > 0) {
        const answering = options.answering ?? (() => true);
        const lists = part.records.map((record) =>
          answering(record) ? index.earlierFor(record, { limit }).map((m): EarlierEntry => [m.record.id, m.similarity, m.repeat]) : null,
        );
        part.earlier = { limit, lists };
      }
      return part;
    },
    addPart({ records, terms: words, languages, earlier }) {
      if (!Array.isArray(records) || !Array.isArray(words) || !Array.isArray(languages) || words.length !== records.length || languages.length !== records.length) {
        throw new Error('Not a cross-reference index part');
      }
      if (!records.every(isCrossrefRecord) || !words.every((t) => typeof t === 'string') || !languages.every(isLanguage)) {
        throw new Error('A cross-reference index part holds malformed records');
      }
      if (earlier !== undefined && !isEarlierLists(earlier, records.length)) throw new Error('A cross-reference index part holds malformed answers');
      records.forEach((record, i) => addOne(record, { terms: words[i] ? words[i].split(' ') : [], language: languages[i]! }));
      const sur = records[0]?.stateUnderReviewCode;
      if (!earlier || !sur || records.some((r) => r.stateUnderReviewCode !== sur)) return;
      // The answers hold for the part's records alone: not when the index holds others of the state too.
      let held = 0;
      for (const _ of stateSlots(sur)) held += 1;
      if (held !== records.length) return;
      const bySlot = new Map<number, [number, number, boolean][]>();
      for (const [i, list] of earlier.lists.entries()) {
        if (!list) continue;
        const found = list.map(([id, similarity, repeat]): [number, number, boolean] | null => {
          const slot = slotOf.get(id);
          return slot === undefined || slots[slot]!.stateUnderReviewCode !== sur ? null : [slot, similarity, repeat];
        });
        // An answer naming a record the index does not hold for this state is not kept (that record is scored again).
        if (found.every((f) => f !== null)) bySlot.set(slotOf.get(records[i]!.id)!, found as [number, number, boolean][]);
      }
      earlierOfState.set(sur, { limit: earlier.limit, bySlot });
    },
    serialize() {
      return JSON.stringify({ version: SERIAL_VERSION, records: slots.filter((r): r is CrossrefRecord => r !== undefined) });
    },
  };

  index.add(records);
  return index;
}

/** An index from `serialize()`'s output; throws on anything else (the text may come from storage or an old version). */
export function loadCrossrefIndex(serialized: string): CrossrefIndex {
  const data: unknown = JSON.parse(serialized);
  if (!isObject(data) || data.version !== SERIAL_VERSION || !Array.isArray(data.records)) throw new Error('Not a serialized cross-reference index');
  const records = data.records.filter(isCrossrefRecord);
  if (records.length !== data.records.length) throw new Error('Serialized cross-reference index holds malformed records');
  return createCrossrefIndex(records);
}

function zeroCounts(): CrossrefCounts {
  return { total: 0, supported: 0, noted: 0, unknown: 0 };
}

function count(counts: CrossrefCounts, response: CrossrefRecord['response']): void {
  counts.total += 1;
  if (response === 'supported') counts.supported += 1;
  else if (response === 'noted') counts.noted += 1;
  else counts.unknown += 1;
}

/** Two texts known to be in different languages (an unknown language is taken as the same). */
function isAcross(a: ComparisonLanguage | null, b: ComparisonLanguage | null): boolean {
  return a !== null && b !== null && a !== b;
}

/** How alike two recommendations read, as `earlierFor` scores them: similarity 0–1 and the "repeat" verdict. */
export function compareRecommendations(a: string, b: string): { similarity: number; repeat: boolean; across: boolean } {
  const pa = comparisonProfile(a);
  const pb = comparisonProfile(b);
  const ids = new Map<string, number>();
  const idsOf = (terms: string[]) => [...new Set(terms.map((t) => ids.get(t) ?? (ids.set(t, ids.size), ids.size - 1)))].sort((x, y) => x - y);
  const across = isAcross(pa.language, pb.language);
  const idsB = idsOf(pb.terms);
  return { ...overlapOf(idsOf(pa.terms), 0, idsB, 0, idsB.length, across, pa.terms.includes(CONSIDER) !== pb.terms.includes(CONSIDER)), across };
}

/** Jaccard and containment of two sorted id sets, A and B[bFrom, bTo); `unknownInA` are words of A the index has never seen. */
function overlapOf(
  a: ArrayLike<number>,
  unknownInA: number,
  b: ArrayLike<number>,
  bFrom: number,
  bTo: number,
  across = false,
  oneConsiders = false,
): { similarity: number; repeat: boolean } {
  return overlapOfCounts(sharedOf(a, b, bFrom, bTo), a.length + unknownInA, bTo - bFrom, across, oneConsiders);
}

/** How many ids two sorted id sets share, A and B[bFrom, bTo): a merge. */
function sharedOf(a: ArrayLike<number>, b: ArrayLike<number>, bFrom: number, bTo: number): number {
  let shared = 0;
  for (let i = 0, j = bFrom; i < a.length && j < bTo; ) {
    if (a[i] === b[j]) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (a[i]! < b[j]!) i += 1;
    else j += 1;
  }
  return shared;
}

/** The same from the counts: words shared, and the distinct words of each side. */
function overlapOfCounts(shared: number, sizeA: number, sizeB: number, across: boolean, oneConsiders: boolean): { similarity: number; repeat: boolean } {
  if (sizeA === 0 || sizeB === 0) return { similarity: 0, repeat: false };
  const jaccard = shared / (sizeA + sizeB - shared);
  const smaller = Math.min(sizeA, sizeB);
  const containment = shared / smaller;
  const repeat =
    !oneConsiders &&
    (jaccard >= (across ? REPEAT_JACCARD_ACROSS : REPEAT_JACCARD) ||
    (containment >= (across ? REPEAT_CONTAINMENT_ACROSS : REPEAT_CONTAINMENT) &&
      smaller >= REPEAT_MIN_TERMS &&
      smaller / Math.max(sizeA, sizeB) >= REPEAT_MIN_LENGTH_RATIO));
  return { similarity: (jaccard + containment) / 2, repeat };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const nullableString = (v: unknown) => v === null || typeof v === 'string';
const nullableInt = (v: unknown) => v === null || Number.isInteger(v);

function isEarlierLists(value: unknown, records: number): value is NonNullable<CrossrefPart['earlier']> {
  return (
    isObject(value) &&
    Number.isInteger(value.limit) &&
    Array.isArray(value.lists) &&
    value.lists.length === records &&
    value.lists.every(
      (list) =>
        list === null ||
        (Array.isArray(list) &&
          list.every((m) => Array.isArray(m) && m.length === 3 && typeof m[0] === 'string' && typeof m[1] === 'number' && typeof m[2] === 'boolean')),
    )
  );
}

function isLanguage(value: unknown): value is ComparisonLanguage | null {
  return value === null || value === 'en' || value === 'fr' || value === 'es';
}

function isCrossrefRecord(value: unknown): value is CrossrefRecord {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.text === 'string' &&
    nullableString(value.stateUnderReviewCode) &&
    nullableString(value.recommendingStateCode) &&
    nullableString(value.recommendingState) &&
    nullableInt(value.session) &&
    nullableInt(value.cycle) &&
    Array.isArray(value.themes) &&
    value.themes.every((t) => typeof t === 'string') &&
    (value.response === null || value.response === 'supported' || value.response === 'noted') &&
    nullableString(value.pageUrl) &&
    (value.recommendingStates === undefined ||
      (Array.isArray(value.recommendingStates) && value.recommendingStates.every((s) => isObject(s) && typeof s.name === 'string' && nullableString(s.code))))
  );
}
