// The page's highlights as one object: placed once from a reading's candidates (a range with no visible text is not
// placed, and the caller reports it as an orphan), shown or hidden as a whole (hiding restores the page exactly),
// re-anchored from the placed selectors when shown again, and walked in page order by next / previous. Drawn with the
// CSS Custom Highlight API where the browser has it (the page's DOM is never written: highlight-paint.ts), with
// <upr-hl> elements elsewhere.
import { anchorSelectors } from './anchor.ts';
import { createHighlightPainter, type Painter } from './highlight-paint.ts';
import { rangeSegments, removeHighlights, wrapSegments, type Segment } from './highlighter.ts';
import { HIGHLIGHT_ATTR } from './highlight-style.ts';
import { highlightsOf, setHighlightState } from './highlights.ts';
import type { RecSelector } from './types.ts';

export interface LayerRecommendation {
  n: number;
  selector: RecSelector;
}

export interface HighlightLayer {
  readonly shown: boolean;
  /** How the highlights are drawn: 'painted' (Highlight API, no DOM write) or 'elements'. */
  readonly drawing: 'painted' | 'elements';
  /**
   * Highlights `ranges` (the i-th is numbered i + 1 if all are placed) and shows the layer. Returns the indexes
   * the highlighter refused (no visible text outside forbidden elements); the others are numbered 1… in order.
   * `segments`: each range's segments read ahead (rangeSegments, e.g. in steps), else read now.
   */
  place(items: { range: Range; selector: RecSelector }[], segments?: readonly Segment[][]): number[];
  /** Shows the placed recommendations again, anchored from their selectors. */
  show(): void;
  hide(): void;
  has(n: number): boolean;
  select(n: number | null): void;
  readonly selected: number | null;
  flash(n: number): void;
  /** Marks the recommendations that carry a note (painted highlights only: an element mark would tell the page). */
  markNoted(ns: Iterable<number>): void;
  /** The next (+1) or previous (-1) highlighted recommendation after the selected one, wrapping around. */
  step(direction: 1 | -1): number | null;
  /** Recommendation n's text on the page, from its first highlight to its last; null when it has none. */
  rangeOf(n: number): Range | null;
  /** The recommendation a click landed on. */
  hit(event: MouseEvent): number | null;
  /** Whether every highlight is still on its text inside root (a page that re-rendered its list needs them again). */
  inPlace(root: Element): boolean;
  /** Scrolls recommendation n into the middle of the window. */
  scrollTo(n: number): void;
  /** Gives the keyboard back to the page at the selected recommendation; false if there is none. */
  focusSelected(): boolean;
}

/** Highlights as <upr-hl> elements in the page (browsers without the Highlight API). */
function createElementPainter(doc: Document, root: Element): Painter {
  let drawn = new Map<number, HTMLElement[]>();
  const elementsOf = (n: number) => drawn.get(n) ?? highlightsOf(n, root);
  const clear = () => {
    removeHighlights(root);
    drawn = new Map();
  };
  return {
    paint(items) {
      const elements = wrapSegments(items);
      items.forEach(({ n }, i) => drawn.set(n, elements[i]!));
    },
    clear,
    reset: clear,
    paintState: (n, state) => setHighlightState(doc, n, state),
    markNoted: () => {},
    rangeOf(n) {
      const els = elementsOf(n);
      if (els.length === 0) return null;
      const range = doc.createRange();
      range.setStartBefore(els[0]!);
      range.setEndAfter(els[els.length - 1]!);
      return range;
    },
    hit(event) {
      const target = event.target instanceof Element ? event.target.closest(`[${HIGHLIGHT_ATTR}]`) : null;
      return Number(target?.getAttribute(HIGHLIGHT_ATTR)) || null;
    },
    inPlace: (current) => [...drawn.values()].every((els) => els.every((el) => current.contains(el))),
    scrollTo: (n) => elementsOf(n)[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' }),
    focusAt(n) {
      const el = elementsOf(n)[0];
      if (!el) return false;
      if (!el.hasAttribute('tabindex')) el.tabIndex = -1;
      el.focus({ preventScroll: true });
      return true;
    },
  };
}

/**
 * `painter`: highlights already drawn ahead of this layer (paintPreview), which it takes over; `elements`: draw
 * elements even where the Highlight API is there.
 */
export function createHighlightLayer(doc: Document, root: Element, options: { elements?: boolean; painter?: Painter } = {}): HighlightLayer {
  const painted = options.elements ? null : (options.painter ?? createHighlightPainter(doc));
  const painter = painted ?? createElementPainter(doc, root);
  let shown = false;
  let selected: number | null = null;
  let noted = new Set<number>();
  let recs: LayerRecommendation[] = [];
  const anchored = new Set<number>();

  const draw = (items: { segments: Segment[]; n: number }[]) => {
    painter.paint(items);
    for (const item of items) anchored.add(item.n);
    shown = true;
    painter.markNoted(noted);
    if (selected !== null) painter.paintState(selected, 'selected');
  };

  return {
    get shown() {
      return shown;
    },
    get selected() {
      return selected;
    },
    drawing: painted ? 'painted' : 'elements',
    place(items, segments) {
      painter.reset();
      anchored.clear();
      // Every range is read before anything is drawn: ranges sharing a text node never see each other's splits.
      const planned = segments ?? items.map((item) => rangeSegments(item.range));
      const refused: number[] = [];
      recs = [];
      const drawnItems: { segments: Segment[]; n: number }[] = [];
      planned.forEach((segments, i) => {
        if (segments.length === 0) return void refused.push(i);
        // Numbered in page order among the placed ones only: a refused range leaves no gap.
        const n = recs.length + 1;
        drawnItems.push({ segments, n });
        recs.push({ n, selector: items[i]!.selector });
      });
      draw(drawnItems);
      return refused;
    },
    show() {
      if (shown) return;
      const found = anchorSelectors(root, recs.map((r) => r.selector));
      anchored.clear();
      draw(recs.flatMap((rec, i) => (found[i] ? [{ segments: rangeSegments(found[i]), n: rec.n }] : [])).filter((item) => item.segments.length > 0));
    },
    hide() {
      painter.clear();
      shown = false;
      anchored.clear();
    },
    has: (n) => anchored.has(n),
    select(n) {
      if (selected !== null && shown) painter.paintState(selected, 'normal');
      selected = n;
      if (n !== null && shown) painter.paintState(n, 'selected');
    },
    flash(n) {
      if (shown) painter.paintState(n, 'flash');
    },
    markNoted(ns) {
      noted = new Set(ns);
      if (shown) painter.markNoted(noted);
    },
    step(direction) {
      const order = recs.map((r) => r.n).filter((n) => anchored.has(n));
      if (order.length === 0) return null;
      const at = selected === null ? -1 : order.indexOf(selected);
      if (at === -1) return direction === 1 ? order[0]! : order[order.length - 1]!;
      return order[(at + direction + order.length) % order.length]!;
    },
    rangeOf: (n) => painter.rangeOf(n),
    hit(event) {
      const n = shown ? painter.hit(event) : null;
      return n !== null && anchored.has(n) ? n : null;
    },
    inPlace: (current) => painter.inPlace(current),
    scrollTo: (n) => painter.scrollTo(n),
    focusSelected: () => selected !== null && shown && painter.focusAt(selected),
  };
}

/**
 * Highlights `ranges` ahead of the reading (painted highlights only: elements would change the page being read), for
 * a layer to take over (createHighlightLayer's `painter`): the page is restyled for highlights once, not twice. Null
 * where there is nothing to paint or the page cannot be painted.
 */
export function paintPreview(doc: Document, ranges: readonly Range[]): Painter | null {
  if (ranges.length === 0) return null;
  const painter = createHighlightPainter(doc);
  painter?.paint(ranges.map((range, i) => ({ segments: rangeSegments(range), n: i + 1 })));
  return painter;
}
