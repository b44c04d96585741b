// Bundled into one script and run inside Chromium by scripts/bench/dashboard.ts: the real dashboard component over
// 100,000 synthetic recommendations (one in twenty with a note), its client a fake that answers at once, timed from
// mount to the first rows on screen (the first data.page answers parsed as they arrive), to every row listed, per
// search keystroke, per scroll step; and what the page would do with one data.export answer of that size.
import { render } from 'preact';
import { Dashboard } from '@/components/dashboard/Dashboard';
import type { DashboardClient } from '@/components/dashboard/dashboard-client';
import { I18nContext } from '@/components/i18n';
import { createTranslator } from '@/utils/i18n';
import { loadInPages } from '@/components/dashboard/dashboard-load';
import type { RecordsCursor } from '@/utils/db';
import { PAGE_MAX_CHARS, type ExportedData, type ExportedPage, type Result } from '@/utils/messages';
import type { Note } from '@/utils/model';
import { syntheticRecommendations } from './synthetic';

const frame = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));

async function until(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error('The dashboard bench timed out');
    await new Promise((done) => setTimeout(done, 0));
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function dataOf(count: number): ExportedData {
  const recommendations = syntheticRecommendations(count);
  const statuses = ['none', 'follow-up', 'priority', 'done'] as const;
  const notes: Note[] = recommendations
    .filter((_, i) => i % 20 === 0)
    .map((r, i) => ({
      id: `n${r.id.slice(1)}`,
      recommendationId: r.id,
      pageUrl: null,
      body: `Asked the ministry about this in ${2020 + (i % 6)}; follow the draft law on ${i % 2 ? 'detention' : 'civil society'}.`,
      tags: i % 3 ? ['follow-ministry'] : ['civil-society', 'priority-2026'],
      status: statuses[i % statuses.length]!,
      createdAt: 1,
      updatedAt: 2 + i,
      deletedAt: null,
    }));
  return { format: 'upr-annotator-backup', version: 1, exportedAt: new Date(0).toISOString(), pages: [], recommendations, notes, settings: null } as unknown as ExportedData;
}

/**
 * A store shaped like e2e/large-store.spec.ts's: every recommendation's text carries its own number (as many words as
 * rows, the worst case for a search's vocabulary), one in 300 with a note "Follow-up <number>".
 */
function numberedData(count: number): ExportedData {
  const data = dataOf(count);
  const recommendations = data.recommendations.map((r, i) => ({ ...r, text: `Recommendation ${i}: ${r.text}` }));
  const notes: Note[] = recommendations
    .filter((_, i) => i % 300 === 0)
    .map((r, i) => ({ id: `n${r.id.slice(1)}`, recommendationId: r.id, pageUrl: null, body: `Follow-up ${i * 300}`, tags: ['follow'], status: 'none', createdAt: 1, updatedAt: 2, deletedAt: null }));
  return { ...data, recommendations, notes };
}

/** Resolves once the page has been idle for a whole idle period twice running: the indexes built in idle time are done. */
async function settled(): Promise<void> {
  let quiet = 0;
  while (quiet < 2) {
    const left = await new Promise<number>((done) => requestIdleCallback((deadline) => done(deadline.timeRemaining())));
    quiet = left >= 45 ? quiet + 1 : 0;
  }
}

/**
 * Answers data.page as the background does (key order: notes, then recommendations; the same record and text caps),
 * each answer through JSON as runtime messages travel; `answers` records each one's size.
 */
function pagedAnswers(data: ExportedData) {
  const stores = [['notes', [...data.notes].sort((a, b) => (a.id < b.id ? -1 : 1))], ['recommendations', [...data.recommendations].sort((a, b) => (a.id < b.id ? -1 : 1))]] as const;
  return (cursor: RecordsCursor | null, limit: number): string => {
    const value: ExportedPage = { pages: [], recommendations: [], notes: [], next: null };
    if (!cursor) value.total = { pages: 0, recommendations: data.recommendations.length, notes: data.notes.length };
    let left = limit;
    let chars = 0;
    for (const [store, records] of stores.slice(Math.max(0, stores.findIndex(([s]) => s === cursor?.store)))) {
      const after = cursor?.store === store ? cursor.after : null;
      let start = 0;
      if (after !== null) while (start < records.length && records[start]!.id <= after) start++;
      const kept = value[store] as { id: string }[];
      for (let i = start; i < records.length && left > 0; i++) {
        chars += JSON.stringify(records[i]).length;
        if (chars > PAGE_MAX_CHARS && left < limit) break;
        kept.push(records[i]!);
        left--;
      }
      if (left === 0 || chars > PAGE_MAX_CHARS) {
        value.next = { store, after: kept.at(-1)?.id ?? after };
        break;
      }
    }
    return JSON.stringify({ ok: true, value });
  };
}

type PageRequest = (cursor: RecordsCursor | null, limit: number) => Promise<Result<ExportedPage>>;

/**
 * The data.page answers the dashboard will ask for, made before the clock starts (the background's work, not the
 * page's); then each arrives as a task of its own and is parsed there, as a message's answer is.
 */
async function preparedAnswers(data: ExportedData, sizes: number[]): Promise<PageRequest> {
  const serve = pagedAnswers(data);
  const texts = new Map<string, string>();
  const key = (cursor: RecordsCursor | null, limit: number) => `${cursor?.store}:${cursor?.after}:${limit}`;
  await loadInPages(
    async (cursor, limit) => {
      const json = serve(cursor, limit);
      texts.set(key(cursor, limit), json);
      return JSON.parse(json) as Result<ExportedPage>;
    },
    { onFirst: () => {} },
  );
  return async (cursor, limit) => {
    const json = texts.get(key(cursor, limit)) ?? serve(cursor, limit);
    sizes.push(json.length);
    await new Promise((done) => setTimeout(done, 0));
    return JSON.parse(json) as Result<ExportedPage>;
  };
}

function fakeClient(loadPage: PageRequest): DashboardClient {
  const fail = async () => ({ ok: false as const, error: { code: 'bench', message: 'not in the bench' } });
  return {
    loadPage,
    loadStatement: fail,
    importFile: fail,
    deleteAll: fail,
    importDataset: fail,
    onImportProgress: () => () => {},
    saveNote: fail,
    deleteNote: fail,
    restoreNote: fail,
    draft: () => {},
    subscribe: () => () => {},
    storageUse: async () => null,
  } as unknown as DashboardClient;
}

const count = () => document.querySelector('.dash-count')?.textContent ?? '';

function mountDashboard(client: DashboardClient, root: HTMLElement): void {
  render(
    <I18nContext.Provider value={{ t: createTranslator('en'), language: 'en' }}>
      <Dashboard client={client} languageSetting="auto" onLanguageSetting={() => {}} />
    </I18nContext.Provider>,
    root,
  );
}

/** Waits until every row is listed (the count says `rows`) and no page is loading. */
const allListed = (rows: number) => until(() => document.querySelector('.dash-loading-more') === null && count().includes(new Intl.NumberFormat('en').format(rows)), 120_000);

/** From the input event to the next frame after it: Preact renders in a microtask, so the results are painted then. */
async function type(input: HTMLInputElement, value: string): Promise<number> {
  const start = performance.now();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await frame();
  return performance.now() - start;
}

Object.assign(globalThis, {
  uprDashboardBench: {
    /** The dashboard over `rows` synthetic recommendations, left on screen (for screenshots). */
    async mount(rows: number) {
      mountDashboard(fakeClient(await preparedAnswers(dataOf(rows), [])), document.getElementById('app')!);
    },
    /**
     * The dashboard over `rows` numbered recommendations (the large store's shape), once its indexes are built: each
     * keystroke of "follow-up 99900" typed a key at a time, to its results; and the count found.
     */
    async runNumbered(rows: number) {
      const root = document.getElementById('app')!;
      mountDashboard(fakeClient(await preparedAnswers(numberedData(rows), [])), root);
      await allListed(rows);
      await settled();
      const input = document.querySelector<HTMLInputElement>('.search-input')!;
      const query = 'follow-up 99900';
      const keystrokes: number[] = [];
      for (let i = 1; i <= query.length; i++) keystrokes.push(await type(input, query.slice(0, i)));
      const hits = count();
      render(null, root);
      return { keystrokeMedianMs: median(keystrokes), keystrokeMaxMs: Math.max(...keystrokes), keystrokes, hits };
    },
    async run(rows: number) {
      const data = dataOf(rows);
      // The page's share of loading: a data.export answer this size arrives as JSON and is parsed.
      const json = JSON.stringify({ ok: true, value: data });
      let start = performance.now();
      JSON.parse(json);
      const parseMs = performance.now() - start;

      const root = document.getElementById('app')!;
      const answers: number[] = [];
      const client = fakeClient(await preparedAnswers(data, answers));
      start = performance.now();
      mountDashboard(client, root);
      await until(() => document.querySelector('.rows > .row') !== null);
      await frame();
      const firstRenderMs = performance.now() - start;
      const rendered = document.querySelectorAll('.rows > .row').length;
      // Every page in, the list over all of it.
      await allListed(rows);
      await frame();
      const allRowsMs = performance.now() - start;

      // The indexes build in idle time after the first render: let them (a few seconds; on a loaded machine a fixed
      // wait ended before them, and the first keystroke timed the build), then type as a user would.
      await new Promise((done) => setTimeout(done, 4_000));
      await settled();
      const input = document.querySelector<HTMLInputElement>('.search-input')!;
      const keystrokes: number[] = [];
      for (const query of ['t', 'to', 'tor', 'tort', 'tortu', 'torture', 'torture ', 'torture d', 'torture de', 'torture det']) keystrokes.push(await type(input, query));
      const hits = count();
      for (const query of ['death penalty', 'journalists', 'children', '']) keystrokes.push(await type(input, query));

      // Scrolling: a screen at a time through the middle of the list, each step until the next frame.
      const scroller = document.querySelector<HTMLElement>('.rows-scroller')!;
      scroller.scrollTop = scroller.scrollHeight / 2;
      await frame();
      const steps: number[] = [];
      for (let i = 0; i < 30; i++) {
        const stepStart = performance.now();
        scroller.scrollTop += scroller.clientHeight;
        await frame();
        steps.push(performance.now() - stepStart);
      }
      const blank = document.querySelectorAll('.rows > .row').length === 0;
      render(null, root);
      return {
        firstRenderMs,
        rendered,
        keystrokeMedianMs: median(keystrokes),
        keystrokeMaxMs: Math.max(...keystrokes),
        keystrokes,
        hits,
        scrollStepMedianMs: median(steps),
        scrollStepMaxMs: Math.max(...steps),
        blankAfterScroll: blank,
        exportMB: json.length / 1_048_576,
        allRowsMs,
        pageAnswers: answers.length,
        largestPageMB: Math.max(...answers) / 1_048_576,
        exportParseMs: parseMs,
      };
    },
  },
});
