// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FLASH_MS,
  HIGHLIGHT_ATTR,
  HIGHLIGHT_STATE_ATTR,
  HIGHLIGHT_TAG,
  OWN_UI_ATTR,
  anchorSelectors,
  describeRanges,
  highlightRange,
  highlightRanges,
  highlightsOf,
  removeHighlights,
  hasSameText,
  setHighlightState,
  snapshotTextInSteps,
} from './index.ts';
import { drain } from '@/utils/steps';
import { dumpNodes, rangeOfText } from './anchor.test-support.ts';

let root: HTMLElement;
function mount(html: string): HTMLElement {
  document.head.innerHTML = '';
  document.body.innerHTML = `<main>${html}</main>`;
  root = document.querySelector('main')!;
  return root;
}

/** Adjacent text nodes, as scripts (or a parser around comments) leave them; innerHTML alone cannot make them. */
function withSplitTextNodes(el: Element, at: string): void {
  const text = el.firstChild as Text;
  text.splitText(text.data.indexOf(at));
}

const joined = (els: HTMLElement[]) => els.map((el) => el.textContent).join('');

describe('highlightRange', () => {
  it('wraps a range spanning <b>, <a> and nested elements in several elements with the same N', () => {
    mount('<p>Adopt a <b>national</b> plan on <a href="#">business and <i>human <em>rights</em></i></a> now.</p>');
    const range = rangeOfText(root, 'national plan on business and human rights');
    const rangeText = range.toString();
    const els = highlightRange(range, 7);
    expect(joined(els)).toBe(rangeText);
    expect(els.map((el) => el.textContent)).toEqual(["national", " plan on ", "business and ", "human ", "rights"]);
    expect(els.every((el) => el.localName === HIGHLIGHT_TAG && el.getAttribute(HIGHLIGHT_ATTR) === '7')).toBe(true);
    expect(joined(els)).toBe('national plan on business and human rights');
    expect(highlightsOf(7, root)).toEqual(els);
    expect(root.textContent).toBe('Adopt a national plan on business and human rights now.');
  });

  it('skips whitespace-only text nodes and never wraps inside script, style, textarea or our own UI', () => {
    mount(`<ul>
      <li>Ratify the Convention</li>
      <script>var rec = 1;</script><style>p{}</style><textarea>draft</textarea>
      <upr-panel>panel text</upr-panel><div ${OWN_UI_ATTR}>toolbar</div>
      <li>Adopt a <svg><text>icon</text></svg>plan</li>
    </ul>`);
    const range = document.createRange();
    range.selectNodeContents(root.querySelector('ul')!);
    const els = highlightRange(range, 1);
    expect(els.map((el) => el.textContent)).toEqual(['Ratify the Convention', 'Adopt a ', 'plan']);
    for (const tag of ['script', 'style', 'textarea', 'upr-panel', 'div', 'svg']) {
      expect(root.querySelector(`${tag} ${HIGHLIGHT_TAG}`)).toBeNull();
    }
  });

  it('accepts a StaticRange-like range (not live, so free while the DOM changes)', () => {
    mount('<p>We recommend that the State <i>ratify</i> the Convention.</p>');
    const before = dumpNodes(root);
    const live = rangeOfText(root, 'State ratify the');
    const { startContainer, startOffset, endContainer, endOffset } = live;
    const staticRange = { startContainer, startOffset, endContainer, endOffset, collapsed: false } as AbstractRange;
    const els = highlightRange(staticRange, 2);
    expect(joined(els)).toBe('State ratify the');
    removeHighlights(root);
    expect(dumpNodes(root)).toBe(before);
  });

  it('returns nothing for a range wholly inside a script', () => {
    mount('<p>Text</p><script>var recommendation = "Ratify";</script>');
    expect(highlightRange(rangeOfText(root, 'recommendation'), 1)).toEqual([]);
  });

  it('styles every highlight inline with !important so page rules cannot hide it, and adds no stylesheet', () => {
    mount('<p>Ratify the <b>Convention</b>.</p>');
    document.head.innerHTML = '<style>upr-hl, [data-upr-rec] { background: none !important; display: none !important }</style>';
    const styleCount = document.querySelectorAll('style, link[rel=stylesheet]').length;
    const els = highlightRange(rangeOfText(root, 'Ratify the Convention'), 1);
    for (const el of els) {
      for (const property of ['display', 'background-color', 'color', 'visibility', 'cursor']) {
        expect(el.style.getPropertyPriority(property)).toBe('important');
      }
      expect(el.style.getPropertyValue('display')).toBe('inline');
      expect(el.style.getPropertyValue('cursor')).toBe('pointer');
      expect(el.style.getPropertyValue('color')).toMatch(/^(#000|rgb\(0, 0, 0\)|black)$/);
      expect(el.hasAttribute('tabindex')).toBe(false);
    }
    expect(document.querySelectorAll('style, link[rel=stylesheet]').length).toBe(styleCount);
  });
});

describe('removeHighlights restores the DOM exactly', () => {
  it.each([
    ['one element', '<p>We recommend that the State ratify the Convention.</p>', ['ratify the Convention']],
    ['several elements', '<p>Adopt a <b>national</b> plan on <a href="#">business and <i>human <em>rights</em></i></a>.</p>', ['national plan on business and human rights']],
    ['two highlights sharing a text node', '<p>1. Ratify OPCAT. 2. Adopt a plan. 3. End torture.</p>', ['Ratify OPCAT.', 'End torture.']],
    ['adjacent highlights', '<p>Ratify OPCAT.Adopt a plan.</p>', ['Ratify OPCAT.', 'Adopt a plan.']],
    ['overlapping highlights', '<p>Ratify OPCAT and adopt a plan on business.</p>', ['Ratify OPCAT and adopt', 'adopt a plan']],
    ['a highlight covering whole nodes and comments', '<ul><li>One</li><!-- c --><li>Two <b>three</b></li></ul>', ['One', 'Two three']],
  ])('%s', (_what, html, quotes) => {
    mount(html);
    const beforeHtml = root.innerHTML;
    const beforeDump = dumpNodes(root);
    const ranges = quotes.map((quote) => rangeOfText(root, quote));
    const created = highlightRanges(ranges.map((range, i) => ({ range, n: i + 1 })));
    quotes.forEach((quote, i) => expect(joined(created[i]!)).toBe(quote));
    expect(root.innerHTML).not.toBe(beforeHtml);
    removeHighlights(root);
    expect(root.innerHTML).toBe(beforeHtml);
    expect(dumpNodes(root)).toBe(beforeDump);
  });

  it.each([
    ['in creation order', [0, 1, 2]],
    ['in reverse order', [2, 1, 0]],
    ['middle first', [1, 0, 2]],
  ])('when removed one recommendation at a time %s', (_what, order) => {
    mount('<p>Intro. Ratify OPCAT. Adopt a <b>plan on business</b> now. End torture. Close.</p>');
    const beforeDump = dumpNodes(root);
    const quotes = ['Ratify OPCAT.', 'Adopt a plan on business now.', 'End torture.'];
    const created = highlightRanges(quotes.map((quote, i) => ({ range: rangeOfText(root, quote), n: i + 1 })));
    for (const i of order) removeHighlights(root, created[i]);
    expect(dumpNodes(root)).toBe(beforeDump);
    expect(root.querySelector(HIGHLIGHT_TAG)).toBeNull();
  });

  it('keeps text nodes that were separate originally separate', () => {
    mount('<p>Ratify the Convention against Torture.</p>');
    const p = root.querySelector('p')!;
    withSplitTextNodes(p, 'against');
    const beforeDump = dumpNodes(root);
    expect(p.childNodes.length).toBe(2);
    const els = highlightRange(rangeOfText(root, 'Convention against'), 1);
    expect(els.map((el) => el.textContent)).toEqual(['Convention ', 'against']);
    removeHighlights(root);
    expect(dumpNodes(root)).toBe(beforeDump);
    expect(p.childNodes.length).toBe(2);
  });

  it('works for ranges anchored before any of them was highlighted, highlighted one by one in reverse', () => {
    mount('<p>1. Ratify OPCAT. 2. Adopt a plan. 3. End torture.</p>');
    const beforeDump = dumpNodes(root);
    const quotes = ['Ratify OPCAT.', 'Adopt a plan.', 'End torture.'];
    const selectors = describeRanges(root, quotes.map((quote) => rangeOfText(root, quote)));
    const ranges = anchorSelectors(root, selectors);
    const created = ranges.map(() => [] as HTMLElement[]);
    for (let i = ranges.length - 1; i >= 0; i--) created[i] = highlightRange(ranges[i]!, i + 1);
    expect(created.map(joined)).toEqual(quotes);
    removeHighlights(root);
    expect(dumpNodes(root)).toBe(beforeDump);
  });

  it('leaves the original text node in place, so references held by the page stay valid', () => {
    mount('<p>We recommend that the State ratify the Convention.</p>');
    const original = root.querySelector('p')!.firstChild;
    highlightRange(rangeOfText(root, 'ratify'), 1);
    removeHighlights(document);
    expect(root.querySelector('p')!.firstChild).toBe(original);
  });
});

describe('setHighlightState', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('selects with a stronger outline and flashes briefly, then settles back', () => {
    mount('<p>Ratify the <b>Convention</b>. Adopt a plan.</p>');
    const [one, two] = highlightRanges([
      { range: rangeOfText(root, 'Ratify the Convention'), n: 1 },
      { range: rangeOfText(root, 'Adopt a plan'), n: 2 },
    ]);
    const normalBackground = one![0]!.style.getPropertyValue('background-color');

    setHighlightState(document, 1, 'selected');
    for (const el of one!) {
      expect(el.getAttribute(HIGHLIGHT_STATE_ATTR)).toBe('selected');
      expect(el.style.getPropertyValue('outline')).toContain('2px');
      expect(el.style.getPropertyPriority('outline')).toBe('important');
    }
    expect(two![0]!.hasAttribute(HIGHLIGHT_STATE_ATTR)).toBe(false);

    setHighlightState(2, 'flash', root);
    const flashBackground = two![0]!.style.getPropertyValue('background-color');
    expect(flashBackground).not.toBe(normalBackground);
    vi.advanceTimersByTime(FLASH_MS + 1);
    expect(two![0]!.style.getPropertyValue('background-color')).toBe(normalBackground);

    setHighlightState(root, 1, 'flash');
    vi.advanceTimersByTime(FLASH_MS + 1);
    expect(one![0]!.getAttribute(HIGHLIGHT_STATE_ATTR)).toBe('selected');
    expect(one![0]!.style.getPropertyValue('outline')).toContain('2px');

    setHighlightState(root, 1, 'normal');
    expect(one![0]!.hasAttribute(HIGHLIGHT_STATE_ATTR)).toBe(false);
    expect(one![0]!.style.getPropertyValue('background-color')).toBe(normalBackground);
    expect(document.querySelectorAll('style').length).toBe(0);
  });
});

describe('a text snapshot (what a reading’s span held)', () => {
  const spanOf = (el: Element) => {
    const range = document.createRange();
    range.setStart(el, 0);
    range.setEnd(el.querySelector('li:last-child')!.firstChild!, 10);
    return range;
  };

  it('holds while the page changes around the span, not when words within it change', () => {
    const list = mount('<ol><li>Ratify the Convention.</li><li>Abolish the death penalty.</li></ol><p>Share this page</p>').querySelector('ol')!;
    const span = spanOf(list);
    const was = drain(snapshotTextInSteps(span));
    expect(was.map((w) => w.data)).toEqual(['Ratify the Convention.', 'Abolish the death penalty.']);
    root.querySelector('p')!.textContent = 'Shared 12 times';
    root.append(document.createElement('aside'));
    expect(hasSameText(span, was)).toBe(true);
    list.firstElementChild!.firstChild!.textContent = 'Ratify the Convention now.';
    expect(hasSameText(span, was)).toBe(false);
  });

  it('reads the span of a long statement in pauses, many short nodes or a few huge ones, and holds all its words', () => {
    const pausesAndWords = (range: Range) => {
      const steps = snapshotTextInSteps(range);
      let pauses = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) pauses++;
      return { pauses, words: step.value.map(({ data, start, end }) => data.slice(start, end)).join('') };
    };
    const items = Array.from({ length: 3_000 }, (_, i) => `<li>Recommendation ${i + 1}.</li>`).join('');
    const list = mount(`<ol>${items}</ol>`).querySelector('ol')!;
    const many = pausesAndWords(spanOf(list));
    // 3,000 items, an element and a text node each: a pause every 2,000 nodes.
    expect(many.pauses).toBe(3);
    expect(many.words).toBe(`${Array.from({ length: 2_999 }, (_, i) => `Recommendation ${i + 1}.`).join('')}Recommenda`);
    // Eight nodes, three of them texts of 800,000 characters (more than a step's worth each): a pause after each of
    // the first two (the third is cut after 10 characters).
    const huge = 'x'.repeat(800_000);
    const paragraphs = mount(`<p>${huge}</p><p>${huge}</p><ol><li>${huge}</li></ol>`);
    const few = pausesAndWords(spanOf(paragraphs));
    expect(few.pauses).toBe(2);
    expect(few.words).toBe(huge + huge + huge.slice(0, 10));
  });

  it('holds when highlight elements split its text nodes and join them again, or the list is rendered anew with the same words', () => {
    const list = mount('<ol><li>Ratify the Convention.</li><li>Abolish the death penalty.</li></ol>').querySelector('ol')!;
    const span = spanOf(list);
    const was = drain(snapshotTextInSteps(span));
    // Browsers without the Highlight API: highlights are elements around split text, taken out when hidden.
    highlightRange(rangeOfText(root, 'the Convention'), 1);
    expect(hasSameText(span, was)).toBe(true);
    removeHighlights(root);
    expect(hasSameText(span, was)).toBe(true);
    list.firstElementChild!.replaceWith(Object.assign(document.createElement('li'), { textContent: 'Ratify the Convention.' }));
    expect(hasSameText(span, was)).toBe(true);
    list.firstElementChild!.firstChild!.textContent = 'Sign the Convention.';
    expect(hasSameText(span, was)).toBe(false);
  });
});
