// Finding a quote in a string: exact occurrences disambiguated by context and position, and the fuzzy
// fallback scored as Hypothesis's match-quote.ts does. Strings only, no DOM, so it is cheap to test.

import approxSearch from 'approx-string-match';

export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  /** Expected start offset (the stored TextPositionSelector). */
  hint?: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** 0..1, 1 = exact quote in exactly the expected context. */
  score: number;
}

// Hypothesis's weights: the quote matters most, context next, position only breaks ties.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const MAX_SCORE = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/**
 * Below this a fuzzy candidate is an orphan rather than a match. A quote at the error limit (75% similar) needs
 * most of its context to pass, so an unrelated paragraph that happens to be near in edit distance does not.
 */
export const MIN_FUZZY_SCORE = 0.7;

/** Bounds the work for a very common short quote; the best candidates are near the hint anyway. */
const MAX_EXACT_CANDIDATES = 1000;

/** Error budget for the fuzzy search: a quarter of the quote, capped because the search cost grows with it. */
export function maxErrorsFor(quote: string): number {
  return Math.min(256, Math.round(quote.length / 4));
}

/** Similarity (0..1) of str to the best-matching part of text, by edit distance. */
function textMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  if (text === str) return 1;
  const best = approxSearch(text, str, str.length)[0];
  return best ? 1 - best.errors / str.length : 0;
}

function positionScore(start: number, hint: number | undefined, textLength: number): number {
  if (hint === undefined || textLength === 0) return 1;
  return 1 - Math.min(1, Math.abs(start - hint) / textLength);
}

function scoreCandidate(text: string, quote: string, context: QuoteContext, start: number, end: number, errors: number): number {
  const { prefix, suffix, hint } = context;
  const quoteScore = 1 - errors / quote.length;
  const prefixScore = prefix ? textMatchScore(text.slice(Math.max(0, start - prefix.length), start), prefix) : 1;
  const suffixScore = suffix ? textMatchScore(text.slice(end, end + suffix.length), suffix) : 1;
  const raw =
    QUOTE_WEIGHT * quoteScore +
    PREFIX_WEIGHT * prefixScore +
    SUFFIX_WEIGHT * suffixScore +
    POSITION_WEIGHT * positionScore(start, hint, text.length);
  return raw / MAX_SCORE;
}

function hasExactContext(text: string, quote: string, context: QuoteContext, start: number): boolean {
  const { prefix = '', suffix = '' } = context;
  return text.startsWith(suffix, start + quote.length) && text.slice(Math.max(0, start - prefix.length), start) === prefix;
}

/**
 * Exact occurrences of quote, best first. The stored position is tried before any scan because on an unchanged
 * page it is right, which makes the common case O(quote length).
 */
export function matchQuoteExact(
  text: string,
  quote: string,
  context: QuoteContext = {},
  accept: (start: number) => boolean = () => true,
): QuoteMatch | null {
  if (quote.length === 0) return null;
  const { hint } = context;
  if (hint !== undefined && text.startsWith(quote, hint) && accept(hint) && hasExactContext(text, quote, context, hint)) {
    return { start: hint, end: hint + quote.length, score: 1 };
  }
  const starts: number[] = [];
  for (let at = text.indexOf(quote); at !== -1 && starts.length < MAX_EXACT_CANDIDATES; at = text.indexOf(quote, at + 1)) {
    if (accept(at)) starts.push(at);
  }
  if (starts.length === 0) return null;
  if (starts.length === 1) {
    const start = starts[0]!;
    return { start, end: start + quote.length, score: scoreCandidate(text, quote, context, start, start + quote.length, 0) };
  }
  // Several copies (e.g. the same recommendation made twice): an exact context decides cheaply; otherwise
  // fall back to edit-distance scoring of the context, which survives small edits next to the quote.
  const inContext = starts.filter((start) => hasExactContext(text, quote, context, start));
  const pool = inContext.length > 0 ? inContext : starts;
  let best: QuoteMatch | null = null;
  for (const start of pool) {
    const end = start + quote.length;
    const score =
      inContext.length > 0
        ? (MAX_SCORE - POSITION_WEIGHT + POSITION_WEIGHT * positionScore(start, hint, text.length)) / MAX_SCORE
        : scoreCandidate(text, quote, context, start, end, 0);
    if (!best || score > best.score) best = { start, end, score };
  }
  return best;
}

/** Best-scoring approximate match of quote within text[from, to); context and position scored on all of text. */
function bestApproxMatch(text: string, quote: string, context: QuoteContext, from: number, to: number): QuoteMatch | null {
  const matches = approxSearch(from === 0 && to === text.length ? text : text.slice(from, to), quote, maxErrorsFor(quote));
  let best: QuoteMatch | null = null;
  for (const match of matches) {
    const start = match.start + from;
    const end = match.end + from;
    const score = scoreCandidate(text, quote, context, start, end, match.errors);
    if (!best || score > best.score) best = { start, end, score };
  }
  return best;
}

/**
 * Windows around the stored position searched before the whole text, narrowest first. approx-string-match
 * reports only the matches with the fewest errors, so a whole-text search lets a sibling recommendation that
 * differs by one number ("(27)" for "(3)") beat the edited original standing where it was, context and all.
 * The narrow window is the quote's own place plus the slack its error budget allows: too narrow for a whole
 * sibling to fit, so it sees only the original. The wider one catches text that moved a little, at a fraction
 * of the cost of a full search.
 */
const NEAR_HINT_MARGINS = [(quote: string) => maxErrorsFor(quote) + 16, (quote: string) => 2048 + quote.length];
/** A match near the stored position this good is taken without searching further away. */
const NEAR_HINT_ACCEPT = 0.85;

export interface FuzzyOptions {
  /** Search around the stored position first (default true); false gives the plain tool's whole-text search. */
  nearHintFirst?: boolean;
}

/** Approximate matching, accepted only above MIN_FUZZY_SCORE. */
export function matchQuoteFuzzy(
  text: string,
  quote: string,
  context: QuoteContext = {},
  { nearHintFirst = true }: FuzzyOptions = {},
): QuoteMatch | null {
  if (quote.length === 0 || text.length === 0) return null;
  const { hint } = context;
  if (nearHintFirst && hint !== undefined) {
    for (const marginFor of NEAR_HINT_MARGINS) {
      const margin = marginFor(quote);
      const from = Math.max(0, hint - margin);
      const to = Math.min(text.length, hint + quote.length + margin);
      const near = bestApproxMatch(text, quote, context, from, to);
      if (near && near.score >= NEAR_HINT_ACCEPT) return near;
      // A window that already covers the whole text was the full search.
      if (from === 0 && to === text.length) return near && near.score >= MIN_FUZZY_SCORE ? near : null;
    }
  }
  const best = bestApproxMatch(text, quote, context, 0, text.length);
  return best && best.score >= MIN_FUZZY_SCORE ? best : null;
}

/** Exact first, fuzzy only when the quote no longer occurs verbatim. */
export function matchQuote(
  text: string,
  quote: string,
  context: QuoteContext = {},
  accept?: (start: number) => boolean,
): QuoteMatch | null {
  return matchQuoteExact(text, quote, context, accept) ?? matchQuoteFuzzy(text, quote, context);
}
