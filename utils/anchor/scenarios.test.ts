// @vitest-environment happy-dom
// What happens to stored selectors when the page changes under them: each one lands on its own recommendation or
// becomes an orphan, never on other text. The page is a list of recommendations that differ only by their number
// every 12 items (as generated statements do), so a sibling one edit away is always within 2,048 characters.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const approx = vi.hoisted(() => ({ calls: 0 }));
vi.mock('approx-string-match', async (importOriginal) => {
  const actual = await importOriginal<typeof import('approx-string-match')>();
  const { countingSearch } = await import('./anchor.test-support.ts');
  return { default: countingSearch(actual.default, approx) };
});

import { anchorSelector, anchorSelectors, describeRanges, type RecSelector } from './index.ts';
import { SAMPLE_OBJECTS, SAMPLE_VERBS } from './anchor.test-support.ts';

const VERBS = SAMPLE_VERBS;
const OBJECTS = SAMPLE_OBJECTS;
const COUNT = 300;

let root: HTMLElement;
let items: HTMLLIElement[];
beforeEach(() => {
  const lis = Array.from({ length: COUNT }, (_, i) => `<li>${VERBS[i % VERBS.length]} ${OBJECTS[i % OBJECTS.length]} (${i});</li>`);
  document.body.innerHTML = `<main><h1>UPR 41</h1><p>Norway recommends that Finland:</p><ol>\n${lis.join('\n')}\n</ol></main>`;
  root = document.querySelector('main')!;
  items = Array.from(root.querySelectorAll('li'));
  approx.calls = 0;
});
afterEach(() => vi.restoreAllMocks());

function store(): RecSelector[] {
  return describeRanges(
    root,
    items.map((li) => {
      const range = document.createRange();
      range.selectNodeContents(li);
      return range;
    }),
  );
}

/** Whether range lies on li and covers at least 3/4 of its text (an approximate end may stop a little short). */
function isOn(range: Range | null, li: Element): boolean {
  if (!range || !li.contains(range.startContainer) || !li.contains(range.endContainer)) return false;
  return range.toString().length >= 0.75 * li.textContent!.length;
}

const fewCharacters = (text: string) => text.replace(' the ', ' the duly ').replace('(', '(no. ');
/** 30 % of the characters: the middle stretch reversed. */
function thirtyPercent(text: string): string {
  const from = Math.floor(text.length * 0.35);
  const to = from + Math.ceil(text.length * 0.3);
  return text.slice(0, from) + [...text.slice(from, to)].reverse().join('') + text.slice(to);
}
const everyTenth = (i: number) => i % 10 === 5;
const chosenTwenty = (i: number) => i % 15 === 7;

describe('stored selectors after the page changed', () => {
  it('makes orphans of 20 removed recommendations, though a sibling one number away is still there', () => {
    const selectors = store();
    items.forEach((li, i) => chosenTwenty(i) && li.remove());
    const ranges = anchorSelectors(root, selectors);
    items.forEach((li, i) => {
      if (chosenTwenty(i)) expect(ranges[i], `removed ${i}`).toBeNull();
      else expect(isOn(ranges[i]!, li), `kept ${i}`).toBe(true);
    });
  });

  it('puts every tenth quote, edited by a few characters, on its own recommendation', () => {
    const selectors = store();
    items.forEach((li, i) => everyTenth(i) && (li.textContent = fewCharacters(li.textContent!)));
    const ranges = anchorSelectors(root, selectors);
    items.forEach((li, i) => expect(isOn(ranges[i]!, li), `item ${i}`).toBe(true));
  });

  it('makes a 30 % edited quote an orphan or puts it on its own recommendation, never elsewhere', () => {
    const selectors = store();
    items.forEach((li, i) => everyTenth(i) && (li.textContent = thirtyPercent(li.textContent!)));
    const ranges = anchorSelectors(root, selectors);
    items.forEach((li, i) => {
      if (everyTenth(i) && ranges[i] === null) return;
      expect(isOn(ranges[i]!, li), `item ${i}`).toBe(true);
    });
  });

  it('finds recommendations moved more than 2,048 characters, in a batch and one by one', () => {
    const selectors = store();
    const moved = items.filter((_, i) => chosenTwenty(i) && i + 40 < COUNT);
    for (const li of moved) items[items.indexOf(li) + 40]!.after(li);
    const text = root.textContent!;
    for (const li of moved) {
      const i = items.indexOf(li);
      expect(Math.abs(text.indexOf(`(${i});`) - selectors[i]!.position.start)).toBeGreaterThan(2048);
    }
    const ranges = anchorSelectors(root, selectors);
    items.forEach((li, i) => expect(isOn(ranges[i]!, li), `batch ${i}`).toBe(true));
    for (const li of moved) expect(isOn(anchorSelector(root, selectors[items.indexOf(li)]!), li)).toBe(true);
  });

  it('keeps each copy of a duplicated recommendation on its own copy when one of them is edited', () => {
    const pairs = items.flatMap((_, i) => (chosenTwenty(i) && i + 5 < COUNT ? [[i, i + 5] as const] : []));
    for (const [a, b] of pairs) items[b]!.textContent = items[a]!.textContent;
    const selectors = store();
    pairs.forEach(([a, b], k) => {
      const edited = items[k % 2 ? a : b]!;
      edited.textContent = fewCharacters(edited.textContent!);
    });
    const ranges = anchorSelectors(root, selectors);
    for (const [a, b] of pairs) {
      expect(isOn(ranges[a]!, items[a]!), `first copy ${a}`).toBe(true);
      expect(isOn(ranges[b]!, items[b]!), `second copy ${b}`).toBe(true);
      // Decided by prefix, suffix and position alone, without the other copy's selector.
      expect(isOn(anchorSelector(root, selectors[a]!), items[a]!)).toBe(true);
      expect(isOn(anchorSelector(root, selectors[b]!), items[b]!)).toBe(true);
    }
  });
});

describe('cost shape of the batch', () => {
  it('carries each quote’s offset drift to the next, so only edited quotes and their neighbours search', () => {
    const selectors = store();
    // Text added above the list shifts every stored position; then 30 quotes are edited.
    root.querySelector('p')!.textContent = 'Norway thanks the delegation and, in the spirit of the review, recommends that Finland:';
    items.forEach((li, i) => everyTenth(i) && (li.textContent = fewCharacters(li.textContent!)));
    const text = root.textContent!;
    const indexOf = vi.spyOn(String.prototype, 'indexOf');
    approx.calls = 0;
    const ranges = anchorSelectors(root, selectors);
    items.forEach((li, i) => expect(isOn(ranges[i]!, li), `item ${i}`).toBe(true));
    // Without the drift every later quote would miss its stored position and scan the text for itself, twice
    // (near the stored position, then all of it): over 500 scans. With it, a few per edit.
    const scans = indexOf.mock.contexts.filter((self) => String(self) === text).length;
    indexOf.mockRestore();
    expect(scans).toBeLessThanOrEqual(30 * 5);
    expect(approx.calls).toBeLessThanOrEqual(30 * 8);
  });

  it('builds the page index for single calls once, and again only after the page changed', () => {
    const selectors = store();
    const walkers = vi.spyOn(document, 'createTreeWalker');
    const walks = () => walkers.mock.calls.filter(([walked]) => walked === root).length;
    for (const selector of selectors.slice(0, 20)) expect(anchorSelector(root, selector)).not.toBeNull();
    expect(walks()).toBe(1);
    items[3]!.textContent = fewCharacters(items[3]!.textContent!);
    expect(isOn(anchorSelector(root, selectors[3]!), items[3]!)).toBe(true);
    expect(walks()).toBe(2);
  });
});
