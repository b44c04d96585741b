// The reading order shared by the CSV and Markdown exports: state under review, then statement (one page, or the
// recommendations of one recommending state at one session known without a page), then recommendation in page order,
// each with its notes. Deleted notes are left out here, as in every view; only the JSON backup keeps them.
import { MAX_TIME } from './read-json';
import { statementDate, whoOnPage, type ActionCategory, type Note, type RecordSets, type StoredPage, type StoredRecommendation, type Who } from '@/utils/model';

export const ACTION_CATEGORY_NAMES: Record<ActionCategory, string> = {
  1: 'Minimal action',
  2: 'Continuing action',
  3: 'Considering action',
  4: 'General action',
  5: 'Specific action',
};


export const UNKNOWN_WHO: Who = {
  recommendingState: null,
  recommendingStateCode: null,
  stateUnderReview: null,
  stateUnderReviewCode: null,
  session: null,
  cycle: null,
};

export interface StatementGroup extends Who {
  /**
   * The page URL, or a key made of who and when for recommendations without a page; on a page of several
   * statements, each is a group of its own (the URL and the statement's index).
   */
  key: string;
  page: StoredPage | null;
  /** The statement's date: its page's, or on a page of several, its own. */
  date: string | null;
  recommendations: { recommendation: StoredRecommendation; notes: Note[] }[];
  /** Notes about the page as a whole. */
  pageNotes: Note[];
}

export interface StateGroup {
  stateUnderReview: string | null;
  statements: StatementGroup[];
}

// A fixed locale, so the order (and so the golden files) does not depend on the machine's.
const COLLATOR = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function isoTime(ms: number): string {
  // A date no JavaScript date holds (stored by an older version) is written at the nearest one, never an error.
  return Number.isNaN(ms) ? '' : new Date(Math.max(-MAX_TIME, Math.min(MAX_TIME, ms))).toISOString();
}

function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1; // unknown last
  if (b === null) return -1;
  return COLLATOR.compare(a, b) || (a < b ? -1 : 1);
}

function compareNumber(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

function byCreation(a: Note, b: Note): number {
  return a.createdAt - b.createdAt || compareText(a.id, b.id);
}

function pushTo<K, T>(map: Map<K, T[]>, key: K, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function arrangeForReport(data: RecordSets): StateGroup[] {
  const live = data.notes.filter((n) => n.deletedAt === null).sort(byCreation);
  const notesByRec = new Map<string, Note[]>();
  const notesByPage = new Map<string, Note[]>();
  for (const note of live) {
    if (note.recommendationId !== null) pushTo(notesByRec, note.recommendationId, note);
    else if (note.pageUrl !== null) pushTo(notesByPage, note.pageUrl, note);
  }

  const statements = new Map<string, StatementGroup>();
  const open = (key: string, page: StoredPage | null, who: Who, date = page?.date ?? null) => {
    let group = statements.get(key);
    if (!group) {
      group = { key, page, ...who, date, recommendations: [], pageNotes: notesByPage.get(key) ?? [] };
      statements.set(key, group);
    }
    return group;
  };
  const whoOf = (x: StoredPage | StoredRecommendation): Who => ({
    recommendingState: x.recommendingState,
    recommendingStateCode: x.recommendingStateCode,
    stateUnderReview: x.stateUnderReview,
    stateUnderReviewCode: x.stateUnderReviewCode,
    session: x.session,
    cycle: x.cycle,
  });
  const pagesByUrl = new Map(data.pages.map((p) => [p.url, p]));
  // A page of several statements is listed as its statements; the page itself only for the notes on it as a whole.
  const several = (page: StoredPage | null): page is StoredPage & { statements: NonNullable<StoredPage['statements']> } => Boolean(page?.statements?.length);
  for (const page of data.pages) if (!several(page) || notesByPage.has(page.url)) open(page.url, page, whoOf(page));
  for (const rec of data.recommendations) {
    const page = rec.pageUrl === null ? null : (pagesByUrl.get(rec.pageUrl) ?? null);
    const own = several(page) && rec.statement !== undefined && page.statements[rec.statement] ? rec.statement : undefined;
    const group =
      own !== undefined
        ? open(`${page!.url}\u0000${own}`, page, whoOnPage(page!, page!.statements, own, page!.corrections?.meta), statementDate(page, rec))
        : open(rec.pageUrl ?? ['no-page', rec.recommendingStateCode ?? rec.recommendingState, rec.stateUnderReviewCode ?? rec.stateUnderReview, rec.session].join('|'), page, whoOf(page ?? rec));
    group.recommendations.push({ recommendation: rec, notes: notesByRec.get(rec.id) ?? [] });
  }
  // Page notes whose page is not stored still belong in the report.
  for (const [url, notes] of notesByPage) {
    if (!statements.has(url)) {
      statements.set(url, { key: url, page: null, ...UNKNOWN_WHO, date: null, recommendations: [], pageNotes: notes });
    }
  }

  const states = new Map<string, StateGroup>();
  for (const statement of statements.values()) {
    statement.recommendations.sort(
      (a, b) => a.recommendation.n - b.recommendation.n || compareText(a.recommendation.text, b.recommendation.text) || compareText(a.recommendation.id, b.recommendation.id),
    );
    const stateKey = statement.stateUnderReview ?? '';
    const group = states.get(stateKey) ?? { stateUnderReview: statement.stateUnderReview, statements: [] };
    group.statements.push(statement);
    states.set(stateKey, group);
  }
  const ordered = [...states.values()].sort((a, b) => compareText(a.stateUnderReview, b.stateUnderReview));
  for (const group of ordered) {
    group.statements.sort(
      (a, b) =>
        compareNumber(a.session, b.session) ||
        compareText(a.recommendingState, b.recommendingState) ||
        compareNumber(a.page ? 0 : 1, b.page ? 0 : 1) ||
        compareText(a.key, b.key),
    );
  }
  return ordered;
}
