// What the extension highlights in a page, read as a page script can read it: the extension paints highlights with
// the CSS Custom Highlight API (no element in the page), and the document's highlight registry is shared by the
// page's world and the extension's. Our highlights are told apart by their priority (their names are random): all
// recommendations, one range each in page order (so the i-th is recommendation i + 1); the selected one; the noted
// ones. These helpers stand where specs used to look for highlight elements, with the same strictness.
import type { Frame, Page } from 'playwright-core';
import { HIGHLIGHT_PRIORITY } from '../../utils/anchor/highlight-paint';

export interface PageHighlights {
  /** Each highlighted recommendation's text, whitespace folded, by n - 1. */
  texts: string[];
  /** The selected recommendations' numbers (one at most). */
  selected: number[];
  noted: number[];
  flashing: number[];
}

// Plain JavaScript, evaluated in the page (a transpiled function could carry helpers the page does not have).
const READER = `(() => {
  const priority = ${JSON.stringify(HIGHLIGHT_PRIORITY)};
  const byRole = {};
  const names = {};
  if (window.CSS && CSS.highlights) {
    for (const [name, highlight] of CSS.highlights) {
      for (const [role, p] of Object.entries(priority)) if (highlight.priority === p) { byRole[role] = highlight; names[role] = name; }
    }
  }
  const live = (r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  };
  // A browser without the API (or that keeps the registry from the page) gets the element layer: read its marks.
  if (!byRole.all && document.querySelector('[data-upr-rec]')) {
    const byN = new Map();
    for (const el of document.querySelectorAll('[data-upr-rec]')) {
      const n = Number(el.getAttribute('data-upr-rec'));
      if (!byN.has(n)) byN.set(n, []);
      byN.get(n).push(el);
    }
    const ns = [...byN.keys()].sort((a, b) => a - b);
    const rangeOf = (els) => { const range = document.createRange(); range.setStartBefore(els[0]); range.setEndAfter(els[els.length - 1]); return range; };
    const ranges = ns.map((n) => rangeOf(byN.get(n)));
    return {
      texts: ns.map((n) => byN.get(n).map((el) => el.textContent).join('').replace(/\\s+/g, ' ').trim()),
      selected: ns.filter((n) => byN.get(n).some((el) => el.getAttribute('data-upr-state') === 'selected')),
      noted: [],
      flashing: [],
      ranges,
      all: ranges,
      names,
    };
  }
  const all = byRole.all ? [...byRole.all].map((r) => ({ r, range: live(r) })) : [];
  all.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  const numbers = (highlight) => highlight ? [...highlight].map((r) => all.findIndex((a) => a.r === r) + 1).sort((a, b) => a - b) : [];
  return {
    texts: all.map((a) => a.range.toString().replace(/\\s+/g, ' ').trim()),
    selected: numbers(byRole.selected),
    noted: numbers(byRole.noted),
    flashing: numbers(byRole.flash),
    ranges: all.map((a) => a.range),
    all: all.map((a) => a.r),
    names,
  };
})()`;

/**
 * The expression for a page-side condition on the highlights, `h` being what READER returns: { texts, selected,
 * noted, flashing } as in PageHighlights, `ranges` (live Ranges in page order), `all` (the registry's own ranges) and
 * `names` (the registry names by role; empty when the page holds the element layer instead). For any driver.
 */
export const whenHighlights = (condition: string): string => `(() => { const h = ${READER}; return ${condition}; })()`;

/** A page expression, true once recommendation n is highlighted (for drivers other than Playwright). */
export const highlightedUpTo = (n: number): string => whenHighlights(`h.texts.length >= ${n}`);

export async function readHighlights(page: Page | Frame): Promise<PageHighlights> {
  return page.evaluate(`(() => { const { ranges, names, all, ...rest } = ${READER}; return rest; })()`);
}

/** The text of each highlighted recommendation, by its number, as the page shows it. */
export async function highlightedTexts(page: Page): Promise<Record<number, string>> {
  const { texts } = await readHighlights(page);
  return Object.fromEntries(texts.map((text, i) => [i + 1, text]));
}

/** How many recommendations are highlighted. */
export async function highlightCount(page: Page): Promise<number> {
  return (await readHighlights(page)).texts.length;
}

/**
 * Polls `expression` from here until it is true: page.waitForFunction would evaluate a string with eval in the page,
 * which a strict Content-Security-Policy forbids; page.evaluate does not.
 */
async function waitUntil(page: Page, expression: string, what: string, timeout = 30_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting until ${what}`);
    await page.waitForTimeout(100);
  }
}

/** Waits until recommendation n is highlighted (at least n are). */
export async function waitForHighlight(page: Page, n: number, timeout?: number): Promise<void> {
  await waitUntil(page, whenHighlights(`h.texts.length >= ${n}`), `recommendation ${n} is highlighted`, timeout);
}

/** Waits until exactly `count` recommendations are highlighted (0: none). */
export async function waitForHighlightCount(page: Page, count: number, timeout?: number): Promise<void> {
  await waitUntil(page, whenHighlights(`h.texts.length === ${count}`), `${count} recommendations are highlighted`, timeout);
}

/** A page expression, true while recommendation n is the selected one. */
export const selectedIs = (n: number): string => whenHighlights(`h.selected.length === 1 && h.selected[0] === ${n}`);

/** Waits until recommendation n is the selected one. */
export async function waitForSelected(page: Page, n: number): Promise<void> {
  await waitUntil(page, selectedIs(n), `recommendation ${n} is selected`);
}

/** Waits until the noted recommendations are exactly `ns`. */
/** A page expression, true while the noted recommendations are exactly `ns`. */
export const notedAre = (ns: number[]): string => whenHighlights(`JSON.stringify(h.noted) === ${JSON.stringify(JSON.stringify([...ns].sort((a, b) => a - b)))}`);

/** Waits until the noted recommendations are exactly `ns`. */
export async function waitForNoted(page: Page, ns: number[]): Promise<void> {
  await waitUntil(page, notedAre(ns), `the noted recommendations are ${ns.join(', ')}`);
}

interface HighlightPoint {
  x: number;
  y: number;
  top: number;
  bottom: number;
}

/** A page expression: where a reader clicks recommendation n (near the middle of its first line), or null. */
const highlightPoint = (n: number): string =>
  whenHighlights(`(() => {
    const range = h.ranges[${n - 1}];
    const rect = range && [...range.getClientRects()].find((r) => r.width > 4 && r.height > 4);
    return rect ? { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2, top: rect.top, bottom: rect.bottom } : null;
  })()`);

/** What clicking in a page needs of a browser driver (Playwright's here, puppeteer's in the Firefox E2E). */
export interface PointerDriver {
  /** Evaluates a page expression. */
  evaluate(expression: string): Promise<unknown>;
  click(x: number, y: number): Promise<void>;
  /** The viewport's height. */
  height: number;
}

/**
 * Clicks the middle of recommendation n's first line of text, as a user clicks a highlight (scrolled into view
 * first, as Playwright does for an element), through any driver.
 */
export async function clickHighlightWith(driver: PointerDriver, n: number): Promise<void> {
  const at = async () => driver.evaluate(highlightPoint(n)) as Promise<HighlightPoint | null>;
  let point = await at();
  if (point && (point.top < 0 || point.bottom > driver.height)) {
    await driver.evaluate(`window.scrollBy(0, ${point.top - driver.height / 2})`);
    point = await at();
  }
  if (!point) throw new Error(`Recommendation ${n} has no visible text to click`);
  await driver.click(point.x, point.y);
}

/** Clicks recommendation n's highlight once it is there (see clickHighlightWith). */
export async function clickHighlight(page: Page, n: number): Promise<void> {
  await waitForHighlight(page, n);
  await clickHighlightWith({ evaluate: (expression) => page.evaluate(expression), click: (x, y) => page.mouse.click(x, y), height: page.viewportSize()?.height ?? 900 }, n);
}

/** The client rectangles of every highlighted recommendation's text (for layout checks). */
export async function highlightRects(page: Page): Promise<{ n: number; left: number; right: number; top: number; bottom: number; width: number; height: number }[]> {
  return page.evaluate(
    whenHighlights(`h.ranges.flatMap((range, i) => [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0).map((r) => ({ n: i + 1, left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height })))`),
  );
}

/** Whether the page's selection (the keyboard's place) is collapsed inside recommendation n's text. */
export async function caretIsIn(page: Page, n: number): Promise<boolean> {
  return page.evaluate(
    whenHighlights(`(() => {
      const s = document.getSelection();
      const range = h.ranges[${n - 1}];
      return Boolean(s && range && s.rangeCount > 0 && s.isCollapsed && range.comparePoint(s.anchorNode, s.anchorOffset) === 0);
    })()`),
  );
}

/**
 * How each highlighted recommendation is painted, as the browser resolved it with the page's CSS: the `::highlight`
 * background and text colour at its first character, and whether the text there is shown ("visibility/opacity").
 */
export async function highlightPaint(page: Page): Promise<{ background: string; color: string; shown: string }[]> {
  return page.evaluate(
    whenHighlights(`h.ranges.map((range) => {
      const el = range.startContainer.parentElement;
      const paint = getComputedStyle(el, '::highlight(' + h.names.all + ')');
      const own = getComputedStyle(el);
      return { background: paint.backgroundColor, color: paint.color, shown: own.visibility + '/' + own.opacity };
    })`),
  );
}

/** Keeps (in the page) the range objects of the recommendations highlighted now, for highlightRangesKept. */
export async function keepHighlightRanges(page: Page): Promise<void> {
  await page.evaluate(whenHighlights(`(window.__uprKeptRanges = h.all, h.all.length)`));
}

/** Whether the same range objects are highlighted as when keepHighlightRanges ran (none painted anew). */
export async function highlightRangesKept(page: Page): Promise<boolean> {
  return page.evaluate(whenHighlights(`window.__uprKeptRanges.length > 0 && h.all.length === window.__uprKeptRanges.length && h.all.every((r, i) => r === window.__uprKeptRanges[i])`));
}

/** Selects the first occurrence of `word` inside recommendation n's text, as a reader's drag would. */
export async function selectInHighlight(page: Page, n: number, word: string): Promise<void> {
  const done = await page.evaluate(
    whenHighlights(`(() => {
      const range = h.ranges[${n - 1}];
      if (!range) return false;
      // From an element: a walker rooted at a text node (a range inside one) never returns its root.
      const common = range.commonAncestorContainer;
      const walker = document.createTreeWalker(common.nodeType === 3 ? common.parentNode : common, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!range.intersectsNode(node)) continue;
        const from = node === range.startContainer ? range.startOffset : 0;
        const at = node.data.indexOf(${JSON.stringify(word)}, from);
        if (at < 0 || (node === range.endContainer && at + ${word.length} > range.endOffset)) continue;
        const selected = document.createRange();
        selected.setStart(node, at);
        selected.setEnd(node, at + ${word.length});
        getSelection().removeAllRanges();
        getSelection().addRange(selected);
        return true;
      }
      return false;
    })()`),
  );
  if (!done) throw new Error(`"${word}" is not in recommendation ${n}`);
}

/**
 * On a long page only the highlights near the viewport are registered, so a range's place in the registry no longer
 * gives its number: these read the registry by text. `texts` of the registered highlights by role, and `onScreen`:
 * the texts of the page's `items` (a selector, in page order) within the viewport. Whitespace folded.
 */
export interface RegisteredTexts {
  all: string[];
  selected: string[];
  noted: string[];
  onScreen: string[];
}

/** The page expression reading RegisteredTexts (for any driver). */
const registeredTexts = (items: string): string => `(() => {
  const priority = ${JSON.stringify(HIGHLIGHT_PRIORITY)};
  const out = { all: [], selected: [], noted: [], onScreen: [] };
  const fold = (s) => s.replace(/\\s+/g, ' ').trim();
  const text = (r) => { const range = document.createRange(); range.setStart(r.startContainer, r.startOffset); range.setEnd(r.endContainer, r.endOffset); return fold(range.toString()); };
  if (window.CSS && CSS.highlights) for (const [, h] of CSS.highlights) for (const role of ['all', 'selected', 'noted']) if (h.priority === priority[role]) out[role] = [...h].map(text);
  for (const el of document.querySelectorAll(${JSON.stringify(items)})) {
    const rect = el.getBoundingClientRect();
    if (rect.bottom > 0 && rect.top < innerHeight) out.onScreen.push(fold(el.textContent));
  }
  return out;
})()`;

/** Whether every item on screen is covered by a registered highlight. */
export const screenHighlighted = (r: RegisteredTexts): boolean => r.onScreen.every((t) => r.all.includes(t));

/** Polls the registry, read by text through any driver's page evaluation, until `ok` holds; returns what it read. */
export async function waitForRegisteredWith(
  evaluate: (expression: string) => Promise<unknown>,
  items: string,
  ok: (r: RegisteredTexts) => boolean,
  what: string,
  timeout = 60_000,
): Promise<RegisteredTexts> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const now = (await evaluate(registeredTexts(items))) as RegisteredTexts;
    if (ok(now)) return now;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting until ${what} (${now.all.length} registered, ${now.onScreen.length} on screen)`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** waitForRegisteredWith in a Playwright page. */
export const waitForRegistered = (page: Page, items: string, ok: (r: RegisteredTexts) => boolean, what: string, timeout?: number): Promise<RegisteredTexts> =>
  waitForRegisteredWith((expression) => page.evaluate(expression), items, ok, what, timeout);

/** Scrolls the page at once until the i-th of `items` (from 0) is in the middle of the window. */
export async function scrollToItem(page: Page, items: string, i: number): Promise<void> {
  await page.evaluate(({ items, i }) => document.querySelectorAll(items)[i]!.scrollIntoView({ block: 'center' }), { items, i });
}

/** Scrolls to the i-th of `items`, waits until its text is highlighted, and clicks the middle of its first line. */
export async function clickItemHighlight(page: Page, items: string, i: number): Promise<void> {
  await scrollToItem(page, items, i);
  const text: string = await page.evaluate(({ items, i }) => document.querySelectorAll(items)[i]!.textContent!.replace(/\s+/g, ' ').trim(), { items, i });
  await waitForRegistered(page, items, (r) => screenHighlighted(r) && r.all.includes(text), `"${text}" is highlighted`);
  const point = await page.evaluate(({ items, i }) => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelectorAll(items)[i]!);
    const rect = [...range.getClientRects()].find((r) => r.width > 4 && r.height > 4)!;
    return { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2 };
  }, { items, i });
  await page.mouse.click(point.x, point.y);
}

/** A condition for waitForRegistered: the screen is highlighted, and `text` among the registered highlights. */
export const highlightedOnScreen =
  (text: string) =>
  (r: RegisteredTexts): boolean =>
    screenHighlighted(r) && r.all.includes(text);
