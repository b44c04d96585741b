// @vitest-environment happy-dom
// The layer on the CSS Custom Highlight API (a stand-in registry here: happy-dom has none): highlighting, selecting,
// flashing and marking noted recommendations write nothing to the page's DOM, and what the registry holds is what
// the reader sees.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHighlightLayer, describeRanges, FLASH_MS, HIGHLIGHT_PRIORITY, HIGHLIGHT_TAG, paintPreview, type HighlightLayer } from './index.ts';
import { rangeOfText } from './anchor.test-support.ts';
import { WINDOW_THRESHOLD } from './highlight-window.ts';

class StandInHighlight extends Set<AbstractRange> {
  priority = 0;
}
class StandInStaticRange {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  constructor(init: StaticRangeInit) {
    ({ startContainer: this.startContainer, startOffset: this.startOffset, endContainer: this.endContainer, endOffset: this.endOffset } = init);
  }
}

const registry = new Map<string, StandInHighlight>();
const RECS = ['Adopt a national plan on business and human rights.', 'Ratify the Optional Protocol.', 'Abolish the death penalty.'];

let root: HTMLElement;
let records: MutationRecord[];
let observer: MutationObserver;

/** The registry's highlight with this priority (names are random). */
function highlight(role: keyof typeof HIGHLIGHT_PRIORITY): StandInHighlight | undefined {
  return [...registry.values()].find((h) => h.priority === HIGHLIGHT_PRIORITY[role]);
}
const textOf = (r: AbstractRange) => {
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range.toString();
};
const texts = (role: keyof typeof HIGHLIGHT_PRIORITY) => [...(highlight(role) ?? [])].map(textOf);

function placed(): HighlightLayer {
  const layer = createHighlightLayer(document, root);
  const ranges = RECS.map((text) => rangeOfText(root, text));
  const selectors = describeRanges(root, ranges);
  expect(layer.place(ranges.map((range, i) => ({ range, selector: selectors[i]! })))).toEqual([]);
  return layer;
}

beforeEach(() => {
  registry.clear();
  vi.stubGlobal('CSS', { highlights: registry });
  vi.stubGlobal('Highlight', StandInHighlight);
  vi.stubGlobal('StaticRange', StandInStaticRange);
  document.body.innerHTML = `<main><p>Canada recommends:</p><ol>${RECS.map((r) => `<li>${r.replace('national', '<b>national</b>')}</li>`).join('')}</ol></main>`;
  root = document.querySelector('main')!;
  records = [];
  observer = new MutationObserver((list) => records.push(...list));
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
});
afterEach(() => {
  observer.disconnect();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
  (document as Document & { adoptedStyleSheets: CSSStyleSheet[] }).adoptedStyleSheets = [];
});

describe('highlights painted with the Highlight API', () => {
  it('highlights every recommendation, one range each in page order, without writing to the page', async () => {
    const before = document.body.innerHTML;
    // happy-dom's CSS parser drops ::highlight rules: the sheet's text is read as it is handed over.
    const sheetText = vi.spyOn(CSSStyleSheet.prototype, 'replaceSync');
    const layer = placed();
    expect(layer.drawing).toBe('painted');
    expect(texts('all')).toEqual(RECS);
    await Promise.resolve(); // mutation records are delivered in a microtask
    expect(records).toEqual([]);
    expect(document.body.innerHTML).toBe(before);
    expect(document.querySelector(HIGHLIGHT_TAG)).toBeNull();
    // Styled by ::highlight rules in an adopted sheet, named as in the registry; no <style> in the page.
    expect((document as Document & { adoptedStyleSheets: CSSStyleSheet[] }).adoptedStyleSheets).toHaveLength(1);
    const rules = sheetText.mock.calls.map(([text]) => text).join('\n');
    expect(registry.size).toBe(4);
    for (const name of registry.keys()) expect(rules).toContain(`::highlight(${name})`);
    expect(document.querySelector('style')).toBeNull();
  });

  it('shows the selected, the flashed and the noted recommendations as highlights of their own, still writing nothing', async () => {
    vi.useFakeTimers();
    const layer = placed();
    layer.select(2);
    expect(texts('selected')).toEqual([RECS[1]]);
    layer.select(3);
    expect(texts('selected')).toEqual([RECS[2]]);
    layer.flash(1);
    expect(texts('flash')).toEqual([RECS[0]]);
    vi.advanceTimersByTime(FLASH_MS + 1);
    expect(texts('flash')).toEqual([]);
    layer.markNoted([1, 3]);
    expect(texts('noted')).toEqual([RECS[0], RECS[2]]);
    await Promise.resolve();
    expect(records).toEqual([]);
  });

  it('empties the registry when hidden and paints the same again, selection and notes kept, when shown', () => {
    const layer = placed();
    layer.select(2);
    layer.markNoted([3]);
    layer.hide();
    expect([...registry.values()].every((h) => h.size === 0)).toBe(true);
    expect(registry.size).toBe(0);
    layer.show();
    expect(texts('all')).toEqual(RECS);
    expect(texts('selected')).toEqual([RECS[1]]);
    expect(texts('noted')).toEqual([RECS[2]]);
  });

  it('paints a preview of the first recommendations, which the placed layer takes over without adopting its style again', async () => {
    const sheets = () => [...(document as Document & { adoptedStyleSheets: CSSStyleSheet[] }).adoptedStyleSheets];
    const before = sheets().length;
    const preview = paintPreview(document, [rangeOfText(root, RECS[0]!)]);
    expect(preview).not.toBeNull();
    expect(texts('all')).toEqual([RECS[0]]);
    const adopted = sheets();
    expect(adopted.length).toBe(before + 1);

    const layer = createHighlightLayer(document, root, { painter: preview! });
    const ranges = RECS.map((text) => rangeOfText(root, text));
    const selectors = describeRanges(root, ranges);
    expect(layer.place(ranges.map((range, i) => ({ range, selector: selectors[i]! })))).toEqual([]);
    // Every recommendation, each once, in the same style sheet (taking it out and in again restyles a whole page).
    expect(texts('all')).toEqual(RECS);
    expect(sheets()).toHaveLength(adopted.length);
    expect(sheets().every((sheet, i) => sheet === adopted[i])).toBe(true);
    layer.select(3);
    expect(texts('selected')).toEqual([RECS[2]]);
    await Promise.resolve();
    expect(records).toEqual([]);
  });

  it('paints no preview where there is nothing to paint or no Highlight API (elements would change the page being read)', async () => {
    expect(paintPreview(document, [])).toBeNull();
    vi.stubGlobal('CSS', {});
    expect(paintPreview(document, [rangeOfText(root, RECS[0]!)])).toBeNull();
    expect(document.querySelectorAll(HIGHLIGHT_TAG)).toHaveLength(0);
    await Promise.resolve();
    expect(records).toEqual([]);
  });

  it('keeps the element layer where the browser has no Highlight API', () => {
    vi.stubGlobal('CSS', {});
    const layer = placed();
    expect(layer.drawing).toBe('elements');
    expect(document.querySelectorAll(HIGHLIGHT_TAG).length).toBeGreaterThanOrEqual(3);
  });
});

describe('a long page: only the highlights near the viewport are registered', () => {
  const COUNT = WINDOW_THRESHOLD + 500;
  const recText = (i: number) => `Adopt measure ${i + 1} to protect the rights of every person held in detention.`;
  let scrolled = 0;
  let scroller: HTMLElement;
  // happy-dom has no layout: item i's text is 20 px tall, i * 20 px down a scrolling box.
  const lineOf = new Map<Node, number>();
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const scrollTo = async (y: number) => {
    scrolled = y;
    scroller.dispatchEvent(new Event('scroll')); // a scrolling box's scroll does not bubble
    await frame();
    await frame();
  };

  function longLayer(): HighlightLayer {
    document.body.innerHTML = `<main><div class="box"><ol>${Array.from({ length: COUNT }, (_, i) => `<li>${recText(i)}</li>`).join('')}</ol></div></main>`;
    root = document.querySelector('main')!;
    scroller = root.querySelector('.box')!;
    root.querySelectorAll('li').forEach((li, i) => lineOf.set(li.firstChild!, i));
    scrolled = 0;
    vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(function (this: Range) {
      const i = lineOf.get(this.startContainer);
      return (i === undefined ? new DOMRect() : new DOMRect(0, i * 20 - scrolled, 500, 18)) as DOMRect;
    });
    vi.stubGlobal('innerHeight', 900);
    const layer = createHighlightLayer(document, root);
    const ranges = [...root.querySelectorAll('li')].map((li) => {
      const range = document.createRange();
      range.selectNodeContents(li.firstChild!);
      return range;
    });
    const selectors = describeRanges(root, ranges);
    expect(layer.place(ranges.map((range, i) => ({ range, selector: selectors[i]! })))).toEqual([]);
    return layer;
  }
  const onScreen = () => Array.from({ length: 45 }, (_, k) => recText(Math.floor(scrolled / 20) + k));

  it('highlights the screen the reader is on and a margin, not the whole page', async () => {
    const layer = longLayer();
    await frame();
    await frame();
    const all = texts('all');
    expect(all).toEqual(expect.arrayContaining(onScreen()));
    expect(all.length).toBeLessThanOrEqual(5 * 45 + 2); // five screens
    // Every recommendation is still placed: walked in order, and reachable far down.
    expect(layer.has(COUNT)).toBe(true);
    expect(layer.rangeOf(COUNT)?.toString()).toBe(recText(COUNT - 1));
  });

  it('highlights each screen as the reader scrolls down to the last recommendation, in a scrolling box too', { timeout: 60_000 }, async () => {
    longLayer();
    await frame();
    const seen = new Set<string>();
    for (let y = 0; y < COUNT * 20; y += 900) {
      await scrollTo(y);
      const all = new Set(texts('all'));
      for (const text of onScreen().filter((t) => Number(t.split(' ')[2]) <= COUNT)) {
        expect(all.has(text), text).toBe(true);
        seen.add(text);
      }
      expect(all.size).toBeLessThanOrEqual(5 * 45 + 2);
    }
    expect(seen.size).toBe(COUNT);
  });

  it('shows the selected and noted recommendations far down once the reader is there', async () => {
    const layer = longLayer();
    await frame();
    layer.markNoted([3, COUNT - 10]);
    layer.select(COUNT - 20);
    expect(texts('noted')).toEqual([recText(2)]);
    await scrollTo((COUNT - 30) * 20);
    expect(texts('noted')).toEqual([recText(COUNT - 11)]);
    expect(texts('selected')).toEqual([recText(COUNT - 21)]);
    expect(texts('all')).toEqual(expect.arrayContaining([recText(COUNT - 11), recText(COUNT - 21)]));
  });
});
