// Painting highlights with the CSS Custom Highlight API (Chromium ≥ 105, Firefox ≥ 140): the browser paints ranges
// named in the document's highlight registry, styled by `::highlight(name)` rules in an adopted stylesheet, so the
// page's DOM is never written — a MutationObserver sees nothing when recommendations are highlighted, selected,
// flashed or marked as noted. One range per recommendation, from its first visible character to its last.
//
// On a long page (more than WINDOW_THRESHOLD recommendations) only the ranges near the viewport are registered, kept
// so as the reader scrolls (highlight-window.ts): the browser's cost of highlights grows with the ranges registered.
//
// What a page can still learn: the registry is per document and enumerable (CSS.highlights.keys()), so a page can
// list our highlights' names (random per document) and read their ranges — which text is highlighted, which one is
// selected, which carry notes — and could delete them. It cannot tell them from the DOM or from events.
import { adoptSheet, canAdoptSheets, unguessableName, type AdoptedSheet } from './highlight-sheet.ts';
import type { Segment } from './highlighter.ts';
import { FLASH_MS, type HighlightState } from './highlight-style.ts';
import { EMPTY_SPAN, nextSpan, WINDOW_THRESHOLD, type Extent, type Span } from './highlight-window.ts';

/**
 * Each highlight's priority: where they overlap, the higher one paints on top. Also how a test (or anything reading
 * the registry) tells them apart: the names are random.
 */
export const HIGHLIGHT_PRIORITY = { all: 0, noted: 1, selected: 2, flash: 3 } as const;
type Role = keyof typeof HIGHLIGHT_PRIORITY;
const ROLES = Object.keys(HIGHLIGHT_PRIORITY) as Role[];

// Black on yellow reads the same on light and dark themes. ::highlight() takes colours and decorations only: the
// selected one is darker and underlined, a noted one has a dotted blue underline.
const STYLES: Record<Role, string> = {
  all: 'background-color: #ffe066 !important; color: #000 !important;',
  noted: 'text-decoration: underline dotted #1d4f91 2px !important; text-underline-offset: 3px !important;',
  selected: 'background-color: #ffc233 !important; color: #000 !important; text-decoration: underline solid #000 2px !important; text-underline-offset: 3px !important;',
  flash: 'background-color: #ff9f1c !important; color: #000 !important;',
};

type HighlightWindow = Window & typeof globalThis & { CSS: { highlights?: HighlightRegistry }; Highlight?: typeof Highlight; StaticRange?: typeof StaticRange };

/** Whether doc can show highlights without elements: the Highlight API and constructed stylesheets. */
export function canPaintHighlights(doc: Document): boolean {
  const win = doc.defaultView as HighlightWindow | null;
  return Boolean(win?.CSS?.highlights && typeof win.Highlight === 'function' && typeof win.StaticRange === 'function' && canAdoptSheets(doc));
}

/** What the layer asks of a way of drawing highlights (elements, or the Highlight API). */
export interface Painter {
  /** Draws the items (in page order, numbered), added to what is drawn. */
  paint(items: readonly { segments: readonly Segment[]; n: number }[]): void;
  /** Removes every highlight drawn. */
  clear(): void;
  /**
   * Removes every highlight drawn, ready to draw others at once: the Highlight API's style stays adopted (taking it out
   * and in again would restyle the whole page).
   */
  reset(): void;
  paintState(n: number, state: HighlightState): void;
  /** Marks the recommendations that carry a note (nothing where a mark would be in the page's DOM). */
  markNoted(ns: ReadonlySet<number>): void;
  /** Recommendation n's text on the page, from its first highlighted character to its last. */
  rangeOf(n: number): Range | null;
  /** The recommendation a click landed on, if any. */
  hit(event: MouseEvent): number | null;
  /** Whether every drawn highlight is still on its text inside root. */
  inPlace(root: Element): boolean;
  /** Scrolls recommendation n to the middle of the window. */
  scrollTo(n: number): void;
  /** Gives the keyboard back to the page at recommendation n; false if it is not drawn. */
  focusAt(n: number): boolean;
}

interface Painted {
  n: number;
  range: StaticRange;
}

const inside = (rect: DOMRect, x: number, y: number) => x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1;

/** Where a caret would go at (x, y): the standard call, or Chromium's older one. */
function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const at = doc.caretPositionFromPoint(x, y);
    return at ? { node: at.offsetNode, offset: at.offset } : null;
  }
  const legacy = (doc as Document & { caretRangeFromPoint?(x: number, y: number): Range | null }).caretRangeFromPoint?.(x, y);
  return legacy ? { node: legacy.startContainer, offset: legacy.startOffset } : null;
}

/** The last element before `node` in document order (or containing it) that Tab stops at, if any. */
function lastFocusableBefore(doc: Document, node: Node): HTMLElement | null {
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_ELEMENT);
  walker.currentNode = node;
  for (let el = walker.previousNode(); el; el = walker.previousNode()) {
    const candidate = el as HTMLElement;
    if (candidate.tabIndex >= 0 && typeof candidate.focus === 'function' && !candidate.matches(':disabled') && candidate.getClientRects().length > 0) return candidate;
  }
  return null;
}

interface HighlightStyle {
  names: Record<Role, string>;
  css: string;
  sheet: AdoptedSheet;
}

// Adopting ::highlight rules restyles every element of the document (they match all of them), ranges or none: 77 ms
// idle on a 10,000-recommendation page after its first layout (a sheet of one class rule: 2 ms).
function newHighlightStyle(doc: Document): HighlightStyle | null {
  const names = Object.fromEntries(ROLES.map((role) => [role, unguessableName()])) as Record<Role, string>;
  const css = ROLES.map((role) => `::highlight(${names[role]}) { ${STYLES[role]} }`).join('\n');
  const sheet = adoptSheet(doc, css);
  return sheet ? { names, css, sheet } : null;
}

/** Painter on the Highlight API; null where doc lacks it (the caller draws elements instead). */
export function createHighlightPainter(doc: Document): Painter | null {
  if (!canPaintHighlights(doc)) return null;
  const win = doc.defaultView as HighlightWindow;
  const registry = win.CSS.highlights!;
  // Adopted now to know it can be: a content-script world that cannot hand the page a sheet draws elements instead.
  const style = newHighlightStyle(doc);
  if (!style) return null;
  const { names, css } = style;
  let sheet: AdoptedSheet | null = style.sheet;
  const highlights = Object.fromEntries(
    ROLES.map((role) => {
      const highlight = new win.Highlight!();
      highlight.priority = HIGHLIGHT_PRIORITY[role];
      return [role, highlight];
    }),
  ) as Record<Role, Highlight>;
  // In page order (the numbering's order), for the binary search of a click.
  let painted: Painted[] = [];
  const byN = new Map<number, StaticRange>();
  const indexOf = new Map<number, number>();
  // Long pages: the indexes of `painted` registered now (all of them on short pages).
  let windowed = false;
  let shown: Span = EMPTY_SPAN;
  let noted: ReadonlySet<number> = new Set();
  const flashTimers = new Map<number, ReturnType<typeof setTimeout>>();
  const scratch = doc.createRange();

  const register = () => {
    sheet ??= adoptSheet(doc, css);
    for (const role of ROLES) if (registry.get(names[role]) !== highlights[role]) registry.set(names[role], highlights[role]);
  };
  const liveRange = (range: AbstractRange): Range | null => {
    const live = doc.createRange();
    try {
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      return live;
    } catch {
      return null; // its text changed under it
    }
  };
  const inView = (i: number | undefined) => i !== undefined && (!windowed || (i >= shown.from && i < shown.to));
  const paintNoted = () => {
    highlights.noted.clear();
    for (const n of noted) {
      const i = indexOf.get(n);
      if (inView(i)) highlights.noted.add(painted[i!]!.range);
    }
  };

  // The window of a long page, moved as the reader scrolls (in any scrolling box), resizes or the page reflows.
  const probe = doc.createRange();
  const extentAt = (i: number): Extent | null => {
    const { range } = painted[i]!;
    try {
      probe.setStart(range.startContainer, range.startOffset);
      probe.setEnd(range.endContainer, range.endOffset);
    } catch {
      return null; // its text changed under it
    }
    const rect = probe.getBoundingClientRect();
    return rect.width === 0 && rect.height === 0 ? null : { top: rect.top, bottom: rect.bottom };
  };
  const moveWindow = () => {
    const next = nextSpan(painted.length, extentAt, win.innerHeight, shown);
    if (!next) return;
    for (let i = shown.from; i < shown.to; i++) if (i < next.from || i >= next.to) highlights.all.delete(painted[i]!.range);
    for (let i = next.from; i < next.to; i++) if (i < shown.from || i >= shown.to) highlights.all.add(painted[i]!.range);
    shown = next;
    paintNoted();
  };
  let frame = 0;
  const scheduleMove = () => {
    if (frame === 0) frame = win.requestAnimationFrame(() => ((frame = 0), moveWindow()));
  };
  let resized: ResizeObserver | null = null;
  const listen = (on: boolean) => {
    const method = on ? 'addEventListener' : 'removeEventListener';
    // Capture: a scrolling box's scroll event does not bubble to the document.
    doc[method]('scroll', scheduleMove, { capture: true, passive: true } as AddEventListenerOptions);
    win[method]('resize', scheduleMove, { passive: true } as AddEventListenerOptions);
    resized?.disconnect();
    resized = null;
    if (on && typeof win.ResizeObserver === 'function') {
      resized = new win.ResizeObserver(scheduleMove);
      resized.observe(doc.body ?? doc.documentElement);
    }
    if (!on && frame !== 0) {
      win.cancelAnimationFrame(frame);
      frame = 0;
    }
  };
  // Where the point (node, offset) is against the start of painted[i]: -1 before, 0 at, 1 after.
  const compareToStart = (i: number, node: Node, offset: number): number => {
    const range = painted[i]!.range;
    scratch.setStart(range.startContainer, range.startOffset);
    scratch.collapse(true);
    return scratch.comparePoint(node, offset);
  };
  const recommendationAt = (node: Node, offset: number): number | null => {
    let low = 0;
    let high = painted.length - 1;
    let found = -1;
    try {
      while (low <= high) {
        const mid = (low + high) >> 1;
        if (compareToStart(mid, node, offset) >= 0) {
          found = mid;
          low = mid + 1;
        } else high = mid - 1;
      }
      if (found === -1) return null;
      const { range, n } = painted[found]!;
      scratch.setStart(range.startContainer, range.startOffset);
      scratch.setEnd(range.endContainer, range.endOffset);
      return scratch.comparePoint(node, offset) === 0 ? n : null;
    } catch {
      return null; // a point in another tree (a shadow root), or a range whose text changed
    }
  };
  // The caret is placed beside the nearest character even off the text (past a line's end): the click counts only
  // if it is on the character itself.
  const onCharacter = (node: Node, offset: number, x: number, y: number): boolean => {
    if (node.nodeType !== Node.TEXT_NODE) return false;
    const length = (node as Text).data.length;
    for (const at of [offset, offset - 1]) {
      if (at < 0 || at >= length) continue;
      scratch.setStart(node, at);
      scratch.setEnd(node, at + 1);
      for (const rect of scratch.getClientRects()) if (inside(rect, x, y)) return true;
    }
    return false;
  };

  const reset = () => {
    for (const role of ROLES) highlights[role].clear();
    for (const timer of flashTimers.values()) clearTimeout(timer);
    flashTimers.clear();
    painted = [];
    byN.clear();
    indexOf.clear();
    if (windowed) listen(false);
    windowed = false;
    shown = EMPTY_SPAN;
  };

  return {
    paint(items) {
      register();
      for (const { segments, n } of items) {
        const first = segments[0];
        const last = segments.at(-1);
        if (!first || !last) continue;
        const range = new win.StaticRange!({ startContainer: first.node, startOffset: first.start, endContainer: last.node, endOffset: last.end });
        if (!windowed) highlights.all.add(range);
        indexOf.set(n, painted.length);
        painted.push({ n, range });
        byN.set(n, range);
      }
      if (!windowed && painted.length > WINDOW_THRESHOLD) {
        // From now on only the ranges near the viewport, from the next frame (when the page's layout is done).
        windowed = true;
        highlights.all.clear();
        shown = EMPTY_SPAN;
        listen(true);
      }
      if (windowed) scheduleMove();
      paintNoted();
    },
    clear() {
      for (const role of ROLES) if (registry.get(names[role]) === highlights[role]) registry.delete(names[role]);
      sheet?.remove();
      sheet = null;
      reset();
    },
    reset,
    paintState(n, state) {
      const range = byN.get(n);
      if (!range) return;
      if (state === 'flash') {
        clearTimeout(flashTimers.get(n));
        highlights.flash.add(range);
        flashTimers.set(
          n,
          setTimeout(() => {
            flashTimers.delete(n);
            highlights.flash.delete(range);
          }, FLASH_MS),
        );
      } else if (state === 'selected') {
        highlights.selected.clear();
        highlights.selected.add(range);
      } else highlights.selected.delete(range);
    },
    markNoted(ns) {
      noted = new Set(ns);
      paintNoted();
    },
    rangeOf(n) {
      const range = byN.get(n);
      return range ? liveRange(range) : null;
    },
    hit(event) {
      if (painted.length === 0) return null;
      const caret = caretAt(doc, event.clientX, event.clientY);
      if (!caret) return null;
      const n = recommendationAt(caret.node, caret.offset);
      return n !== null && onCharacter(caret.node, caret.offset, event.clientX, event.clientY) ? n : null;
    },
    inPlace(root) {
      return painted.every(({ range }) => {
        const { startContainer: start, endContainer: end } = range;
        return root.contains(start) && root.contains(end) && range.startOffset <= (start as Text).length && range.endOffset <= (end as Text).length;
      });
    },
    scrollTo(n) {
      const rect = this.rangeOf(n)?.getBoundingClientRect();
      if (!rect) return;
      win.scrollTo({ top: win.scrollY + rect.top + rect.height / 2 - win.innerHeight / 2, behavior: 'smooth' });
    },
    focusAt(n) {
      const range = byN.get(n);
      const selection = doc.getSelection();
      if (!range || !selection) return false;
      // No element of ours to focus. Tab goes on from the last element focused (the sequential navigation starting
      // point), which a selection does not move: the last focusable element before the recommendation is focused and
      // let go, so Tab reaches the first one from the recommendation on; the caret goes to its start.
      const before = lastFocusableBefore(doc, range.startContainer);
      if (before) {
        before.focus({ preventScroll: true });
        before.blur();
      }
      selection.collapse(range.startContainer, range.startOffset);
      return true;
    },
  };
}
