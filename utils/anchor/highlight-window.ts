// Which highlights a long page registers: the browser's cost of painting highlights (restyling, pre-painting, and
// revalidating every range's markers at each change) grows with the ranges in the registry, so a page with thousands
// of recommendations registers only those near the viewport. Found by binary search over the ranges' positions (in
// page order, so their tops increase down the page): O(log n) layout reads per update, none of them writing.

/** Where a range is, in viewport pixels; null when it shows no box (hidden, or its text is gone). */
export interface Extent {
  top: number;
  bottom: number;
}

/** Indexes [from, to) of ranges in page order. */
export interface Span {
  from: number;
  to: number;
}

/** More placed recommendations than this: only those near the viewport are registered (fewer: all, as always). */
export const WINDOW_THRESHOLD = 1_000;
/** How far past the viewport, in screens above and below, registered highlights reach. */
export const WINDOW_MARGIN_SCREENS = 2;

export const EMPTY_SPAN: Span = { from: 0, to: 0 };

/**
 * The first index in [low, high) whose range is not `before` the line, given ranges in page order; ranges without a
 * box are skipped (the nearest one with a box after them, else before them, stands in).
 */
function firstNotBefore(low: number, high: number, extentAt: (i: number) => Extent | null, before: (extent: Extent) => boolean): number {
  while (low < high) {
    const mid = (low + high) >> 1;
    let probe = mid;
    let extent = extentAt(probe);
    while (!extent && probe + 1 < high) extent = extentAt(++probe);
    if (!extent) {
      // Nothing with a box from mid on: the nearest one before mid decides.
      let back = mid - 1;
      while (back >= low && !(extent = extentAt(back))) back--;
      if (!extent) return low;
      if (before(extent)) return back + 1;
      high = back;
      continue;
    }
    if (before(extent)) low = probe + 1;
    else high = mid;
  }
  return low;
}

/** The ranges (count of them, in page order) that reach into the band [top, bottom] of the viewport. */
export function spanBetween(count: number, extentAt: (i: number) => Extent | null, top: number, bottom: number): Span {
  const from = firstNotBefore(0, count, extentAt, (e) => e.bottom < top);
  const to = firstNotBefore(from, count, extentAt, (e) => e.top <= bottom);
  return { from, to };
}

/** Whether `outer` holds every index of `inner`. */
const covers = (outer: Span, inner: Span): boolean => inner.from >= outer.from && inner.to <= outer.to;

/**
 * The span to register for a viewport `height` pixels high, or null while `shown` still covers a screen past each
 * edge of it (the reader has not scrolled past the margin yet).
 */
export function nextSpan(count: number, extentAt: (i: number) => Extent | null, height: number, shown: Span): Span | null {
  const needed = spanBetween(count, extentAt, -height, 2 * height);
  if (shown.to > shown.from && covers(shown, needed)) return null;
  return spanBetween(count, extentAt, -WINDOW_MARGIN_SCREENS * height, (1 + WINDOW_MARGIN_SCREENS) * height);
}
