// Our styles in a page without a <style> element or a style attribute: a constructed stylesheet adopted by the
// document (document.adoptedStyleSheets), so a MutationObserver on the page sees nothing when they change. The page
// can still list adopted sheets and read their rules: what they say (highlight colours, the panel's reserved width)
// is also what it can see on screen.

export interface AdoptedSheet {
  /** Replaces the sheet's rules ('' for none). */
  set(css: string): void;
  remove(): void;
}

type SheetDocument = Document & { adoptedStyleSheets?: CSSStyleSheet[] };

/**
 * The document's live list of adopted sheets, as it can be written. In a Firefox content script the document is seen
 * through an Xray wrapper, and Xrays do not reach an ObservableArray: the list reads as an empty array-like and
 * assigning a new array throws "Accessing from Xray wrapper is not supported" (Firefox ESR 140). The list's own
 * object (wrappedJSObject: the page's ObservableArray) takes index writes and a shorter length through its native
 * traps, without calling anything the page can replace (Array.prototype, the Document.prototype accessor).
 */
function liveList(doc: Document): CSSStyleSheet[] {
  const list = (doc as SheetDocument).adoptedStyleSheets!;
  return (list as CSSStyleSheet[] & { wrappedJSObject?: CSSStyleSheet[] }).wrappedJSObject ?? list;
}

/** The sheet as it appears in liveList (the page's own object in a Firefox content script, the sheet elsewhere). */
const listed = (sheet: CSSStyleSheet): CSSStyleSheet => (sheet as CSSStyleSheet & { wrappedJSObject?: CSSStyleSheet }).wrappedJSObject ?? sheet;

function indexIn(list: CSSStyleSheet[], sheet: CSSStyleSheet): number {
  for (let i = 0; i < list.length; i++) if (list[i] === sheet) return i;
  return -1;
}

/** Adds sheet at the end of doc's adopted sheets: in place where the list is observable, else by a new array. */
function appendSheet(doc: Document, sheet: CSSStyleSheet): void {
  const list = liveList(doc);
  const entry = listed(sheet);
  try {
    list[list.length] = entry;
  } catch {
    // a frozen array (Chromium before 99): replaced below
  }
  if (indexIn(list, entry) === -1) (doc as SheetDocument).adoptedStyleSheets = [...list, sheet];
}

function removeSheet(doc: Document, sheet: CSSStyleSheet): void {
  const list = liveList(doc);
  const at = indexIn(list, listed(sheet));
  if (at === -1) return;
  try {
    for (let i = at; i < list.length - 1; i++) list[i] = list[i + 1]!;
    list.length -= 1;
  } catch {
    (doc as SheetDocument).adoptedStyleSheets = [...list].filter((s) => s !== sheet);
  }
}

/** Whether doc takes constructed stylesheets (Chromium ≥ 73, Firefox ≥ 101). */
export function canAdoptSheets(doc: Document): boolean {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  return Boolean(win && Array.isArray((doc as SheetDocument).adoptedStyleSheets) && typeof win.CSSStyleSheet?.prototype.replaceSync === 'function');
}

/** A new sheet adopted by doc, or null where the document does not take constructed sheets. */
export function adoptSheet(doc: Document, css = ''): AdoptedSheet | null {
  if (!canAdoptSheets(doc)) return null;
  const win = doc.defaultView as Window & typeof globalThis;
  try {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(css);
    appendSheet(doc, sheet);
    return {
      set: (text) => sheet.replaceSync(text),
      remove: () => removeSheet(doc, sheet),
    };
  } catch {
    // A document that refuses the sheet: the caller falls back.
    return null;
  }
}

/** A name no page can guess (a CSS identifier: it starts with a letter). */
export function unguessableName(): string {
  return `h${Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
