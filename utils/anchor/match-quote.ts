// Finding a quote in a string. Every candidate — each verbatim occurrence and each approximate one near the
// stored position — is scored on quote, prefix, suffix and position as Hypothesis's match-quote.ts does, and the
// best acceptable one wins; a quote with no acceptable candidate is an orphan (null), never a guess. Strings
// only, no DOM, so it is cheap to test.

import approxSearch from 'approx-string-match';

export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  /** Expected start offset (the stored TextPositionSelector, or it plus the drift seen so far in a batch). */
  hint?: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** 0..1, 1 = the exact quote in exactly the expected context at the expected place. */
  score: number;
}

export interface QuoteCandidate extends QuoteMatch {
  /** The text at [start, end) is the quote word for word. */
  verbatim: boolean;
  /** Similarity (0..1) of the text before and after the candidate to the stored prefix and suffix. */
  prefixScore: number;
  suffixScore: number;
}

// Hypothesis's weights for quote and context. Position weighs 10 rather than Hypothesis's 2, and is measured in
// characters rather than as a share of the page: statement pages are lists of near-identical sentences, and
// "the one still standing where it was" is what tells an edited recommendation from its sibling.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 10;
const MAX_SCORE = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/**
 * The quality threshold: an approximate candidate (one that is not the quote word for word) scoring below this
 * is an orphan. At the error limit (quote 75 % similar) it takes an intact context at the stored place to pass;
 * a sentence that is merely similar, in other surroundings, does not. A verbatim candidate is always acceptable —
 * its words are the stored words, and which copy it is is decided by context and position.
 */
export const MIN_MATCH_SCORE = 0.8;
/** The name this threshold had when it applied to fuzzy matches only. */
export const MIN_FUZZY_SCORE = MIN_MATCH_SCORE;

/**
 * Approximate candidates are looked for within this many characters of the stored position. One found further
 * away counts only if both sides of its context came along (each at least FAR_CONTEXT_MIN similar): text that
 * differs from the quote by a few characters far from where the quote was is, on these pages, usually another
 * recommendation ("… (27)" for "… (3)"), not the same one moved.
 */
export const NEAR_DISTANCE = 2048;
export const FAR_CONTEXT_MIN = 0.95;

/** A verbatim candidate this good is taken without looking for approximate ones; far copies score at most 0.9. */
const SETTLED_SCORE = 0.95;
/** An approximate candidate this good in the narrow window is taken without searching the wide one. */
const NEAR_HINT_ACCEPT = 0.9;

/** Bounds the work for a very common short quote; the best candidates are near the hint anyway. */
const MAX_EXACT_CANDIDATES = 1000;
/** approx-string-match reports each end of a match; scoring a few per window is enough. */
const MAX_APPROX_CANDIDATES = 16;
/** Places a far copy's context is found at (see contextAnchoredCandidates). */
const MAX_CONTEXT_ANCHORS = 64;

/** Error budget for the approximate search: a quarter of the quote, capped because the search cost grows with it. */
export function maxErrorsFor(quote: string): number {
  return Math.min(256, Math.round(quote.length / 4));
}

/** Similarity (0..1) of str to the best-matching part of text, by edit distance (text is context-sized). */
function textMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  if (text === str) return 1;
  return Math.max(0, 1 - substringEditDistance(text, 0, text.length, str) / str.length);
}

function positionScore(start: number, hint: number | undefined): number {
  if (hint === undefined) return 1;
  return 1 - Math.min(1, Math.abs(start - hint) / NEAR_DISTANCE);
}

function scoreCandidate(text: string, quote: string, context: QuoteContext, start: number, end: number, errors: number): QuoteCandidate {
  const { prefix, suffix, hint } = context;
  const prefixScore = prefix ? textMatchScore(text.slice(Math.max(0, start - prefix.length), start), prefix) : 1;
  const suffixScore = suffix ? textMatchScore(text.slice(end, end + suffix.length), suffix) : 1;
  const raw =
    QUOTE_WEIGHT * (1 - errors / quote.length) +
    PREFIX_WEIGHT * prefixScore +
    SUFFIX_WEIGHT * suffixScore +
    POSITION_WEIGHT * positionScore(start, hint);
  return { start, end, score: raw / MAX_SCORE, verbatim: errors === 0, prefixScore, suffixScore };
}

function hasExactContext(text: string, quote: string, context: QuoteContext, start: number): boolean {
  const { prefix = '', suffix = '' } = context;
  return text.startsWith(suffix, start + quote.length) && text.slice(Math.max(0, start - prefix.length), start) === prefix;
}

/** Whether a candidate may stand for the quote (see MIN_MATCH_SCORE, NEAR_DISTANCE). */
export function isAcceptable(candidate: QuoteCandidate, quote: string, context: QuoteContext): boolean {
  if (candidate.verbatim) return true;
  if (candidate.score < MIN_MATCH_SCORE) return false;
  const { hint } = context;
  if (hint === undefined || Math.abs(candidate.start - hint) <= NEAR_DISTANCE + maxErrorsFor(quote)) return true;
  return candidate.prefixScore >= FAR_CONTEXT_MIN && candidate.suffixScore >= FAR_CONTEXT_MIN;
}

type Accept = (start: number) => boolean;
const acceptAll: Accept = () => true;

function byScore(a: QuoteMatch, b: QuoteMatch): number {
  return b.score - a.score || a.start - b.start;
}

/** Verbatim occurrences starting in [from, to], scored. */
function verbatimCandidates(text: string, quote: string, context: QuoteContext, accept: Accept, from = 0, to = text.length): QuoteCandidate[] {
  const found: QuoteCandidate[] = [];
  for (let at = text.indexOf(quote, Math.max(0, from)); at !== -1 && at <= to && found.length < MAX_EXACT_CANDIDATES; at = text.indexOf(quote, at + 1)) {
    if (!accept(at)) continue;
    const end = at + quote.length;
    // Exact context is checked before edit distance so that a quote still in place costs no approximate search.
    found.push(hasExactContext(text, quote, context, at) ? scoreExactContext(at, end, context.hint) : scoreCandidate(text, quote, context, at, end, 0));
  }
  return found;
}

function scoreExactContext(start: number, end: number, hint: number | undefined): QuoteCandidate {
  const score = (MAX_SCORE - POSITION_WEIGHT + POSITION_WEIGHT * positionScore(start, hint)) / MAX_SCORE;
  return { start, end, score, verbatim: true, prefixScore: 1, suffixScore: 1 };
}

/** Approximate matches of quote within text[from, to), scored on all of text. */
function approxCandidates(text: string, quote: string, context: QuoteContext, accept: Accept, from: number, to: number): QuoteCandidate[] {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  const maxErrors = maxErrorsFor(quote);
  if (hi - lo < quote.length - maxErrors) return [];
  const matches = approxSearch(lo === 0 && hi === text.length ? text : text.slice(lo, hi), quote, maxErrors);
  const found: QuoteCandidate[] = [];
  for (const match of matches) {
    if (found.length >= MAX_APPROX_CANDIDATES) break;
    const start = match.start + lo;
    if (accept(start)) found.push(scoreCandidate(text, quote, context, start, match.end + lo, match.errors));
  }
  return found;
}

function narrowMargin(quote: string): number {
  return maxErrorsFor(quote) + 16;
}

/**
 * Whether an approximate candidate may compete with a verbatim copy elsewhere: it stands at the stored place, or
 * between both its old neighbours. That is the edited copy of a duplicated recommendation; a sibling a few
 * characters off, in other surroundings, never beats the words themselves.
 */
function rivalsVerbatim(candidate: QuoteCandidate, quote: string, hint: number): boolean {
  if (Math.abs(candidate.start - hint) <= narrowMargin(quote)) return true;
  return candidate.prefixScore === 1 && candidate.suffixScore === 1;
}

/**
 * Windows around the stored position searched for approximate matches, narrowest first. approx-string-match
 * reports only the matches with the fewest errors, so a wide search lets a sibling recommendation that differs by
 * one number ("(27)" for "(3)") hide the edited original standing where it was. The narrow window is the quote's
 * own place plus the slack its error budget allows: too narrow for a whole sibling to fit, so it sees only the
 * original. The wide one catches text that moved a little.
 */
function nearCandidates(text: string, quote: string, context: QuoteContext, accept: Accept, hint: number): QuoteCandidate[] {
  const found = approxCandidates(text, quote, context, accept, hint - narrowMargin(quote), hint + quote.length + narrowMargin(quote));
  if (found.some((c) => c.score >= NEAR_HINT_ACCEPT)) return found;
  return [...found, ...approxCandidates(text, quote, context, accept, hint - NEAR_DISTANCE, hint + quote.length + NEAR_DISTANCE)];
}

/**
 * Offsets where an approximate copy of `part` (at most `errors` wrong) may begin, found by pigeonhole: such a copy
 * keeps one of errors + 1 pieces intact, and indexOf finds that piece.
 */
function roughOccurrences(text: string, part: string, errors: number): number[] {
  const pieces = errors + 1;
  const size = Math.floor(part.length / pieces);
  if (size < 8) return [];
  const starts = new Set<number>();
  for (let p = 0; p < pieces; p++) {
    const offset = p * size;
    const piece = part.slice(offset, offset + size);
    for (let at = text.indexOf(piece); at !== -1 && starts.size < MAX_CONTEXT_ANCHORS; at = text.indexOf(piece, at + 1)) starts.add(at - offset);
  }
  return [...starts];
}

/**
 * Fewest edits turning `part` into some stretch of text[from, to): the textbook dynamic programme with a free
 * start and end in the text. For the short context strings checked per rough occurrence this is much cheaper than
 * a call to approx-string-match, whose set-up cost dominates at this size.
 */
function substringEditDistance(text: string, from: number, to: number, part: string): number {
  let previous = new Uint16Array(to - from + 1);
  let current = new Uint16Array(to - from + 1);
  for (let i = 1; i <= part.length; i++) {
    current[0] = i;
    const c = part.charCodeAt(i - 1);
    for (let j = 1; j <= to - from; j++) {
      const substitution = previous[j - 1]! + (text.charCodeAt(from + j - 1) === c ? 0 : 1);
      current[j] = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return Math.min(...previous);
}

/**
 * Whether part occurs with at most k edits starting within k of `at`. Such an alignment keeps within k of the
 * diagonal it starts on, so only a band of the edit-distance table is filled: a few cells per character.
 */
function occursNear(text: string, at: number, part: string, k: number): boolean {
  if (text.startsWith(part, at)) return true;
  const from = Math.max(0, at - k);
  const width = Math.min(text.length, at + part.length + k) - from;
  const far = k + 1;
  let previous = new Uint16Array(width + 2);
  let current = new Uint16Array(width + 2);
  for (let j = 0; j <= width + 1; j++) previous[j] = j <= 2 * k ? 0 : far;
  for (let i = 1; i <= part.length; i++) {
    const c = part.charCodeAt(i - 1);
    const lo = Math.max(1, i - k);
    const hi = Math.min(width, i + 3 * k);
    current[lo - 1] = lo === 1 ? Math.min(i, far) : far;
    let best = far;
    for (let j = lo; j <= hi; j++) {
      const value = Math.min(previous[j - 1]! + (text.charCodeAt(from + j - 1) === c ? 0 : 1), previous[j]! + 1, current[j - 1]! + 1, far);
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > k) return false;
    current[hi + 1] = far;
    [previous, current] = [current, previous];
  }
  // best <= k held for the last row too, and only its band is current (the cells outside are older rows').
  return true;
}

/** Where `part` occurs with at most `errors` wrong (rough start, ± errors). */
function contextOccurrences(text: string, part: string, errors: number): number[] {
  return roughOccurrences(text, part, errors).filter((at) => occursNear(text, at, part, errors));
}

/**
 * Approximate copies far from the stored position, found through their context: a quote that moved together
 * with its surroundings keeps its prefix and suffix, so look for those (nearly verbatim, as isAcceptable requires
 * of a far copy) and for the quote between them. Cheaper than an approximate search of the whole text, and it
 * finds nothing that isAcceptable would refuse for its context anyway.
 */
function contextAnchoredCandidates(text: string, quote: string, context: QuoteContext, accept: Accept): QuoteCandidate[] {
  const { prefix = '', suffix = '' } = context;
  const maxErrors = maxErrorsFor(quote);
  const errorsIn = (part: string) => Math.floor(part.length * (1 - FAR_CONTEXT_MIN));
  const k = Math.max(errorsIn(prefix), errorsIn(suffix));
  const prefixEnds = prefix.length >= 8 ? contextOccurrences(text, prefix, errorsIn(prefix)).map((at) => at + prefix.length) : null;
  const suffixStarts = suffix.length >= 8 ? contextOccurrences(text, suffix, errorsIn(suffix)).sort((a, b) => a - b) : null;
  const windows: [number, number][] = [];
  if (prefixEnds && suffixStarts) {
    for (const from of prefixEnds) {
      for (const to of suffixStarts) {
        if (to >= from + quote.length - maxErrors - k && to <= from + quote.length + maxErrors + k) windows.push([from - k, to + k]);
      }
    }
  } else if (prefixEnds) {
    for (const from of prefixEnds) windows.push([from - k, from + quote.length + maxErrors + k]);
  } else if (suffixStarts) {
    for (const to of suffixStarts) windows.push([to - quote.length - maxErrors - k, to + k]);
  }
  return windows.flatMap(([from, to]) => approxCandidates(text, quote, context, accept, from, to));
}

/**
 * Approximate copies standing between both their old neighbours (the stored prefix and suffix, verbatim), wherever
 * they are: found by the neighbours, so siblings a few characters off do not hide them.
 */
function betweenNeighbours(text: string, quote: string, context: QuoteContext, accept: Accept): QuoteCandidate[] {
  const { prefix = '', suffix = '' } = context;
  const maxErrors = maxErrorsFor(quote);
  const shortest = quote.length - maxErrors;
  const longest = quote.length + maxErrors;
  const found: QuoteCandidate[] = [];
  if (prefix.length >= 8) {
    for (let at = text.indexOf(prefix), n = 0; at !== -1 && n < MAX_CONTEXT_ANCHORS; at = text.indexOf(prefix, at + 1), n++) {
      const start = at + prefix.length;
      const end = suffix ? text.indexOf(suffix, start + shortest) : start + longest;
      if (end !== -1 && end <= start + longest) found.push(...approxCandidates(text, quote, context, accept, start, end));
    }
  } else if (suffix.length >= 8) {
    for (let at = text.indexOf(suffix), n = 0; at !== -1 && n < MAX_CONTEXT_ANCHORS; at = text.indexOf(suffix, at + 1), n++) {
      found.push(...approxCandidates(text, quote, context, accept, at - longest, at));
    }
  }
  return found;
}

function bestFirst(candidates: QuoteCandidate[], quote: string, context: QuoteContext): QuoteCandidate[] {
  const seen = new Set<string>();
  return candidates
    .filter((c) => isAcceptable(c, quote, context))
    .sort(byScore)
    .filter((c) => {
      const key = `${c.start}:${c.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * Every acceptable candidate for quote, best first; [] = orphan. Verbatim copies near the stored position are
 * looked at first, then anywhere, then approximate ones near the stored position (only at the stored place
 * itself when a verbatim copy exists), then far ones that kept their context; each step runs only when the
 * earlier ones left the answer open.
 */
export function matchQuoteCandidates(text: string, quote: string, context: QuoteContext = {}, accept: Accept = acceptAll): QuoteCandidate[] {
  if (quote.length === 0) return [];
  const { hint } = context;
  // On an unchanged page the stored position is right, which makes the common case O(quote length).
  if (hint !== undefined && text.startsWith(quote, hint) && accept(hint) && hasExactContext(text, quote, context, hint)) {
    return [{ start: hint, end: hint + quote.length, score: 1, verbatim: true, prefixScore: 1, suffixScore: 1 }];
  }
  // Settled: a verbatim copy so good no other can beat it, or one at the stored place beside one old neighbour
  // (the neighbour on the other side was edited).
  const isSettled = (found: QuoteCandidate[]) =>
    found.some(
      (c) =>
        c.score >= SETTLED_SCORE ||
        (hint !== undefined && Math.abs(c.start - hint) <= narrowMargin(quote) && (c.prefixScore === 1 || c.suffixScore === 1)),
    );
  if (hint !== undefined) {
    const near = verbatimCandidates(text, quote, context, accept, hint - NEAR_DISTANCE, hint + NEAR_DISTANCE);
    if (isSettled(near)) return bestFirst(near, quote, context);
  }
  const found = verbatimCandidates(text, quote, context, accept);
  if (isSettled(found)) return bestFirst(found, quote, context);
  if (hint === undefined) {
    found.push(...approxCandidates(text, quote, context, accept, 0, text.length));
    return bestFirst(found, quote, context);
  }
  if (found.length > 0) {
    // approx-string-match would report the siblings a few characters off (fewer errors than an edited copy), so
    // the edited copy between its old neighbours is looked for through those neighbours.
    const margin = narrowMargin(quote);
    const rivals = [
      ...approxCandidates(text, quote, context, accept, hint - margin, hint + quote.length + margin),
      ...betweenNeighbours(text, quote, context, accept),
    ];
    return bestFirst([...found, ...rivals.filter((c) => rivalsVerbatim(c, quote, hint))], quote, context);
  }
  found.push(...nearCandidates(text, quote, context, accept, hint));
  const best = bestFirst(found, quote, context);
  if (best.length > 0) return best;
  return bestFirst(contextAnchoredCandidates(text, quote, context, accept), quote, context);
}

/** The best acceptable candidate, or null (orphan). */
export function matchQuote(text: string, quote: string, context: QuoteContext = {}, accept?: Accept): QuoteCandidate | null {
  return matchQuoteCandidates(text, quote, context, accept)[0] ?? null;
}

/** The best verbatim occurrence of quote, chosen by context and position, or null when there is none. */
export function matchQuoteExact(text: string, quote: string, context: QuoteContext = {}, accept: Accept = acceptAll): QuoteCandidate | null {
  if (quote.length === 0) return null;
  return verbatimCandidates(text, quote, context, accept).sort(byScore)[0] ?? null;
}

export interface FuzzyOptions {
  /**
   * Search around the stored position first, then far copies by their context (default true). false gives the
   * plain tool's answer: one approximate search of the whole text, the best of its fewest-error matches.
   */
  nearHintFirst?: boolean;
}

/** Approximate matching only (no verbatim shortcut), held to the same threshold as matchQuote. */
export function matchQuoteFuzzy(
  text: string,
  quote: string,
  context: QuoteContext = {},
  { nearHintFirst = true }: FuzzyOptions = {},
): QuoteCandidate | null {
  if (quote.length === 0 || text.length === 0) return null;
  const { hint } = context;
  if (!nearHintFirst || hint === undefined) {
    const all = approxCandidates(text, quote, context, acceptAll, 0, text.length).sort(byScore)[0];
    return all && all.score >= MIN_MATCH_SCORE ? all : null;
  }
  const near = bestFirst(nearCandidates(text, quote, context, acceptAll, hint), quote, context);
  return near[0] ?? bestFirst(contextAnchoredCandidates(text, quote, context, acceptAll), quote, context)[0] ?? null;
}
