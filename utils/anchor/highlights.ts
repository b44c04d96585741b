// Finding and restyling a recommendation's highlight elements.
import { HIGHLIGHT_ATTR, HIGHLIGHT_TAG, paintHighlights, type HighlightState } from './highlight-style.ts';

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
