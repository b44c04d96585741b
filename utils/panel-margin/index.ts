// The room the side panel takes beside a statement: on a wide screen the page is pushed aside by the panel's width
// (a rule in an adopted stylesheet, not the page's style attribute: no DOM mutation), so the panel never covers the
// statement's text; on a narrow one the panel starts folded to its handle and takes no room.
//
// Decided by the window's width alone, never by measuring the page: a measurement after our write is a forced layout,
// and on a long statement every later change of the margin is a reflow of the whole page. The width is the sheet's
// own media query (the browser applies it as the window is resized, and nothing of ours reads innerWidth, which
// lays the page out first); the script decides only whether the panel is open. So the detector reserves it
// the moment it accepts a statement (at document_end, before the page's first layout, which then already has it), and
// hands the sheet to the annotator's panel through the content scripts' shared isolated world (takeEarlyMargin).
// Imported by the always-on detector: it imports only the sheet helper.
import { adoptSheet } from '@/utils/anchor/highlight-sheet';

export const PANEL_WIDTH = 380;
export const HANDLE_WIDTH = 28;
/** Below this viewport width the panel overlays the page (folded to its handle) instead of pushing it aside. */
export const WIDE_SCREEN = 1000;
/** What the panel reserves on a wide screen: the frame and its handle. */
export const RESERVED_WIDTH = PANEL_WIDTH + HANDLE_WIDTH;

export interface PanelMargin {
  /** Reserves the panel's width (true) or gives it back (false); writes only when that changes something. */
  reserve(on: boolean): void;
  /** Reserves again by the window's width where that is not a media query of the sheet (a style attribute). */
  resized(): void;
  readonly reserved: boolean;
  remove(): void;
}

const WIDE = `(min-width: ${WIDE_SCREEN}px)`;

/** Whether the window is wide enough for the panel beside the statement (a media query: it lays nothing out). */
export const isWideScreen = (win: Window): boolean => win.matchMedia(WIDE).matches;

/**
 * The panel's margin on doc's root: an adopted sheet, or where the document takes none (old browsers) html's style
 * attribute, put back as it was when released. `sheetOnly`: null instead of the style attribute (the detector writes
 * no DOM).
 */
export function panelMargin(doc: Document, sheetOnly = false): PanelMargin | null {
  const html = doc.documentElement;
  const sheet = adoptSheet(doc);
  if (!sheet && sheetOnly) return null;
  const originalMargin = html.style.getPropertyValue('margin-right');
  const originalPriority = html.style.getPropertyPriority('margin-right');
  const win = doc.defaultView;
  let reserved = false;
  const write = (on: boolean) => {
    if (sheet) return sheet.set(on ? `@media ${WIDE} { html { margin-right: ${RESERVED_WIDTH}px !important; } }` : '');
    if (on && win && isWideScreen(win)) return html.style.setProperty('margin-right', `${RESERVED_WIDTH}px`, 'important');
    if (originalMargin) html.style.setProperty('margin-right', originalMargin, originalPriority);
    else html.style.removeProperty('margin-right');
    if (html.getAttribute('style') === '') html.removeAttribute('style');
  };
  return {
    reserve(on) {
      if (on === reserved) return;
      reserved = on;
      write(on);
    },
    get reserved() {
      return reserved;
    },
    resized() {
      if (!sheet && reserved) write(true);
    },
    remove() {
      if (reserved) write(false);
      reserved = false;
      sheet?.remove();
    },
  };
}

const EARLY = '__uprPanelMargin';
type Scope = Record<string, unknown>;

/**
 * For the detector, on a page it accepts: reserves the panel's room now (on a wide window: the panel starts open
 * there), before the page is laid out, and leaves it for the annotator's panel to take over. Returns a release for
 * when no annotator comes.
 */
export function reserveEarly(doc: Document, scope: Scope = globalThis as Scope): () => void {
  const win = doc.defaultView;
  if (!win || scope[EARLY] || !isWideScreen(win)) return () => {};
  const margin = panelMargin(doc, true);
  if (!margin) return () => {};
  margin.reserve(true);
  scope[EARLY] = margin;
  return () => {
    if (scope[EARLY] !== margin) return; // taken over meanwhile
    delete scope[EARLY];
    margin.remove();
  };
}

/** The margin the detector reserved early, now the caller's to keep or remove; null when there is none. */
export function takeEarlyMargin(scope: Scope = globalThis as Scope): PanelMargin | null {
  const margin = (scope[EARLY] as PanelMargin | undefined) ?? null;
  delete scope[EARLY];
  return margin;
}
