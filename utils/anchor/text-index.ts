// The text of a root as one string plus a map from string offsets back to text nodes.
// Built once per batch so that anchoring many selectors costs one tree walk, not one per selector.

import {
  DOCUMENT_POSITION_CONTAINED_BY,
  DOCUMENT_POSITION_FOLLOWING,
  SHOW_TEXT,
  isText,
  nextInOrder,
  nextSkippingChildren,
} from './dom-order.ts';
import { drain, type Steps } from '@/utils/steps';

export interface TextIndex {
  root: Element;
  /** Equal to root.textContent: offsets in stored TextPositionSelectors refer to it. */
  text: string;
  nodes: Text[];
  /** starts[i] = offset of nodes[i] in text; ascending. */
  starts: number[];
  /** nodes[i] → i, built on first use because only describing needs it. */
  positions?: Map<Text, number>;
}

export function buildTextIndex(root: Element): TextIndex {
  return drain(textIndexInSteps(root));
}

/** Characters of text (or text nodes, a 256th of a step each) buildTextIndex reads per step. */
const INDEX_CHARS_PER_STEP = 1 << 20;

/** buildTextIndex in steps of about INDEX_CHARS_PER_STEP characters (utils/steps). */
function* textIndexInSteps(root: Element): Steps<TextIndex> {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let offset = 0;
  let work = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    // Read once: each read of a node's data is a copy of its text into this world.
    const data = text.data;
    nodes.push(text);
    starts.push(offset);
    parts.push(data);
    offset += data.length;
    work += data.length + 256;
    if (work >= INDEX_CHARS_PER_STEP) {
      work = 0;
      yield;
    }
  }
  return { root, text: parts.join(''), nodes, starts };
}

interface CachedIndex {
  index: TextIndex;
  observer: MutationObserver | null;
  stale: boolean;
}

const cache = new WeakMap<Element, CachedIndex>();
/** What changes a root's text: its text and its structure. */
const WATCHED: MutationObserverInit = { subtree: true, childList: true, characterData: true };

/**
 * Keeps index as root's current index: a MutationObserver marks it stale on any change of text or structure
 * under root (our own highlight splits included), and takeRecords() catches changes made since its last
 * delivery, so a stale index is never handed out.
 */
function rememberTextIndex(root: Element, index: TextIndex): void {
  const entry = cache.get(root);
  if (entry) {
    entry.observer?.takeRecords();
    entry.index = index;
    entry.stale = false;
    return;
  }
  const win = root.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const Observer = win?.MutationObserver ?? globalThis.MutationObserver;
  const created: CachedIndex = { index, observer: null, stale: false };
  if (Observer) {
    created.observer = new Observer(() => {
      created.stale = true;
    });
    created.observer.observe(root, WATCHED);
  }
  cache.set(root, created);
}

/** root's text index, built again only if the DOM under root changed since it was built (see rememberTextIndex). */
export function cachedTextIndex(root: Element): TextIndex {
  return drain(cachedTextIndexInSteps(root));
}

/**
 * cachedTextIndex in steps: an index built while the page changed during a pause is handed out (the caller watches
 * the page itself, see utils/steps runWatched) but not remembered.
 */
export function* cachedTextIndexInSteps(root: Element): Steps<TextIndex> {
  const entry = cache.get(root);
  if (entry?.observer && !entry.stale && entry.observer.takeRecords().length === 0) return entry.index;
  const Observer = root.ownerDocument.defaultView?.MutationObserver;
  let changed = false;
  const watch = Observer ? new Observer(() => (changed = true)) : null;
  watch?.observe(root, WATCHED);
  const index = yield* textIndexInSteps(root);
  if (!changed && !watch?.takeRecords().length) rememberTextIndex(root, index);
  watch?.disconnect();
  return index;
}

/** Index of the last node whose start is <= offset (or -1). */
function lastNodeStartingAtOrBefore(index: TextIndex, offset: number): number {
  let lo = 0;
  let hi = index.starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (index.starts[mid]! <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * A boundary point for a text offset. A start is placed at the beginning of the following node rather than
 * the end of the previous one (and the reverse for an end) so that the range never begins or ends with an
 * empty slice of a neighbouring node, which would make the highlighter split that node for nothing.
 */
function pointAt(index: TextIndex, offset: number, isEnd: boolean): [Text, number] | null {
  const { nodes, starts } = index;
  if (nodes.length === 0) return null;
  let i = lastNodeStartingAtOrBefore(index, offset);
  if (i < 0) i = 0;
  if (isEnd) {
    // Walk back over nodes that start exactly at offset (and empty ones) so the end lands inside text before it.
    while (i > 0 && starts[i]! >= offset) i--;
  } else {
    while (i < nodes.length - 1 && offset >= starts[i]! + nodes[i]!.data.length) i++;
  }
  const node = nodes[i]!;
  const local = Math.max(0, Math.min(node.data.length, offset - starts[i]!));
  return [node, local];
}

export function rangeFromOffsets(index: TextIndex, start: number, end: number): Range | null {
  if (start < 0 || end > index.text.length || start >= end) return null;
  const startPoint = pointAt(index, start, false);
  const endPoint = pointAt(index, end, true);
  if (!startPoint || !endPoint) return null;
  const range = index.root.ownerDocument.createRange();
  range.setStart(startPoint[0], startPoint[1]);
  range.setEnd(endPoint[0], endPoint[1]);
  return range;
}

/**
 * Text offset of a DOM boundary point. An element boundary (e.g. from selectNodeContents) stands for the text
 * that follows it, found by stepping forward from the point: usually one or two steps, where ordering the point
 * against the indexed nodes would compare it with every sibling on the way.
 */
export function offsetOfPoint(index: TextIndex, container: Node, offset: number): number {
  index.positions ??= new Map(index.nodes.map((node, i) => [node, i]));
  const { positions, root } = index;
  if (isText(container)) {
    const i = positions.get(container);
    if (i !== undefined) return index.starts[i]! + Math.min(offset, container.data.length);
  } else if (container === root || root.contains(container)) {
    let node: Node | null = container.childNodes[offset] ?? nextSkippingChildren(container, root);
    while (node && !isText(node)) node = nextInOrder(node, root);
    if (!node) return index.text.length;
    const i = positions.get(node);
    if (i !== undefined) return index.starts[i]!;
  }
  return offsetOfOutsidePoint(index, container, offset);
}

/** A point outside root (or in a node added since indexing): the offset of the first indexed text after it. */
function offsetOfOutsidePoint(index: TextIndex, container: Node, offset: number): number {
  const ref = isText(container) ? null : (container.childNodes[offset] ?? null);
  const isAtOrAfterPoint = (node: Text): boolean => {
    if (ref) {
      if (node === ref) return true;
      const pos = ref.compareDocumentPosition(node);
      return (pos & DOCUMENT_POSITION_CONTAINED_BY) !== 0 || (pos & DOCUMENT_POSITION_FOLLOWING) !== 0;
    }
    const pos = container.compareDocumentPosition(node);
    return (pos & DOCUMENT_POSITION_FOLLOWING) !== 0 && (pos & DOCUMENT_POSITION_CONTAINED_BY) === 0;
  };
  let lo = 0;
  let hi = index.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isAtOrAfterPoint(index.nodes[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo < index.nodes.length ? index.starts[lo]! : index.text.length;
}

/** Whether the text at offset lies in a node whose text is never rendered as page text. */
export function isHiddenOffset(index: TextIndex, offset: number): boolean {
  const i = lastNodeStartingAtOrBefore(index, offset);
  const parent = i >= 0 ? index.nodes[i]!.parentElement : null;
  return parent !== null && RAW_TEXT_PARENTS.has(parent.localName);
}

const RAW_TEXT_PARENTS = new Set(['script', 'style', 'textarea', 'noscript', 'template', 'title']);
