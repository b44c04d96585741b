// utils/anchor: the page-text side of recommendations. It turns live ranges into stored W3C selectors and
// back — every verbatim and approximate candidate scored on quote, context and position, below a stated quality
// an orphan (null), never a guess — and draws and removes the in-page highlights. Pure DOM: it knows nothing of
// Preact, the extension APIs or the database.

import { HIGHLIGHT_ATTR, HIGHLIGHT_TAG, paintHighlights, type HighlightState } from './highlight-style.ts';

export type { RecSelector, TextPositionSelector, TextQuoteSelector } from './types.ts';
export { anchorQuoteFuzzy, anchorSelector, anchorSelectors, describeRange, describeRanges, CONTEXT_LENGTH } from './anchor.ts';
export { highlightRange, highlightRanges, removeHighlights, OWN_UI_ATTR, type HighlightRequest } from './highlighter.ts';
export { FLASH_MS, HIGHLIGHT_ATTR, HIGHLIGHT_STATE_ATTR, HIGHLIGHT_TAG, type HighlightState } from './highlight-style.ts';
export { FAR_CONTEXT_MIN, MIN_FUZZY_SCORE, MIN_MATCH_SCORE, NEAR_DISTANCE } from './match-quote.ts';

/** The highlight elements of recommendation n under root, in document order. */
export function highlightsOf(n: number, root: Element | Document = document): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(`${HIGHLIGHT_TAG}[${HIGHLIGHT_ATTR}="${n}"]`));
}

/**
 * Restyle recommendation n's highlights: selected = strong outline; flash = brief emphasis, then back.
 * Callable as (root, n, state) or (n, state, root = document).
 */
export function setHighlightState(root: Element | Document, n: number, state: HighlightState): void;
export function setHighlightState(n: number, state: HighlightState, root?: Element | Document): void;
export function setHighlightState(
  first: Element | Document | number,
  second: number | HighlightState,
  third?: HighlightState | Element | Document,
): void {
  if (typeof first === 'number') {
    const root = typeof third === 'object' ? third : document;
    paintHighlights(highlightsOf(first, root), second as HighlightState);
  } else {
    paintHighlights(highlightsOf(second as number, first), third as HighlightState);
  }
}
