// The words two recommendations are compared on: folded (case, accents), without connectives of EN/FR/ES, with a
// plural "s" dropped, and without the "as previously recommended" formula that repeats add. Both the search index
// and the similarity score read these, so "repeat" means the same thing in both.
import { foldText, foldedTokens } from '@/utils/classify';

const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'the a an of to and or in on for with by its their all as at from that this be is are which including include into ' +
    'within under between any such other than also further it his her them they these those has have been was were will ' +
    'shall should would must can may not no nor so out up over through upon about against among both each more most own ' +
    'same very only well view order particular particularly inter alia ' +
    'le la les l un une des de du d et ou en au aux a pour par sur dans avec que qui qu ce cette ces son sa ses leur leurs ' +
    'tous toutes tout toute se s y est sont ne pas plus afin notamment vue ' +
    'el los las lo una unos unas del e u al para por con sin sus su sobre entre como este esta estos estas todo todos toda ' +
    'todas es son mas fin particular'
  ).split(/\s+/),
);

// What a state adds when it repeats itself; it must not make the repeat look different.
const REPEAT_FORMULA =
  /\(?\s*(?:as\s+(?:previously|already)\s+recommended|as\s+recommended\s+(?:previously|earlier|before)|previously\s+recommended|(?:tel|comme)\s+(?:que\s+)?(?:recommande|deja\s+recommande)\s+(?:precedemment|anterieurement)|(?:tal\s+(?:y\s+)?)?como\s+se\s+recomendo\s+(?:anteriormente|previamente))\s*\)?/g;

const MIN_STEM_LENGTH = 4;

function stem(token: string): string {
  return token.length > MIN_STEM_LENGTH && token.endsWith('s') && !token.endsWith('ss') ? token.slice(0, -1) : token;
}

/** The comparison words of a text, in order, repeats kept (the search index weighs them). */
export function comparisonTerms(text: string): string[] {
  let folded = foldText(text);
  // The formula regex is the costly step; nearly no text has it, and every form of it says "recom…".
  if (folded.includes('recom')) folded = folded.replace(REPEAT_FORMULA, ' ');
  const terms: string[] = [];
  for (const token of foldedTokens(folded)) if (!STOPWORDS.has(token)) terms.push(stem(token));
  return terms;
}
