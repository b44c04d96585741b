// What one reading of a page places, and what stays an orphan. Extraction's finds come first, less the texts the
// user rejected; then the stored recommendations extraction did not find again (earlier visits, the user's own
// additions), anchored from their selectors where they land on text no other recommendation holds. Whatever the
// highlighter then refuses (no visible text outside forbidden elements) is not placed either: there is one orphan
// list, and it is what the capture reports, so nothing is stored as placed that the page does not show.
import { anchorSelectors, describeRanges } from './anchor.ts';
import { createHighlightLayer, type HighlightLayer } from './highlight-layer.ts';
import type { Painter } from './highlight-paint.ts';
import { rangeSegments, type Segment } from './highlighter.ts';
import { cachedTextIndex, cachedTextIndexInSteps } from './text-index.ts';
import type { RecSelector } from './types.ts';
import { drain, mapInSteps, type Steps } from '@/utils/steps';

/** Recommendations reconciled per step (their words folded, their selectors described). */
export const PLACED_PER_STEP = 500;

/** A recommendation stored for this page, as the annotator gets it back. */
export interface StoredOnPage {
  id: string;
  text: string;
  selector: RecSelector;
}

export interface Candidate {
  text: string;
  selector: RecSelector;
  range: Range;
  /** The stored record it is, when it was stored before (known by its words); null for a first reading. */
  id: string | null;
}

/** What one reading places (in page order, with each one's highlight segments) and the orphans. */
export interface Reconciled {
  candidates: Candidate[];
  orphans: string[];
  /** candidates[i]'s text as the highlighter reads it (rangeSegments): placing them is then drawing only. */
  segments: Segment[][];
}

export interface Placement {
  layer: HighlightLayer;
  /** Highlighted, in page order: recommendation n is placed[n - 1]. */
  placed: Candidate[];
  /** Ids of stored recommendations this reading could not show. */
  orphans: string[];
}

function overlaps(a: Range, b: Range): boolean {
  return a.compareBoundaryPoints(Range.START_TO_END, b) > 0 && b.compareBoundaryPoints(Range.START_TO_END, a) > 0;
}

/**
 * Candidates in page order, and the stored recommendations that found no place. `keyOf` folds a text to the form
 * in which two texts count as the same recommendation (and in which `rejected` is given).
 */
export function reconcile(
  root: Element,
  extracted: readonly { text: string; range: Range }[],
  stored: readonly StoredOnPage[],
  rejected: readonly string[],
  keyOf: (text: string) => string,
): Reconciled {
  return drain(reconcileInSteps(root, extracted, stored, rejected, keyOf));
}

/** reconcile in steps of PLACED_PER_STEP recommendations (utils/steps). */
export function* reconcileInSteps(
  root: Element,
  extracted: readonly { text: string; range: Range }[],
  stored: readonly StoredOnPage[],
  rejected: readonly string[],
  keyOf: (text: string) => string,
): Steps<Reconciled> {
  const refused = new Set(rejected);
  const storedKeys = yield* mapInSteps(stored, PLACED_PER_STEP, (s) => keyOf(s.text));
  const storedId = new Map(stored.map((s, i) => [storedKeys[i]!, s.id]));
  // Each text folded once (NFKC and the rest, 10,000 times on a long list).
  const extractedKeys = yield* mapInSteps(extracted, PLACED_PER_STEP, (r) => keyOf(r.text));
  const keptKeys = extractedKeys.filter((key) => !refused.has(key));
  const kept = extracted.filter((_, i) => !refused.has(extractedKeys[i]!));
  yield;
  // One text index for the reading (a 10 MB page's text is copied once): describing, anchoring the stored ones and
  // the passages offered share it, and it is built again only if the page changed meanwhile.
  const index = yield* cachedTextIndexInSteps(root);
  yield;
  const selectors: RecSelector[] = [];
  for (let start = 0; start < kept.length; start += PLACED_PER_STEP) {
    if (start > 0) yield;
    selectors.push(...describeRanges(root, kept.slice(start, start + PLACED_PER_STEP).map((r) => r.range), index));
  }
  yield;
  const candidates: Candidate[] = kept.map((r, i) => ({ text: r.text, selector: selectors[i]!, range: r.range, id: storedId.get(keptKeys[i]!) ?? null }));

  const seen = new Set(keptKeys);
  const missing = stored.filter((_, i) => !seen.has(storedKeys[i]!) && !refused.has(storedKeys[i]!));
  const found = missing.length === 0 ? [] : anchorSelectors(root, missing.map((m) => m.selector), index);
  const orphans: string[] = [];
  missing.forEach((m, i) => {
    const range = found[i];
    if (range && !candidates.some((c) => overlaps(c.range, range))) candidates.push({ text: m.text, selector: m.selector, range, id: m.id });
    else orphans.push(m.id);
  });
  candidates.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  // In steps too (10,000 of them were one long task of placing).
  yield;
  const segments = yield* mapInSteps(candidates, PLACED_PER_STEP, (c) => rangeSegments(c.range));
  return { candidates, orphans, segments };
}

/** Reconciles, then highlights: the returned layer shows `placed`, numbered 1… in page order. */
export function placeRecommendations(
  doc: Document,
  root: Element,
  extracted: readonly { text: string; range: Range }[],
  stored: readonly StoredOnPage[],
  rejected: readonly string[],
  keyOf: (text: string) => string,
): Placement {
  return placeReconciled(doc, root, reconcile(root, extracted, stored, rejected, keyOf));
}

/**
 * Highlights what reconcile(InSteps) found: the returned layer shows `placed`, numbered 1… in page order. `preview`:
 * highlights painted ahead of it (paintPreview), replaced by these.
 */
export function placeReconciled(doc: Document, root: Element, { candidates, orphans, segments }: Reconciled, preview?: Painter | null): Placement {
  const layer = createHighlightLayer(doc, root, preview ? { painter: preview } : {});
  const refused = new Set(layer.place(candidates, segments));
  const placed = candidates.filter((_, i) => !refused.has(i));
  for (const i of refused) {
    const id = candidates[i]!.id;
    // A first reading's text the page cannot show is not stored at all: there is no record yet to keep as an orphan.
    if (id !== null) orphans.push(id);
  }
  return { layer, placed, orphans };
}

/**
 * Where extraction found nothing: the passages likeliest to be recommendations that the panel may offer — not one
 * that overlaps a placed recommendation, nor one the user said is not a recommendation — with their selectors.
 */
export function offeredPassages(
  root: Element,
  passages: readonly { text: string; range: Range }[],
  placed: readonly { range: Range }[],
  rejected: readonly string[],
  keyOf: (text: string) => string,
): { text: string; selector: RecSelector }[] {
  const refused = new Set(rejected);
  const kept = passages.filter((c) => !placed.some((p) => overlaps(p.range, c.range)) && !refused.has(keyOf(c.text)));
  const selectors = kept.length === 0 ? [] : describeRanges(root, kept.map((c) => c.range), cachedTextIndex(root));
  return kept.map((c, i) => ({ text: c.text, selector: selectors[i]! }));
}
