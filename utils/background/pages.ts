// Statement pages: what the annotator captures and reads back, the user's corrections, and what the panel shows of
// a page (its records, notes, tags and the earlier-cycle cross-references). Every write announces the page it changed.
import type { CrossrefIndex } from '@/utils/crossref';
import { pageWordingOf, type PageCorrection } from '@/utils/db';
import { RequestError, type CorrectionDone, type EarlierRecommendation, type Handlers, type PanelData, type PanelRecommendation, type Sender } from '@/utils/messages';
import { pageKey, type PageCapture, type RecSelector, type StoredPage, type StoredRecommendation } from '@/utils/model';
import { createCaptureBudget } from './capture-budget';
import { correctedEntries } from './corrected';
import { EARLIER_LIMIT } from './crossref-cache';
import { assertOwnPage, tabOf, type BackgroundContext } from './context';
import type { TabsService } from './tabs';

type PageHandlers = Pick<
  Handlers,
  'page.annotate' | 'page.correct' | 'rec.reject' | 'page.acceptCandidate' | 'page.correctMeta' | 'page.revert' | 'page.storeNow' | 'page.stored' | 'page.capture' | 'panel.load'
>;

export function earlierOf(index: CrossrefIndex, rec: StoredRecommendation, limit = EARLIER_LIMIT): EarlierRecommendation[] {
  return index.earlierFor(rec, { limit }).map(({ record, repeat, similarity }) => ({
    id: record.id,
    text: record.text,
    recommendingState: record.recommendingState,
    session: record.session,
    cycle: record.cycle,
    response: record.response,
    pageUrl: record.pageUrl,
    repeat,
    similarity,
  }));
}

export function createPageHandlers(ctx: BackgroundContext, tabs: TabsService): PageHandlers {
  const { repo, stored } = ctx;
  const budget = createCaptureBudget(ctx.browser);
  /**
   * Per tab and frame, the page whose reading the budget admitted and whose further batches (`continues`) follow: a
   * batch that says it continues anything else (or after the worker started again) is counted as a capture of its own.
   */
  const admitted = new Map<string, string>();
  /** Per tab and frame, the capture batch being stored: the next waits for it (a page may send one before the answer). */
  const capturing = new Map<string, Promise<unknown>>();
  // A correction changes which records the page has, what they say and about which state: the index is rebuilt
  // (`changingAll` around the write), every panel told, and the page read again in the other tabs that show it
  // (the correcting tab reads it again itself).
  const write = (work: () => Promise<StoredPage>) => stored(() => ctx.changingAll(work));
  // The step the correction stored, for "Undo" to take back.
  const correct = async (url: string, change: PageCorrection): Promise<CorrectionDone> => {
    const page = await write(() => repo.correctPage(url, change));
    return { step: page.corrections!.steps!.at(-1)!.id };
  };
  const corrected = (url: string, tabId: number | undefined) => {
    ctx.announce({ scope: 'page', pageUrl: pageKey(url) });
    void tabs.refreshTabs(pageKey(url), tabId);
  };
  // A change asked from the panel: applied to the page in its tab, which then reads the page again.
  const inTabPage = async <T>(sender: Parameters<typeof tabOf>[0], change: (url: string) => Promise<T>): Promise<T> => {
    const tab = tabOf(sender);
    if (!tab.url) throw new RequestError('not-found', 'This tab shows no page.');
    const url = tab.url;
    const done = await change(url);
    corrected(url, tab.id);
    tabs.sendToTab(tab.id, 'refresh');
    return done;
  };
  async function storeBatch(capture: PageCapture, sender: Sender, reader: string): Promise<{ recommendations: { n: number; id: string }[] }> {
    // The states the records may be stored under: the page's, or the one the user corrected it to.
    const states = [
      capture.meta.stateUnderReviewCode,
      ...(capture.statements ?? []).map((s) => s.stateUnderReviewCode),
      (await stored(() => repo.getPage(capture.url)))?.corrections?.meta?.stateUnderReviewCode,
    ];
    // The index takes the new records in place where a state is loaded; others read them when they are loaded. A
    // continuing batch belongs to a capture already admitted; a first one counts against its site's budget.
    const tabId = tabOf(sender).id;
    // A batch that more of the same reading follow is stored alone: the panels are told, and the index's part stored,
    // once the last one is (every batch telling them would have each panel read the whole page again per batch).
    const last = !capture.more;
    const write = (admit?: () => void) => stored(() => ctx.capturing(states, () => repo.capturePage(capture, Date.now(), admit), { persist: last }));
    const url = pageKey(capture.url);
    const continuing = capture.continues && admitted.get(reader) === url;
    admitted.delete(reader);
    const captured = await (continuing ? write() : budget.spend(tabId, capture.url, write));
    if (capture.more) admitted.set(reader, url);
    // A batch's numbers run on from the batches before it: the last one counts them all.
    if ((sender.frameId ?? 0) === 0) tabs.showCount(tabId, captured.reduce((most, r) => Math.max(most, r.n), 0));
    if (last) ctx.announce({ scope: 'page', pageUrl: url });
    return { recommendations: captured.map((r) => ({ n: r.n, id: r.id })) };
  }
  return {
    async 'page.annotate'(_payload, sender) {
      await tabs.injectAnnotator(tabOf(sender).id, sender.frameId ?? 0, false);
      return { injected: true };
    },
    async 'page.correct'({ url, add, reject }, sender) {
      assertOwnPage(sender, url);
      const done = await correct(url, { add, reject });
      corrected(url, sender.tab?.id);
      return done;
    },
    async 'rec.reject'({ recommendationId }, sender) {
      const tab = tabOf(sender);
      const rec = await stored(() => repo.getRecommendation(recommendationId));
      if (!rec?.pageUrl) throw new RequestError('not-found', 'That recommendation is not stored.');
      // Rejected on a page that shows it though it was first seen elsewhere: that page's correction, not its first page's.
      const seenHere = tab.url !== undefined && /^https?:/.test(tab.url) && rec.seenAt?.includes(pageKey(tab.url));
      const url = seenHere ? pageKey(tab.url!) : rec.pageUrl;
      const done = await correct(url, { reject: [rec.text], kind: 'reject' });
      corrected(url, tab.id);
      tabs.sendToTab(tab.id, 'refresh');
      return done;
    },
    async 'page.acceptCandidate'({ text }, sender) {
      // Only what the page's own reading offered, with the place it found: the panel names it by its words.
      return inTabPage(sender, async (url) => {
        const { page } = await stored(() => repo.loadPage(url));
        const candidate = page?.candidates?.find((c) => c.text === text);
        if (!candidate) throw new RequestError('not-found', 'That passage is no longer offered on this page.');
        return correct(url, { add: [candidate], kind: 'add' });
      });
    },
    async 'page.storeNow'(_payload, sender) {
      // Asked from the panel (the user's click, which the page cannot make): the page reads itself again and is stored.
      const tab = tabOf(sender);
      if (!tab.url) throw new RequestError('not-found', 'This tab shows no page.');
      await budget.allow(tab.id, tab.url);
      tabs.sendToTab(tab.id, 'refresh');
      return null;
    },
    async 'page.correctMeta'({ meta }, sender) {
      return inTabPage(sender, (url) => correct(url, { meta }));
    },
    async 'page.revert'(which, sender) {
      await inTabPage(sender, (url) => write(() => repo.revertCorrection(url, which)));
      return null;
    },
    async 'page.stored'({ url }, sender) {
      assertOwnPage(sender, url);
      const { page, recommendations, orphans } = await stored(() => repo.loadPage(url));
      const placed = [...recommendations, ...orphans].filter((r): r is StoredRecommendation & { selector: RecSelector } => r.selector !== null);
      return {
        // The page's own words: a record joined with a dataset row holds the official text, which the page may not.
        recommendations: placed.map((r) => ({ id: r.id, n: r.n, text: pageWordingOf(r), selector: r.selector, source: r.source })),
        rejected: page?.corrections?.rejected ?? [],
      };
    },
    async 'page.capture'(capture, sender) {
      assertOwnPage(sender, capture.url);
      // One reader's batches are stored one after the other, in the order sent.
      const reader = `${tabOf(sender).id}:${sender.frameId ?? 0}`;
      const before = capturing.get(reader) ?? Promise.resolve();
      const turn = before.catch(() => {}).then(() => storeBatch(capture, sender, reader));
      const settled = turn.catch(() => {});
      capturing.set(reader, settled);
      void settled.then(() => capturing.get(reader) === settled && capturing.delete(reader));
      return turn;
    },

    async 'panel.load'(_payload, sender): Promise<PanelData> {
      const tab = tabOf(sender);
      if (!tab.url) return { tabId: tab.id, page: null, recommendations: [], orphans: [], corrected: [], pageNote: null, tags: [], earlierSummary: null };
      // The page's state's cross-references are read while its records are: a stopped worker waits for both at once.
      // (Failures are reported by the read below, which asks for the same state again.)
      void repo
        .getPage(tab.url)
        .then((early) => ctx.crossref([early?.stateUnderReviewCode]))
        .catch(() => {});
      const [{ page, recommendations, orphans, corrected, notes, pageNote }, tags, notStored] = await stored(() =>
        Promise.all([repo.loadPage(tab.url!), repo.listTags(), budget.refusal(tab.id, tab.url!)]),
      );
      const states = [page?.stateUnderReviewCode, ...[...recommendations, ...orphans].map((r) => r.stateUnderReviewCode)];
      const index = await stored(() => ctx.crossref(states));
      const noteOf = new Map(notes.map((n) => [n.recommendationId, n]));
      // Everything but the record's place on the page (see PanelRecommendation).
      const withNote = (r: StoredRecommendation): PanelRecommendation => {
        const { selector: _, ...listed } = r;
        return { ...listed, note: noteOf.get(r.id) ?? null, earlier: earlierOf(index, r) };
      };
      const summary = page ? index.summaryFor(page) : null;
      const listed = recommendations.map(withNote);
      const wording = new Map(corrected.map((r) => [r.id, pageWordingOf(r)]));
      return {
        tabId: tab.id,
        page,
        recommendations: listed,
        orphans: orphans.map(withNote),
        corrected: correctedEntries(page, corrected.map(withNote), listed, (r) => wording.get(r.id) ?? r.text),
        pageNote,
        tags,
        earlierSummary: summary && { total: summary.total, supported: summary.supported, noted: summary.noted, unknown: summary.unknown },
        notStored,
      };
    },
  };
}
