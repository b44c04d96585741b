// Reading one cell of a dataset: text made safe to store, states resolved to ISO codes, sessions and cycles,
// responses, issues and action categories. Each reader returns a value or a reason the row cannot be used, in
// words the import report shows to the user.
import { actionCategoryFromLabel, foldedTokens, themeFromName, type Theme } from '@/utils/classify';
import type { ActionCategory, Response } from '@/utils/model';
import { countryFromCode, countryFromName, cycleOfSession, type Country } from '@/utils/upr';

export const MAX_TEXT_LENGTH = 20_000;
const MAX_NAME_LENGTH = 200;
const MAX_ECHO = 60;
// Sessions run to about 54 in 2027; anything past this is a year or a typo, not a session.
const MAX_SESSION = 80;
const MAX_CYCLE = 10;

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = <T>(reason: string): Read<T> => ({ ok: false, reason });

// C0/C1 control characters other than tab and newlines, and the bidi overrides that can disguise text.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// A spreadsheet runs a cell starting with these as a formula; "-" only when a formula could follow (not "- Ratify").
const FORMULA = /^(?:[=+@\t\r]|-(?=[\d(=+@-]))/;
const MARKUP = /<\s*\/?\s*[a-z!][^>]*>|javascript\s*:|\bon[a-z]+\s*=\s*["']/i;
const LIST_MARKER = /^(?:[-–—•*·▪◦●]\s+)/;

/** A short, printable quote of a cell for the report. */
export function echo(value: string): string {
  const clean = value.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  return clean.length > MAX_ECHO ? `${clean.slice(0, MAX_ECHO - 1)}…` : clean;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const ENTITY = /&(?:#(\d{1,6})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi;

/** UPR Info's export writes some characters as HTML entities ("&#40;Unknown&#41;"); read them as the characters. */
function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = dec ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

export function cleanCell(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return '';
  return decodeEntities(value).replace(CONTROL, '').trim();
}

// "128.26 Ratify …" (UHRI and WG reports number each recommendation by its paragraph).
const LEADING_PARAGRAPH = /^(\d{1,3}\.\d{1,3})\.?\s+(?=\S)/;
// "… (France); " or "… (Brazil) (Chile)." at the end: the report's attribution, not part of the words.
const TRAILING_ATTRIBUTION = /\s*\(([^()]{2,120})\)[\s;,.]*$/u;

/**
 * Splits a report's paragraph number off the front of a text and the recommending states' attribution off its
 * end, so the words compare equal to the same recommendation from another source. Parentheses that do not name
 * states ("(ICCPR)") stay.
 */
export function splitReportText(raw: string): { text: string; paragraph: string | null } {
  let text = raw;
  let paragraph: string | null = null;
  const lead = LEADING_PARAGRAPH.exec(text);
  if (lead) {
    paragraph = lead[1]!;
    text = text.slice(lead[0].length);
  }
  // One group at a time from the end, while each names states: "(ICESCR) (Rwanda)" keeps "(ICESCR)".
  for (let tail = TRAILING_ATTRIBUTION.exec(text); tail; tail = TRAILING_ATTRIBUTION.exec(text)) {
    const names = tail[1]!.split(/\s*[,;]\s*|\s+and\s+/);
    if (!names.every((n) => resolveState(n.trim()) !== null)) break;
    text = text.slice(0, tail.index).trimEnd();
  }
  return { text, paragraph };
}

export function readText(raw: string): Read<string> {
  const text = raw.replace(LIST_MARKER, '').replace(/\s+/g, ' ').trim();
  if (!text) return fail('no recommendation text');
  if (text.length > MAX_TEXT_LENGTH) return fail(`recommendation text longer than ${MAX_TEXT_LENGTH.toLocaleString('en')} characters`);
  if (FORMULA.test(text)) return fail(`recommendation text starts with "${text[0]}", which spreadsheets run as a formula`);
  if (MARKUP.test(text)) return fail('recommendation text contains HTML or script markup');
  if (!/\p{L}{2}/u.test(text)) return fail(`recommendation text "${echo(text)}" has no words`);
  return ok(text);
}

// UPR Info's short names that the country tables do not know.
// TODO(2026-12-02): these belong in utils/upr/country-aliases.ts; kept here until that table takes them.
const UPR_INFO_NAMES: Readonly<Record<string, string>> = {
  'dpr korea': 'PRK',
  'democratic republic of congo': 'COD',
  'macedonia fyr': 'MKD',
};

function resolveState(raw: string): Country | null {
  // UHRI marks every value of a list with "- "; UPR Info writes "Bosnia & Herzegovina".
  const name = raw.replace(/^\s*[-–•]\s*/, '').replace(/\s*&\s*/g, ' and ').trim();
  if (/^[A-Za-z]{3}$/.test(name)) {
    const byCode = countryFromCode(name.toUpperCase());
    if (byCode) return byCode;
  }
  const alias = UPR_INFO_NAMES[name.toLowerCase().replace(/\s+/g, ' ')];
  return (alias ? countryFromCode(alias) : null) ?? countryFromName(name);
}

export function readStateUnderReview(raw: string): Read<Country> {
  if (!raw) return fail('no state under review');
  if (FORMULA.test(raw) || MARKUP.test(raw)) return fail(`state under review "${echo(raw)}" is not a state name`);
  const country = resolveState(raw);
  return country ? ok(country) : fail(`unknown state under review "${echo(raw)}"`);
}

export interface RecommendingState {
  name: string;
  code: string | null;
}

/**
 * One or more recommending states: joint recommendations list several ("France; Germany"). An unknown name that
 * is plausibly an entity ("European Union") is kept with no code rather than losing the recommendation.
 */
// Datasets that keep a recommendation whose state the report does not name say so in the cell.
const UNNAMED_STATE = /^[\s(\[]*(?:unknown|not known|n\/?a|none|inconnu|desconocido|-+|\?+)[\s)\]]*$/i;

export function readRecommendingStates(raw: string): Read<RecommendingState[]> {
  if (!raw) return fail('no recommending state');
  // The recommendation stands without its author: kept with no recommending state rather than lost.
  if (UNNAMED_STATE.test(raw)) return ok([]);
  if (FORMULA.test(raw) || MARKUP.test(raw) || raw.length > MAX_NAME_LENGTH) return fail(`recommending state "${echo(raw)}" is not a state name`);
  const whole = resolveState(raw);
  if (whole) return ok([{ name: whole.name, code: whole.code }]);
  const parts = raw.split(/\s*[;|\n]\s*|\s*,\s*/).filter(Boolean);
  if (parts.length > 1) {
    const countries = parts.map(resolveState);
    if (countries.every((c): c is Country => c !== null)) {
      const unique = new Map(countries.map((c) => [c.code, { name: c.name, code: c.code }]));
      return ok([...unique.values()]);
    }
  }
  return ok([{ name: raw.replace(/^\s*[-–•]\s*/, '').replace(/\s+/g, ' '), code: null }]);
}

const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5 };
const ORDINAL_WORDS: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, premier: 1, deuxieme: 2, troisieme: 3, quatrieme: 4, primer: 1, segundo: 2, tercer: 3, cuarto: 4 };

export function readCycle(raw: string): Read<number | null> {
  if (!raw) return ok(null);
  const tokens = foldedTokens(raw);
  for (const token of tokens) {
    const digits = /^(\d+)(?:st|nd|rd|th|e|er|eme|o|ro|do|to)?$/.exec(token);
    const value = digits ? Number(digits[1]) : (ROMAN[token] ?? ORDINAL_WORDS[token]);
    if (value !== undefined) return value >= 1 && value <= MAX_CYCLE ? ok(value) : fail(`cycle "${echo(raw)}" is not a UPR cycle`);
  }
  return fail(`cycle "${echo(raw)}" is not a UPR cycle`);
}

/** "34", "UPR 34", "34th session", "Session 34 (Nov 2019)"; a cell that says "Cycle 3" is read as a cycle. */
export function readSession(raw: string): Read<{ session: number | null; cycle: number | null }> {
  if (!raw) return ok({ session: null, cycle: null });
  if (/\b(?:cycle|ciclo)\b/i.test(raw)) {
    const cycle = readCycle(raw);
    return cycle.ok ? ok({ session: null, cycle: cycle.value }) : cycle;
  }
  const match = /(?:^|\D)(\d{1,4})(?:st|nd|rd|th|e|ème|a|ª|º)?(?!\d)/i.exec(raw);
  const session = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(session) || session < 1 || session > MAX_SESSION) return fail(`session "${echo(raw)}" is not a UPR Working Group session`);
  return ok({ session, cycle: cycleOfSession(session) });
}

const NOTED_WORDS = new Set(['noted', 'note', 'notee', 'notes', 'rejected', 'reject', 'rejetee', 'rejete', 'rechazada', 'rechazado', 'anotada', 'tomada']);
const SUPPORTED_WORDS = new Set(['supported', 'support', 'accepted', 'accept', 'agreed', 'acceptee', 'accepte', 'soutenue', 'appuyee', 'aceptada', 'aceptado', 'apoyada', 'apoyado', 'yes', 'oui', 'si']);
const NEGATIONS = new Set(['not', 'non', 'no', 'pas']);
const PARTIAL_WORDS = new Set(['partially', 'partial', 'partly', 'partiellement', 'parcialmente']);

/**
 * "Supported"/"accepted" → supported; "noted"/"rejected"/"not accepted" → noted; "partially accepted" → noted,
 * because the UN records a recommendation that is not fully supported as noted. Anything else (blank, "pending")
 * → unknown.
 */
export function readResponse(raw: string): Response | null {
  const tokens = foldedTokens(raw);
  if (tokens.some((t) => PARTIAL_WORDS.has(t) || NOTED_WORDS.has(t))) return 'noted';
  const supported = tokens.findIndex((t) => SUPPORTED_WORDS.has(t));
  if (supported < 0) return null;
  return supported > 0 && NEGATIONS.has(tokens[supported - 1]!) ? 'noted' : 'supported';
}

/** The most issues one row may list, and the longest issue cell (UPR Info's rows list a handful, in a few hundred characters). */
export const MAX_THEMES_LISTED = 100;
export const MAX_THEMES_CHARS = 10_000;
/** The most comma-separated parts one issue name spans ("Economic, social and cultural rights – general" spans 2). */
const MAX_THEME_PARTS = 4;
const THEME_SEPARATOR = /[;|\n]/;

/** Why a row's issue cell is refused (more issues, or longer, than a real row lists), or null. */
export function themesTooMany(raw: unknown): string | null {
  if (Array.isArray(raw)) return raw.length > MAX_THEMES_LISTED ? `more than ${MAX_THEMES_LISTED} issues listed` : null;
  if (typeof raw !== 'string') return null;
  if (raw.length > MAX_THEMES_CHARS) return `an issue list longer than ${MAX_THEMES_CHARS.toLocaleString('en')} characters`;
  return raw.split(THEME_SEPARATOR).length > MAX_THEMES_LISTED ? `more than ${MAX_THEMES_LISTED} issues listed` : null;
}

/** Issue names from UPR Info's list, separated by ";", "|", new lines or commas (which may also sit inside a name). */
export function readThemes(raw: string | readonly unknown[]): Theme[] {
  const pieces = typeof raw === 'string' ? raw.split(THEME_SEPARATOR) : raw.filter((v): v is string => typeof v === 'string');
  const found = new Set<Theme>();
  for (const piece of pieces) {
    const parts = piece.split(',');
    for (let i = 0; i < parts.length; ) {
      let matched = false;
      // Longest run of comma-separated parts that names a theme ("Economic, social and cultural rights – general").
      for (let j = Math.min(parts.length, i + MAX_THEME_PARTS); j > i; j--) {
        const theme = themeFromName(parts.slice(i, j).join(','));
        if (theme) {
          found.add(theme);
          i = j;
          matched = true;
          break;
        }
      }
      if (!matched) i += 1;
    }
  }
  return [...found];
}

export function readActionCategory(raw: string): ActionCategory | null {
  return raw ? actionCategoryFromLabel(raw) : null;
}
