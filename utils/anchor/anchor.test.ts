// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { anchorQuoteFuzzy, anchorSelector, anchorSelectors, describeRange, describeRanges, type RecSelector } from './index.ts';
import { rangeOfText } from './anchor.test-support.ts';

const STATEMENT = `
  <h1>Universal Periodic Review — 34th session</h1>
  <p>Mr. President, our delegation welcomes the <b>national report</b>. We recommend that the State:</p>
  <ol>
    <li>Ratify the Optional Protocol to the Convention against Torture;</li>
    <li>Adopt a national action plan on <a href="#x">business and human rights</a>, in line with the <i>Guiding <em>Principles</em></i>;</li>
    <li>Ratify the Optional Protocol to the Convention against Torture;</li>
    <li>Strengthen the independence of the national human rights institution in accordance with the Paris Principles.</li>
  </ol>
  <p>We wish the delegation every success.</p>`;

let root: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = `<main>${STATEMENT}</main>`;
  root = document.querySelector('main')!;
});

const items = () => Array.from(root.querySelectorAll('li'));
function rangeOfNode(node: Node): Range {
  const range = document.createRange();
  range.selectNodeContents(node);
  return range;
}

describe('describeRange', () => {
  it('records the exact text, 32 characters of context and textContent offsets', () => {
    const selector = describeRange(root, rangeOfText(root, 'Adopt a national action plan'));
    const text = root.textContent!;
    expect(selector.quote.exact).toBe('Adopt a national action plan');
    expect(selector.position.start).toBe(text.indexOf('Adopt a national'));
    expect(selector.position.end - selector.position.start).toBe(selector.quote.exact.length);
    expect(selector.quote.prefix).toBe(text.slice(selector.position.start - 32, selector.position.start));
    expect(selector.quote.suffix).toBe(text.slice(selector.position.end, selector.position.end + 32));
  });

  it('resolves element boundary points (selectNodeContents) to the same text', () => {
    const li = items()[1]!;
    const selector = describeRange(root, rangeOfNode(li));
    expect(selector.quote.exact).toBe(li.textContent);
    const batch = describeRanges(root, items().map(rangeOfNode));
    expect(batch.map((s) => s.quote.exact)).toEqual(items().map((li) => li.textContent));
  });
});

describe('anchorSelector', () => {
  it('round-trips every item, including one spanning nested elements', () => {
    for (const li of items()) {
      const selector = describeRange(root, rangeOfNode(li));
      const range = anchorSelector(root, selector);
      expect(range?.toString()).toBe(li.textContent);
    }
  });

  it('tells duplicates apart by their context', () => {
    const [first, , third] = items();
    const s1 = describeRange(root, rangeOfNode(first!));
    const s3 = describeRange(root, rangeOfNode(third!));
    expect(s1.quote.exact).toBe(s3.quote.exact);
    // Positions shifted (text inserted at the top) so only context can decide.
    root.querySelector('h1')!.textContent = 'UPR 34 — statement delivered on 10 May';
    const [r1, r3] = anchorSelectors(root, [s1, s3]);
    expect(first!.contains(r1!.startContainer)).toBe(true);
    expect(third!.contains(r3!.startContainer)).toBe(true);
  });

  it('tells duplicates apart by position when the context is the same', () => {
    root.innerHTML = '<p>Ratify OPCAT. Ratify OPCAT. Ratify OPCAT. Ratify OPCAT.</p>';
    const text = root.textContent!;
    const at = (start: number): RecSelector => ({
      quote: { type: 'TextQuoteSelector', exact: 'Ratify OPCAT.', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + 13 },
    });
    const starts = [0, 14, 28, 42];
    const ranges = anchorSelectors(root, starts.map((s) => at(s + 1)));
    expect(ranges.map((r) => r!.startOffset)).toEqual(starts);
    expect(text.slice(14, 27)).toBe('Ratify OPCAT.');
  });

  it.each([
    ['a few characters inside the quote', 'national action plan', 'national plan of action'],
    ['a word inside the quote', 'Adopt a', 'Develop and adopt a'],
    ['the context only', 'in line with', 'consistent with'],
  ])('re-anchors fuzzily after an edit of %s', (_what, from, to) => {
    const li = items()[1]!;
    const selector = describeRange(root, rangeOfNode(li));
    li.innerHTML = li.innerHTML.replace(from, to);
    const expected = li.textContent!;
    // The quote itself may have changed; the match should cover (nearly) all of the edited item.
    const range = anchorSelector(root, selector);
    expect(range).not.toBeNull();
    expect(li.contains(range!.commonAncestorContainer) || range!.commonAncestorContainer === li).toBe(true);
    expect(Math.abs(range!.toString().length - expected.length)).toBeLessThanOrEqual(Math.abs(to.length - from.length) + 3);
  });

  it('re-anchors fuzzily when text around the quote changed', () => {
    const li = items()[3]!;
    const selector = describeRange(root, rangeOfNode(li));
    items()[2]!.textContent = 'Ratify the Optional Protocol to the Convention against Torture without delay;';
    li.textContent = li.textContent!.replace('Strengthen', 'Further strengthen');
    const range = anchorSelector(root, selector);
    expect(range?.toString()).toContain('the independence of the national human rights institution');
  });

  it('returns null (orphan) when the text was replaced', () => {
    const li = items()[3]!;
    const selector = describeRange(root, rangeOfNode(li));
    li.textContent = 'Guarantee the right to education for all children, including those with disabilities.';
    expect(anchorSelector(root, selector)).toBeNull();
    expect(anchorQuoteFuzzy(root, selector)).toBeNull();
  });

  it('prefers a copy on the rendered page to one inside a script', () => {
    const li = items()[3]!;
    const selector = describeRange(root, rangeOfNode(li));
    li.textContent = 'Something else entirely, nothing like the original recommendation at all.';
    root.insertAdjacentHTML('beforeend', `<script type="application/json">{"x":"${selector.quote.exact}"}</script>`);
    root.insertAdjacentHTML('afterbegin', `<p>${selector.quote.exact}</p>`);
    const range = anchorSelector(root, selector);
    expect(range?.startContainer.parentElement?.localName).toBe('p');
  });

  it('gives the same answers as the fuzzy-only baseline on an unchanged page', () => {
    for (const li of items()) {
      const selector = describeRange(root, rangeOfNode(li));
      expect(anchorQuoteFuzzy(root, selector)?.toString()).toBe(anchorSelector(root, selector)?.toString());
    }
  });
});
