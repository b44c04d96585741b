// Wrapping range text in <upr-hl> elements and taking them out again, leaving the page's DOM as it was:
// text nodes we split are merged back; text nodes that were separate stay separate.

import { isElement, isText, nextInOrder, nextSkippingChildren } from './dom-order.ts';
import { HIGHLIGHT_ATTR, HIGHLIGHT_TAG, createHighlightElement } from './highlight-style.ts';
import { drain, NODES_PER_STEP, type Steps } from '@/utils/steps';

/** Mark our own UI (panel host, toolbars) with this attribute and highlights will never be placed inside it. */
export const OWN_UI_ATTR = 'data-upr-ui';

const XHTML_NS = 'http://www.w3.org/1999/xhtml';

// Raw-text and replaced elements: an element inside them is either not rendered or changes what they mean.
const FORBIDDEN_TAGS = new Set([
  'script', 'style', 'textarea', 'noscript', 'template', 'title', 'select', 'option', 'optgroup',
  'iframe', 'object', 'canvas', 'video', 'audio',
]);

/**
 * Text nodes created by our splits. Only these are merged back on removal, which is what keeps text nodes
 * that the page had as separate nodes separate. A node split off from another is always preceded, in its
 * own run of siblings, by a piece of the same original node, so "merge into the previous text sibling" is exact.
 */
const splitPieces = new WeakSet<Text>();

function isForbidden(el: Element): boolean {
  // SVG/MathML: an HTML element inside them would not render.
  if (el.namespaceURI !== XHTML_NS) return true;
  const name = el.localName;
  if (FORBIDDEN_TAGS.has(name)) return true;
  if (name !== HIGHLIGHT_TAG && name.startsWith('upr-')) return true;
  if (el.hasAttribute(OWN_UI_ATTR)) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

function outermostForbiddenAncestor(node: Node): Element | null {
  let found: Element | null = null;
  for (let el = node.parentElement; el; el = el.parentElement) if (isForbidden(el)) found = el;
  return found;
}

const hasVisibleText = (text: string): boolean => /\S/.test(text);

/** Computed here because a StaticRange, unlike a Range, does not offer commonAncestorContainer. */
function commonAncestor(a: Node, b: Node): Node | null {
  if (a === b) return a;
  const ancestorsOfA = new Set<Node>();
  for (let node: Node | null = a; node; node = node.parentNode) ancestorsOfA.add(node);
  for (let node: Node | null = b; node; node = node.parentNode) if (ancestorsOfA.has(node)) return node;
  return null;
}

/** A slice of one text node: what a highlight paints. */
export interface Segment {
  node: Text;
  start: number;
  end: number;
}

/**
 * The text slices of a range, in document order. The walk starts at the range's start and stops at its end,
 * so its cost is the size of the range, not of the page.
 */
export function rangeSegments(range: AbstractRange): Segment[] {
  return drain(rangeSegmentsInSteps(range));
}

/** rangeSegments in steps (utils/steps): a range over most of a 10 MB statement is not read in one task. */
export function* rangeSegmentsInSteps(range: AbstractRange): Steps<Segment[]> {
  const { startContainer, startOffset, endContainer, endOffset } = range;
  const root = commonAncestor(startContainer, endContainer);
  if (!root) return [];
  const startText = isText(startContainer) ? startContainer : null;
  const endText = isText(endContainer) ? endContainer : null;
  // For an element boundary, the first node outside the range.
  const stopNode = endText
    ? null
    : (endContainer.childNodes[endOffset] ?? nextSkippingChildren(endContainer, root));
  const endMarker: Node | null = endText ?? stopNode;

  let node: Node | null = startText
    ? startText
    : (startContainer.childNodes[startOffset] ?? nextSkippingChildren(startContainer, root));
  const forbidden = node ? outermostForbiddenAncestor(node) : null;
  if (forbidden) {
    if (forbidden.contains(root) || (endMarker && forbidden.contains(endMarker))) return [];
    node = nextSkippingChildren(forbidden, root);
  }

  const segments: Segment[] = [];
  let work = 0;
  while (node && node !== stopNode) {
    if (++work >= NODES_PER_STEP) {
      work = 0;
      yield;
    }
    if (isElement(node) && isForbidden(node)) {
      if (endMarker && node.contains(endMarker)) break;
      node = nextSkippingChildren(node, root);
      continue;
    }
    if (isText(node)) {
      const start = node === startText ? startOffset : 0;
      const end = node === endText ? endOffset : node.data.length;
      work += (end - start) >> 8;
      if (end > start && hasVisibleText(node.data.slice(start, end))) segments.push({ node, start, end });
      if (node === endText) break;
    }
    node = nextInOrder(node, root);
  }
  return segments;
}

/**
 * A range's text as it is, node by node: the page's own strings, held (nothing copied, even of a 10 MB statement).
 * Read as the highlighter reads it: text it never highlights (form fields, editable regions, SVG…) is left out.
 */
export type TextSnapshot = readonly Readonly<Segment & { data: string }>[];

/** A range's snapshot, read in steps (utils/steps). */
export function* snapshotTextInSteps(range: AbstractRange): Steps<TextSnapshot> {
  return (yield* rangeSegmentsInSteps(range)).map((segment) => ({ ...segment, data: segment.node.data }));
}

const wordsOf = (segments: readonly (Segment & { data?: string })[]) => segments.map(({ node, data, start, end }) => (data ?? node.data).slice(start, end)).join('');

/**
 * Whether `range` still holds the words it held in `was`: at once when they are in the same text nodes, unchanged;
 * else (the nodes split or joined since, as highlight elements are drawn and taken out) by the words themselves.
 */
export function hasSameText(range: AbstractRange, was: TextSnapshot): boolean {
  const now = rangeSegments(range);
  if (now.length === was.length && now.every(({ node }, i) => node === was[i]!.node && node.data === was[i]!.data)) return true;
  return wordsOf(now) === wordsOf(was);
}

function markSplit(node: Text): Text {
  splitPieces.add(node);
  return node;
}

/** Where the text of one original node now lives: its pieces, each with its offset in the original. */
type Pieces = { node: Text; base: number }[];

/**
 * Wrap [start, end) of an original text node that earlier highlights of the batch may already have split.
 * Offsets are taken before any change, so ranges sharing a node stay correct without relying on live-range
 * updates (which DOM implementations differ on).
 *
 * The text is never moved: the highlighted part and what follows are inserted after the node as new nodes, and
 * the node is shortened (possibly to an empty string; it stays, so restoring can give it its text back). Every
 * tree or text mutation makes the browser update each live Range in the document; removing a node (moving it
 * into the highlight would) is by far the costliest such update, inserting a new one is cheap. With the page's,
 * the extractor's and not-yet-collected ranges counted in the thousands, that was most of the highlighting time.
 * The price: a live range inside the highlighted text is clamped to where it started instead of following it.
 */
function wrapSegment(segment: Segment, pieces: Pieces, n: number, out: HTMLElement[]): void {
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const node = piece.node;
    const data = node.data;
    const from = Math.max(segment.start, piece.base) - piece.base;
    const to = Math.min(segment.end, piece.base + data.length) - piece.base;
    if (from >= to || !hasVisibleText(data.slice(from, to))) continue;
    const doc = node.ownerDocument;
    const middle = markSplit(doc.createTextNode(data.slice(from, to)));
    const el = createHighlightElement(doc, n);
    el.appendChild(middle);
    const parent = node.parentNode!;
    const next = node.nextSibling;
    // Inserted one by one: a DocumentFragment would cost a removal pass (emptying the fragment) per child.
    parent.insertBefore(el, next);
    const added: Pieces = [{ node: middle, base: piece.base + from }];
    if (to < data.length) {
      const right = markSplit(doc.createTextNode(data.slice(to)));
      parent.insertBefore(right, next);
      added.push({ node: right, base: piece.base + to });
    }
    node.deleteData(from, data.length - from);
    pieces.splice(i + 1, 0, ...added);
    i++;
    out.push(el);
  }
}

export interface HighlightRequest {
  /** A Range, or a StaticRange: not being live, it costs nothing while the DOM changes. */
  range: AbstractRange;
  /** The recommendation's 1-based order on the page. */
  n: number;
}

/**
 * Highlight many ranges at once; result[i] holds the elements of requests[i] in document order.
 * Prefer this to repeated highlightRange calls: all ranges are read before the DOM changes, so ranges that
 * share a text node never see each other's splits.
 */
export function highlightRanges(requests: HighlightRequest[]): HTMLElement[][] {
  return wrapSegments(requests.map(({ range, n }) => ({ segments: rangeSegments(range), n })));
}

/** Wrap planned segments (rangeSegments of each range, all read before any change) in highlight elements. */
export function wrapSegments(planned: readonly { segments: readonly Segment[]; n: number }[]): HTMLElement[][] {
  const piecesByNode = new Map<Text, Pieces>();
  return planned.map(({ segments, n }) => {
    const out: HTMLElement[] = [];
    for (const segment of segments) {
      let pieces = piecesByNode.get(segment.node);
      if (!pieces) {
        pieces = [{ node: segment.node, base: 0 }];
        piecesByNode.set(segment.node, pieces);
      }
      wrapSegment(segment, pieces, n, out);
    }
    return out;
  });
}

/**
 * Highlight one range. Highlighting shortens the text node it starts in, so another live range further into
 * that same node is clamped: for several ranges use highlightRanges (or go in reverse document order).
 */
export function highlightRange(range: AbstractRange, n: number): HTMLElement[] {
  return highlightRanges([{ range, n }])[0]!;
}

/** Merge split pieces from `from` up to and including `to` into the text node before each. */
function mergeSplitPieces(from: Node | null, to: Node | null): void {
  let node = from;
  while (node) {
    const next: Node | null = node.nextSibling;
    const previous = node.previousSibling;
    if (isText(node) && splitPieces.has(node) && isText(previous)) {
      previous.appendData(node.data);
      splitPieces.delete(node);
      node.parentNode!.removeChild(node);
    }
    if (node === to) break;
    node = next;
  }
}

function unwrap(el: HTMLElement): void {
  const parent = el.parentNode;
  if (!parent) return;
  const before = el.previousSibling;
  const after = el.nextSibling;
  const only = el.firstChild;
  // The usual case, a split piece alone in its element: fold its text into the piece before it directly
  // instead of moving it out first, which saves tree mutations (see wrapSegment on why they are costly).
  if (only && only === el.lastChild && isText(only) && splitPieces.has(only) && isText(before)) {
    before.appendData(only.data);
    splitPieces.delete(only);
    parent.removeChild(el);
    mergeSplitPieces(after, after);
    return;
  }
  const first = el.firstChild;
  const last = el.lastChild;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
  if (first) mergeSplitPieces(before ?? first, after ?? last);
  else mergeSplitPieces(after, after);
}

export function removeHighlights(root: Element | Document, highlights?: HTMLElement[]): void {
  const targets = highlights ?? Array.from(root.querySelectorAll<HTMLElement>(`${HIGHLIGHT_TAG}[${HIGHLIGHT_ATTR}]`));
  for (const el of targets) {
    if (el.localName === HIGHLIGHT_TAG && el.hasAttribute(HIGHLIGHT_ATTR)) unwrap(el);
  }
}
