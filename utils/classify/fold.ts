// Words as the verb and theme matchers compare them: folded as everywhere (utils/text: "Ratifiez", "ratifiez" and
// "RATIFIÉZ" are the same word), and split where an apostrophe, a hyphen or punctuation separates words.
import { foldText } from '@/utils/text';

export { foldText };

const NON_WORD = /[^a-z0-9]+/;

/** Folded words; apostrophes, hyphens and punctuation split ("d'expression" → "d", "expression"). */
export function foldedTokens(text: string): string[] {
  const tokens = foldText(text).split(NON_WORD);
  // split() leaves an empty string at either end when the text starts or ends with punctuation.
  if (tokens.length && tokens[0] === '') tokens.shift();
  if (tokens.length && tokens[tokens.length - 1] === '') tokens.pop();
  return tokens;
}
