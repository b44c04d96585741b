// Page metadata: who recommends, to whom, which Working Group session and cycle, when, in which language.
import { countryOfHost, cycleOfDate, cycleOfSession, findCountryMentions, sessionOfDate, type Country, type CountryMention } from '@/utils/upr';
import { findDateIn } from './dates';
import { ordinalValue, WORD_SESSION } from './ordinals';
import { normalizeSpace, type Line } from './lines';
import type { LeadIn } from './recommendations';

export interface PageMeta {
  title: string;
  recommendingState: string | null; recommendingStateCode: string | null;
  stateUnderReview: string | null; stateUnderReviewCode: string | null;
  session: number | null; cycle: number | null; date: string | null; language: string | null;
}

const HEAD_LINES = 14;
const DATELINE_LINES = 4;
const MAX_HEADINGS = 24;
const MAX_HEAD_TEXT = 1_000;
// Names are looked for in the opening of the page only: a statement is short, and a huge page must not cost a
// country lookup for every line.
const MAX_SCAN_CHARS = 40_000;
// "Statement by Australia", "Intervention de la France", "delivered by the delegation of Estonia".
const AUTHORED_BY =
  /\b(?:statement|intervention|remarks|declaration|recommendations|d[ée]claration|recommandations|intervenci[óo]n|declaraci[óo]n|recomendaciones|delivered)\s+(?:delivered\s+)?(?:by|of|from|de|du|des|del)\s+(?:the\s+|la\s+|l['’]\s*|el\s+)?(?:delegation\s+of\s+|d[ée]l[ée]gation\s+(?:de\s+|du\s+)|delegaci[óo]n\s+de\s+)?(?:the\s+|la\s+|l['’]\s*|el\s+)?$/iu;
// "U.S. Statement", "This UK statement", "Canada's intervention", "Norway`s statement" — not "delegation": "the DPRK
// delegation" and "Ireland's delegation" are the ones being thanked.
const AUTHOR_NOUN = /^(?:['’`´]s)?\s+(?:statement|intervention|remarks|recommendations)\b/i;
// The author line: "Permanent Mission of Japan", "Représentant permanent de la France", "Misión Permanente de Chile".
const MISSION_OF =
  /\b(?:permanent\s+(?:mission|representative|representation|delegation)|(?:mission|d[ée]l[ée]gation|repr[ée]sentation|repr[ée]sentante?|ambassadeur|ambassadrice)\s+permanente?|misi[óo]n\s+permanente|representante\s+permanente|representaci[óo]n\s+permanente|embassy|ambassade|embajada|ministry\s+of\s+foreign\s+affairs|minist[èe]re\s+des\s+affaires\s+[ée]trang[èe]res)\s+(?:of|de|du|del|d['’])\s*(?:the\s+|la\s+|l['’]\s*|el\s+)?$/iu;
// "Estonia welcomes …", "Sweden wishes …": the speaker as the subject of a diplomatic verb.
const SPEAKER_VERB =
  /^\s+(?:warmly\s+|also\s+|further\s+|would\s+like\s+to\s+|wishes\s+to\s+)?(?:welcomes|commends|thanks|congratulates|notes|recognizes|recognises|appreciates|acknowledges|wishes|remains|salue|félicite|remercie|saluda|felicita|agradece|reconoce|da\s+la\s+bienvenida)\b/i;
const WELCOMES_DELEGATION = /\b(?:delegation|d[ée]l[ée]gation|delegaci[óo]n)\s+(?:of|de|du|del)\s+(?:the\s+|la\s+|l['’]\s*)?$/iu;
const HRC_BEFORE = /(?:human\s+rights\s+council|\bHRC|conseil\s+des\s+droits\s+de\s+l['’]homme|consejo\s+de\s+derechos\s+humanos)[\s,:–-]*(?:\w+\s+)?$/i;
const POSTED = /\b(?:posted|published|updated|last\s+modified|publi[ée]e?|mis\s+à\s+jour|publicad[oa]|actualizad[oa])\b/i;
const HRC_AFTER = /^\s+(?:of|du|de|del)\s+(?:the\s+|la\s+|l['’]\s*)?(?:human\s+rights\s+council|HRC\b|conseil\s+des\s+droits\s+de\s+l['’]homme|consejo\s+de\s+derechos\s+humanos)/i;
const POSSESSIVE_BEFORE = /\b(?:its|their|our|his|her|sa|son|leur|notre|su|sus|nuestro|nuestra)\s+$/i;
const SESSION_PATTERNS: readonly RegExp[] = [
  /\b(?:UPR|EPU)[\s\u00a0]*[-–]?[\s\u00a0]*(\d{1,2})(?!\d)/g,
  /\b(\d{1,2})(?:st|nd|rd|th|e|ème|eme|è|ª|º|°|\.ª|\.º)?[\s\u00a0]+(?:UPR[\s\u00a0]+|EPU[\s\u00a0]+)?(?:session|sesi[óo]n|per[íi]odo\s+de\s+sesiones)\b/gi,
  /\bUniversal\s+Period(?:ic)?\s+Review[\s\u00a0]+(\d{1,2})(?!\d)/gi,
  /\b(\d{1,2})(?:st|nd|rd|th)[\s\u00a0]+(?:Universal\s+Periodic\s+Review|UPR)\b/gi,
  // "Session 46 of the UPR Working Group", not "session 12 May" or "session 3.2".
  /\b(?:session|sesi[óo]n)[\s\u00a0]+(?:no\.?[\s\u00a0]*)?(\d{1,2})\b(?![.,/:-]?\d|[\s\u00a0]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|avr|mai|juin|juil|août|déc|ene|abr|ago|dic)\p{L}*)/giu,
];
const URL_SESSION = /(?:upr|epu)[-_]?(\d{1,2})(?!\d)|(?:^|[/_-])(\d{1,2})(?:st|nd|rd|th|e|eme)[-_](?:upr[-_])?session/i;
const MAX_SESSION = 70;

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** The lines that start the page, up to MAX_SCAN_CHARS of text. */
function openingLines(lines: readonly Line[]): readonly Line[] {
  let chars = 0;
  for (let i = 0; i < lines.length; i++) {
    chars += lines[i]!.text.length;
    if (chars > MAX_SCAN_CHARS) return lines.slice(0, i);
  }
  return lines;
}

interface MetaInput { doc: Document; url: string; root: Element; lines: readonly Line[]; leadIns: readonly LeadIn[] }

/** Which signal gave a field its value, in the order of precedence the fields are read in. */
export type MetaSource = 'lead-in' | 'body title' | 'body' | 'author line' | 'site identity' | 'host' | 'page title' | 'page date' | 'address' | 'date' | 'session' | 'document language' | 'wording';
export type MetaSources = Partial<Record<'recommendingState' | 'stateUnderReview' | 'session' | 'cycle' | 'date' | 'language', MetaSource>>;

interface Texts {
  /** The statement's own title and opening lines, then the page's title and first headings. */
  all: string[];
  /** How many of `all` are the statement's own title and opening lines. */
  body: number;
  /** Without a title of its own, the few lines just above the first lead-in, where a statement puts its dateline. */
  dateline: string[];
}

/** Index of the line holding the first lead-in, or -1. */
function firstLeadInLine(leadIns: readonly LeadIn[]): number {
  return leadIns.length ? leadIns[0]!.line : -1;
}

/**
 * The statement's own title is the last heading before its first lead-in that names the UPR: on a page whose first
 * heading belongs to another statement (a banner, a "latest" block), that one wins.
 */
function bodyTitleLine(lines: readonly Line[], leadIns: readonly LeadIn[]): number {
  const first = firstLeadInLine(leadIns);
  for (let i = Math.min(first, lines.length) - 1; i >= 0 && first - i <= HEAD_LINES * 2; i--) {
    const line = lines[i]!;
    if (line.heading && UPR_WORDS.test(line.text)) return i;
  }
  return -1;
}

const UPR_WORDS = /\b(?:universal\s+period(?:ic)?\s+review|examen\s+p[ée]riodique\s+universel|examen\s+peri[óo]dico\s+universal|UPR|EPU)(?![a-z])/i;

function headTexts(doc: Document, root: Element, lines: readonly Line[], leadIns: readonly LeadIn[]): Texts {
  // A date, session or name in the head is near the start of its line; a megabyte-long paragraph is not read whole.
  const clean = (ts: readonly string[]) => ts.map((t) => normalizeSpace(t.slice(0, MAX_HEAD_TEXT))).filter(Boolean);
  const title = bodyTitleLine(lines, leadIns);
  const first = firstLeadInLine(leadIns);
  const texts = title >= 0 ? clean(lines.slice(title, Math.min(first, title + HEAD_LINES)).map((l) => l.text)) : [];
  // Nearest first: "Posted …" at the top of a post is further up than "As delivered, Geneva, …".
  const dateline = title < 0 && first >= 0 ? clean(lines.slice(Math.max(0, first - DATELINE_LINES), first).map((l) => l.text)).reverse() : [];
  const body = texts.length;
  const head: string[] = [];
  const h1s = Array.from(doc.querySelectorAll('h1')).slice(0, 4);
  // The main content's own h1 is the body title; an h1 in the site's header comes after the page title.
  for (const h of h1s) if (root.contains(h)) head.push(h.textContent ?? '');
  head.push(doc.title);
  for (const h of h1s.slice(0, 2)) if (!root.contains(h)) head.push(h.textContent ?? '');
  for (const line of lines.slice(0, HEAD_LINES)) head.push(line.text);
  let headings = 0;
  for (let i = 0; i < lines.length && headings < MAX_HEADINGS; i++) {
    if (lines[i]!.heading) {
      head.push(lines[i]!.text);
      headings++;
    }
  }
  return { all: [...texts, ...clean(head)], body, dateline };
}

/** The session the page states, else the one held on its date, else one in its address (the weakest signal). */
function findSession(texts: Texts, date: string | null, url: string): { session: number | null; source?: MetaSource } {
  for (const [k, text] of texts.all.entries()) {
    for (const pattern of [...SESSION_PATTERNS, WORD_SESSION]) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        const words = m[1]!;
        let start = m.index;
        let n = Number(words);
        if (pattern === WORD_SESSION) {
          // "the forty-ninth session", else only its last word: "the fourth session", "to its third session".
          const last = words.split(/\s+/).pop()!;
          n = ordinalValue(words) ?? 0;
          if (!n) {
            n = ordinalValue(last) ?? 0;
            start += words.length - last.length;
          }
        }
        if (n < 1 || n > MAX_SESSION) continue;
        // "Human Rights Council 36th Session", "52nd session of the Human Rights Council" number the Council.
        const before = text.slice(Math.max(0, start - 40), start);
        if (HRC_BEFORE.test(before) || HRC_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 60))) continue;
        // "to its third UPR session" counts the state's reviews, not the Working Group's sessions.
        if (POSSESSIVE_BEFORE.test(before)) continue;
        return { session: n, source: k < texts.body ? 'body title' : 'page title' };
      }
    }
  }
  const held = date ? sessionOfDate(date) : null;
  if (held !== null) return { session: held, source: 'date' };
  let path = url;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    /* keep the raw string */
  }
  const m = URL_SESSION.exec(path);
  const n = m ? Number(m[1] ?? m[2]) : NaN;
  return n >= 1 && n <= MAX_SESSION ? { session: n, source: 'address' } : { session: null };
}

/** Only U.S. sites write the month first; theirs are the only ".gov" hosts without a country code. */
export function isMonthFirstSite(url: string): boolean {
  return /\.gov$/i.test(hostOf(url));
}

function findDate(doc: Document, root: Element, texts: Texts, url: string): { date: string | null; source?: MetaSource } {
  const monthFirst = isMonthFirstSite(url);
  // The day it was delivered, not the day it was posted: a "Posted on …" line counts only when no other has a date.
  const own = [...texts.all.slice(0, texts.body), ...texts.dateline];
  for (const text of [...own.filter((t) => !POSTED.test(t)), ...own.filter((t) => POSTED.test(t))]) {
    const found = findDateIn(text, monthFirst);
    if (found) return { date: found.iso, source: 'body title' };
  }
  const times = [...Array.from(root.querySelectorAll('time[datetime]')), ...Array.from(doc.querySelectorAll('time[datetime]'))];
  for (const time of times) {
    const found = findDateIn(time.getAttribute('datetime') ?? '');
    if (found) return { date: found.iso, source: 'page date' };
  }
  for (const selector of ['meta[property="article:published_time"]', 'meta[name="dcterms.issued"]', 'meta[name="date"]', 'meta[name="DC.date"]', 'meta[itemprop="datePublished"]']) {
    const found = findDateIn(doc.querySelector(selector)?.getAttribute('content') ?? '');
    if (found) return { date: found.iso, source: 'page date' };
  }
  for (const text of texts.all.slice(texts.body)) {
    const found = findDateIn(text, monthFirst);
    if (found) return { date: found.iso, source: 'body' };
  }
  const inUrl = /\/(20\d{2})\/(\d{2})\/(\d{2})\//.exec(url);
  return inUrl ? { date: `${inUrl[1]}-${inUrl[2]}-${inUrl[3]}`, source: 'address' } : { date: null };
}

/** The language most of the lead-ins are written in ("recommend", "recommand", "recomiend"), if any. */
function languageOfLeadIns(leadIns: readonly LeadIn[]): string | null {
  const votes = new Map<string, number>();
  for (const lead of leadIns) {
    const language = /recommand|adresse/i.test(lead.text) ? 'fr' : /recomend|recomiend/i.test(lead.text) ? 'es' : /recommend/i.test(lead.text) ? 'en' : null;
    if (language) votes.set(language, (votes.get(language) ?? 0) + 1);
  }
  let best: [string, number] | null = null;
  for (const entry of votes) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0] ?? null;
}

/** The statement's language: the page's tag, unless the lead-ins are in another language (an English statement on a page tagged "ja"). */
function findLanguage(doc: Document, root: Element, leadIns: readonly LeadIn[]): { language: string | null; source?: MetaSource } {
  const tagged = (root.closest('[lang]')?.getAttribute('lang') ?? doc.documentElement.getAttribute('lang'))?.slice(0, 2).toLowerCase();
  const worded = languageOfLeadIns(leadIns);
  if (tagged && (!worded || worded === tagged)) return { language: tagged, source: 'document language' };
  return worded ? { language: worded, source: 'wording' } : { language: null };
}

// Only auxiliaries may stand between the subject and the recommending verb: "Sweden would like to make the following".
const AUXILIARIES = /^(?:\s*(?:would|like|to|make|offer|present|submit|put|forward|also|further|therefore|hereby|strongly|respectfully|wishes|wish|has|have|adresse|souhaite|formule|faire|desea|quisiera|formula|formular|hacer|les|las|the|following|en|outre|aussi|además|asimismo)\b)*\s*$/i;

/** The state that is the grammatical subject of a lead-in: first in its sentence, or just before the verb. */
function subjectOf(subject: string): CountryMention | undefined {
  const all = findCountryMentions(subject);
  const first = all[0];
  if (first && (subject.slice(0, first.index).match(/\S+/g)?.length ?? 0) <= 1) return first;
  const last = all[all.length - 1];
  return last && AUXILIARIES.test(subject.slice(last.index + last.length)) ? last : undefined;
}

/** An author line: "Statement by Australia", "Permanent Mission of Japan", "Canada's intervention". */
export function authorInLine(text: string): CountryMention | undefined {
  for (const mention of findCountryMentions(text)) {
    const before = text.slice(0, mention.index);
    const after = text.slice(mention.index + mention.length);
    if (AUTHORED_BY.test(before) || MISSION_OF.test(before) || AUTHOR_NOUN.test(after)) return mention;
  }
  return undefined;
}

const COPYRIGHT_LINES = 'footer p,footer small,footer span,[role="contentinfo"] p,[role="contentinfo"] small,[class*="copyright" i]';
const SITE_BRANDING = '[class*="site-name" i],[class*="site-title" i],[class*="site-branding" i],[class*="brand" i],[class*="logo" i],a[rel="home"]';

/** Who runs the site, as it names itself: og:site_name, the application name, the header's branding. */
function siteIdentity(doc: Document): Country | null {
  const names = [
    doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content'),
    doc.querySelector('meta[name="application-name"]')?.getAttribute('content'),
    doc.querySelector('meta[name="author"]')?.getAttribute('content'),
  ];
  for (const el of Array.from(doc.querySelectorAll(SITE_BRANDING)).slice(0, 6)) {
    names.push((el.textContent ?? '').slice(0, 160));
    names.push(el.querySelector('img[alt]')?.getAttribute('alt') ?? el.getAttribute('alt'));
  }
  // Last, the footer's copyright line: "© Commonwealth of Australia", "© Ministry for Foreign Affairs of Finland".
  const notices = Array.from(doc.querySelectorAll(COPYRIGHT_LINES)).slice(0, 40).map((el) => el.textContent ?? '');
  names.push(notices.find((t) => t.includes('©') && t.length <= 160));
  for (const name of names) {
    if (!name) continue;
    const text = normalizeSpace(name);
    // "Permanent Mission of India to the United Nations", "U.S. Mission Geneva": the first state named is the owner.
    const mention = authorInLine(text) ?? findCountryMentions(text)[0];
    if (mention) return mention;
  }
  return null;
}

function findAuthor(input: MetaInput, texts: Texts): { author: Country | null; source?: MetaSource } {
  for (const lead of input.leadIns) {
    const mention = subjectOf(lead.subject);
    if (mention) return { author: mention, source: 'lead-in' };
  }
  const lineTexts = openingLines(input.lines).map((l) => normalizeSpace(l.text));
  for (const text of [...texts.all, ...lineTexts]) {
    const mention = authorInLine(text);
    if (mention) return { author: mention, source: 'author line' };
  }
  for (const text of lineTexts) {
    const mention = findCountryMentions(text.slice(0, 80))[0];
    if (mention && /^(?:the\s+)?$/i.test(text.slice(0, mention.index)) && SPEAKER_VERB.test(text.slice(mention.index + mention.length))) return { author: mention, source: 'body' };
  }
  const site = siteIdentity(input.doc);
  if (site) return { author: site, source: 'site identity' };
  const host = countryOfHost(input.url);
  return host ? { author: host, source: 'host' } : { author: null };
}

function findStateUnderReview(input: MetaInput, texts: Texts, author: Country | null): { reviewed: Country | null; source?: MetaSource } {
  const isOther = (c: Country) => c.code !== author?.code;
  for (const lead of input.leadIns) {
    const mention = findCountryMentions(lead.addressee.slice(0, 120)).find(isOther);
    if (mention) return { reviewed: mention, source: 'lead-in' };
  }
  for (const [k, text] of texts.all.entries()) {
    // "Statement by Ghana at the UPR of Madagascar": the one a title names as the speaker is not the one reviewed.
    const speaker = authorInLine(text);
    const mention = findCountryMentions(text).find((c) => isOther(c) && c.code !== speaker?.code);
    if (mention) return { reviewed: mention, source: k < texts.body ? 'body title' : 'page title' };
  }
  const counts = new Map<string, { country: Country; n: number }>();
  for (const line of openingLines(input.lines)) {
    const text = normalizeSpace(line.text);
    for (const mention of findCountryMentions(text)) {
      if (!isOther(mention)) continue;
      const weight = WELCOMES_DELEGATION.test(text.slice(0, mention.index)) ? 5 : 1;
      const entry = counts.get(mention.code) ?? { country: mention, n: 0 };
      entry.n += weight;
      counts.set(mention.code, entry);
    }
  }
  let best: { country: Country; n: number } | null = null;
  for (const entry of counts.values()) if (!best || entry.n > best.n) best = entry;
  return best ? { reviewed: best.country, source: 'body' } : { reviewed: null };
}

export function extractPageMeta(input: MetaInput): { page: PageMeta; sources: MetaSources } {
  const { doc, url, root, lines, leadIns } = input;
  const texts = headTexts(doc, root, lines, leadIns);
  const title = normalizeSpace(doc.title) || normalizeSpace(doc.querySelector('h1')?.textContent ?? '');
  const { author, source: authorSource } = findAuthor(input, texts);
  const { reviewed, source: reviewedSource } = findStateUnderReview(input, texts, author);
  const { date, source: dateSource } = findDate(doc, root, texts, url);
  const found = findSession(texts, date, url);
  const session = found.session;
  const cycle = session !== null ? cycleOfSession(session) : date ? cycleOfDate(date) : null;
  const { language, source: languageSource } = findLanguage(doc, root, leadIns);
  const sources: MetaSources = {};
  if (authorSource) sources.recommendingState = authorSource;
  if (reviewedSource) sources.stateUnderReview = reviewedSource;
  if (dateSource) sources.date = dateSource;
  if (found.source) sources.session = found.source;
  if (cycle !== null) sources.cycle = session !== null ? 'session' : 'date';
  if (languageSource) sources.language = languageSource;
  return {
    page: {
      title,
      recommendingState: author?.name ?? null,
      recommendingStateCode: author?.code ?? null,
      stateUnderReview: reviewed?.name ?? null,
      stateUnderReviewCode: reviewed?.code ?? null,
      session,
      cycle,
      date,
      language,
    },
    sources,
  };
}
