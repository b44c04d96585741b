// Text folding: the one place that decides "Ratifiez", "ratifiez" and "RATIFIÉZ", or "Côte" and "cote", or "œuvre"
// and "oeuvre", are the same for matching. Used by the verb and theme matchers, crossref, dataset headers, country
// names, search and file names.

const COMBINING_MARKS = /[\u0300-\u036f]/g;
// Ligatures that NFD leaves alone but users type both ways ("œuvre" / "oeuvre").
const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss' };
const LIGATURE = /[œŒæÆß]/g;
const ASCII = /^[\x00-\x7f]*$/;

/** Lower case, no accents or ligatures. */
export function foldText(text: string): string {
  // Most texts are plain ASCII; NFD is the costly step, so skip it when there is nothing to decompose.
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(LIGATURE, (c) => LIGATURES[c] ?? c).toLowerCase();
}
