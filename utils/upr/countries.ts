// Country names in English, French and Spanish (i18n-iso-countries plus our alias table) → ISO alpha-3, both for a
// single name and for finding every country mentioned in a run of text.
import countries from 'i18n-iso-countries';
import enLocale from 'i18n-iso-countries/langs/en.json';
import frLocale from 'i18n-iso-countries/langs/fr.json';
import esLocale from 'i18n-iso-countries/langs/es.json';
import { foldText } from '@/utils/text';
import { COUNTRY_ALIASES, DISPLAY_NAMES, NON_UPR_CODES } from './country-aliases';

export interface Country { code: string; name: string }
export interface CountryMention extends Country { index: number; length: number; text: string }

const LEADING_ARTICLE = /^(?:the|la|le|les|l['’]|el|los|las)\s*/i;

let nameIndex: Map<string, string> | null = null;

countries.registerLocale(enLocale);
countries.registerLocale(frLocale);
countries.registerLocale(esLocale);

/** Folds case, accents, apostrophes and punctuation so "Côte d’Ivoire" and "cote d'ivoire" meet. */
export function normalizeCountryKey(name: string): string {
  return foldText(name)
    .replace(/[’`´]/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(LEADING_ARTICLE, '');
}

function listCountryNames(): [name: string, code: string][] {
  const pairs: [string, string][] = [];
  for (const lang of ['en', 'fr', 'es']) {
    const byAlpha2 = countries.getNames(lang, { select: 'all' }) as Record<string, string[]>;
    for (const [alpha2, names] of Object.entries(byAlpha2)) {
      const code = countries.alpha2ToAlpha3(alpha2);
      if (!code || NON_UPR_CODES.has(code)) continue;
      for (const name of names) pairs.push([name, code]);
    }
  }
  for (const [code, names] of Object.entries(COUNTRY_ALIASES)) for (const name of names) pairs.push([name, code]);
  return pairs;
}

function buildNameIndex(): Map<string, string> {
  const index = new Map<string, string>();
  const pairs = listCountryNames();
  // Aliases come last and win: they hold the corrections.
  for (const [name, code] of pairs) index.set(normalizeCountryKey(name), code);
  return index;
}

/** English display name for an alpha-3 code. */
export function displayNameOf(code: string): string {
  const override = DISPLAY_NAMES[code];
  if (override) return override;
  const name = countries.getName(code, 'en', { select: 'alias' }) ?? countries.getName(code, 'en');
  return name ?? code;
}

export function countryFromName(name: string): Country | null {
  nameIndex ??= buildNameIndex();
  const key = normalizeCountryKey(name);
  const code = nameIndex.get(key) ?? nameIndex.get(key.replace(/^(?:government|republic|kingdom|state) of (?:the )?/, ''));
  return code ? { code, name: displayNameOf(code) } : null;
}

export function countryFromCode(code: string): Country | null {
  const alpha3 = code.length === 2 ? countries.alpha2ToAlpha3(code.toUpperCase()) : code.toUpperCase();
  return alpha3 && countries.isValid(alpha3) ? { code: alpha3, name: displayNameOf(alpha3) } : null;
}

const MAX_NAME_WORDS = 8;
const ARTICLE_WORD = /^(?:the|la|le|les|l['’]\p{L}*|el|los|las)$/iu;

/** Abbreviations ("US", "UK") must be written in capitals, so the pronoun "us" never becomes the United States. */
function isPlausibleMention(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length <= 3) return letters === letters.toUpperCase();
  return /^\p{Lu}/u.test(text) || /^(?:the|la|le|les|l['’]|el|los|las)\s*\p{Lu}/iu.test(text);
}

/** Where a mention's last word really ends: no trailing punctuation or possessive, but "U.S." keeps its dot. */
function trimWordEnd(word: string): string {
  if (/^(?:\p{L}\.)+$/u.test(word)) return word;
  return word.replace(/(?:['’`]s)?[.,:;!?)"”'’]*$/u, '');
}

/** Every country named in `text`, in order, longest name first at each position ("Papua New Guinea", not "Guinea"). */
export function findCountryMentions(text: string): CountryMention[] {
  nameIndex ??= buildNameIndex();
  const words: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/\S+/g)) words.push({ start: m.index, end: m.index + m[0].length });
  const found: CountryMention[] = [];
  for (let i = 0; i < words.length; i++) {
    const first = text.slice(words[i]!.start, words[i]!.end);
    if (!/^[\p{Lu}(]/u.test(first) && !ARTICLE_WORD.test(first)) continue;
    let best: CountryMention | null = null;
    for (let k = Math.min(words.length, i + MAX_NAME_WORDS); k > i; k--) {
      const last = words[k - 1]!;
      // A dash or other mark standing alone is not part of a name: "Niger – intervention" names Niger, then stops.
      if (!/[\p{L}\p{N}]/u.test(text.slice(last.start, last.end))) continue;
      let raw = text.slice(words[i]!.start, last.start) + trimWordEnd(text.slice(last.start, last.end));
      // "Iran (Islamic Republic of)" keeps its closing parenthesis, so text after the name starts after it.
      if (raw.includes('(') && !raw.includes(')') && text[words[i]!.start + raw.length] === ')') raw += ')';
      const code = nameIndex.get(normalizeCountryKey(raw));
      if (!code || !isPlausibleMention(raw)) continue;
      best = { code, name: displayNameOf(code), index: words[i]!.start, length: raw.length, text: raw };
      break;
    }
    if (best) {
      found.push(best);
      while (i + 1 < words.length && words[i + 1]!.start < best.index + best.length) i++;
    }
  }
  return found;
}
