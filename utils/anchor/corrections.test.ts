// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { anchorSelectors, correctionFor, type Correction } from './index.ts';
import { rangeOfText } from './anchor.test-support.ts';

function mount(html: string): HTMLElement {
  document.body.innerHTML = `<aside>Menu</aside><main>${html}</main>`;
  return document.querySelector('main')!;
}

const PAGE = '<p>1. Ratify the Convention against Torture.</p><p>2. Adopt a national plan on housing.</p>';
const recs = ['Ratify the Convention against Torture.', 'Adopt a national plan on housing.'];
const rangeOf = (root: Element) => (n: number) => (recs[n - 1] ? rangeOfText(root, recs[n - 1]!) : null);
const caretAt = (root: Element, text: string) => {
  const range = rangeOfText(root, text);
  range.collapse(true);
  return range;
};

describe('correctionFor', () => {
  it('adds the selected words, anchored where they are', () => {
    const root = mount(PAGE);
    const result = correctionFor(root, rangeOfText(root, 'national plan'), { command: 'add-selection' }, rangeOf(root));
    expect(result).toMatchObject({ add: [{ text: 'national plan' }], reject: [] });
    const [range] = anchorSelectors(root, [(result as Correction).add[0]!.selector]);
    expect(range?.toString()).toBe('national plan');
  });

  it('refuses to add nothing, or words outside the statement', () => {
    const root = mount(PAGE);
    expect(correctionFor(root, null, { command: 'add-selection' }, rangeOf(root))).toEqual({ refused: 'correctionNoSelection' });
    expect(correctionFor(root, caretAt(root, 'Adopt'), { command: 'add-selection' }, rangeOf(root))).toEqual({ refused: 'correctionNoSelection' });
    expect(correctionFor(root, rangeOfText(document.body, 'Menu'), { command: 'add-selection' }, rangeOf(root))).toEqual({ refused: 'correctionSelectionOutside' });
  });

  it('merges n with the next in their own words, one space between, rejecting both', () => {
    const root = mount(PAGE);
    const result = correctionFor(root, null, { command: 'merge', n: 1 }, rangeOf(root));
    expect(result).toMatchObject({ add: [{ text: `${recs[0]} ${recs[1]}` }], reject: recs });
    expect(correctionFor(root, null, { command: 'merge', n: 2 }, rangeOf(root))).toBeNull();
  });

  it('splits n at the caret, and refuses a caret outside it', () => {
    const root = mount(PAGE);
    expect(correctionFor(root, caretAt(root, 'against'), { command: 'split', n: 1 }, rangeOf(root))).toMatchObject({
      add: [{ text: 'Ratify the Convention' }, { text: 'against Torture.' }],
      reject: [recs[0]],
    });
    expect(correctionFor(root, caretAt(root, 'Adopt'), { command: 'split', n: 1 }, rangeOf(root))).toEqual({ refused: 'correctionSplitWhere' });
    expect(correctionFor(root, caretAt(root, 'Ratify'), { command: 'split', n: 1 }, rangeOf(root))).toEqual({ refused: 'correctionSplitWhere' });
  });
});
