// The page-side half of a manual correction: the ranges and texts only the page has. Adding takes the selected
// words; merging joins recommendation n and n + 1; splitting cuts n where the selection (a caret is enough) starts.
// What cannot be done on the page as it is comes back as the reason, a message key of the catalogue.
import { describeRanges } from './anchor.ts';
import type { RecSelector } from './types.ts';

export type CorrectionCommand = { command: 'add-selection' } | { command: 'merge' | 'split'; n: number };
export type Refusal = { refused: 'correctionNoSelection' | 'correctionSelectionOutside' | 'correctionSplitWhere' };
export type Correction = { add: { text: string; selector: RecSelector }[]; reject: string[] };

/**
 * `selection`: the page selection's first range, or null. `rangeOf(n)`: recommendation n's range on the page, null
 * when it has no highlight. Null when there is nothing to do (no highlight for n, or no n + 1 to merge with).
 */
export function correctionFor(
  root: Element,
  selection: Range | null,
  command: CorrectionCommand,
  rangeOf: (n: number) => Range | null,
): Correction | Refusal | null {
  const doc = root.ownerDocument;
  const selected = selection && !selection.collapsed ? selection : null;
  const describe = (range: Range) => ({ text: range.toString().replace(/\s+/g, ' ').trim(), selector: describeRanges(root, [range])[0]! });
  if (command.command === 'add-selection') {
    if (!selected) return { refused: 'correctionNoSelection' };
    if (!root.contains(selected.commonAncestorContainer)) return { refused: 'correctionSelectionOutside' };
    const item = describe(selected);
    return item.text ? { add: [item], reject: [] } : { refused: 'correctionNoSelection' };
  }
  const { n } = command;
  const range = rangeOf(n);
  if (!range) return null; // no highlight for it on the page (hidden, or gone meanwhile)
  if (command.command === 'merge') {
    const next = rangeOf(n + 1);
    if (!next) return null;
    const merged = doc.createRange();
    merged.setStart(range.startContainer, range.startOffset);
    merged.setEnd(next.endContainer, next.endOffset);
    // The record's words are the two recommendations' own words, one space between: not what lies between
    // them on the page (a list number such as "2.", or no space at all between two paragraphs).
    const text = `${describe(range).text} ${describe(next).text}`;
    return { add: [{ text, selector: describe(merged).selector }], reject: [range.toString(), next.toString()] };
  }
  // Split where the selection starts, inside the recommendation.
  if (!selection || range.comparePoint(selection.startContainer, selection.startOffset) !== 0) return { refused: 'correctionSplitWhere' };
  const first = doc.createRange();
  first.setStart(range.startContainer, range.startOffset);
  first.setEnd(selection.startContainer, selection.startOffset);
  const second = doc.createRange();
  second.setStart(selection.startContainer, selection.startOffset);
  second.setEnd(range.endContainer, range.endOffset);
  const parts = [describe(first), describe(second)].filter((p) => p.text);
  return parts.length === 2 ? { add: parts, reject: [range.toString()] } : { refused: 'correctionSplitWhere' };
}
