// Selectors ↔ ranges over a root's text: describe a live range, and find stored selectors again.

import { matchQuoteExact, matchQuoteFuzzy, type QuoteContext } from './match-quote.ts';
import { buildTextIndex, isHiddenOffset, offsetOfPoint, rangeFromOffsets, type TextIndex } from './text-index.ts';
import type { RecSelector } from './types.ts';

/** Hypothesis stores 32 characters each side: enough to tell duplicates apart, short enough to survive edits. */
export const CONTEXT_LENGTH = 32;

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

/** The same for many ranges, sharing one text index; result[i] describes ranges[i]. */
export function describeRanges(root: Element, ranges: readonly AbstractRange[]): RecSelector[] {
  const index = buildTextIndex(root);
  return ranges.map((range) => describeInIndex(index, range));
}

function contextOf(selector: RecSelector): QuoteContext {
  return { prefix: selector.quote.prefix, suffix: selector.quote.suffix, hint: selector.position.start };
}

function anchorInIndex(index: TextIndex, selector: RecSelector): Range | null {
  const { text } = index;
  const quote = selector.quote.exact;
  const context = contextOf(selector);
  // Script and style text is part of textContent, so a quote may also occur there (JSON-LD, inline data);
  // a copy on the rendered page is preferred, one in raw text is still better than an orphan.
  const match =
    matchQuoteExact(text, quote, context, (start) => !isHiddenOffset(index, start)) ??
    matchQuoteExact(text, quote, context) ??
    matchQuoteFuzzy(text, quote, context);
  return match ? rangeFromOffsets(index, match.start, match.end) : null;
}

export function anchorSelector(root: Element, selector: RecSelector): Range | null {
  return anchorInIndex(buildTextIndex(root), selector);
}

export function anchorSelectors(root: Element, selectors: RecSelector[]): (Range | null)[] {
  const index = buildTextIndex(root);
  return selectors.map((selector) => anchorInIndex(index, selector));
}

export function anchorQuoteFuzzy(root: Element, selector: RecSelector): Range | null {
  const index = buildTextIndex(root);
  const match = matchQuoteFuzzy(index.text, selector.quote.exact, contextOf(selector), { nearHintFirst: false });
  return match ? rangeFromOffsets(index, match.start, match.end) : null;
}
