// utils/classify: what a recommendation asks for — UPR Info's action category (1–5, read from its first verb) and
// the themes of UPR Info's issue list it touches — from its text alone, in English, French or Spanish. Pure and
// fast (tables are compiled once into maps keyed by word); the verb and phrase tables live in verbs.ts and
// themes.ts so a correction is a one-line change. No DOM, no storage.
import type { ActionCategory } from '@/utils/model';
import { foldedTokens } from './fold';
import { THEME_PHRASES, THEMES, type Theme } from './themes';
import {
  LEAD_IN_WORDS,
  MEASURE_MODIFIERS,
  MEASURE_SENSITIVE_LEMMAS,
  MEASURE_WORDS,
  SKIPPABLE_WORDS,
  VERB_TABLE,
} from './verbs';

export { foldText, foldedTokens } from './fold';
export { THEMES } from './themes';
export type { Theme } from './themes';

export const ACTION_CATEGORY_LABELS: Readonly<Record<ActionCategory, string>> = {
  1: 'Minimal action',
  2: 'Continuing action',
  3: 'Considering action',
  4: 'General action',
  5: 'Specific action',
};

export interface Classification {
  actionCategory: ActionCategory | null;
  themes: Theme[];
}

type Language = 'en' | 'fr' | 'es';
const LANGUAGES: readonly Language[] = ['en', 'fr', 'es'];

// The first verb sits near the start; a long lead-in ("We would like to recommend that the Government of …") still
// ends well before this many words, and reading no further keeps a 20,000-character text as cheap as a short one.
const MAX_WORDS_BEFORE_VERB = 40;
// Unknown words allowed before the verb: a subject ("Kazakhstan ratifies", "The authorities ensure") …
const UNKNOWN_WORDS_BEFORE_VERB = 3;
// … and after a lead-in verb, the name of the state under review ("recommande à la République de Moldova de …").
const UNKNOWN_WORDS_AFTER_LEAD_IN = 10;
const MAX_MEASURE_MODIFIERS = 6;
const NUMBER = /^\d+$/;

interface VerbForm {
  tokens: string[];
  category: ActionCategory;
  measureSensitive: boolean;
}

// ---- verb forms -------------------------------------------------------------------------------------------

function inflectEnglish(lemma: string): string[] {
  const forms = [lemma];
  if (/(?:s|sh|ch|x|z|o)$/.test(lemma)) forms.push(`${lemma}es`);
  else if (/[^aeiou]y$/.test(lemma)) forms.push(`${lemma.slice(0, -1)}ies`);
  else forms.push(`${lemma}s`);
  if (lemma.endsWith('ie')) forms.push(`${lemma.slice(0, -2)}ying`);
  else if (/(?:ee|ye|oe)$/.test(lemma)) forms.push(`${lemma}ing`);
  else if (lemma.endsWith('e')) forms.push(`${lemma.slice(0, -1)}ing`);
  else {
    forms.push(`${lemma}ing`);
    // "submit" → "submitting", "combat" → "combating"/"combatting": both spellings are cheap to keep.
    if (/[^aeiou][aeiou][bdgklmnprt]$/.test(lemma)) forms.push(`${lemma}${lemma.slice(-1)}ing`);
  }
  return forms;
}

function inflectFrench(lemma: string): string[] {
  const forms = [lemma];
  const stem = lemma.slice(0, -2);
  if (lemma.endsWith('er')) {
    for (const ending of ['e', 'es', 'ent', 'ez', 'ons', 'ant']) forms.push(stem + ending);
    if (stem.endsWith('g')) forms.push(`${stem}eant`, `${stem}eons`);
    if (stem.endsWith('y')) forms.push(`${stem.slice(0, -1)}ie`, `${stem.slice(0, -1)}ient`);
  } else if (lemma.endsWith('ir')) {
    for (const ending of ['it', 'is', 'isse', 'issent', 'issez', 'issons', 'issant']) forms.push(stem + ending);
  }
  return forms;
}

function inflectSpanish(lemma: string): string[] {
  const base = /(?:ar|er|ir)se$/.test(lemma) ? lemma.slice(0, -2) : lemma;
  const forms = base === lemma ? [lemma] : [lemma, base];
  const stem = base.slice(0, -2);
  if (base.endsWith('ar')) {
    // Subjunctive spelling keeps the sound: ratificar → ratifique, investigar → investigue, garantizar → garantice.
    const subjunctive = stem.replace(/c$/, 'qu').replace(/g$/, 'gu').replace(/z$/, 'c');
    forms.push(`${stem}a`, `${stem}an`, `${subjunctive}e`, `${subjunctive}en`, `${stem}ando`);
  } else if (base.endsWith('er') || base.endsWith('ir')) {
    forms.push(`${stem}e`, `${stem}en`, `${stem}a`, `${stem}an`, `${stem}iendo`);
  }
  return forms;
}

const INFLECT: Readonly<Record<Language, (lemma: string) => string[]>> = { en: inflectEnglish, fr: inflectFrench, es: inflectSpanish };

function compileVerbs(language: Language): Map<string, VerbForm[]> {
  const byFirstWord = new Map<string, VerbForm[]>();
  for (const entry of VERB_TABLE) {
    for (const item of entry[language] ?? []) {
      const [head = '', ...irregular] = item.split('|');
      const [lemma, ...tail] = foldedTokens(head);
      if (!lemma) continue;
      const measureSensitive = MEASURE_SENSITIVE_LEMMAS.has(lemma);
      const firstWords = [...INFLECT[language](lemma).map((form) => [form]), ...irregular.map((form) => foldedTokens(form))];
      for (const first of firstWords) {
        const tokens = [...first, ...tail];
        // A one-word form that is also a connective ("de", "a") would turn every "de" into a verb.
        if (tokens.length === 0 || (tokens.length === 1 && (SKIPPABLE_WORDS.has(tokens[0]!) || tokens[0]!.length < 3))) continue;
        const list = byFirstWord.get(tokens[0]!) ?? [];
        if (!list.some((f) => f.tokens.join(' ') === tokens.join(' '))) list.push({ tokens, category: entry.category, measureSensitive });
        byFirstWord.set(tokens[0]!, list);
      }
    }
  }
  // Longest first, so "mettre en œuvre" (5) wins over "mettre" (4) and "take into consideration" (3) over "take" (4).
  for (const list of byFirstWord.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return byFirstWord;
}

let verbMaps: Record<Language, Map<string, VerbForm[]>> | null = null;

function verbMapsInOrder(language: string | null | undefined): Map<string, VerbForm[]>[] {
  verbMaps ??= { en: compileVerbs('en'), fr: compileVerbs('fr'), es: compileVerbs('es') };
  const maps = verbMaps;
  const preferred = (language ?? '').toLowerCase().slice(0, 2) as Language;
  // The page's language first: Spanish "revise" (revisar, 3) is not English "revise" (5).
  const order = LANGUAGES.includes(preferred) ? [preferred, ...LANGUAGES.filter((l) => l !== preferred)] : LANGUAGES;
  return order.map((l) => maps[l]);
}

function verbAt(tokens: readonly string[], i: number, maps: readonly Map<string, VerbForm[]>[]): VerbForm | null {
  for (const map of maps) {
    const candidates = map.get(tokens[i]!);
    if (!candidates) continue;
    for (const form of candidates) if (form.tokens.every((t, k) => tokens[i + k] === t)) return form;
  }
  return null;
}

function isAboutMeasures(tokens: readonly string[], from: number): boolean {
  for (let i = from; i < tokens.length && i < from + MAX_MEASURE_MODIFIERS + 1; i++) {
    if (MEASURE_WORDS.has(tokens[i]!)) return true;
    if (!MEASURE_MODIFIERS.has(tokens[i]!)) return false;
  }
  return false;
}

/**
 * UPR Info's action category from the recommendation's first verb: skips list markers, adverbs ("Urgently adopt"),
 * "to"/"de"/"que", modal verbs, and lead-in leftovers ("We recommend that X ratify"); "Continue to …" is 2 and
 * "Consider ratifying …" 3 because the first verb decides. Null when no known verb opens the text.
 */
export function actionCategoryOf(text: string, language?: string | null): ActionCategory | null {
  return actionCategoryOfTokens(foldedTokens(text.slice(0, 1_000)), language);
}

function actionCategoryOfTokens(tokens: readonly string[], language: string | null | undefined): ActionCategory | null {
  const maps = verbMapsInOrder(language);
  let unknownAllowed = UNKNOWN_WORDS_BEFORE_VERB;
  for (let i = 0; i < tokens.length && i < MAX_WORDS_BEFORE_VERB; i++) {
    const form = verbAt(tokens, i, maps);
    if (form) return form.measureSensitive && isAboutMeasures(tokens, i + form.tokens.length) ? 4 : form.category;
    const token = tokens[i]!;
    if (SKIPPABLE_WORDS.has(token) || NUMBER.test(token)) continue;
    if (LEAD_IN_WORDS.has(token)) {
      unknownAllowed = UNKNOWN_WORDS_AFTER_LEAD_IN;
      continue;
    }
    if (--unknownAllowed < 0) break;
  }
  return null;
}

// ---- themes ------------------------------------------------------------------------------------------------

interface PhraseWord {
  text: string;
  prefix: boolean;
}
interface Phrase {
  theme: number;
  words: PhraseWord[];
}
interface PhraseIndex {
  exact: Map<string, Phrase[]>;
  /** Phrases whose first word is a prefix ("refugee*"), by its first PREFIX_KEY letters. */
  prefixed: Map<string, Phrase[]>;
  general: Phrase[];
}

const PREFIX_KEY = 3;
const GENERAL = THEMES.indexOf('General');

function compilePhrases(): PhraseIndex {
  const index: PhraseIndex = { exact: new Map(), prefixed: new Map(), general: [] };
  THEMES.forEach((theme, themeIndex) => {
    const tables = THEME_PHRASES[theme];
    for (const language of LANGUAGES) {
      for (const raw of tables[language].split(',')) {
        const words = foldedTokens(raw.replace(/\*\s*$/, '')).map((text) => ({ text, prefix: false }));
        if (words.length === 0) continue;
        if (raw.trim().endsWith('*')) words[words.length - 1]!.prefix = true;
        const phrase: Phrase = { theme: themeIndex, words };
        if (themeIndex === GENERAL) {
          index.general.push(phrase);
          continue;
        }
        const first = words[0]!;
        const map = first.prefix ? index.prefixed : index.exact;
        const key = first.prefix ? first.text.slice(0, PREFIX_KEY) : first.text;
        map.set(key, [...(map.get(key) ?? []), phrase]);
      }
    }
  });
  return index;
}

let phraseIndex: PhraseIndex | null = null;

function phraseAt(tokens: readonly string[], i: number, phrase: Phrase): boolean {
  const words = phrase.words;
  for (let k = 0; k < words.length; k++) {
    const token = tokens[i + k];
    const word = words[k]!;
    if (token === undefined || (word.prefix ? !token.startsWith(word.text) : token !== word.text)) return false;
  }
  return true;
}

function collectThemes(tokens: readonly string[], phrases: readonly Phrase[] | undefined, i: number, found: Uint8Array): void {
  if (!phrases) return;
  for (let p = 0; p < phrases.length; p++) {
    const phrase = phrases[p]!;
    if (found[phrase.theme] === 0 && phraseAt(tokens, i, phrase)) found[phrase.theme] = 1;
  }
}

function themesOfTokens(tokens: readonly string[]): Theme[] {
  phraseIndex ??= compilePhrases();
  const { exact, prefixed, general } = phraseIndex;
  const found = new Uint8Array(THEMES.length);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    collectThemes(tokens, exact.get(token), i, found);
    if (token.length >= PREFIX_KEY) collectThemes(tokens, prefixed.get(token.slice(0, PREFIX_KEY)), i, found);
  }
  const themes: Theme[] = [];
  for (let t = 0; t < found.length; t++) if (found[t] === 1) themes.push(THEMES[t]!);
  if (themes.length === 0) {
    for (let i = 0; i < tokens.length; i++) if (general.some((phrase) => phraseAt(tokens, i, phrase))) return ['General'];
  }
  return themes;
}

/**
 * Themes from UPR Info's issue list whose phrases occur in the text (whole words, any case or accent), in the
 * list's order. "General" only when nothing more specific matched and the text speaks of human rights. Phrases
 * of all three languages apply whatever the page's language: they do not collide, and quotes mix languages.
 */
export function themesOf(text: string): Theme[] {
  return themesOfTokens(foldedTokens(text));
}

/** Both classifications at once, as the panel and the exports show them. */
export function classifyRecommendation(text: string, language?: string | null): Classification {
  const tokens = foldedTokens(text);
  return { actionCategory: actionCategoryOfTokens(tokens, language), themes: themesOfTokens(tokens) };
}

// The short tags of UPR Info's database export, each the name of one theme of its issue list.
const UPR_INFO_TAGS: Readonly<Record<string, Theme>> = {
  'Asylum-seekers - refugees': 'Asylum-seekers and refugees',
  'CP rights - general': 'Civil and political rights – general',
  'ESC rights - general': 'Economic, social and cultural rights – general',
  'HIV - Aids': 'HIV/AIDS',
  NHRI: 'National human rights institution',
  'Torture and other CID treatment': 'Torture and other cruel, inhuman or degrading treatment',
};

const THEME_BY_KEY = new Map<string, Theme>([
  ...THEMES.map((theme): [string, Theme] => [foldedTokens(theme).join(' '), theme]),
  ...Object.entries(UPR_INFO_TAGS).map(([tag, theme]): [string, Theme] => [foldedTokens(tag).join(' '), theme]),
]);

/** A theme named in a dataset ("women’s rights", "Civil and political rights - general") → its canonical name. */
export function themeFromName(name: string): Theme | null {
  return THEME_BY_KEY.get(foldedTokens(name).join(' ')) ?? null;
}

/** "5", "Category 5", "Specific action" → 5. */
export function actionCategoryFromLabel(label: string): ActionCategory | null {
  const key = foldedTokens(label).join(' ');
  const digit = /(?:^|\D)([1-5])(?:\D|$)/.exec(key);
  if (digit) return Number(digit[1]) as ActionCategory;
  for (const [category, text] of Object.entries(ACTION_CATEGORY_LABELS)) {
    const first = foldedTokens(text)[0]!;
    if (key === foldedTokens(text).join(' ') || key === first) return Number(category) as ActionCategory;
  }
  return null;
}
