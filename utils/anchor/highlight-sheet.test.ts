// @vitest-environment happy-dom
// Our stylesheet reaches the page through document.adoptedStyleSheets, including where a Firefox content script sees
// that list through an Xray wrapper (stood in for here): there the list reads as an empty array-like and assigning
// a new array throws, and the sheet must go through the list's own object (wrappedJSObject) instead.
import { describe, expect, it } from 'vitest';
import { adoptSheet } from './highlight-sheet.ts';

/** The page's list of adopted sheets, and `document` as a Firefox content script sees it (an Xray stand-in). */
function xrayDocument(): { page: CSSStyleSheet[]; seen: Document } {
  const page: CSSStyleSheet[] = [];
  // An array to Array.isArray, with neither length, elements nor iterator.
  const xrayList = new Proxy([] as CSSStyleSheet[], { get: (_, key) => (key === 'wrappedJSObject' ? page : undefined) });
  const seen = new Proxy(document, {
    get: (target, key) => (key === 'adoptedStyleSheets' ? xrayList : Reflect.get(target, key, target)),
    set: (target, key, value) => {
      if (key === 'adoptedStyleSheets') throw new Error('Accessing from Xray wrapper is not supported.');
      return Reflect.set(target, key, value, target);
    },
  });
  return { page, seen };
}

describe('adoptSheet', () => {
  it("adopts a sheet into the page's own list where the document is seen through an Xray, and takes it out again", () => {
    const { page, seen } = xrayDocument();
    const other = new CSSStyleSheet();
    page.push(other);
    const sheet = adoptSheet(seen, 'p { color: red; }');
    expect(sheet).not.toBeNull();
    expect(page).toHaveLength(2);
    expect(page[0]).toBe(other);
    expect([...page[1]!.cssRules].map((rule) => rule.cssText.replace(/\s+/g, ' '))).toEqual(['p { color: red; }']);
    sheet!.remove();
    expect(page).toEqual([other]);
  });
});
