// utils/detect: is this page one government's UPR Working Group statement with recommendations to another state?
// Runs in the content script on every page, so it reads cheap things first (title, headings, URL) and reads body
// text only when that gate finds a UPR marker; a few regexes and the government host table (utils/upr/hosts, which
// imports nothing: no country tables here), never writes the DOM.
import { LABEL_LEAD_IN, LEAD_IN, isStatesLeadIn } from '@/utils/lead-in';
import { isGovernmentDomain } from '@/utils/upr/hosts';
import { drain, type Steps } from '@/utils/steps';

export interface Detection { detected: boolean; score: number; reasons: string[] }

// "UPR48" and "EPU 34" count; "supreme" and "Europe" do not.
const UPR_MARKER = /\b(?:universal period(?:ic)? review|examen p[ée]riodique universel|examen peri[óo]dico universal)\b|\b(?:UPR|EPU)(?![a-z])/i;
const UPR_URL = /(?:^|[/_.=-])(?:upr|epu)(?:[/_.=-]|\d|$)|universal[-_]periodic[-_]review|examen-periodi[cq]/i;
const SESSION = /\b(?:UPR|EPU) ?-? ?\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th|e|ème|è|ª|º|°)? (?:UPR )?(?:session|sesi[óo]n|per[íi]odo de sesiones)\b/i;
// "Human Rights Council 40: Saudi Arabia" numbers the Council session that adopts outcomes, unless a WG marker is there too.
const HRC_SESSION = /\b(?:human rights council|HRC) ?,? ?(?:\d{1,2}(?:st|nd|rd|th)?\b|(?:\d{1,2}(?:st|nd|rd|th) )?(?:regular )?session)/i;
const WG_MARKER = /\b(?:UPR|EPU) ?-? ?\d|working group|groupe de travail|grupo de trabajo|session of the (?:UPR|universal)/i;
const TEXT_TAGS = /^(?:P|LI|H\d|DIV|TD|DD|DT)$/;
const SKIPPED_TAGS = /^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE|NAV|ASIDE|FOOTER)$/;
const MAX_BODY_CHARS = 150_000;
const MAX_LINKS = 300;
const THRESHOLD = 5;
// A veto outweighs every positive signal together.
const VETO = -20;

// [pattern, weight, reason]; the head holds title, h1, first h2s and breadcrumb.
const HEAD_NEGATIVES: readonly (readonly [RegExp, number, string])[] = [
  [/\bitem ?6\b|adoption of (?:the )?(?:\S+ ){0,3}(?:outcome|(?:upr )?report)|consideration of (?:the )?upr reports?|general debate|adoption (?:du|des|de los?) (?:r[ée]sultats?|document final|informe)|\b(?:point|tema) 6\b|\b(?:UPR|EPU) (?:outcome|adoption)\b|\badoption statement\b/i, VETO, 'adoption of the outcome (Item 6)'],
  [/\b(?:national report|concluding remarks|opening statement|rapport national|informe nacional|mid-?term report)\b/i, VETO, "the state under review's own statement"],
  [/\bpre-?sessions?\b|\b(?:stakeholders?|shadow|joint|civil society|ngo) (?:submission|report)s?\b|\bsubmission (?:to|for) the (?:UPR|universal)/i, VETO, 'a pre-session or stakeholder submission'],
  [/\b(?:report of the working group|amnesty|watch|ngo|wikipedia|upr info|head of (?:the )?delegation|database|base de (?:donn[ée]es|datos))\b/i, -4, 'not a government statement'],
];
const BODY_NEGATIVES: readonly (readonly [RegExp, number, string])[] = [
  // Not "adoption of the report": a Working Group statement may look forward to it.
  [/\bitem ?6\b|adoption of (?:the )?(?:UPR )?outcome\b|adoption (?:du|des) r[ée]sultats?|adopci[óo]n del resultado/i, VETO, 'adoption of the outcome (Item 6)'],
  // First person or "in its third review X received": the state under review talking about its own review. Only
  // counting words may stand between the verb and "recommendations": "We supported Kenya's efforts to implement
  // recommendations" is a recommending state's praise, "we have implemented most of the recommendations" is not.
  [/\b(?:we|I) (?:have )?(?:received|accepted|supported|noted|implemented) (?:(?:a total of|all|most|many|some|several|the|these|those|our|of|\d+|over|more than|nearly|almost|about) ){0,5}recommendations\b|\bwe (?:have )?(?:received|accepted|supported) \d+\b|\bin (?:its|our) (?:first|second|third|fourth|previous|last) (?:review|cycle|UPR)\b[^.]{0,40}\breceived\b|\b(?:our|my country['’]s) national report\b/i, VETO, 'the state under review speaking about itself'],
  [/\bconclusions and\/or recommendations\b|\bA\/HRC\/(?:WG\.6\/)?\d+\/(?:L\.)?\d+\b(?!\/)/i, -4, 'UN document'],
];

function clip(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 70 ? `${t.slice(0, 67)}…` : t;
}

function readHead(doc: Document): string {
  const parts = [doc.title];
  for (const [tag, n] of [['h1', 2], ['h2', 4]] as const) {
    const list = doc.getElementsByTagName(tag);
    for (let i = 0; i < list.length && i < n; i++) parts.push(list[i]!.textContent ?? '');
  }
  const crumb = doc.querySelector('[class*="breadcrumb" i],[aria-label*="breadcrumb" i],[id*="breadcrumb" i]');
  // Text node by text node: "<li>Home</li><li>UPR</li>" has no space of its own between crumbs.
  if (crumb) parts.push(readText(crumb, 500));
  return parts.join(' \n ').replace(/\s+/g, ' ').slice(0, 3000);
}

/** Text of `root`, stopping at `max` chars so a huge page costs no more; blocks end in "\n". */
function readText(root: Element, max: number): string {
  let text = '';
  let n: Node | null = root.firstChild;
  while (n && text.length < max) {
    if (n.nodeType === 3) {
      // One space between words lets the patterns say " " instead of "\s+"; soft hyphens and zero-width characters
      // would split the words they look for.
      text += n.nodeValue!.slice(0, max - text.length).replace(/[\u00ad\u200b-\u200d\u2060]/g, '').replace(/\s+/g, ' ') + (TEXT_TAGS.test(n.parentNode!.nodeName) ? '\n' : ' ');
    } else if (n.firstChild && !SKIPPED_TAGS.test(n.nodeName)) {
      // Sidebars, menus and footers inside the main landmark are skipped whole ("Latest news: pre-sessions …").
      n = n.firstChild;
      continue;
    }
    while (n && n !== root && !n.nextSibling) n = n.parentNode;
    n = n && n !== root ? n.nextSibling : null;
  }
  return text;
}

/** The text of the first links of `root` that mention recommending, one space between words. */
function linkTexts(root: Element): string {
  const links = root.getElementsByTagName('a');
  let text = '';
  for (let i = 0; i < links.length && i < MAX_LINKS; i++) {
    const t = links[i]!.textContent ?? '';
    if (/ecom[me]/i.test(t)) text += `${t.replace(/\s+/g, ' ')}\n`;
  }
  return text;
}

export function detectUprPage(doc: Document, url: string): Detection {
  return drain(detectInSteps(doc, url));
}

/**
 * detectUprPage in three steps (utils/steps) on a page the cheap look lets through: the look, the reading of its body
 * text, the patterns run over it. The detector's content script pauses between them, so on a long page none of them
 * makes one long task of the three (a page the look turns down is done in the first).
 */
export function* detectInSteps(doc: Document, url: string): Steps<Detection> {
  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, reason: string) => {
    score += points;
    reasons.push(reason);
  };
  const head = readHead(doc);
  const main = doc.querySelector('main,[role="main"]') ?? doc.querySelector('article') ?? doc.body;
  const urlHit = UPR_URL.test(url);
  let gate = UPR_MARKER.test(head) ? 3 : 0;
  if (!gate && !urlHit && main) {
    // Some statement pages name the UPR only in their opening lines; read the first few paragraphs, no more.
    const paras = main.getElementsByTagName('p');
    let intro = '';
    for (let i = 0; i < paras.length && i < 10; i++) intro += ` ${paras[i]!.textContent ?? ''}`;
    if (UPR_MARKER.test(intro.slice(0, 4000))) gate = 2;
  }
  if (!gate && !urlHit) return { detected: false, score: 0, reasons: ['no mention of the Universal Periodic Review'] };
  if (gate) add(gate, gate === 3 ? 'title or headings mention the Universal Periodic Review' : 'opening paragraphs mention the Universal Periodic Review');
  if (urlHit) add(1, 'address mentions the UPR');
  if (isGovernmentDomain(/^[a-z]+:\/\/([^/?#:]+)/i.exec(url)?.[1] ?? '')) add(1, 'government host');

  yield;
  const body = main ? readText(main, MAX_BODY_CHARS) : '';
  yield;
  const negatives = [...HEAD_NEGATIVES.map((n) => [head, ...n] as const), ...BODY_NEGATIVES.map((n) => [body, ...n] as const)];
  for (const [text, pattern, points, reason] of negatives) {
    const m = text.match(pattern);
    // One signal counts once, whether the head or the body shows it.
    if (m && !reasons.some((r) => r.includes(reason))) add(points, `negative: ${reason} ('${clip(m[0])}')`);
  }
  const council = WG_MARKER.test(head) ? null : head.match(HRC_SESSION);
  if (council) add(-3, `negative: Human Rights Council session, not the Working Group ('${clip(council[0])}')`);

  let leadIns = 0;
  const headlines = main ? linkTexts(main) : '';
  // The lead-in patterns (utils/lead-in, shared with extraction), a label alone on its line included.
  for (const m of body.matchAll(new RegExp(`${LEAD_IN.source}|${LABEL_LEAD_IN.source}`, 'gimu'))) {
    // Quote from the start of the sentence (at most four words back) to the colon or sentence end.
    const before = body.slice(Math.max(0, m.index - 60), m.index).split(/[.:;!?\n]/).pop()!;
    const after = body.slice(m.index, m.index + 80).split(/[.:;!?\n]/)[0]!;
    // A label, alone on its line, names its owner itself: "Amnesty International’s recommendations:".
    if (!isStatesLeadIn(before || m[0].replace(/['’]s .*/, ''), after.slice(m[0].length))) continue;
    // A linked headline ("Norway recommends that Australia …" on a topic page) points at a statement; it is not one.
    // (Link text ends without a line break in `body`: compare the start of the clause only.)
    if (after.length > 24 && headlines.includes(after.slice(0, 40))) continue;
    leadIns += 1;
    if (leadIns === 1) add(4, `lead-in: '${clip(`${before.trim().split(/\s+/).slice(-4).join(' ')} ${after}`)}'`);
  }
  if (!leadIns) add(-2, 'negative: no recommending phrase');
  else if (leadIns > 1) add(1, `${leadIns} recommending phrases`);
  const session = head.match(SESSION) ?? body.slice(0, 3000).match(SESSION);
  if (session) add(1, `session marker: '${clip(session[0])}'`);
  const lang = doc.documentElement.getAttribute('lang');
  if (lang) reasons.push(`language: ${lang.slice(0, 2).toLowerCase()}`);
  return { detected: score >= THRESHOLD && leadIns > 0, score, reasons };
}
