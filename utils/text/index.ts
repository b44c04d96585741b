// Text as it reads. Bidi controls (embeddings, overrides, isolates, marks) and other invisible formatting
// characters make a line display differently from what it holds: "‮txet‬" shows as "text". Wherever text from a
// page, an import or a note is shown to a person — the panel, the dashboard, the CSV, Markdown and W3C exports —
// each of them is replaced by a visible code (⟨U+202E⟩), so what is shown is what is held. The JSON backup keeps
// data exact; stored data is never rewritten; a reader of our own files (W3C) turns the codes back into the
// characters, so a round trip keeps ids and anchors. ZWJ/ZWNJ (U+200D/U+200C) stay: scripts need them to join.
// And text as it matches: `foldText` (./fold), case, accents and ligatures folded.

export { foldText } from './fold';

// U+061C ALM; U+180E Mongolian vowel separator; U+200B ZWSP; U+200E/F LRM/RLM; U+202A–E embeddings and overrides;
// U+2060–4 word joiner and invisible operators; U+2066–9 isolates; U+206A–F deprecated formats; U+FEFF ZWNBSP;
// U+E0001, U+E0020–E007F tag characters (invisible ASCII look-alikes).
const INVISIBLE_FORMATTING = /[\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]|\u{E0001}|[\u{E0020}-\u{E007F}]/gu;

/** Each invisible formatting character in `text` replaced by its visible code, e.g. ⟨U+202E⟩. */
export function revealFormatting(text: string): string {
  return text.replace(INVISIBLE_FORMATTING, (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

const INVISIBLE_ONE = new RegExp(`^(?:${INVISIBLE_FORMATTING.source})$`, 'u');
const REVEALED = /⟨U\+([0-9A-F]{4,5})⟩/g;

/** The inverse of revealFormatting, for files we wrote: each visible code of an invisible character back to it. */
export function restoreFormatting(text: string): string {
  return text.replace(REVEALED, (code, hex: string) => {
    const c = String.fromCodePoint(parseInt(hex, 16));
    return INVISIBLE_ONE.test(c) ? c : code;
  });
}
