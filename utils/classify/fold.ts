// Text folding shared by the verb and theme matchers (and by crossref's similarity): one place decides that
// "Ratifiez", "ratifiez" and "RATIFIÉZ" are the same word and that an apostrophe or a hyphen separates words.

const COMBINING_MARKS = /[\u0300-\u036f]/g;
// Ligatures that NFD leaves alone but users type both ways ("œuvre" / "oeuvre").
const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss' };
const LIGATURE = /[œŒæÆß]/g;
const NON_WORD = /[^a-z0-9]+/;
const ASCII = /^[\x00-\x7f]*$/;

/** Lower case, no accents or ligatures: the form every table in utils/classify is written in. */
export function foldText(text: string): string {
  // Most recommendations are plain ASCII; NFD is the costly step, so skip it when there is nothing to decompose.
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(LIGATURE, (c) => LIGATURES[c] ?? c).toLowerCase();
}

/** Folded words; apostrophes, hyphens and punctuation split ("d'expression" → "d", "expression"). */
export function foldedTokens(text: string): string[] {
  const tokens = foldText(text).split(NON_WORD);
  // split() leaves an empty string at either end when the text starts or ends with punctuation.
  if (tokens.length && tokens[0] === '') tokens.shift();
  if (tokens.length && tokens[tokens.length - 1] === '') tokens.pop();
  return tokens;
}
