// utils/classify: what a recommendation asks for — UPR Info's action category (1–5, read from its first verb) and
// the themes of UPR Info's issue list it touches — from its text alone, in English, French or Spanish. Pure and
// fast (tables are compiled once into maps keyed by word); the verb and phrase tables live in verbs.ts and
// themes.ts so a correction is a one-line change. No DOM, no storage.
import type { ActionCategory } from '@/utils/model';
import { foldedTokens } from './fold';
import { THEME_PHRASES, THEMES, type Theme } from './themes';
import {
  CLAUSE_OPENERS,
  CREATE_OR_IMPROVE_LEMMAS,
  EXISTING_OBJECT_WORDS,
  JOIN_OR_COMPLY_LEMMAS,
  SPECIFIC_IF_NAMED,
  NAMED_THING_WORDS,
  RULE_WORDS,
  ENDING_LEMMAS,
  FIXED_LEMMAS,
  LEGAL_TEXT_WORDS,
  WRONG_AT_LARGE_WORDS,
  GENERAL_OBJECT_WORDS,
  LEAD_IN_WORDS,
  LIGHT_LEMMAS,
  NOT_VERB_FORMS,
  MEASURE_WORDS,
  NOT_VERB_STARTS,
  OBJECT_OPENERS,
  SPECIFIC_ACT_NOUNS, OBJECT_BOUNDARY_WORDS, SKIPPABLE_WORDS, SPECIFIC_OBJECT_WORDS, VERB_TABLE } from './verbs';

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
// How far after the verb its object is looked for: "adopt all necessary and appropriate legislative measures".
const OBJECT_WINDOW = 6;
const SHARING_WORDS = new Set(['available', 'disposition', 'disposicion']);
const CONSIDERING_WORDS = new Set(['consideration', 'thought', 'consideracion']);
const LEGISLATIVE_WORDS = new Set(['legislative', 'legal', 'legislatives', 'legislativas', 'legislativos', 'juridiques', 'legales']);
const NUMBER = /^\d+$/;

interface VerbForm {
  tokens: string[];
  category: ActionCategory;
  /**
   * How its object may change its category: a specific verb becomes general over "measures" ('lower'), a light
   * verb takes the object's category ('both'), the others keep theirs ('none').
   */
  objectRule: 'lower' | 'both' | 'none';
  /** It ends something: a wrong at large is general action, a rule or practice named specific. */
  ending: boolean;
  /**
   * A verb with two senses that its object tells apart: it creates something new or improves what exists ("develop a
   * law" / "develop its legislation"), or it joins a treaty or abides by rules ("adhere to the Convention" / "adhere to
   * international law").
   */
  twoSided: 'create-or-improve' | 'join-or-comply' | 'if-named' | null;
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
      // "put an end to", "mettre fin à", "poner término a" end something as "end" does.
      const ending = ENDING_LEMMAS.has(lemma) || tail.some((t) => t === 'end' || t === 'fin' || t === 'terme' || t === 'termino');
      // "prendre en considération", "take into consideration": an idiom of a light verb keeps its own category.
      const objectRule = LIGHT_LEMMAS.has(lemma) && entry.category === 4 ? 'both' : entry.category === 5 && !FIXED_LEMMAS.has(lemma) ? 'lower' : 'none';
      const firstWords = [...INFLECT[language](lemma).map((form) => [form]), ...irregular.map((form) => foldedTokens(form))];
      for (const first of firstWords) {
        const tokens = [...first, ...tail];
        // A one-word form that is also a connective ("de", "a") would turn every "de" into a verb.
        if (tokens.length === 0 || (tokens.length === 1 && (SKIPPABLE_WORDS.has(tokens[0]!) || NOT_VERB_FORMS.has(tokens[0]!) || tokens[0]!.length < 3))) continue;
        const list = byFirstWord.get(tokens[0]!) ?? [];
        if (!list.some((f) => f.tokens.join(' ') === tokens.join(' '))) list.push({ tokens, category: entry.category, objectRule, ending, twoSided: CREATE_OR_IMPROVE_LEMMAS.has(lemma) ? 'create-or-improve' : JOIN_OR_COMPLY_LEMMAS.has(lemma) ? 'join-or-comply' : SPECIFIC_IF_NAMED.has([lemma, ...tail].join(' ')) ? 'if-named' : null });
        byFirstWord.set(tokens[0]!, list);
      }
    }
  }
  // Longest first, so "mettre en œuvre" (5) wins over "mettre" (4) and "take into consideration" (3) over "take" (4).
  for (const list of byFirstWord.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return byFirstWord;
}

let verbMaps: Record<Language, Map<string, VerbForm[]>> | null = null;
// The maps in the order a page's language asks for, built once per language rather than once per call.
const mapsByLanguage = new Map<string, Map<string, VerbForm[]>[]>();
// First words of the forms of minimal action, so that a search for one skips every other word at once.
let minimalFirstWords: ReadonlySet<string> = new Set();

function verbMapsInOrder(language: string | null | undefined): Map<string, VerbForm[]>[] {
  const preferred = (language ?? '').toLowerCase().slice(0, 2) as Language;
  const key = LANGUAGES.includes(preferred) ? preferred : '';
  const cached = mapsByLanguage.get(key);
  if (cached) return cached;
  if (!verbMaps) {
    const compiled = { en: compileVerbs('en'), fr: compileVerbs('fr'), es: compileVerbs('es') };
    minimalFirstWords = new Set(
      LANGUAGES.flatMap((l) => [...compiled[l]].filter(([, forms]) => forms.some((f) => f.category === 1)).map(([word]) => word)),
    );
    verbMaps = compiled;
  }
  const maps = verbMaps;
  // The page's language first: Spanish "revise" (revisar, 3) is not English "revise" (5).
  const order = key ? [preferred, ...LANGUAGES.filter((l) => l !== preferred)] : LANGUAGES;
  const ordered = order.map((l) => maps[l]);
  mapsByLanguage.set(key, ordered);
  return ordered;
}

function verbAt(tokens: readonly string[], i: number, maps: readonly Map<string, VerbForm[]>[]): VerbForm | null {
  for (const map of maps) {
    const candidates = map.get(tokens[i]!);
    if (!candidates) continue;
    for (const form of candidates) if (form.tokens.every((t, k) => tokens[i + k] === t)) return form;
  }
  return null;
}

// How far a verb that is specific only over a thing named looks for it: "include … in its Criminal Code".
const NAMED_THING_WINDOW = 10;

/** Whether a text, a body, a plan or an act is named within reach: "include a definition of torture in the Penal Code". */
function namesSpecificThing(tokens: readonly string[], from: number): boolean {
  for (let i = from; i < tokens.length && i < from + NAMED_THING_WINDOW; i++) {
    const token = tokens[i]!;
    if (SPECIFIC_OBJECT_WORDS.has(token) || LEGAL_TEXT_WORDS.has(token) || SPECIFIC_ACT_NOUNS.has(token) || NAMED_THING_WORDS.has(token)) return true;
  }
  return false;
}

// How far an ending verb's object and the text it is to be removed from are read.
const ENDING_WINDOW = 10;

function endsWrongAtLarge(tokens: readonly string[], from: number): boolean {
  const window = tokens.slice(from, from + ENDING_WINDOW);
  const wrong = window.findIndex((t) => WRONG_AT_LARGE_WORDS.has(t));
  return wrong >= 0 && !window.some((t) => LEGAL_TEXT_WORDS.has(t));
}

/** A verb form's category once its object is read (the form's own words end at `after`). */
function categoryWithObject(form: VerbForm, tokens: readonly string[], after: number): ActionCategory {
  // "Develop its legislation", "develop the penal legislation": improving what exists is general action.
  if (form.twoSided === 'create-or-improve' && form.category === 5 && EXISTING_OBJECT_WORDS.has(tokens[after] ?? '')) return 4;
  // "Adhere to international humanitarian law", "adhere to the principles of …": abiding by rules is general action.
  // "Include civil society in decision-making", "recognize the right to …", "put an end to forced labour": general
  // action unless a text, a body or a plan is named ("include a definition in the Penal Code").
  if (form.twoSided === 'if-named' && form.category === 5 && !namesSpecificThing(tokens, after)) return 4;
  if (form.twoSided === 'join-or-comply' && tokens.slice(after, after + OBJECT_WINDOW).some((t) => RULE_WORDS.has(t))) return 4;
  // Ending a policy or measures is as specific as ending a rule: only a wrong at large makes an ending general.
  const object = form.objectRule === 'none' || (form.ending && form.category === 5) ? null : categoryOfObject(tokens, after, form.objectRule === 'lower');
  // A specific verb only ever becomes general by its object; a light verb takes whatever its object says.
  const category = object === null || (form.objectRule === 'lower' && object !== 4) ? form.category : object;
  if (category === 4 && form.category === 4 && measuredObject(tokens, after)) return 5;
  return form.ending && category === 5 && endsWrongAtLarge(tokens, after) ? 4 : category;
}

// "increase its budgetary allocations": the quantity is this close to the verb.
const MEASURE_REACH = 3;

function measuredObject(tokens: readonly string[], from: number): boolean {
  for (let i = from; i < tokens.length && i < from + MEASURE_REACH; i++) if (MEASURE_WORDS.has(tokens[i]!)) return true;
  return false;
}

/** 4 or 5 from the verb's object when its words say general or specific; null when they say neither. */
function categoryOfObject(tokens: readonly string[], from: number, specificVerb = false): ActionCategory | null {
  for (let i = from; i < tokens.length && i < from + OBJECT_WINDOW; i++) {
    const token = tokens[i]!;
    // "Adopt legislative measures" asks for a law; "take legislative measures" stays general.
    if (specificVerb && LEGISLATIVE_WORDS.has(token)) return 5;
    // "an action plan", "a policy document": the second word names the thing.
    if (GENERAL_OBJECT_WORDS.has(token) && !SPECIFIC_OBJECT_WORDS.has(tokens[i + 1] ?? '')) return 4;
    // "the ratification process": the act named decides.
    if (SPECIFIC_OBJECT_WORDS.has(token) || SPECIFIC_ACT_NOUNS.has(token)) return 5;
    // "Make available to other countries its experience": sharing, minimal action.
    if (SHARING_WORDS.has(token)) return 1;
    // "give positive consideration to ratifying": considering action.
    if (CONSIDERING_WORDS.has(token)) return 3;
    if (OBJECT_BOUNDARY_WORDS.has(token)) return null;
  }
  return null;
}

/**
 * UPR Info's action category from the recommendation's first verb: skips list markers, adverbs ("Urgently adopt"),
 * "to"/"de"/"que", modal verbs, and lead-in leftovers ("We recommend that X ratify"); "Continue to …" is 2 and
 * "Consider ratifying …" 3 because the first verb decides. Null when no known verb opens the text.
 */
export function actionCategoryOf(text: string, language?: string | null): ActionCategory | null {
  return firstVerbOf(text, language)?.category ?? null;
}

/** The verb that decides the category: its words as matched, and whether the tables know it. */
export interface DecidingVerb {
  words: string;
  /** False for a verb the tables do not list, read as general action (or by its object). */
  known: boolean;
  category: ActionCategory;
}

const MODAL_WORDS = new Set(['should', 'shall', 'must', 'will', 'would', 'may', 'might', 'could', 'can']);
const BETTER_WORDS = new Set(['better', 'mieux', 'mejor']);
const AND_WORDS = new Set(['and', 'et', 'y', 'e']);

// "… including by adopting a law", "… in particular through the ratification of …": the means named. "Including"
// alone names one too: "take measures against trafficking, including the adoption of a law" ("y compris
// l'adoption", "incluida la aprobación").
const MEANS_WORDS = new Set(['by', 'through', 'par', 'mediante', 'via', 'including', 'compris', 'incluida', 'incluido', 'incluidas', 'incluidos']);
const MEANS_REACH = 3;
// "by means of training", "by way of eradicating", "including by, for example, providing", "inter alia by …".
const MEANS_FILLERS = new Set(['means', 'way', 'for', 'example', 'inter', 'alia']);


/**
 * The category of the means a recommendation names, 5 if any is specific, 4 if one is general, null if it names
 * none. A general recommendation made specific by its means ("Take measures to protect migrants, in particular by
 * ratifying the Convention") is specific action, and a continuing one with a means ("Continue its reforms, including
 * by strengthening the judiciary") is what the means is: UPR Info codes the act asked for.
 */
function meansCategory(tokens: readonly string[], from: number, maps: readonly Map<string, VerbForm[]>[]): ActionCategory | null {
  let found: ActionCategory | null = null;
  for (let i = from; i < tokens.length; i++) {
    if (!MEANS_WORDS.has(tokens[i]!)) continue;
    for (let k = i + 1; k < tokens.length && k <= i + MEANS_REACH; k++) {
      const word = tokens[k]!;
      if (SPECIFIC_ACT_NOUNS.has(word)) return 5;
      // "by 2015": a date, not a means.
      if (NUMBER.test(word)) break;
      // A gerund ("by ratifying"), not any word that a verb table lists ("by law", "by the Committee").
      const form = word.endsWith('ing') || word.endsWith('ant') || word.endsWith('ando') || word.endsWith('iendo') ? verbAt(tokens, k, maps) : null;
      if (form) {
        const category = categoryWithObject(form, tokens, k + form.tokens.length);
        if (category === 5) return 5;
        if (category === 4) found = 4;
        break;
      }
      // Only articles and adverbs stand between the means word and the act: "by fully implementing", "through the
      // adoption"; "through Law when implementing" names no means.
      if (!SKIPPABLE_WORDS.has(word) && !MEANS_FILLERS.has(word) && !word.endsWith('ly')) break;
    }
  }
  return found;
}

// "Identify its needs for technical assistance", "formulate its requests for assistance", "définir ses besoins
// d'assistance technique": working out the help to ask for is asking for it, minimal action (1). The needs are the
// verb's object (this close) and the help is named soon after.
const NEEDS_REACH = 4;
const HELP_REACH = 12;
const NEEDS_WORDS = new Set(['needs', 'requirements', 'requests', 'request', 'besoins', 'demandes', 'necesidades', 'solicitudes']);
const HELP_WORDS = new Set(['assistance', 'aid', 'asistencia', 'ayuda', 'aide']);

function namesNeedsForHelp(tokens: readonly string[], from: number): boolean {
  const needs = tokens.slice(from, from + NEEDS_REACH).findIndex((t) => NEEDS_WORDS.has(t));
  if (needs < 0) return false;
  // "the Legal Aid Act" names a law, not help.
  for (let i = from; i < tokens.length && i < from + HELP_REACH; i++) if (HELP_WORDS.has(tokens[i]!) && !LEGAL_TEXT_WORDS.has(tokens[i + 1] ?? '')) return true;
  return false;
}

// How far after a general verb a request for help or an offer to share is read: "Strengthen and share its
// experience", "Intensify its engagement with the international community to exchange best practices".
const MINIMAL_WINDOW = 8;
const RIGHT_WORDS = new Set(['right', 'rights', 'droit', 'droits', 'derecho', 'derechos']);

/** A general verb whose purpose is to share or to ask for help asks for minimal action (1), as UPR Info codes it. */
function asksMinimalAct(tokens: readonly string[], from: number, maps: readonly Map<string, VerbForm[]>[]): boolean {
  for (let i = from; i < tokens.length && i < from + MINIMAL_WINDOW; i++) {
    if (!minimalFirstWords.has(tokens[i]!) || verbAt(tokens, i, maps)?.category !== 1) continue;
    // "the request to visit" is a noun; "the right to receive, seek and impart information" names a right.
    if (OBJECT_OPENERS.has(tokens[i - 1] ?? '') || tokens.slice(Math.max(from, i - 3), i).some((t) => RIGHT_WORDS.has(t))) continue;
    return true;
  }
  return false;
}

// A recommendation opening on a clause ("In the light of its national realities, continue …", "Recalling
// resolution 62/149, reinstate …") puts its verb after the comma; this many clauses are tried.
const MAX_CLAUSES = 3;
const CLAUSE_BREAK = /[,;:]/g;

/**
 * Which verb decided the category of a text, and how: the first known verb of the text or of one of its first
 * clauses, its category corrected by its object; failing that, a first word the tables do not know is taken for a
 * verb of general action (4), or specific (5) when its object says so. Null when the text opens on no verb at all
 * ("Thank you, Mr. President", "Human rights defenders should be protected").
 */
export function firstVerbOf(text: string, language?: string | null): DecidingVerb | null {
  const head = text.slice(0, 1_000);
  const starts = [0];
  for (const match of head.matchAll(CLAUSE_BREAK)) {
    if (starts.length > MAX_CLAUSES) break;
    starts.push(match.index + 1);
  }
  // Each clause runs to the end of the head; the text is tokenized once, clause by clause, and each clause's words
  // are the words from its own start on.
  const segments = starts.map((start, j) => foldedTokens(head.slice(start, starts[j + 1] ?? head.length)));
  const all = segments.length === 1 ? segments[0]! : segments.flat();
  let offset = 0;
  const clauses = segments.map((segment, j) => {
    const clause = j === 0 ? all : all.slice(offset);
    offset += segment.length;
    return clause;
  });
  // "With the support of …, continue …": the opening clause is not the recommendation.
  if (clauses.length > 1 && CLAUSE_OPENERS.has(clauses[0]![0] ?? '')) clauses.push(clauses.shift()!);
  const maps = verbMapsInOrder(language);
  // The first clause's own verb, known or not, before a known verb of a later clause: "Prescribe FGM as an
  // offence, in addition to …, and take measures" asks first of all to prescribe.
  const [first, ...rest] = clauses;
  const verb = knownVerbIn(first!, maps) ?? unknownVerbIn(first!);
  if (verb) return verb;
  for (const tokens of rest) {
    const known = knownVerbIn(tokens, maps);
    if (known) return known;
  }
  for (const tokens of rest) {
    const unknown = unknownVerbIn(tokens);
    if (unknown) return unknown;
  }
  return null;
}

function knownVerbIn(tokens: readonly string[], maps: readonly Map<string, VerbForm[]>[]): DecidingVerb | null {
  let unknownAllowed = UNKNOWN_WORDS_BEFORE_VERB;
  let afterLeadIn = false;
  let better = false;
  for (let i = 0; i < tokens.length && i < MAX_WORDS_BEFORE_VERB; i++) {
    const form = verbAt(tokens, i, maps);
    if (form) {
      const after = i + form.tokens.length;
      // "Better implement the laws": doing better what is done already is general action.
      const category = better && form.objectRule === 'lower' ? 4 : categoryWithObject(form, tokens, after);
      // "Continue and strengthen …", "Maintain and expand …", "Review and amend …": continuing or considering, yes,
      // but the second verb says what.
      const next = (form.category === 2 || form.category === 3) && AND_WORDS.has(tokens[after] ?? '') ? knownVerbIn(tokens.slice(after + 1, after + 4), maps) : null;
      if (next && next.category >= 4) return { words: `${form.tokens.join(' ')} and ${next.words}`, known: true, category: next.category };
      if ((category === 4 && asksMinimalAct(tokens, after, maps)) || (category >= 4 && namesNeedsForHelp(tokens, after))) return { words: form.tokens.join(' '), known: true, category: 1 };
      if (category === 4 || category === 2) {
        const means = meansCategory(tokens, after, maps);
        if (means !== null && means > category) return { words: form.tokens.join(' '), known: true, category: means };
      }
      return { words: form.tokens.join(' '), known: true, category };
    }
    const token = tokens[i]!;
    if (SKIPPABLE_WORDS.has(token) || NUMBER.test(token)) continue;
    if (BETTER_WORDS.has(token)) {
      better = true;
      continue;
    }
    if (LEAD_IN_WORDS.has(token)) {
      unknownAllowed = UNKNOWN_WORDS_AFTER_LEAD_IN;
      afterLeadIn = true;
      continue;
    }
    // "Recommended the ratification of …", "recommended that the law be amended": the act named, not ordered.
    // … and so does a text that opens on the act itself: "The accession to the Convention", "That the Act be amended".
    if (afterLeadIn || unknownAllowed === UNKNOWN_WORDS_BEFORE_VERB) {
      const named = namedAct(tokens, i, maps, afterLeadIn);
      if (named) return named;
    }
    // "Disseminate the report", "Deal with the issue of …", "Reject any attempt to impose …": an unknown first word
    // followed by what opens an object is the verb itself, not a subject ("Kazakhstan ratifies").
    if (unknownAllowed === UNKNOWN_WORDS_BEFORE_VERB && !afterLeadIn && opensObject(tokens, i + 1, maps) && !NOT_VERB_STARTS.has(token) && token.length >= 3) {
      return { words: token, known: false, category: unknownVerbCategory(tokens, i + 1) };
    }
    if (--unknownAllowed < 0) break;
  }
  return null;
}

/**
 * Whether an object opens at `i`. English "a" opens one ("Initiate a campaign"); Spanish and French "a" before an
 * article or a verb is a preposition ("Instar a las autoridades a que …", "Ayudar a fortalecer").
 */
function opensObject(tokens: readonly string[], i: number, maps: readonly Map<string, VerbForm[]>[]): boolean {
  const word = tokens[i] ?? '';
  if (!OBJECT_OPENERS.has(word)) return false;
  if (word !== 'a') return true;
  const next = tokens[i + 1] ?? '';
  return !SKIPPABLE_WORDS.has(next) && verbAt(tokens, i + 1, maps) === null;
}

/** English nouns of acts and passive participles, back to the verb: ratification → ratify, amended → amend. */
function verbsBehind(word: string): string[] {
  const out: string[] = [];
  const swap = (suffix: string, ...endings: string[]) => {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) for (const e of endings) out.push(word.slice(0, -suffix.length) + e);
  };
  swap('ification', 'ify');
  swap('ation', 'e', 'ate', '');
  swap('ment', '');
  swap('ssion', 'de');
  swap('uction', 'uce');
  swap('ition', 'ish');
  swap('ion', 'e', '');
  swap('al', '', 'e');
  swap('ied', 'y');
  swap('ed', '', 'e');
  return out;
}

function namedAct(tokens: readonly string[], i: number, maps: readonly Map<string, VerbForm[]>[], afterLeadIn: boolean): DecidingVerb | null {
  let k = i;
  // The participle of a passive comes after "be": "that legislation be adopted". Without a lead-in, only the bare
  // "be" of a recommendation ("That the Act be amended") asks for it; "defenders should be protected" states.
  const be = tokens.indexOf('be', i);
  if (be >= 0 && be < i + UNKNOWN_WORDS_AFTER_LEAD_IN) {
    if (!afterLeadIn && MODAL_WORDS.has(tokens[be - 1] ?? '')) return null;
    k = be + 1;
  }
  // Without "be", a past form acts on what follows ("Requested that …", "Requested more information"); before a
  // noun it is an adjective ("A sustained improvement …").
  if (k === i && tokens[k]?.endsWith('ed') && !OBJECT_OPENERS.has(tokens[k + 1] ?? '')) return null;
  for (const lemma of verbsBehind(tokens[k] ?? '')) {
    const form = verbAt([lemma, ...tokens.slice(k + 1, k + 4)], 0, maps);
    if (!form || form.tokens.length !== 1) continue;
    // Its object is what follows the noun ("the adoption of a law": specific) or the subject of the passive, from
    // its "that" on ("as a first step, that further measures be adopted": general).
    if (k === i) return { words: tokens[k]!, known: true, category: categoryWithObject(form, tokens, k + 1) };
    const subject = tokens.slice(i, k - 1);
    return { words: tokens[k]!, known: true, category: categoryWithObject(form, subject.slice(subject.lastIndexOf('that') + 1), 0) };
  }
  return null;
}

/** A verb the tables do not list is general action, unless its object is specific or a quantity ("Raise the age"). */
function unknownVerbCategory(tokens: readonly string[], from: number): ActionCategory {
  if (namesNeedsForHelp(tokens, from)) return 1;
  return categoryOfObject(tokens, from) ?? (measuredObject(tokens, from) ? 5 : 4);
}

// Fewer words than this are not a recommendation whose first word could be a verb.
const MIN_WORDS_FOR_UNKNOWN_VERB = 3;

function unknownVerbIn(tokens: readonly string[]): DecidingVerb | null {
  if (tokens.length < MIN_WORDS_FOR_UNKNOWN_VERB) return null;
  let i = 0;
  while (i < tokens.length && (SKIPPABLE_WORDS.has(tokens[i]!) || LEAD_IN_WORDS.has(tokens[i]!) || NUMBER.test(tokens[i]!))) i++;
  const token = tokens[i];
  if (!token || token.length < 3 || NOT_VERB_STARTS.has(token) || i + 1 >= tokens.length) return null;
  return { words: token, known: false, category: unknownVerbCategory(tokens, i + 1) };
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
  return { actionCategory: actionCategoryOf(text, language), themes: themesOfTokens(foldedTokens(text)) };
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
