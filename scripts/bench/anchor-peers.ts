// The anchoring libraries the bench compares, each given the same root and the same stored selectors, each
// answering one Range or null per selector. Runs in the page (bundled by scripts/bench.ts).
import { createTextQuoteSelectorMatcher } from '@apache-annotator/dom';
import { toRange } from 'dom-anchor-text-quote';
import { anchorSelectors, type RecSelector } from '../../utils/anchor';

export const LIBRARIES = ['ours', 'apacheAnnotator', 'domAnchorTextQuote'] as const;
export type Library = (typeof LIBRARIES)[number];

export const LIBRARY_LABELS: Record<Library, string> = {
  ours: 'utils/anchor anchorSelectors',
  apacheAnnotator: '@apache-annotator/dom 0.2.0 (text-quote matcher)',
  domAnchorTextQuote: 'dom-anchor-text-quote 4.0.2 (toRange with hint)',
};

type Anchor = (root: Element, selectors: RecSelector[]) => Promise<(Range | null)[]> | (Range | null)[];

/** Apache Annotator's matcher yields every exact prefix + quote + suffix occurrence; the first is its answer. */
async function anchorWithApacheAnnotator(root: Element, selectors: RecSelector[]): Promise<(Range | null)[]> {
  const ranges: (Range | null)[] = [];
  for (const { quote } of selectors) {
    const matches = createTextQuoteSelectorMatcher({ type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix })(root);
    const first = await matches.next();
    ranges.push(first.done ? null : first.value);
    await matches.return();
  }
  return ranges;
}

/** dom-anchor-text-quote's toRange, given the stored position as its hint (as Hypothesis used it). */
function anchorWithDomAnchorTextQuote(root: Element, selectors: RecSelector[]): (Range | null)[] {
  return selectors.map(({ quote, position }) => toRange(root, { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }, { hint: position.start }));
}

export const ANCHOR: Record<Library, Anchor> = {
  ours: anchorSelectors,
  apacheAnnotator: anchorWithApacheAnnotator,
  domAnchorTextQuote: anchorWithDomAnchorTextQuote,
};
