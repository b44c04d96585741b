// Page metadata: who recommends, to whom, which Working Group session and cycle, when, in which language.
import { countryOfHost, cycleOfDate, cycleOfSession, findCountryMentions, sessionOfDate, type Country, type CountryMention } from '../upr';
import { findDateIn } from './dates';
import { normalizeSpace, type Line } from './lines';
import type { LeadIn } from './recommendations';

export interface PageMeta {
  title: string;
  recommendingState: string | null; recommendingStateCode: string | null;
  stateUnderReview: string | null; stateUnderReviewCode: string | null;
  session: number | null; cycle: number | null; date: string | null; language: string | null;
}

const HEAD_LINES = 14;
const MAX_HEADINGS = 24;
const MAX_HEAD_TEXT = 1_000;
// Names are looked for in the opening of the page only: a statement is short, and a huge page must not cost a
// country lookup for every line.
const MAX_SCAN_CHARS = 40_000;
// "Statement by Australia", "Intervention de la France", "delivered by the delegation of Estonia".
const AUTHORED_BY =
  /\b(?:statement|intervention|remarks|declaration|recommendations|d[ée]claration|recommandations|intervenci[óo]n|declaraci[óo]n|recomendaciones|delivered)\s+(?:delivered\s+)?(?:by|of|from|de|du|des|del)\s+(?:the\s+|la\s+|l['’]\s*|el\s+)?(?:delegation\s+of\s+|d[ée]l[ée]gation\s+(?:de\s+|du\s+)|delegaci[óo]n\s+de\s+)?(?:the\s+|la\s+|l['’]\s*|el\s+)?$/iu;
// "U.S. Statement", "This UK statement", "Canada's intervention".
const AUTHOR_NOUN = /^(?:['’]s)?\s+(?:statement|intervention|remarks|recommendations|delegation)\b/i;
// "Estonia welcomes …", "Sweden wishes …": the speaker as the subject of a diplomatic verb.
const SPEAKER_VERB =
  /^\s+(?:warmly\s+|also\s+|further\s+|would\s+like\s+to\s+|wishes\s+to\s+)?(?:welcomes|commends|thanks|congratulates|notes|recognizes|recognises|appreciates|acknowledges|wishes|remains|salue|félicite|remercie|saluda|felicita|agradece|reconoce|da\s+la\s+bienvenida)\b/i;
const WELCOMES_DELEGATION = /\b(?:delegation|d[ée]l[ée]gation|delegaci[óo]n)\s+(?:of|de|du|del)\s+(?:the\s+|la\s+|l['’]\s*)?$/iu;
const HRC_BEFORE = /(?:human\s+rights\s+council|\bHRC|conseil\s+des\s+droits\s+de\s+l['’]homme|consejo\s+de\s+derechos\s+humanos)[\s,:–-]*(?:\w+\s+)?$/i;
const SESSION_PATTERNS: readonly RegExp[] = [
  /\b(?:UPR|EPU)[\s\u00a0]*[-–]?[\s\u00a0]*(\d{1,2})(?!\d)/g,
  /\b(\d{1,2})(?:st|nd|rd|th|e|ème|eme|è|ª|º|°|\.ª|\.º)?[\s\u00a0]+(?:UPR[\s\u00a0]+|EPU[\s\u00a0]+)?(?:session|sesi[óo]n|per[íi]odo\s+de\s+sesiones)\b/gi,
  /\bUniversal\s+Period(?:ic)?\s+Review[\s\u00a0]+(\d{1,2})(?!\d)/gi,
  /\b(\d{1,2})(?:st|nd|rd|th)[\s\u00a0]+(?:Universal\s+Periodic\s+Review|UPR)\b/gi,
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

function headTexts(doc: Document, lines: readonly Line[]): string[] {
  const texts = [doc.title];
  for (const h of Array.from(doc.querySelectorAll('h1')).slice(0, 2)) texts.push(h.textContent ?? '');
  for (const line of lines.slice(0, HEAD_LINES)) texts.push(line.text);
  let headings = 0;
  for (let i = 0; i < lines.length && headings < MAX_HEADINGS; i++) {
    if (lines[i]!.heading) {
      texts.push(lines[i]!.text);
      headings++;
    }
  }
  // A date, session or name in the head is near the start of its line; a megabyte-long paragraph is not read whole.
  return texts.map((t) => normalizeSpace(t.slice(0, MAX_HEAD_TEXT))).filter(Boolean);
}

function findSession(texts: readonly string[], url: string): number | null {
  for (const text of texts) {
    for (const pattern of SESSION_PATTERNS) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        const n = Number(m[1]);
        if (n < 1 || n > MAX_SESSION) continue;
        // "Human Rights Council 36th Session" numbers the Council, not the Working Group.
        if (HRC_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
        return n;
      }
    }
  }
  let path = url;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    /* keep the raw string */
  }
  const m = URL_SESSION.exec(path);
  const n = m ? Number(m[1] ?? m[2]) : NaN;
  return n >= 1 && n <= MAX_SESSION ? n : null;
}

function findDate(doc: Document, root: Element, texts: readonly string[], url: string): string | null {
  const times = [...Array.from(root.querySelectorAll('time[datetime]')), ...Array.from(doc.querySelectorAll('time[datetime]'))];
  for (const time of times) {
    const found = findDateIn(time.getAttribute('datetime') ?? '');
    if (found) return found.iso;
  }
  for (const selector of ['meta[property="article:published_time"]', 'meta[name="dcterms.issued"]', 'meta[name="date"]', 'meta[name="DC.date"]', 'meta[itemprop="datePublished"]']) {
    const found = findDateIn(doc.querySelector(selector)?.getAttribute('content') ?? '');
    if (found) return found.iso;
  }
  // Only U.S. sites write the month first; theirs are the only ".gov" hosts without a country code.
  const monthFirst = /\.gov$/i.test(hostOf(url));
  for (const text of texts) {
    const found = findDateIn(text, monthFirst);
    if (found) return found.iso;
  }
  const inUrl = /\/(20\d{2})\/(\d{2})\/(\d{2})\//.exec(url);
  return inUrl ? `${inUrl[1]}-${inUrl[2]}-${inUrl[3]}` : null;
}

function findLanguage(doc: Document, root: Element, leadIns: readonly LeadIn[]): string | null {
  const tagged = root.closest('[lang]')?.getAttribute('lang') ?? doc.documentElement.getAttribute('lang');
  if (tagged) return tagged.slice(0, 2).toLowerCase();
  const words = leadIns.map((l) => l.text).join(' ');
  if (/recommand|adresse/i.test(words)) return 'fr';
  if (/recomend|recomiend/i.test(words)) return 'es';
  return leadIns.length ? 'en' : null;
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

function findAuthor(input: MetaInput, texts: readonly string[]): Country | null {
  for (const lead of input.leadIns) {
    const mention = subjectOf(lead.subject);
    if (mention) return mention;
  }
  const lineTexts = openingLines(input.lines).map((l) => normalizeSpace(l.text));
  for (const text of [...texts, ...lineTexts]) {
    for (const mention of findCountryMentions(text)) {
      const before = text.slice(0, mention.index);
      const after = text.slice(mention.index + mention.length);
      if (AUTHORED_BY.test(before) || AUTHOR_NOUN.test(after)) return mention;
    }
  }
  for (const text of lineTexts) {
    const mention = findCountryMentions(text.slice(0, 80))[0];
    if (mention && /^(?:the\s+)?$/i.test(text.slice(0, mention.index)) && SPEAKER_VERB.test(text.slice(mention.index + mention.length))) return mention;
  }
  return countryOfHost(input.url);
}

function findStateUnderReview(input: MetaInput, texts: readonly string[], author: Country | null): Country | null {
  const isOther = (c: Country) => c.code !== author?.code;
  for (const lead of input.leadIns) {
    const mention = findCountryMentions(lead.addressee.slice(0, 120)).find(isOther);
    if (mention) return mention;
  }
  for (const text of texts) {
    const mention = findCountryMentions(text).find(isOther);
    if (mention) return mention;
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
  return best?.country ?? null;
}

export function extractPageMeta(input: MetaInput): PageMeta {
  const { doc, url, root, lines, leadIns } = input;
  const texts = headTexts(doc, lines);
  const title = normalizeSpace(doc.title) || normalizeSpace(doc.querySelector('h1')?.textContent ?? '');
  const author = findAuthor(input, texts);
  const reviewed = findStateUnderReview(input, texts, author);
  const date = findDate(doc, root, texts, url);
  const session = findSession(texts, url) ?? (date ? sessionOfDate(date) : null);
  const cycle = session !== null ? cycleOfSession(session) : date ? cycleOfDate(date) : null;
  return {
    title,
    recommendingState: author?.name ?? null,
    recommendingStateCode: author?.code ?? null,
    stateUnderReview: reviewed?.name ?? null,
    stateUnderReviewCode: reviewed?.code ?? null,
    session,
    cycle,
    date,
    language: findLanguage(doc, root, leadIns),
  };
}
