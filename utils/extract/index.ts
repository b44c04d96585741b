// utils/extract: reads a UPR statement page — metadata (recommending state, state under review, session, cycle,
// date, language) and each recommendation's own words with a live DOM Range over them. Works on the main content
// only and never writes the DOM. Runs only on pages utils/detect accepted, so it may use the country tables.
import { findCandidates } from './candidates';
import { leadingLines, linesInSteps, rangeBetween, textBetween } from './lines';
import { extractPageMeta, isMonthFirstSite, type MetaSources, type PageMeta } from './meta';
import { scanInSteps, scanRecommendations } from './recommendations';
import { describeStatements, keepDistinct, keepDistinctInSteps, splitStatements, type SubStatement } from './statements';
import { drain, mapInSteps, runWatched, type Steps } from '@/utils/steps';
import { ITEMS_PER_STEP, NODES_PER_STEP } from './step-sizes';

export { statementAtRange, statementsOfPlaced } from './statements';

export type { MetaSource, MetaSources, PageMeta } from './meta';
export type { LeadIn } from './recommendations';
export type { SubStatement } from './statements';

export interface ExtractedRecommendation {
  n: number; text: string; range: Range;
  /** Index in `statements` of the statement it belongs to. */
  statement: number;
}
export interface Extraction {
  /** The page's metadata; on a page of several statements, the fields they do not share are null. */
  page: PageMeta;
  /** Which signal each field of `page` came from. */
  sources: MetaSources;
  recommendations: ExtractedRecommendation[];
  /** One entry for an ordinary page; one per sub-statement on a session page or a speech collection. */
  statements: SubStatement[];
  /** Only when no recommendation was found: the passages likeliest to hold them, for the user to accept. */
  candidates: { text: string; range: Range }[];
  root: Element;
}

const MAIN_SELECTORS = ['main', '[role="main"]', 'article', '#content', '#main-content', '.content'];

/** The element holding the statement: the page's main landmark, else its article, else the body. */
export function findMainContent(doc: Document): Element {
  for (const selector of MAIN_SELECTORS) {
    const el = doc.querySelector(selector);
    if (el && trimmedTextLongerThan(el, 200)) return el;
  }
  return doc.body ?? doc.documentElement;
}

/**
 * Whether `(el.textContent ?? '').trim().length > max`, reading text nodes only until that is known: on a 10 MB
 * page the whole text would be copied each time the main content is looked for.
 */
function trimmedTextLongerThan(el: Element, max: number): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, 0x4 /* SHOW_TEXT */);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    text = (text + (node as Text).data).trimStart();
    if (text.length <= max) continue;
    // Its trimmed length passes max once a character at max or beyond is not white space.
    if (text.slice(max).trim() !== '') return true;
    text = `${text.slice(0, max)} `;
  }
  return false;
}

/**
 * What tells one reading of `root`'s text from another cheaply: its length and its first and last `edge`
 * characters, read from the text nodes at both ends (root.textContent would copy the whole text).
 */
export interface TextOutline {
  length: number;
  head: string;
  tail: string;
}

/**
 * `root`'s outline (see TextOutline), in steps of NODES_PER_STEP text nodes (utils/steps): a 10 MB statement is not
 * walked in one task. Its cost per node does not grow with the node's text, so length does not count here.
 */
export function* textOutlineInSteps(root: Element, edge: number): Steps<TextOutline> {
  const walker = root.ownerDocument.createTreeWalker(root, 0x4 /* SHOW_TEXT */);
  let length = 0;
  let head = '';
  let walked = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++walked % NODES_PER_STEP === 0) yield;
    const { data } = node as Text;
    if (head.length < edge) head += data.slice(0, edge - head.length);
    length += data.length;
  }
  let tail = '';
  walker.currentNode = root;
  for (let node = walker.lastChild(); node && tail.length < edge; node = walker.previousNode()) {
    const { data } = node as Text;
    tail = data.slice(Math.max(0, data.length - (edge - tail.length))) + tail;
  }
  return { length, head, tail };
}

/** How much of a long statement's text the preview reads: several screens, on any screen. */
export const PREVIEW_CHARS = 20_000;

/** What a look at the top of a long statement found (previewStatement). */
export interface Preview {
  /** The page's metadata as its top tells it (the whole reading may tell more: a later sub-statement's state). */
  page: PageMeta;
  recommendations: { text: string; range: Range }[];
}

/**
 * The recommendations at the top of a long statement, read from its first `maxChars` characters only: what the reader
 * sees first, to be highlighted while the whole page is read (extractStatementInSteps, whose reading then takes their
 * place). Items of a list only (not a passing "recommends" in prose, which the whole reading may judge a summary), and
 * none that reaches the last line read (it may go on past the cut). Null when the main content is shorter than that
 * (the whole reading is quick there) or its top holds no list of recommendations.
 */
export function previewStatement(doc: Document, url: string, maxChars = PREVIEW_CHARS): Preview | null {
  const root = findMainContent(doc);
  const { lines, cut } = leadingLines(root, maxChars);
  if (!cut) return null;
  const scan = scanRecommendations(lines);
  // An item that reaches the last line read may go on past it.
  const items = scan.items.filter((item) => !item.inline && item.end.line < lines.length - 1);
  const texts = items.map((item) => textBetween(lines, item.start, item.end));
  const keep = keepDistinct(texts, items.map(() => false), items.map(() => 0));
  const recommendations = items.flatMap((item, i) => (keep[i] ? [{ text: texts[i]!, range: rangeBetween(doc, lines, item.start, item.end) }] : []));
  if (recommendations.length === 0) return null;
  return { page: extractPageMeta({ doc, url, root, lines, leadIns: scan.leadIns }).page, recommendations };
}

export function extractStatement(doc: Document, url: string): Extraction {
  return drain(extractionSteps(doc, url));
}

/** How many times a reading in steps starts again because the page changed under it, before it reads in one go. */
const MAX_RESTARTS = 2;

/**
 * extractStatement in steps, awaiting `pause()` between them (the caller yields to the page there: a huge statement
 * is read in several tasks, not one long one). What it returns is the page as it is at the end: when the main content
 * changed during a pause, the reading starts again (at most MAX_RESTARTS times, then it reads in one go).
 */
export async function extractStatementInSteps(doc: Document, url: string, pause: () => Promise<void>): Promise<Extraction> {
  for (let attempt = 0; attempt <= MAX_RESTARTS; attempt++) {
    const root = findMainContent(doc);
    // Its words and structure: a clock ticking outside the main content costs no new reading.
    const read = await runWatched(extractionSteps(doc, url, root), root, pause);
    if (read) return read.value;
  }
  return extractStatement(doc, url);
}

/**
 * The reading in steps, each a bounded share of the work (so many nodes, lines or recommendations: see ./steps);
 * its return value is the extraction.
 */
function* extractionSteps(doc: Document, url: string, root = findMainContent(doc)): Steps<Extraction> {
  let lines = yield* linesInSteps(root, true);
  yield;
  let scan = yield* scanInSteps(lines);
  if (!scan.items.length) {
    // Class-name chrome filtering can swallow a whole wrapper ("with-sidebar"); try again without it.
    const lenient = yield* linesInSteps(root, false);
    const retry = yield* scanInSteps(lenient);
    if (retry.items.length) {
      lines = lenient;
      scan = retry;
    }
  }
  yield;
  const { page, sources } = extractPageMeta({ doc, url, root, lines, leadIns: scan.leadIns });
  const author = page.recommendingStateCode ? { code: page.recommendingStateCode, name: page.recommendingState ?? '' } : null;
  const split = splitStatements(lines, scan.items, author, isMonthFirstSite(url));
  const group = scan.items.map((_, i) => split?.owner[i] ?? 0);
  yield;
  const texts = yield* mapInSteps(scan.items, ITEMS_PER_STEP, (item) => textBetween(lines, item.start, item.end));
  yield;
  const keep = yield* keepDistinctInSteps(texts, scan.items.map((item) => item.inline === true), group);
  const kept = scan.items.flatMap((item, i) => (keep[i] ? [{ item, text: texts[i]!, statement: group[i]! }] : []));
  yield;
  const recommendations = yield* mapInSteps(kept, ITEMS_PER_STEP, ({ item, text, statement }, i) => ({ n: i + 1, text, range: rangeBetween(doc, lines, item.start, item.end), statement }));
  if (!split) {
    const { stateUnderReview, stateUnderReviewCode, session, cycle, date } = page;
    const statements = [{ heading: null, stateUnderReview, stateUnderReviewCode, session, cycle, date, recommendations: recommendations.map((r) => r.n) }];
    const candidates = recommendations.length
      ? []
      : findCandidates(lines).map(({ line, text }) => ({ text, range: rangeBetween(doc, lines, { line, offset: 0 }, { line, offset: lines[line]!.text.length }) }));
    return { page, sources, recommendations, statements, candidates, root };
  }
  const statements = describeStatements(
    { headers: split.headers, owner: kept.map((k) => k.statement) },
    { session: page.session, stated: sources.session !== undefined && sources.session !== 'date' },
    recommendations.map((r) => r.n),
  );
  // Page-level fields hold only what every sub-statement shares: a session page has no one state under review or date.
  const sessions = new Set(statements.map((s) => s.session).filter((s) => s !== null));
  const session = sessions.size === 1 ? [...sessions][0]! : sessions.size > 1 ? null : page.session;
  const merged: PageMeta = { ...page, stateUnderReview: null, stateUnderReviewCode: null, date: null, session, cycle: session === null ? null : statements.find((s) => s.session === session)?.cycle ?? page.cycle };
  const mergedSources: MetaSources = { ...sources };
  delete mergedSources.stateUnderReview;
  delete mergedSources.date;
  return { page: merged, sources: mergedSources, recommendations, statements, candidates: [], root };
}
