// The background figures of `npm run bench` at the size of the whole UPR record, in headless Chromium with the built
// extension: a synthetic 100,000-row CSV in our own format through the real `dataset.import` (parse, ids and the
// IndexedDB write), with the rows its progress events reported; the worker's heap afterwards, with the panel of a
// statement on one of the states loaded; and the first `panel.load` answer of a worker stopped as Chromium stops an
// idle one (CDP `ServiceWorker.stopAllWorkers`), cross-references included.
// Run alone (builds the extension first unless `--no-build`): `npx tsx scripts/bench/worker.ts [--no-build]`, or
// `npm run bench -- --only worker`.
import { execFileSync } from 'node:child_process';
import type { CDPSession, Frame, Page } from 'playwright-core';
import { launch, panelFrame, ROOT, stopServiceWorkers, waitForHighlight, type Session } from '../../e2e/support/extension';
import { statementPage } from './pages';
import { syntheticCsv, syntheticRecommendations } from './synthetic';

export const WORKER_ROWS = 100_000;
const PAGE_URL = 'https://bench.example.test/upr/41/finland.html';
/** Recommendations on the statement whose panel is loaded first (the 300-recommendation bench page). */
const PAGE_RECOMMENDATIONS = 300;
const COLD_RUNS = 5;
const SMALL_PAGE_URL = 'https://bench.example.test/upr/41/finland-sweden.html';
const SMALL_PAGE_RECOMMENDATIONS = 20;

export interface WorkerFigures {
  /** The whole import of the CSV, from the request to its answer. */
  datasetImport100kMs: number;
  /** Of the import, reading the file into rows (until the progress turns to storing). */
  datasetImportReadMs: number;
  /** How many progress events the import sent, and whether they counted rows up to the file's row count. */
  datasetImportProgressEvents: number;
  datasetImportProgressRows: boolean;
  /** The first panel.load of a stopped worker (median of runs), worker start included. */
  coldPanelLoad100kMs: number;
  coldPanelLoad100kMaxMs: number;
  /** The same request to a running worker. */
  warmPanelLoad100kMs: number;
  /** Recommendations of the panel's answer with at least one earlier-cycle match (the answer has cross-references). */
  coldPanelLoadWithEarlier: number;
  /** The same on a statement of usual size (20 recommendations), and how many of them have earlier ones. */
  coldPanelLoad100kSmallPageMs: number;
  coldPanelLoadSmallPageWithEarlier: number;
  /** The worker's JS heap after a garbage collection, with 100,000 recommendations stored and a statement's panel loaded. */
  workerHeap100kMB: number;
}

const round = (n: number) => Math.round(n * 10) / 10;
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;

interface Chrome {
  runtime: { sendMessage(message: unknown): Promise<unknown>; onMessage: { addListener(f: (m: unknown) => void): void } };
}

/** Times one request to the background from an extension page or frame. */
async function timedRequest(frame: Page | Frame, type: string, payload: unknown): Promise<{ ms: number; answer: unknown }> {
  return frame.evaluate(
    async ({ type, payload }) => {
      const api = (globalThis as unknown as { chrome: Chrome }).chrome;
      const start = performance.now();
      const answer = await api.runtime.sendMessage({ upr: 1, type, payload });
      return { ms: performance.now() - start, answer };
    },
    { type, payload },
  );
}

/** A CDP session to the extension's service worker, through the page's session (Target.sendMessageToTarget). */
async function workerSession(page: Page, extensionId: string) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!target) throw new Error('The extension’s service worker is not running');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  let nextId = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  });
  return {
    send(method: string, params: object = {}): Promise<unknown> {
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      });
    },
    detach: () => cdp.detach(),
  };
}

async function workerHeapMB(page: Page, extensionId: string): Promise<number> {
  const worker = await workerSession(page, extensionId);
  await worker.send('HeapProfiler.enable');
  await worker.send('HeapProfiler.collectGarbage');
  await worker.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await worker.send('Runtime.getHeapUsage')) as { usedSize: number };
  await worker.detach();
  return usedSize / 1_048_576;
}

function withEarlier(answer: unknown): number {
  const value = (answer as { ok: boolean; value?: { recommendations: { earlier: unknown[] }[] } }).value;
  if (!value) throw new Error(`panel.load failed: ${JSON.stringify(answer).slice(0, 300)}`);
  return value.recommendations.filter((r) => r.earlier.length > 0).length;
}

/** A stopped worker's first panel.load, COLD_RUNS times: the times, and the recommendations with earlier ones. */
async function coldLoads(page: Page, panel: Frame): Promise<{ times: number[]; withEarlier: number }> {
  const times: number[] = [];
  let earlier = 0;
  for (let run = 0; run < COLD_RUNS; run++) {
    await stopServiceWorkers(page);
    await page.waitForTimeout(300);
    const answer = await timedRequest(panel, 'panel.load', {});
    times.push(answer.ms);
    earlier = withEarlier(answer.answer);
  }
  return { times, withEarlier: earlier };
}

export async function benchWorker(rows = WORKER_ROWS): Promise<WorkerFigures> {
  const csv = syntheticCsv(syntheticRecommendations(rows));
  const session: Session = await launch();
  try {
    const dashboard = await session.context.newPage();
    await dashboard.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
    const imported = await dashboard.evaluate(async (text) => {
      const api = (globalThis as unknown as { chrome: Chrome }).chrome;
      const events: { done: number; total: number; stage?: string; at: number }[] = [];
      const start = performance.now();
      api.runtime.onMessage.addListener((m) => {
        const message = m as { event?: string; payload?: { done: number; total: number; stage?: string } };
        if (message?.event === 'import.progress' && message.payload) events.push({ ...message.payload, at: performance.now() - start });
      });
      const answer = await api.runtime.sendMessage({ upr: 1, type: 'dataset.import', payload: { text, fileName: 'bench-100k.csv' } });
      const ms = performance.now() - start;
      // Events sent just before the answer may arrive just after it.
      await new Promise((done) => setTimeout(done, 200));
      return { ms, answer, events };
    }, csv);
    const summary = (imported.answer as { ok: boolean; value?: { added: number } }).value;
    if (!summary || summary.added !== rows) throw new Error(`The bench import stored ${summary?.added} of ${rows} rows: ${JSON.stringify(imported.answer).slice(0, 300)}`);
    const last = imported.events.at(-1);
    // Reading ends where storing starts (a build without stages reports reading only).
    const readMs = imported.events.find((e) => e.stage === 'store')?.at ?? imported.events.at(-1)?.at ?? imported.ms;
    await dashboard.close();

    session.serve(PAGE_URL, statementPage(PAGE_RECOMMENDATIONS));
    const page = await session.context.newPage();
    await page.goto(PAGE_URL);
    await waitForHighlight(page, PAGE_RECOMMENDATIONS, 120_000);
    const panel = await panelFrame(page, session.extensionId);
    await panel.waitForSelector('.rec', { timeout: 300_000 });
    const warm = await timedRequest(panel, 'panel.load', {});
    withEarlier(warm.answer);
    const workerHeap100kMB = await workerHeapMB(page, session.extensionId);

    const cold = await coldLoads(page, panel);
    // A statement of usual size: another state's 20 recommendations to the same state under review.
    session.serve(SMALL_PAGE_URL, statementPage(SMALL_PAGE_RECOMMENDATIONS).replaceAll('Norway', 'Sweden'));
    const small = await session.context.newPage();
    await small.goto(SMALL_PAGE_URL);
    const smallPanel = await panelFrame(small, session.extensionId);
    await smallPanel.waitForSelector(`.rec[data-n="${SMALL_PAGE_RECOMMENDATIONS}"]`, { timeout: 300_000 });
    const coldSmall = await coldLoads(small, smallPanel);
    return {
      datasetImport100kMs: round(imported.ms),
      datasetImportReadMs: round(readMs),
      datasetImportProgressEvents: imported.events.length,
      datasetImportProgressRows: last !== undefined && last.stage === 'store' && last.total === rows && last.done === rows,
      coldPanelLoad100kMs: round(median(cold.times)),
      coldPanelLoad100kMaxMs: round(Math.max(...cold.times)),
      warmPanelLoad100kMs: round(warm.ms),
      coldPanelLoadWithEarlier: cold.withEarlier,
      coldPanelLoad100kSmallPageMs: round(median(coldSmall.times)),
      coldPanelLoadSmallPageWithEarlier: coldSmall.withEarlier,
      workerHeap100kMB: round(workerHeap100kMB),
    };
  } finally {
    await session.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv.includes('--no-build')) execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const rows = process.argv.indexOf('--rows');
  console.log(JSON.stringify(await benchWorker(rows > 0 ? Number(process.argv[rows + 1]) : WORKER_ROWS)));
}
