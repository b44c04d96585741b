// The page's highlights as one object: shown or hidden as a whole (hiding restores the page's DOM exactly),
// re-anchored from the stored selectors when shown again, and walked in page order by next / previous.
import {
  anchorSelectors,
  highlightRanges,
  highlightsOf,
  removeHighlights,
  setHighlightState,
  type RecSelector,
} from '@/utils/anchor';

export interface LayerRecommendation {
  n: number;
  selector: RecSelector;
}

export interface HighlightLayer {
  readonly shown: boolean;
  /** Recommendations whose text could not be found on the page (orphans), by n. */
  readonly orphans: ReadonlySet<number>;
  show(ranges?: (Range | null)[]): void;
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
}

export function createHighlightLayer(doc: Document, root: Element, recs: LayerRecommendation[]): HighlightLayer {
  let shown = false;
  let selected: number | null = null;
  const anchored = new Set<number>();
  const orphans = new Set<number>();

  return {
    get shown() {
      return shown;
    },
    get orphans() {
      return orphans;
    },
    get selected() {
      return selected;
    },
    show(ranges) {
      if (shown) return;
      const found = ranges ?? anchorSelectors(root, recs.map((r) => r.selector));
      anchored.clear();
      orphans.clear();
      const requests: { range: Range; n: number }[] = [];
      recs.forEach((rec, i) => {
        const range = found[i];
        if (range) requests.push({ range, n: rec.n });
        else orphans.add(rec.n);
      });
      highlightRanges(requests).forEach((elements, i) => {
        if (elements.length > 0) anchored.add(requests[i]!.n);
        else orphans.add(requests[i]!.n);
      });
      shown = true;
      if (selected !== null) setHighlightState(doc, selected, 'selected');
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
  };
}
