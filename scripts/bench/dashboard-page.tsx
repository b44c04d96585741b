// Bundled into one script and run inside Chromium by scripts/bench/dashboard.ts: the real dashboard component over
// 100,000 synthetic recommendations (one in twenty with a note), its client a fake that answers at once, timed from
// mount to the first rows on screen, per search keystroke, per scroll step; and what the page does with a
// data.export answer of that size (runtime messages travel as JSON).
import { render } from 'preact';
import { Dashboard } from '@/components/dashboard/Dashboard';
import type { DashboardClient } from '@/components/dashboard/dashboard-client';
import { I18nContext } from '@/components/i18n';
import { createTranslator } from '@/utils/i18n';
import type { ExportedData } from '@/utils/messages';
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

function fakeClient(data: ExportedData): DashboardClient {
  const fail = async () => ({ ok: false as const, error: { code: 'bench', message: 'not in the bench' } });
  return {
    load: async () => ({ ok: true, value: data }),
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
    mount(rows: number) {
      render(
        <I18nContext.Provider value={{ t: createTranslator('en'), language: 'en' }}>
          <Dashboard client={fakeClient(dataOf(rows))} languageSetting="auto" onLanguageSetting={() => {}} />
        </I18nContext.Provider>,
        document.getElementById('app')!,
      );
    },
    async run(rows: number) {
      const data = dataOf(rows);
      // The page's share of loading: a data.export answer this size arrives as JSON and is parsed.
      const json = JSON.stringify({ ok: true, value: data });
      let start = performance.now();
      JSON.parse(json);
      const parseMs = performance.now() - start;

      const root = document.getElementById('app')!;
      start = performance.now();
      render(
        <I18nContext.Provider value={{ t: createTranslator('en'), language: 'en' }}>
          <Dashboard client={fakeClient(data)} languageSetting="auto" onLanguageSetting={() => {}} />
        </I18nContext.Provider>,
        root,
      );
      await until(() => document.querySelector('.rows > .row') !== null);
      await frame();
      const firstRenderMs = performance.now() - start;
      const rendered = document.querySelectorAll('.rows > .row').length;

      // The indexes build in idle time after the first render: let them, then type as a user would.
      await new Promise((done) => setTimeout(done, 4_000));
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
        exportParseMs: parseMs,
      };
    },
  },
});
