// Wrapping range text in <upr-hl> elements and taking them out again, leaving the page's DOM as it was:
// text nodes we split are merged back; text nodes that were separate stay separate.

import { isElement, isText, nextInOrder, nextSkippingChildren } from './dom-order.ts';
import { HIGHLIGHT_ATTR, HIGHLIGHT_TAG, applyBaseStyle } from './highlight-style.ts';

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

interface Segment {
  node: Text;
  start: number;
  end: number;
}

/**
 * The text slices of a range, in document order. The walk starts at the range's start and stops at its end,
 * so its cost is the size of the range, not of the page.
 */
function rangeSegments(range: Range): Segment[] {
  const root = range.commonAncestorContainer;
  const { startContainer, startOffset, endContainer, endOffset } = range;
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
  while (node && node !== stopNode) {
    if (isElement(node) && isForbidden(node)) {
      if (endMarker && node.contains(endMarker)) break;
      node = nextSkippingChildren(node, root);
      continue;
    }
    if (isText(node)) {
      const start = node === startText ? startOffset : 0;
      const end = node === endText ? endOffset : node.data.length;
      if (end > start && hasVisibleText(node.data.slice(start, end))) segments.push({ node, start, end });
      if (node === endText) break;
    }
    node = nextInOrder(node, root);
  }
  return segments;
}

function wrap(target: Text, n: number): HTMLElement {
  const el = target.ownerDocument.createElement(HIGHLIGHT_TAG);
  el.setAttribute(HIGHLIGHT_ATTR, String(n));
  applyBaseStyle(el);
  target.parentNode!.insertBefore(el, target);
  el.appendChild(target);
  return el;
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
 */
function wrapSegment(segment: Segment, pieces: Pieces, n: number, out: HTMLElement[]): void {
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const pieceStart = piece.base;
    const pieceEnd = piece.base + piece.node.data.length;
    const start = Math.max(segment.start, pieceStart);
    const end = Math.min(segment.end, pieceEnd);
    if (start >= end) continue;
    if (!hasVisibleText(piece.node.data.slice(start - pieceStart, end - pieceStart))) continue;
    let target = piece.node;
    if (end < pieceEnd) {
      pieces.splice(i + 1, 0, { node: markSplit(target.splitText(end - pieceStart)), base: end });
    }
    if (start > pieceStart) {
      target = markSplit(target.splitText(start - pieceStart));
      pieces.splice(i + 1, 0, { node: target, base: start });
      i++;
    }
    out.push(wrap(target, n));
  }
}

export interface HighlightRequest {
  range: Range;
  /** The recommendation's 1-based order on the page. */
  n: number;
}

/**
 * Highlight many ranges at once; result[i] holds the elements of requests[i] in document order.
 * Prefer this to repeated highlightRange calls: all ranges are read before the DOM changes, so ranges that
 * share a text node never see each other's splits.
 */
export function highlightRanges(requests: HighlightRequest[]): HTMLElement[][] {
  const planned = requests.map(({ range }) => rangeSegments(range));
  const piecesByNode = new Map<Text, Pieces>();
  return planned.map((segments, i) => {
    const n = requests[i]!.n;
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

export function highlightRange(range: Range, n: number): HTMLElement[] {
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
  const first = el.firstChild;
  const last = el.lastChild;
  const before = el.previousSibling;
  const after = el.nextSibling;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
  if (first) mergeSplitPieces(before ?? first, after ?? last);
  else if (isText(after)) mergeSplitPieces(after, after);
}

export function removeHighlights(root: Element | Document, highlights?: HTMLElement[]): void {
  const targets = highlights ?? Array.from(root.querySelectorAll<HTMLElement>(`${HIGHLIGHT_TAG}[${HIGHLIGHT_ATTR}]`));
  for (const el of targets) {
    if (el.localName === HIGHLIGHT_TAG && el.hasAttribute(HIGHLIGHT_ATTR)) unwrap(el);
  }
}
