// The room the side panel takes beside a statement: on a wide screen the page is pushed aside by the panel's width
// (a rule in an adopted stylesheet, not the page's style attribute: no DOM mutation), so the panel never covers the
// statement's text once the page is read; on a narrow one the panel starts folded to its handle and takes no room.
//
// Decided by the window's width alone, never by measuring the page: a measurement after our write is a forced layout,
// and on a long statement every later change of the margin is a reflow of the whole page. The width is the sheet's
// own media query (the browser applies it as the window is resized, and nothing of ours reads innerWidth, which
// lays the page out first); the script decides only whether the panel is open. So the annotator reserves it once
// the highlights are drawn (reserveRoom), well before the panel mounts, and hands it to the panel: the page makes
// room once, and is not laid out again when the panel arrives. (A long statement's panel, mounted while the page is
// still read, covers its edge until the reading is handed to it: see the annotator's roomWait.)
import { adoptSheet } from '@/utils/anchor/highlight-sheet';

export const PANEL_WIDTH = 380;
export const HANDLE_WIDTH = 28;
/** Below this viewport width the panel overlays the page (folded to its handle) instead of pushing it aside. */
export const WIDE_SCREEN = 1000;
/** How long at most a panel mounted while a long statement is read covers its edge, if the reading stalls. */
export const ROOM_WAIT_MS = 8_000;
/** What the panel reserves on a wide screen: the frame and its handle. */
export const RESERVED_WIDTH = PANEL_WIDTH + HANDLE_WIDTH;

export interface PanelMargin {
  /** Reserves the panel's width (true) or gives it back (false); writes only when that changes something. */
  reserve(on: boolean): void;
  /** Reserves again by the window's width where that is not a media query of the sheet (a style attribute). */
  resized(): void;
  remove(): void;
}

const WIDE = `(min-width: ${WIDE_SCREEN}px)`;

/** Whether the window is wide enough for the panel beside the statement (a media query: it lays nothing out). */
export const isWideScreen = (win: Window): boolean => win.matchMedia(WIDE).matches;

/** A margin written by `write(on)` only when `on` changes; `drop` takes the means of writing away. */
function margin(write: (on: boolean) => void, drop: () => void, resized: (reserved: boolean) => void): PanelMargin {
  let reserved = false;
  return {
    reserve(on) {
      if (on !== reserved) write((reserved = on));
    },
    resized: () => resized(reserved),
    remove() {
      if (reserved) write(false);
      reserved = false;
      drop();
    },
  };
}

/** The panel's margin as an adopted sheet (the width its media query); null where the document takes none. */
function sheetMargin(doc: Document): PanelMargin | null {
  const sheet = adoptSheet(doc);
  if (!sheet) return null;
  return margin((on) => sheet.set(on ? `@media ${WIDE} { html { margin-right: ${RESERVED_WIDTH}px !important; } }` : ''), sheet.remove, () => {});
}

/** The panel's margin: an adopted sheet, or where the document takes none (old browsers) html's style attribute, put back as it was. */
export function panelMargin(doc: Document): PanelMargin {
  const fromSheet = sheetMargin(doc);
  if (fromSheet) return fromSheet;
  const html = doc.documentElement;
  const win = doc.defaultView;
  const originalMargin = html.style.getPropertyValue('margin-right');
  const originalPriority = html.style.getPropertyPriority('margin-right');
  const write = (on: boolean) => {
    if (on && win && isWideScreen(win)) return html.style.setProperty('margin-right', `${RESERVED_WIDTH}px`, 'important');
    if (originalMargin) html.style.setProperty('margin-right', originalMargin, originalPriority);
    else html.style.removeProperty('margin-right');
    if (html.getAttribute('style') === '') html.removeAttribute('style');
  };
  return margin(write, () => {}, (reserved) => reserved && write(true));
}

/** The panel's room reserved now (a wide window: the panel starts open there); null on a narrow one. */
export function reserveRoom(doc: Document): PanelMargin | null {
  const win = doc.defaultView;
  if (!win || !isWideScreen(win)) return null;
  const room = panelMargin(doc);
  room.reserve(true);
  return room;
}
