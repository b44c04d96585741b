// utils/detect: is this page one government's UPR Working Group statement with recommendations to another state?
// Runs in the content script on every page, so it reads cheap things first (title, headings, URL) and reads body
// text only when that gate finds a UPR marker; a few regexes, no data tables, never writes the DOM.

export interface Detection { detected: boolean; score: number; reasons: string[] }

const UPR_MARKER =
  /\b(?:universal\s+period(?:ic)?\s+review|UPR|EPU|examen\s+p[ée]riodique\s+universel|examen\s+peri[óo]dico\s+universal)\b/i;
const UPR_URL = /(?:^|[/_.=-])(?:upr|epu)(?:[/_.=-]|\d|$)|universal[-_]periodic[-_]review|examen-periodique|examen-periodico/i;
const ADOPTION =
  /\bitem\s*6\b|adoption\s+of\s+(?:the\s+)?(?:\S+\s+){0,3}(?:outcome|(?:upr\s+)?report)|consideration\s+of\s+(?:the\s+)?upr\s+reports?|general\s+debate|adoption\s+(?:du|des|de\s+los?)\s+(?:r[ée]sultats?|document\s+final|informe)|point\s+6\b|tema\s+6\b/i;
// Adoption-stage markers safe to look for in the opening body text too (not "adoption of the report", which a
// Working Group statement may look forward to).
const ADOPTION_IN_BODY = /\bitem\s*6\b|adoption\s+of\s+(?:the\s+)?(?:UPR\s+)?outcome\b|adoption\s+(?:du|des)\s+r[ée]sultats?\s+de\s+l['’]EPU|adopci[óo]n\s+del\s+resultado/i;
// "Human Rights Council 40: Saudi Arabia" numbers the Council session that adopts outcomes, unless a WG marker is there too.
const HRC_SESSION = /\b(?:human\s+rights\s+council|HRC)\s*,?\s*(?:\d{1,2}(?:st|nd|rd|th)?\b|(?:\d{1,2}(?:st|nd|rd|th)\s+)?(?:regular\s+)?session)/i;
const WG_MARKER = /\b(?:UPR|EPU)\s*-?\s*\d|working\s+group|groupe\s+de\s+travail|grupo\s+de\s+trabajo|\d(?:st|nd|rd|th)?\s+(?:UPR\s+)?session\s+of\s+the\s+(?:UPR|universal)/i;
const SELF_IN_HEAD = /\bnational\s+report\b|\bconcluding\s+remarks\b|\bopening\s+statement\b|\brapport\s+national\b|\binforme\s+nacional\b|\bmid-?term\s+report\b/i;
const REPORT_OR_NGO =
  /\breport\s+of\s+the\s+working\s+group\b|\bpre-?sessions?\b|\bamnesty\b|\bwatch\b|\bngo\b|\bwikipedia\b|\bupr\s+info\b/i;
// A present-tense recommending verb or a "following recommendations" phrase, EN / FR / ES.
const LEAD_IN =
  /[^.:;!?]{0,60}\b(?:recommends?|recommande(?:nt)?|recommandons|recomienda(?:n)?|recomendamos)\b(?!\s+(?:by|par|por)\b)[^.:;!?]{0,80}|[^.:;!?]{0,60}\b(?:following\s+recommendations?|recommandations\s+suivantes|(?:siguientes|las\s+siguientes)\s+recomendaciones|(?:have|has|make|makes|offer|offers|present|presents|submit|submits)\s+(?:one|a|two|three|four|five|six|seven|several|a\s+few|\d+)\s+recommendations?)\b[^.:;!?]{0,40}/gi;
// A line that is only a label for the list below: "Recommendations:", "Recommandations au Tchad :".
const LABEL_LEAD_IN = /^[ \t]*(?:our\s+)?(?:recommendations?|recommandations?|recomendaciones?)(?:[ \t]+(?:to|for|au|à|aux|a|al|para)[ \t]+[^:\n]{1,60})?[ \t]*:[ \t]*$/gim;
const NON_STATE_SUBJECT = /\b(?:committee|comit[ée]|rapporteur|working\s+group|commission|council|amnesty|watch|ngo|organi[sz]ation|report|secretary|office|institution|we\s+(?:would\s+)?(?:strongly\s+)?(?:recommend|recommended)\s+(?:reading|visiting))\b/i;
// First-person or "in its … review X received" reporting: the state under review talking about its own review.
const SELF_REVIEW =
  /\b(?:we|I)\s+(?:have\s+)?(?:received|accepted|supported)\b[^.]{0,40}\brecommendations\b|\bin\s+(?:its|our)\s+(?:first|second|third|fourth|previous|last)\s+(?:review|cycle|UPR)\b[^.]{0,40}\breceived\b|\b(?:our|my\s+country['’]s)\s+national\s+report\b|\bpresent(?:ing)?\s+(?:our|my\s+country['’]s)\s+(?:national\s+)?report\b/i;
const SESSION = /\b(?:UPR|EPU)\s*-?\s*\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th|e|ème|è|ª|º|°)?\s+(?:UPR\s+)?(?:session|sesi[óo]n|per[íi]odo\s+de\s+sesiones)\b/i;
const UN_DOCUMENT = /\bconclusions\s+and\/or\s+recommendations\b|\bA\/HRC\/(?:WG\.6\/)?\d+\/(?:L\.)?\d+\b(?!\/)/i;
const MAX_BODY_CHARS = 150_000;
const THRESHOLD = 5;

function readHead(doc: Document): string {
  const parts = [doc.title];
  const take = (tag: string, n: number) => {
    const list = doc.getElementsByTagName(tag);
    for (let i = 0; i < list.length && i < n; i++) parts.push(list[i]!.textContent ?? '');
  };
  take('h1', 2);
  take('h2', 4);
  const crumb = doc.querySelector('[class*="breadcrumb"],nav[aria-label*="readcrumb"]');
  if (crumb) parts.push((crumb.textContent ?? '').slice(0, 500));
  return parts.join(' \n ').replace(/\s+/g, ' ').slice(0, 3000);
}

function findMain(doc: Document): Element | null {
  return doc.querySelector('main,[role="main"]') ?? doc.querySelector('article') ?? doc.body;
}

/** Body text of the main content, stopping once MAX_BODY_CHARS is gathered so a huge page costs no more. */
function readBody(root: Element, doc: Document): string {
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  for (let n = walker.nextNode(); n && text.length < MAX_BODY_CHARS; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (parent && /^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(parent.tagName)) continue;
    text += n.nodeValue + (parent && /^(?:P|LI|H\d|DIV|TD|DD|DT)$/.test(parent.tagName) ? '\n' : ' ');
  }
  return text;
}

function quote(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 70 ? `${t.slice(0, 67)}…` : t;
}

/** The lead-in as a reader would quote it: a few words before the verb, not the whole 60-character run-up. */
function quoteLeadIn(phrase: string): string {
  const at = phrase.search(/\b(?:recommend|recomi|recomend|following|suivantes|siguientes|(?:have|has|make|offer|present|submit)s?\s)/i);
  const before = phrase.slice(0, Math.max(at, 0)).trim().split(/\s+/).slice(-4).join(' ');
  return quote(`${before} ${phrase.slice(Math.max(at, 0))}`);
}

export function detectUprPage(doc: Document, url: string): Detection {
  const reasons: string[] = [];
  let score = 0;
  const head = readHead(doc);
  const headHit = UPR_MARKER.test(head);
  const urlHit = UPR_URL.test(url);
  const main = findMain(doc);
  let introHit = false;
  if (!headHit && !urlHit && main) {
    // Some statement pages name the UPR only in their opening lines; read the first few paragraphs, no more.
    const paras = main.getElementsByTagName('p');
    let intro = '';
    for (let i = 0; i < paras.length && i < 6; i++) intro += ` ${paras[i]!.textContent ?? ''}`;
    introHit = UPR_MARKER.test(intro.slice(0, 4000));
  }
  if (!headHit && !urlHit && !introHit) return { detected: false, score: 0, reasons: ['no mention of the Universal Periodic Review'] };
  if (headHit) {
    score += 3;
    reasons.push('title or headings mention the Universal Periodic Review');
  }
  if (urlHit) {
    score += 1;
    reasons.push('address mentions the UPR');
  }
  if (introHit) {
    score += 2;
    reasons.push('opening paragraphs mention the Universal Periodic Review');
  }
  const lang = (doc.documentElement.getAttribute('lang') ?? '').slice(0, 2).toLowerCase();
  if (lang) reasons.push(`language: ${lang}`);

  const body = main ? readBody(main, doc) : '';
  const adoption = head.match(ADOPTION) ?? body.slice(0, 1500).match(ADOPTION_IN_BODY);
  if (adoption) {
    score -= 6;
    reasons.push(`negative: adoption stage / general debate ('${quote(adoption[0])}')`);
  }
  const council = !adoption && !WG_MARKER.test(head) ? head.match(HRC_SESSION) : null;
  if (council) {
    score -= 3;
    reasons.push(`negative: Human Rights Council session, not the Working Group ('${quote(council[0])}')`);
  }
  const selfHead = head.match(SELF_IN_HEAD);
  if (selfHead) {
    score -= 5;
    reasons.push(`negative: the state under review's own statement ('${quote(selfHead[0])}')`);
  }
  const other = head.match(REPORT_OR_NGO);
  if (other) {
    score -= 4;
    reasons.push(`negative: not a government statement ('${quote(other[0])}')`);
  }

  let leadIns = 0;
  for (const m of [...body.matchAll(LEAD_IN), ...body.matchAll(LABEL_LEAD_IN)]) {
    const phrase = m[0];
    if (NON_STATE_SUBJECT.test(phrase)) continue;
    leadIns += 1;
    if (leadIns === 1) {
      score += 4;
      reasons.push(`lead-in: '${quoteLeadIn(phrase)}'`);
    }
  }
  if (leadIns === 0) {
    score -= 2;
    reasons.push('negative: no recommending phrase');
  } else if (leadIns > 1) {
    score += 1;
    reasons.push(`${leadIns} recommending phrases`);
  }
  const session = head.match(SESSION) ?? body.slice(0, 3000).match(SESSION);
  if (session) {
    score += 1;
    reasons.push(`session marker: '${quote(session[0])}'`);
  }
  const self = body.match(SELF_REVIEW);
  if (self) {
    score -= 4;
    reasons.push(`negative: the state under review speaking about itself ('${quote(self[0])}')`);
  }
  if (/(?:^|\.)(?:gov|gouv|gob|gc\.ca|govt|admin\.ch|usmission\.gov)(?:\.|$)|(?:^|\.)(?:mfa|mofa|dfat|delegfrance|diplo|norway|swedenabroad)\./i.test(hostOf(url))) {
    score += 1;
    reasons.push('government host');
  }
  const compilation = body.match(UN_DOCUMENT);
  if (compilation) {
    score -= 4;
    reasons.push(`negative: UN document ('${quote(compilation[0])}')`);
  }
  return { detected: score >= THRESHOLD && leadIns > 0 && !adoption && !self, score, reasons };
}

function hostOf(url: string): string {
  const m = /^[a-z]+:\/\/([^/?#]+)/i.exec(url);
  return m ? m[1]!.toLowerCase() : '';
}
