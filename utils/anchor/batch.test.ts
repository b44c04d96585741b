// @vitest-environment happy-dom
// The batch path's shape, which is where its speed comes from (timing itself is left to `npm run bench`):
// one text index per batch, and no approximate search for quotes that are still on the page verbatim.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const approx = vi.hoisted(() => ({ calls: 0 }));
vi.mock('approx-string-match', async (importOriginal) => {
  const actual = await importOriginal<typeof import('approx-string-match')>();
  const { countingSearch } = await import('./anchor.test-support.ts');
  return { default: countingSearch(actual.default, approx) };
});

import { anchorQuoteFuzzy, anchorSelectors, describeRanges, highlightRanges, removeHighlights } from './index.ts';
import { SAMPLE_OBJECTS, SAMPLE_VERBS, dumpNodes } from './anchor.test-support.ts';

const VERBS = SAMPLE_VERBS;
const OBJECTS = SAMPLE_OBJECTS;

let root: HTMLElement;
beforeEach(() => {
  const items = Array.from({ length: 300 }, (_, i) => {
    const object = OBJECTS[i % OBJECTS.length]!;
    // Every 25th item repeats an earlier one word for word, as statements do.
    const text = i % 25 === 24 ? `${VERBS[0]} ${OBJECTS[0]}` : `${VERBS[i % VERBS.length]} ${i % 2 ? `<b>${object}</b>` : object} (${i})`;
    return `<li>${text};</li>`;
  });
  document.body.innerHTML = `<main><h1>UPR 41</h1><ol>\n${items.join('\n')}\n</ol></main>`;
  root = document.querySelector('main')!;
  approx.calls = 0;
});
afterEach(() => vi.restoreAllMocks());

const itemRanges = () =>
  Array.from(root.querySelectorAll('li'), (li) => {
    const range = document.createRange();
    range.selectNodeContents(li);
    return range;
  });

describe('anchorSelectors over 300 recommendations', () => {
  it('walks the tree once and never runs the fuzzy matcher when every quote is still there', () => {
    const selectors = describeRanges(root, itemRanges());
    const walkers = vi.spyOn(document, 'createTreeWalker');
    const ranges = anchorSelectors(root, selectors);
    expect(walkers.mock.calls.filter(([walked]) => walked === root)).toHaveLength(1);
    expect(approx.calls).toBe(0);
    expect(ranges.map((r) => r?.toString())).toEqual(Array.from(root.querySelectorAll('li'), (li) => li.textContent));
  });

  it('puts each word-for-word duplicate back on its own item', () => {
    const lis = Array.from(root.querySelectorAll('li'));
    const ranges = anchorSelectors(root, describeRanges(root, itemRanges()));
    ranges.forEach((range, i) => expect(lis[i]!.contains(range!.startContainer)).toBe(true));
  });

  it('runs the fuzzy matcher only for the quotes that were edited', () => {
    const selectors = describeRanges(root, itemRanges());
    const lis = Array.from(root.querySelectorAll('li'));
    for (const i of [3, 150, 299]) lis[i]!.lastChild!.textContent = lis[i]!.lastChild!.textContent!.replace(/\((\d+)\)/, '(no. $1)');
    const ranges = anchorSelectors(root, selectors);
    expect(ranges.every(Boolean)).toBe(true);
    // Edit distance may end the match a few characters early ("(3);" vs "(no."), so check where it lies.
    for (const i of [3, 150, 299]) {
      expect(lis[i]!.contains(ranges[i]!.startContainer)).toBe(true);
      expect(lis[i]!.textContent!.startsWith(ranges[i]!.toString())).toBe(true);
      expect(ranges[i]!.toString().length).toBeGreaterThan(lis[i]!.textContent!.length - 8);
    }
    // A handful per edited quote (the search plus context scoring), not one per quote.
    expect(approx.calls).toBeGreaterThan(0);
    expect(approx.calls).toBeLessThanOrEqual(3 * 3 * 2);
  });

  it('matches the fuzzy-only baseline, which walks the tree and searches approximately for every quote', () => {
    const selectors = describeRanges(root, itemRanges()).slice(0, 30);
    const walkers = vi.spyOn(document, 'createTreeWalker');
    const baseline = selectors.map((selector) => anchorQuoteFuzzy(root, selector));
    expect(walkers.mock.calls.filter(([walked]) => walked === root)).toHaveLength(30);
    expect(approx.calls).toBeGreaterThanOrEqual(30);
    const ours = anchorSelectors(root, selectors);
    expect(ours.map((r) => r?.toString())).toEqual(baseline.map((r) => r?.toString()));
  });

  it('highlights all of them and restores the page exactly', () => {
    const before = dumpNodes(root);
    const ranges = anchorSelectors(root, describeRanges(root, itemRanges()));
    const created = highlightRanges(ranges.map((range, i) => ({ range: range!, n: i + 1 })));
    expect(created.every((els) => els.length > 0)).toBe(true);
    expect(root.querySelectorAll('[data-upr-rec="300"]').length).toBe(created[299]!.length);
    // Describing over the highlights gives the selectors back: offsets are unchanged by our splits.
    const selectors = describeRanges(root, itemRanges());
    const overHighlights = describeRanges(
      root,
      created.map((els) => {
        const range = document.createRange();
        range.setStartBefore(els[0]!);
        range.setEndAfter(els.at(-1)!);
        return range;
      }),
    );
    expect(overHighlights.map((s) => s.quote.exact)).toEqual(selectors.map((s) => s.quote.exact));
    expect(anchorSelectors(root, selectors).every(Boolean)).toBe(true);
    removeHighlights(root);
    expect(dumpNodes(root)).toBe(before);
  });
});
