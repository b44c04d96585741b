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

/** Whether doc takes constructed stylesheets (Chromium ≥ 73, Firefox ≥ 101). */
export function canAdoptSheets(doc: Document): boolean {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  return Boolean(win && Array.isArray((doc as SheetDocument).adoptedStyleSheets) && typeof win.CSSStyleSheet?.prototype.replaceSync === 'function');
}

/** A new sheet adopted by doc, or null where the document does not take constructed sheets. */
export function adoptSheet(doc: Document, css = ''): AdoptedSheet | null {
  if (!canAdoptSheets(doc)) return null;
  const win = doc.defaultView as Window & typeof globalThis;
  const owner = doc as SheetDocument;
  try {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(css);
    owner.adoptedStyleSheets = [...owner.adoptedStyleSheets!, sheet];
    return {
      set: (text) => sheet.replaceSync(text),
      remove: () => {
        owner.adoptedStyleSheets = owner.adoptedStyleSheets!.filter((s) => s !== sheet);
      },
    };
  } catch {
    // A content-script world that cannot hand the page a sheet (some Firefox versions): the caller falls back.
    return null;
  }
}

/** A name no page can guess (a CSS identifier: it starts with a letter). */
export function unguessableName(): string {
  return `h${Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
