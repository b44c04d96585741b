// Selectors ↔ ranges over a root's text: describe a live range, and find stored selectors again.

import { matchQuoteCandidates, matchQuoteExact, matchQuoteFuzzy, type QuoteCandidate, type QuoteContext } from './match-quote.ts';
import { buildTextIndex, cachedTextIndex, isHiddenOffset, offsetOfPoint, rangeFromOffsets, type TextIndex } from './text-index.ts';
import type { RecSelector } from './types.ts';

/** Hypothesis stores 32 characters each side: enough to tell duplicates apart, short enough to survive edits. */
export const CONTEXT_LENGTH = 32;

/** Candidates kept per selector in a batch, for when a better-placed selector takes its first choice. */
const ALTERNATIVES = 5;
/** Two matches overlapping by this little are trimmed apart (an approximate end may run into the next item). */
const OVERLAP_SLACK = 8;

function describeInIndex(index: TextIndex, range: AbstractRange): RecSelector {
  const start = offsetOfPoint(index, range.startContainer, range.startOffset);
  const end = Math.max(start, offsetOfPoint(index, range.endContainer, range.endOffset));
  const { text } = index;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

export function describeRange(root: Element, range: AbstractRange): RecSelector {
  return describeInIndex(buildTextIndex(root), range);
}

/**
 * The same for many ranges, sharing one text index; result[i] describes ranges[i]. `index` is root's current index
 * when the caller has one (a reading of a huge page builds it once for all its steps).
 */
export function describeRanges(root: Element, ranges: readonly AbstractRange[], index: TextIndex = buildTextIndex(root)): RecSelector[] {
  return ranges.map((range) => describeInIndex(index, range));
}

function contextOf(selector: RecSelector, hint = selector.position.start): QuoteContext {
  return { prefix: selector.quote.prefix, suffix: selector.quote.suffix, hint };
}

/**
 * Acceptable places for a selector, best first; [] = orphan. Script and style text is part of textContent, so a
 * quote may also occur there (JSON-LD, inline data): a place on the rendered page is preferred, one in raw text
 * is still better than an orphan (raw text is searched for verbatim copies only).
 */
function candidatesInIndex(index: TextIndex, selector: RecSelector, hint?: number): QuoteCandidate[] {
  const quote = selector.quote.exact;
  const context = contextOf(selector, hint);
  const visible = matchQuoteCandidates(index.text, quote, context, (start) => !isHiddenOffset(index, start));
  if (visible.length > 0) return visible;
  const raw = matchQuoteExact(index.text, quote, context);
  return raw ? [raw] : [];
}

/** Anchors one selector. The page's text index is kept between calls and rebuilt only after the DOM changed. */
export function anchorSelector(root: Element, selector: RecSelector): Range | null {
  const index = cachedTextIndex(root);
  const best = candidatesInIndex(index, selector)[0];
  return best ? rangeFromOffsets(index, best.start, best.end) : null;
}

/**
 * Whether a match sits between both its old neighbours, so that its offset shift applies to the quotes after it.
 * One side is not enough: a recommendation moved next to a sibling that begins with the same words keeps its suffix.
 */
function isInPlace(match: QuoteCandidate): boolean {
  return match.prefixScore === 1 && match.suffixScore === 1;
}

/** Beyond this the drift-corrected and the stored position are far enough apart to look around both. */
const DRIFT_DOUBT = 1024;

/**
 * Anchors many selectors over one text index; result[i] is selectors[i]'s range or null (orphan).
 *
 * Selectors are taken in stored-position order, and each one's hint is its stored position plus the shift of the
 * last quote found in place before it, so that after an edit or a removal the quotes that follow are still found
 * at their hint in O(quote length), and edited ones are looked for where they now are.
 *
 * No two selectors get the same text: stored recommendations never overlap, so when two want one place, the
 * better-scoring one keeps it and the other takes its next candidate or becomes an orphan. This is what keeps a
 * removed recommendation off a sibling that is still there and anchored by its own selector.
 */
export function anchorSelectors(root: Element, selectors: RecSelector[], index: TextIndex = buildTextIndex(root)): (Range | null)[] {
  const order = selectors.map((_, i) => i).sort((a, b) => selectors[a]!.position.start - selectors[b]!.position.start);
  const candidates: QuoteCandidate[][] = new Array(selectors.length);
  let drift = 0;
  for (const i of order) {
    const selector = selectors[i]!;
    let found = candidatesInIndex(index, selector, selector.position.start + drift);
    // A large drift may be wrong (text moved about): then what stands at the stored position competes too.
    // A small one cannot hide anything, the windows around both positions being nearly the same.
    if (Math.abs(drift) > DRIFT_DOUBT && !found[0]?.verbatim) {
      const atStored = candidatesInIndex(index, selector);
      if (atStored.length > 0 && (found.length === 0 || atStored[0]!.score > found[0]!.score)) found = atStored;
    }
    candidates[i] = found.slice(0, ALTERNATIVES);
    const best = found[0];
    if (best && isInPlace(best)) drift = best.end - selector.position.end;
  }
  const places = assignPlaces(candidates);
  return places.map((place) => (place ? rangeFromOffsets(index, place.start, place.end) : null));
}

interface Place {
  start: number;
  end: number;
}

/** Gives each selector its best candidate that no better-scoring selector took (see anchorSelectors). */
function assignPlaces(candidates: QuoteCandidate[][]): (Place | null)[] {
  const places: (Place | null)[] = candidates.map(() => null);
  const taken: Place[] = []; // sorted by start, non-overlapping
  const order = candidates.map((_, i) => i).sort((a, b) => (candidates[b]![0]?.score ?? -1) - (candidates[a]![0]?.score ?? -1));
  for (const i of order) {
    for (const candidate of candidates[i]!) {
      const place = fitPlace(taken, candidate);
      if (!place) continue;
      places[i] = place;
      taken.splice(insertionPoint(taken, place.start), 0, place);
      break;
    }
  }
  return places;
}

function insertionPoint(taken: Place[], start: number): number {
  let lo = 0;
  let hi = taken.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (taken[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The candidate's place if it is free, trimmed by a few characters if it only grazes a neighbour; else null. */
function fitPlace(taken: Place[], candidate: Place): Place | null {
  let { start, end } = candidate;
  const at = insertionPoint(taken, start);
  const before = taken[at - 1];
  const after = taken[at];
  if (before && before.end > start) {
    if (before.end - start > OVERLAP_SLACK) return null;
    start = before.end;
  }
  if (after && after.start < end) {
    if (end - after.start > OVERLAP_SLACK) return null;
    end = after.start;
  }
  return 2 * (end - start) >= candidate.end - candidate.start ? { start, end } : null;
}

/** The plain fuzzy tool, as a baseline: a fresh text index and one approximate search of the whole text per call. */
export function anchorQuoteFuzzy(root: Element, selector: RecSelector): Range | null {
  const index = buildTextIndex(root);
  const match = matchQuoteFuzzy(index.text, selector.quote.exact, contextOf(selector), { nearHintFirst: false });
  return match ? rangeFromOffsets(index, match.start, match.end) : null;
}
