// Whether two texts are one recommendation worded twice in the same language: how a statement page and the UN
// record (a dataset row) give the same recommendation. They differ in list markers ("1.", "(a)", "–"), lead-ins
// ("to …", "that …", "We recommend that …"), quotes and punctuation, spelling (organisation / organization), a
// third-person verb ("adopts" / "Adopt") and an "as previously recommended" tail — not in what is asked. The
// storage merges such a pair into one record (utils/db), so the verdict is strict: a few characters of difference
// in a hundred, never a changed object or verb.
import { foldText } from '@/utils/text';

const LIST_MARKER = /^\s*(?:\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,6})[.):\]]|[-•*–—·▪◦►])\s*/i;
const REPEAT_TAIL =
  /\(?\s*(?:as\s+(?:previously|already)\s+recommended|as\s+recommended\s+(?:previously|earlier|before)|(?:tel|comme)\s+(?:que\s+)?(?:recommande|deja\s+recommande)\s+(?:precedemment|anterieurement)|(?:tal\s+(?:y\s+)?)?como\s+se\s+recomendo\s+(?:anteriormente|previamente))\s*\)?/g;
// Lead-in words a list item may keep from its sentence: "(We) (also) recommend(s) (that)", "to", "that", "de", "que".
const LEAD_IN = /^(?:(?:we |il |el )?(?:also |further |egalement |tambien )?(?:recommends?|recommande|recomienda|recomendamos|recommandons)(?: (?:that|que|qu|de|d|a))? )?(?:(?:to|that|de|d|que|qu) )?/;

/** The text reduced to what it asks: folded, markers, lead-ins, the repeat formula and punctuation gone. */
export function twinForm(text: string): string {
  const folded = foldText(text.replace(LIST_MARKER, '')).replace(REPEAT_TAIL, ' ');
  const spaced = folded.split(/[^a-z0-9]+/).filter(Boolean).join(' ');
  return spaced.replace(LEAD_IN, '');
}

const MIN_SIMILARITY = 0.9;
const MIN_LENGTH_RATIO = 0.85;

/** 1 for the same recommendation in other punctuation, falling with every character that differs (edit distance). */
export function twinSimilarity(a: string, b: string): number {
  const x = twinForm(a);
  const y = twinForm(b);
  if (x === y) return x.length > 0 ? 1 : 0;
  const longer = Math.max(x.length, y.length);
  if (Math.min(x.length, y.length) / longer < MIN_LENGTH_RATIO) return 0;
  // Only distances under the bar matter, so the band of the dynamic programme is the most that may differ.
  const band = Math.floor(longer * (1 - MIN_SIMILARITY)) + 1;
  const distance = boundedDistance(x, y, band);
  return distance > band ? 0 : 1 - distance / longer;
}

/** A page's wording and a dataset's of one recommendation (same language, same states and session assumed). */
export function isSameRecommendation(a: string, b: string): boolean {
  return twinSimilarity(a, b) >= MIN_SIMILARITY;
}

/** Levenshtein distance of two strings, or `band + 1` as soon as it must exceed `band`. */
function boundedDistance(a: string, b: string, band: number): number {
  if (Math.abs(a.length - b.length) > band) return band + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(b.length, i + band);
    current.fill(band + 1);
    current[0] = i;
    let best = current[0];
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j - 1]! + cost, (previous[j] ?? band + 1) + 1, (current[j - 1] ?? band + 1) + 1);
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > band) return band + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length]!, band + 1);
}
