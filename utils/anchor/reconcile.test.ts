// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { runWatched } from '@/utils/steps';
import { describeRanges, HIGHLIGHT_ATTR, highlightsOf, placeReconciled, placeRecommendations, reconcile, reconcileInSteps, type StoredOnPage } from './index.ts';
import { rangeOfText } from './anchor.test-support.ts';

const keyOf = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

function mount(html: string): HTMLElement {
  document.body.innerHTML = `<main>${html}</main>`;
  return document.querySelector('main')!;
}

const PAGE = '<p>Ratify the Convention against Torture.</p><p>Adopt a national plan on housing.</p><p>Abolish the death penalty.</p>';
const found = (root: Element, text: string) => ({ text, range: rangeOfText(root, text) });
const storedAt = (root: Element, id: string, text: string): StoredOnPage => ({ id, text, selector: describeRanges(root, [rangeOfText(root, text)])[0]! });

describe('reconcile', () => {
  it('keeps what extraction found, adds the stored ones it did not find again, in page order, with their ids', () => {
    const root = mount(PAGE);
    const added = storedAt(root, 'r-added', 'Adopt a national plan on housing.');
    const known = storedAt(root, 'r-known', 'Abolish the death penalty.');
    const { candidates, orphans } = reconcile(root, [found(root, 'Ratify the Convention against Torture.'), found(root, 'Abolish the death penalty.')], [added, known], [], keyOf);
    expect(candidates.map((c) => [c.text, c.id])).toEqual([
      ['Ratify the Convention against Torture.', null],
      ['Adopt a national plan on housing.', 'r-added'],
      ['Abolish the death penalty.', 'r-known'],
    ]);
    expect(orphans).toEqual([]);
  });

  it('leaves out rejected texts, found or stored, and orphans a stored one that overlaps a find or is gone', () => {
    // Stored on an earlier visit, when the page still asked to close the camps.
    const gone = storedAt(mount('<p>Close the detention camps on the islands.</p>'), 'r-gone', 'Close the detention camps on the islands.');
    const root = mount(PAGE);
    const rejected = storedAt(root, 'r-rejected', 'Abolish the death penalty.');
    const overlapping = storedAt(root, 'r-overlap', 'national plan');
    const { candidates, orphans } = reconcile(
      root,
      [found(root, 'Adopt a national plan on housing.'), found(root, 'Abolish the death penalty.')],
      [rejected, overlapping, gone],
      [keyOf('ABOLISH the death penalty.')],
      keyOf,
    );
    expect(candidates.map((c) => c.text)).toEqual(['Adopt a national plan on housing.']);
    expect(orphans).toEqual(['r-overlap', 'r-gone']);
  });
});

describe('placeRecommendations', () => {
  it('reports a range the highlighter refuses as an orphan, not placed, and numbers the rest without a gap', () => {
    const root = mount(`<p contenteditable="true">Ratify the Convention against Torture.</p><p>Adopt a national plan on housing.</p>`);
    const stored = [storedAt(root, 'r-editable', 'Ratify the Convention against Torture.')];
    const { layer, placed, orphans } = placeRecommendations(
      document,
      root,
      [found(root, 'Ratify the Convention against Torture.'), found(root, 'Adopt a national plan on housing.')],
      stored,
      [],
      keyOf,
    );
    expect(placed.map((p) => p.text)).toEqual(['Adopt a national plan on housing.']);
    expect(orphans).toEqual(['r-editable']);
    expect(highlightsOf(1, root).map((el) => el.textContent).join('')).toBe('Adopt a national plan on housing.');
    expect(root.querySelectorAll(`[${HIGHLIGHT_ATTR}="2"]`)).toHaveLength(0);
    expect(layer.has(1) && !layer.has(2)).toBe(true);
    expect(layer.step(1)).toBe(1);
  });

  it('stores nothing for a first reading the page cannot show', () => {
    const root = mount(`<p contenteditable="true">Ratify the Convention against Torture.</p>`);
    const { placed, orphans } = placeRecommendations(document, root, [found(root, 'Ratify the Convention against Torture.')], [], [], keyOf);
    expect(placed).toEqual([]);
    expect(orphans).toEqual([]);
  });
});

describe('reconcile in steps', () => {
  const items = (count: number) => Array.from({ length: count }, (_, i) => `<p>Guarantee the right to education in district ${i + 1}.</p>`).join('');
  const finds = (root: Element) =>
    [...root.querySelectorAll('p')].map((p) => {
      const range = document.createRange();
      range.selectNodeContents(p.firstChild!);
      return { text: p.textContent!, range };
    });

  it('places a list of 1,200 in several tasks, every one where reconcile in one go puts it', async () => {
    const root = mount(items(1_200));
    const extracted = finds(root);
    let pauses = 0;
    const stepped = await runWatched(reconcileInSteps(root, extracted, [], [], keyOf), root, async () => void pauses++);
    // At least one pause per thousand recommendations folded, and per thousand described.
    expect(pauses).toBeGreaterThanOrEqual(4);
    const whole = reconcile(root, extracted, [], [], keyOf);
    expect(stepped!.value.candidates.map((c) => [c.text, c.selector])).toEqual(whole.candidates.map((c) => [c.text, c.selector]));
    expect(stepped!.value.candidates).toHaveLength(1_200);
  });

  it('reads where each highlight goes in its steps too: placing 1,200 then only draws what they read', async () => {
    const root = mount(items(1_200));
    const stepped = await runWatched(reconcileInSteps(root, finds(root), [], [], keyOf), root, async () => {});
    // Placing reads no range again (on 10,000 recommendations that reading was one long task): what it draws is what
    // the steps read, even from ranges emptied since.
    for (const candidate of stepped!.value.candidates) candidate.range.collapse(true);
    const { placed } = placeReconciled(document, root, stepped!.value);
    expect(placed).toHaveLength(1_200);
    expect(highlightsOf(1_200, root).map((el) => el.textContent).join('')).toBe('Guarantee the right to education in district 1200.');
  });

  it('stops when the page changes between two steps, so the annotator reads it again instead of placing stale words', async () => {
    const root = mount(items(1_200));
    const extracted = finds(root);
    let pauses = 0;
    const stepped = await runWatched(reconcileInSteps(root, extracted, [], [], keyOf), root, async () => {
      if (pauses++ === 1) root.querySelector('p')!.textContent = 'Ratify the Optional Protocol without delay.';
    });
    expect(stepped).toBeNull();
  });
});
