// The words two recommendations are compared on: folded (case, accents), without connectives of EN/FR/ES, with a
// plural "s" dropped, and without the "as previously recommended" formula that repeats add. Instruments become one
// token whatever their name or abbreviation, and UPR vocabulary one concept token across EN/FR/ES (./lexicon), so
// "Ratifier le PIDCP" and "Ratify the International Covenant on Civil and Political Rights" share their words.
// Both the search index and the similarity score read these, so "repeat" means the same thing in both.
import { foldText } from '@/utils/text';
import { conceptOf, normalizeInstruments } from './lexicon';

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

export type ComparisonLanguage = 'en' | 'fr' | 'es';

// Connectives only one of the three languages uses: enough to tell which one a recommendation is written in.
const MARKERS: Readonly<Record<ComparisonLanguage, ReadonlySet<string>>> = {
  en: new Set(['the', 'of', 'and', 'to', 'with', 'for', 'its', 'that', 'which', 'their']),
  fr: new Set(['le', 'les', 'des', 'du', 'et', 'aux', 'au', 'l', 'd', 'pour', 'dans', 'sur', 'qu', 'afin']),
  es: new Set(['el', 'los', 'las', 'del', 'y', 'para', 'con', 'sus', 'su', 'lo', 'por', 'sobre']),
};

const NON_LETTERS = /[^a-z0-9]+/;

export interface ComparisonProfile {
  /** The comparison words, in order, repeats kept (the search index weighs them). */
  terms: string[];
  /** The language the text reads as, from its connectives; null when it does not tell. */
  language: ComparisonLanguage | null;
}

/** The comparison words of a text and the language it is written in. */
export function comparisonProfile(text: string): ComparisonProfile {
  let folded = foldText(text);
  // The formula regex is the costly step; nearly no text has it, and every form of it says "recom…".
  if (folded.includes('recom')) folded = folded.replace(REPEAT_FORMULA, ' ');
  const spaced = normalizeInstruments(folded.split(NON_LETTERS).join(' '));
  const terms: string[] = [];
  let en = 0;
  let fr = 0;
  let es = 0;
  for (const token of spaced.split(' ')) {
    if (token === '') continue;
    if (MARKERS.en.has(token)) en++;
    else if (MARKERS.fr.has(token)) fr++;
    else if (MARKERS.es.has(token)) es++;
    if (STOPWORDS.has(token)) continue;
    terms.push(conceptOf(token, stem(token)));
  }
  const top = Math.max(en, fr, es);
  const language = top === 0 ? null : en === top && fr < top && es < top ? 'en' : fr === top && en < top && es < top ? 'fr' : es === top && en < top && fr < top ? 'es' : null;
  return { terms, language };
}

/** The comparison words of a text, in order, repeats kept (the search index weighs them). */
export function comparisonTerms(text: string): string[] {
  return comparisonProfile(text).terms;
}
