// Pages that carry several statements (a session page, a speech collection): each sub-statement starts at a
// sub-heading naming the state under review ("Universal Periodic Review of Kiribati, Statement by Australia, 28 April
// 2025", or just "Angola"), and owns the recommendations up to the next one. Also the clean-up that belongs to one
// statement: the same recommendation rendered twice (a CMS's duplicated block) and a standfirst repeating one.
import { countryFromName, cycleOfSession, findCountryMentions, sessionOfDate, type Country } from '@/utils/upr';
import { findDateIn } from './dates';
import { normalizeSpace, type Line } from './lines';
import { authorInLine } from './meta';
import type { ItemSpan } from './recommendations';
import { drain, mapInSteps, type Steps } from '@/utils/steps';
import { ITEMS_PER_STEP } from './step-sizes';

export interface SubStatement {
  /** The sub-heading that opens it, as written; null for the one statement of an ordinary page. */
  heading: string | null;
  stateUnderReview: string | null; stateUnderReviewCode: string | null;
  session: number | null; cycle: number | null; date: string | null;
  /** The `n` of each of its recommendations. */
  recommendations: number[];
}

const MAX_HEADER_CHARS = 200;
/** How many lines under a sub-heading may hold its date. */
const DATE_LINES = 2;
const MAX_STANDFIRST_ITEMS = 8;
/** Share of a summary's word stems found in the items after it for it to count as their repeat. */
const STANDFIRST_OVERLAP = 0.8;
const HEADER_WORDS =
  /\b(?:universal\s+period(?:ic)?\s+review|examen\s+p[ée]riodique\s+universel|examen\s+peri[óo]dico\s+universal|UPR|EPU|statement|intervention|d[ée]claration|intervenci[óo]n|declaraci[óo]n|review\s+of|examen\s+de)(?![a-z])/i;

/** A sub-heading that opens one statement of several, with the state under review it names and its date. */
export interface SubHeading { line: number; text: string; reviewed: Country; date: string | null }

/** A sub-heading that opens one statement: short, naming the UPR or a statement, or only a state's name. */
function readHeader(line: Line, index: number, author: Country | null, monthFirst: boolean): SubHeading | null {
  if (line.listItem || line.text.length > MAX_HEADER_CHARS * 2) return null;
  const text = normalizeSpace(line.text);
  if (text.length > MAX_HEADER_CHARS) return null;
  const words = HEADER_WORDS.test(text);
  // A paragraph, not a heading, opens a statement only as "Universal Periodic Review of X, …" does.
  if (!line.heading && !(words && /,\s*$|^(?:universal|upr|epu|examen)/i.test(text))) return null;
  // "<h2>Angola</h2>", "<h3>Kiribati – 28 April 2025</h3>": a heading that is a state's name, with at most a date.
  const date = findDateIn(text, monthFirst);
  const name = date ? text.slice(0, date.index) : text;
  const bare = line.heading && countryFromName(name.replace(/[\s,.:;–—-]+$/, ''));
  if (!bare && !words) return null;
  const speaker = authorInLine(text);
  const reviewed = bare || findCountryMentions(text).find((c) => c.code !== author?.code && c.code !== speaker?.code);
  if (!reviewed) return null;
  return { line: index, text, reviewed, date: date?.iso ?? null };
}

/**
 * The statements of a page, each with its recommendations: one statement unless at least two sub-headings name
 * different states under review and at least two of them are followed by recommendations.
 */
export function splitStatements(lines: readonly Line[], items: readonly ItemSpan[], author: Country | null, monthFirst: boolean): { headers: SubHeading[]; owner: number[] } | null {
  // Two sub-statements with recommendations need two recommendations at least.
  if (items.length < 2) return null;
  const headers: SubHeading[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = readHeader(lines[i]!, i, author, monthFirst);
    // "UPR of Türkiye" then "Statement by …" then "Türkiye": one statement's heading block, not three.
    if (header && headers.at(-1)?.reviewed.code !== header.reviewed.code) headers.push(header);
  }
  if (new Set(headers.map((h) => h.reviewed.code)).size < 2) return null;
  // "<h3>Statement by Australia at the UPR of Nepal</h3><p>Delivered 3 November 2025</p>": the date on a line of its own.
  for (const [k, header] of headers.entries()) {
    const stop = Math.min(headers[k + 1]?.line ?? lines.length, header.line + 1 + DATE_LINES);
    for (let i = header.line + 1; i < stop && !header.date; i++) {
      const text = lines[i]!.text;
      if (text.length <= MAX_HEADER_CHARS) header.date = findDateIn(text, monthFirst)?.iso ?? null;
    }
  }
  const owner: number[] = [];
  let h = 0;
  for (const item of items) {
    while (h + 1 < headers.length && headers[h + 1]!.line <= item.start.line) h++;
    owner.push(h);
  }
  const withItems = new Set<number>();
  items.forEach((item, i) => {
    if (headers[owner[i]!]!.line <= item.start.line) withItems.add(owner[i]!);
  });
  return withItems.size >= 2 ? { headers, owner } : null;
}

/** The sub-statement records: their own state under review, date and session, and the `n` of their recommendations. */
export function describeStatements(split: { headers: SubHeading[]; owner: number[] }, page: { session: number | null; stated: boolean }, ns: readonly number[]): SubStatement[] {
  // One pass over the recommendations, not one per sub-statement: a session page may hold hundreds of each.
  const owned: number[][] = split.headers.map(() => []);
  ns.forEach((n, i) => owned[split.owner[i]!]!.push(n));
  return split.headers.map((header, k) => {
    // A session the page states ("49th session of the Universal Periodic Review") outranks one read from a date.
    const session = (page.stated ? page.session : null) ?? (header.date ? sessionOfDate(header.date) : null) ?? page.session;
    return {
      heading: header.text,
      stateUnderReview: header.reviewed.name,
      stateUnderReviewCode: header.reviewed.code,
      session,
      cycle: session !== null ? cycleOfSession(session) : null,
      date: header.date,
      recommendations: owned[k]!,
    };
  });
}

/** Word stems of a text (first five letters of each word of four or more), for comparing wordings. */
function stems(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).map((w) => w.slice(0, 5)));
}

/**
 * Which items to keep within one statement: not a second copy of the same text (a CMS that renders the statement
 * twice), and not an inline mention whose words are nearly all in another item (a summary or standfirst above the
 * statement that repeats it).
 */
export function keepDistinct(texts: readonly string[], inline: readonly boolean[], group: readonly number[]): boolean[] {
  return drain(keepDistinctInSteps(texts, inline, group));
}

/** keepDistinct in steps of ITEMS_PER_STEP texts. */
export function* keepDistinctInSteps(texts: readonly string[], inline: readonly boolean[], group: readonly number[]): Steps<boolean[]> {
  const seen = new Set<string>();
  const keep = yield* mapInSteps(texts, ITEMS_PER_STEP, (text, i) => {
    const key = `${group[i]}\u0000${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // A standfirst comes before the statement's own items: only inline items ahead of the first run item are compared,
  // and only a few, so a page of a thousand inline mentions stays linear.
  const firstRun = inline.indexOf(false);
  // (None ahead of it, nothing to compare: a list of 10,000 items does not have its words stemmed for nothing.)
  if (firstRun <= 0) return keep;
  // A summary may fold two recommendations into one sentence: its words are compared with all the items it precedes.
  const runStems = new Map<number, Set<string>>();
  texts.forEach((text, j) => {
    if (inline[j] || !keep[j]) return;
    const set = runStems.get(group[j]!) ?? new Set<string>();
    for (const stem of stems(text)) set.add(stem);
    runStems.set(group[j]!, set);
  });
  for (let i = 0; i < Math.min(firstRun, MAX_STANDFIRST_ITEMS); i++) {
    const own = stems(texts[i]!);
    const run = runStems.get(group[i]!);
    if (!keep[i] || own.size < 3 || !run) continue;
    let shared = 0;
    for (const stem of own) if (run.has(stem)) shared++;
    if (shared >= own.size * STANDFIRST_OVERLAP) keep[i] = false;
  }
  return keep;
}

/**
 * The statement of each highlighted recommendation, in page order: one extraction found is its own (known by its
 * range); one placed from storage (the user's addition, or words extraction reads differently now) is the one
 * `statementAt` gives for where it is (statementAtRange: the sub-heading before it).
 */
export function statementsOfPlaced(extracted: readonly { range: Range; statement: number }[], placed: readonly { range: Range }[], statementAt: (range: Range) => number): number[] {
  const own = new Map(extracted.map((r) => [r.range, r.statement]));
  return placed.map((p) => own.get(p.range) ?? statementAt(p.range));
}

/**
 * Which statement words at `at` belong to, by the sub-headings as extraction read them (`headings`, in page order):
 * the last one that starts before them; the first statement when none does or none is found on the page.
 */
export function statementAtRange(root: Element, headings: readonly (string | null)[], at: Range): number {
  let found = 0;
  let k = 0;
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let el = walker.nextNode() as Element | null; el && k < headings.length; el = walker.nextNode() as Element | null) {
    if (headings[k] === null || normalizeSpace(el.textContent ?? '') !== headings[k]) continue;
    if (at.comparePoint(el, 0) >= 0) break; // this heading starts inside or after the words
    found = k++;
  }
  return found;
}
