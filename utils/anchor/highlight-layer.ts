// The page's highlights as one object: placed once from a reading's candidates (a range the highlighter refuses is
// not placed, and the caller reports it as an orphan), shown or hidden as a whole (hiding restores the page's DOM
// exactly), re-anchored from the placed selectors when shown again, and walked in page order by next / previous.
import { anchorSelectors } from './anchor.ts';
import { highlightRanges, removeHighlights } from './highlighter.ts';
import { HIGHLIGHT_ATTR } from './highlight-style.ts';
import { highlightsOf, setHighlightState } from './highlights.ts';
import type { RecSelector } from './types.ts';

export interface LayerRecommendation {
  n: number;
  selector: RecSelector;
}

export interface HighlightLayer {
  readonly shown: boolean;
  /**
   * Highlights `ranges` (the i-th is numbered i + 1 if all are placed) and shows the layer. Returns the indexes
   * the highlighter refused (no visible text outside forbidden elements); the others are numbered 1… in order.
   */
  place(items: { range: Range; selector: RecSelector }[]): number[];
  /** Shows the placed recommendations again, anchored from their selectors. */
  show(): void;
  hide(): void;
  has(n: number): boolean;
  select(n: number | null): void;
  readonly selected: number | null;
  flash(n: number): void;
  /** The next (+1) or previous (-1) highlighted recommendation after the selected one, wrapping around. */
  step(direction: 1 | -1): number | null;
  first(n: number): HTMLElement | null;
  /** Recommendation n's highlight elements, in page order. */
  elementsOf(n: number): HTMLElement[];
  /** Recommendation n's text on the page, from its first highlight to its last; null when it has none. */
  rangeOf(n: number): Range | null;
}

export function createHighlightLayer(doc: Document, root: Element): HighlightLayer {
  let shown = false;
  let selected: number | null = null;
  let recs: LayerRecommendation[] = [];
  const anchored = new Set<number>();

  const draw = (requests: { range: Range; n: number }[]) => {
    const drawn = highlightRanges(requests);
    drawn.forEach((elements, i) => {
      if (elements.length > 0) anchored.add(requests[i]!.n);
    });
    shown = true;
    return drawn;
  };
  const markSelected = () => {
    if (selected !== null) setHighlightState(doc, selected, 'selected');
  };

  return {
    get shown() {
      return shown;
    },
    get selected() {
      return selected;
    },
    place(items) {
      removeHighlights(root);
      anchored.clear();
      const drawn = draw(items.map((item, i) => ({ range: item.range, n: i + 1 })));
      const refused: number[] = [];
      recs = [];
      drawn.forEach((elements, i) => {
        if (elements.length === 0) return void refused.push(i);
        // Numbered in page order among the placed ones only: a refused range leaves no gap.
        const n = recs.length + 1;
        if (n !== i + 1) for (const el of elements) el.setAttribute(HIGHLIGHT_ATTR, String(n));
        recs.push({ n, selector: items[i]!.selector });
      });
      anchored.clear();
      for (const rec of recs) anchored.add(rec.n);
      markSelected();
      return refused;
    },
    show() {
      if (shown) return;
      const found = anchorSelectors(root, recs.map((r) => r.selector));
      anchored.clear();
      draw(recs.flatMap((rec, i) => (found[i] ? [{ range: found[i], n: rec.n }] : [])));
      markSelected();
    },
    hide() {
      removeHighlights(root);
      shown = false;
      anchored.clear();
    },
    has: (n) => anchored.has(n),
    select(n) {
      if (selected !== null && shown) setHighlightState(doc, selected, 'normal');
      selected = n;
      if (n !== null && shown) setHighlightState(doc, n, 'selected');
    },
    flash(n) {
      if (shown) setHighlightState(doc, n, 'flash');
    },
    step(direction) {
      const order = recs.map((r) => r.n).filter((n) => anchored.has(n));
      if (order.length === 0) return null;
      const at = selected === null ? -1 : order.indexOf(selected);
      if (at === -1) return direction === 1 ? order[0]! : order[order.length - 1]!;
      return order[(at + direction + order.length) % order.length]!;
    },
    first: (n) => highlightsOf(n, root)[0] ?? null,
    elementsOf: (n) => highlightsOf(n, root),
    rangeOf(n) {
      const els = highlightsOf(n, root);
      if (els.length === 0) return null;
      const range = doc.createRange();
      range.setStartBefore(els[0]!);
      range.setEndAfter(els[els.length - 1]!);
      return range;
    },
  };
}
