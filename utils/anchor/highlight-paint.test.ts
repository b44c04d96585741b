// @vitest-environment happy-dom
// The layer on the CSS Custom Highlight API (a stand-in registry here: happy-dom has none): highlighting, selecting,
// flashing and marking noted recommendations write nothing to the page's DOM, and what the registry holds is what
// the reader sees.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHighlightLayer, describeRanges, FLASH_MS, HIGHLIGHT_PRIORITY, HIGHLIGHT_TAG, type HighlightLayer } from './index.ts';
import { rangeOfText } from './anchor.test-support.ts';

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

  it('keeps the element layer where the browser has no Highlight API', () => {
    vi.stubGlobal('CSS', {});
    const layer = placed();
    expect(layer.drawing).toBe('elements');
    expect(document.querySelectorAll(HIGHLIGHT_TAG).length).toBeGreaterThanOrEqual(3);
  });
});
