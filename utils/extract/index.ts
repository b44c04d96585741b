// utils/extract: reads a UPR statement page — metadata (recommending state, state under review, session, cycle,
// date, language) and each recommendation's own words with a live DOM Range over them. Works on the main content
// only and never writes the DOM. Runs only on pages utils/detect accepted, so it may use the country tables.
import { collectLines, rangeBetween, textBetween } from './lines';
import { extractPageMeta, type PageMeta } from './meta';
import { scanRecommendations } from './recommendations';

export type { PageMeta } from './meta';
export type { LeadIn } from './recommendations';

export interface ExtractedRecommendation { n: number; text: string; range: Range }
export interface Extraction { page: PageMeta; recommendations: ExtractedRecommendation[]; root: Element }

const MAIN_SELECTORS = ['main', '[role="main"]', 'article', '#content', '#main-content', '.content'];

/** The element holding the statement: the page's main landmark, else its article, else the body. */
export function findMainContent(doc: Document): Element {
  for (const selector of MAIN_SELECTORS) {
    const el = doc.querySelector(selector);
    if (el && (el.textContent ?? '').trim().length > 200) return el;
  }
  return doc.body ?? doc.documentElement;
}

export function extractStatement(doc: Document, url: string): Extraction {
  const root = findMainContent(doc);
  let lines = collectLines(root, true);
  let scan = scanRecommendations(lines);
  if (!scan.items.length) {
    // Class-name chrome filtering can swallow a whole wrapper ("with-sidebar"); try again without it.
    const lenient = collectLines(root, false);
    const retry = scanRecommendations(lenient);
    if (retry.items.length) {
      lines = lenient;
      scan = retry;
    }
  }
  const recommendations = scan.items.map((item, i) => ({
    n: i + 1,
    text: textBetween(lines, item.start, item.end),
    range: rangeBetween(doc, lines, item.start, item.end),
  }));
  const page = extractPageMeta({ doc, url, root, lines, leadIns: scan.leadIns });
  return { page, recommendations, root };
}
