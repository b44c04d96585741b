// Which ranges a long page registers: those near the viewport, found by binary search over the ranges' positions
// (here a stand-in for their layout: range i is 20 px tall, i * 20 px down the page).
import { describe, expect, it } from 'vitest';
import { nextSpan, spanBetween, EMPTY_SPAN, type Extent } from './highlight-window.ts';

const HEIGHT = 900;
/** Ranges laid out one under the other, the page scrolled by `scrollY`; counts the layout reads. */
function column(scrollY: number, hidden: ReadonlySet<number> = new Set()) {
  const reads = { count: 0 };
  const extentAt = (i: number): Extent | null => {
    reads.count++;
    return hidden.has(i) ? null : { top: i * 20 - scrollY, bottom: i * 20 + 18 - scrollY };
  };
  return { extentAt, reads };
}

describe('the window of registered highlights', () => {
  it('holds exactly the ranges within the band, read in a logarithmic number of layout reads', () => {
    const { extentAt, reads } = column(100_000);
    // On screen: tops from 100,000 to 100,900 → ranges 5,000 (bottom 100,018) … 5,045 (top 100,900).
    expect(spanBetween(10_000, extentAt, 0, HEIGHT)).toEqual({ from: 5_000, to: 5_046 });
    expect(reads.count).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(10_000)) + 2);
  });

  it('registers the viewport and two screens either side, and moves only once the reader scrolled past a screen', () => {
    const first = nextSpan(10_000, column(100_000).extentAt, HEIGHT, EMPTY_SPAN)!;
    // Tops from 100,000 - 2 screens (bottom ≥ 98,200: range 4,910) to 100,000 + 3 screens (top ≤ 102,700: range 5,135).
    expect(first).toEqual({ from: 4_910, to: 5_136 });
    expect(first.to - first.from).toBeLessThan(300);
    // Half a screen down: the registered ranges still cover a screen past each edge.
    expect(nextSpan(10_000, column(100_450).extentAt, HEIGHT, first)).toBeNull();
    // A screen and a half: moved to the new place.
    const moved = nextSpan(10_000, column(101_350).extentAt, HEIGHT, first)!;
    expect(moved.from).toBeGreaterThan(first.from);
    expect(spanBetween(10_000, column(101_350).extentAt, 0, HEIGHT).to).toBeLessThanOrEqual(moved.to);
    // The last screen of the page.
    expect(nextSpan(10_000, column(10_000 * 20 - HEIGHT).extentAt, HEIGHT, moved)!.to).toBe(10_000);
  });

  it('steps over ranges that show no box (hidden text) instead of losing its place', () => {
    const hidden = new Set(Array.from({ length: 3_000 }, (_, i) => 4_000 + i));
    const inHidden = spanBetween(10_000, column(100_000, hidden).extentAt, 0, HEIGHT);
    expect(inHidden.to).toBe(inHidden.from);
    expect(spanBetween(10_000, column(160_000, hidden).extentAt, 0, HEIGHT)).toEqual({ from: 8_000, to: 8_046 });
    expect(spanBetween(10_000, column(60_000, hidden).extentAt, 0, HEIGHT)).toEqual({ from: 3_000, to: 3_046 });
  });
});
