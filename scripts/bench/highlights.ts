// The in-page figures of `npm run bench` with the built extension in headless Chromium, measured as the page sees
// them: the DOM mutations a page's MutationObserver records while its statement is annotated and while the reader
// selects (the panel's host arriving counted apart); and on large statements (5,000 and 10,000 recommendations, a
// 10 MB report) the time from the page's DOMContentLoaded to every recommendation highlighted and to the panel
// listing them all, whether all were stored, and the longest main-thread task (Long Tasks API) meanwhile.
// Run alone (builds the extension first unless `--no-build`; `--mutations-only` skips the large pages):
// `npx tsx scripts/bench/highlights.ts [--no-build] [--mutations-only]`, or
// `npm run bench -- --only highlights`. UPR_OUTPUT_DIR picks another build (an older one, for before / after).
import { execFileSync } from 'node:child_process';
import type { Frame, Page } from 'playwright-core';
import { HIGHLIGHT_PRIORITY } from '../../utils/anchor/highlight-paint';
import { clickHighlight, launch, panelFrame, ROOT, type Session } from '../../e2e/support/extension';
import { longStatementPage, statementPage } from './pages';

export interface HighlightFigures {
  /** Mutation records a page's observer saw while a 300-recommendation statement was annotated, the panel's host apart. */
  annotateDomMutations: number;
  /** The records of the panel's host arriving (the panel has to be in the page to show). */
  annotatePanelHostMutations: number;
  /** Records while the reader clicked a highlight and selected another from the panel. */
  selectDomMutations: number;
  /** Whether highlights were painted with the Highlight API (false: elements). */
  highlightsPainted: boolean;
  highlight5kMs: number;
  panel5kMs: number;
  /** When the panel listed its first recommendations (it mounts once the first capture batch is stored). */
  panelFirst5kMs: number;
  stored5k: number;
  /** From DOMContentLoaded until the worker's database holds every recommendation of the page (all capture batches). */
  stored5kMs: number;
  longestTask5kMs: number;
  highlight10kMs: number;
  panel10kMs: number;
  panelFirst10kMs: number;
  stored10k: number;
  stored10kMs: number;
  longestTask10kMs: number;
  highlight10MBMs: number;
  highlight10MBCount: number;
  longestTask10MBMs: number;
  /** The 10 MB page's own first layout after DOMContentLoaded, before the extension did anything (for comparison). */
  pageOwnLongestTask10MBMs: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

// From the page's first script: its long tasks, and mutation records once parsed (ours to count).
const RECORDER = `
  window.__bench = { tasks: [], records: [], dcl: 0, painted: 0 };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) __bench.tasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
  document.addEventListener('DOMContentLoaded', () => {
    __bench.dcl = performance.now();
    __bench.dclEpoch = Date.now();
    new MutationObserver((records) => {
      for (const r of records) __bench.records.push(r.type + ' ' + [...r.addedNodes].map((n) => n.nodeName.toLowerCase()).join(','));
    }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  });
`;

/** In the page: how many recommendations are highlighted, painted (the registry) or as elements. */
const HIGHLIGHTED = `(() => {
  let painted = 0;
  if (window.CSS && CSS.highlights) for (const [, h] of CSS.highlights) if (h.priority === ${HIGHLIGHT_PRIORITY.all}) painted = Math.max(painted, h.size);
  const els = document.getElementsByTagName('upr-hl');
  const last = els.length ? Number(els[els.length - 1].getAttribute('data-upr-rec')) : 0;
  return { count: Math.max(painted, last), painted: painted > 0 };
})()`;

/** Waits, frame by frame in the page, until `count` recommendations are highlighted; ms since DOMContentLoaded. */
async function highlightedAfter(page: Page, count: number): Promise<{ ms: number; painted: boolean; longestTask: number }> {
  // A string, not a function: tsx would name its inner functions with a helper the page does not have.
  return page.evaluate(`new Promise((resolve) => {
    const bench = window.__bench;
    const check = () => {
      const state = ${HIGHLIGHTED};
      if (state.count < ${count}) return requestAnimationFrame(check);
      const at = performance.now();
      // A long task is reported once it has ended: give the observer a moment.
      setTimeout(() => {
        const during = bench.tasks.filter(([start]) => start >= bench.dcl && start <= at).map(([, d]) => d);
        resolve({ ms: at - bench.dcl, painted: state.painted, longestTask: Math.max(0, ...during) });
      }, 200);
    };
    check();
  })`);
}

// The records the worker holds for the page: its own and those first read on another page that it shows too (the
// bench's pages share their first recommendations, same words and states, so one record each: counting only the
// records whose pageUrl is this page said "4,700 stored" of 5,000 while every one was).
async function storedCount(panel: Frame, url: string): Promise<number> {
  return panel.evaluate(async (pageUrl) => {
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ value: { recommendations: unknown[] } }> } } }).chrome;
    const answer = await api.runtime.sendMessage({ upr: 1, type: 'data.export', payload: { pageUrl } });
    return answer.value.recommendations.length;
  }, url);
}

/**
 * In the worker: when (epoch ms) its database holds `count` records for the page at `url` — its own and those it shows
 * from another page — read straight from IndexedDB every 50 ms (each capture batch is one transaction, so a count is
 * whole batches). Started before the page opens; the database is never created here (an empty one would be
 * upgraded wrongly).
 */
export async function storedAt(session: Session, url: string, count: number): Promise<number> {
  const worker = await session.worker();
  // A string, not a function: tsx would name its inner functions with a helper the worker does not have.
  return worker.evaluate(`(async () => {
    const request = (r) => new Promise((done, fail) => { r.onsuccess = () => done(r.result); r.onerror = () => fail(r.error); });
    const held = async () => {
      if (!(await indexedDB.databases()).some((d) => d.name === 'upr-annotator')) return 0;
      const db = await request(indexedDB.open('upr-annotator'));
      try {
        const tx = db.transaction(['recommendations', 'pages'], 'readonly');
        const [own, page] = await Promise.all([
          request(tx.objectStore('recommendations').index('pageUrl').count(${JSON.stringify(url)})),
          request(tx.objectStore('pages').get(${JSON.stringify(url)})),
        ]);
        return own + (page?.alsoShows?.length ?? 0);
      } finally {
        db.close();
      }
    };
    const until = Date.now() + 300000;
    while ((await held().catch(() => 0)) < ${count} && Date.now() < until) await new Promise((done) => setTimeout(done, 50));
    return Date.now();
  })()`);
}

async function openPage(session: Session, url: string, html: string): Promise<Page> {
  session.serve(url, html);
  const page = await session.context.newPage();
  await page.addInitScript(RECORDER);
  await page.goto(url, { timeout: 120_000 });
  return page;
}

/** The panel's frame, however long a large statement's capture takes before it mounts. */
async function slowPanelFrame(page: Page, extensionId: string): Promise<Frame> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await panelFrame(page, extensionId);
    } catch (error) {
      if (attempt >= 30) throw error;
    }
  }
}

const progress = (what: string) => process.stderr.write(`[bench highlights] ${what}\n`);

/** How long a large page may take to be highlighted before the bench reports it as not highlighted. */
const LARGE_TIMEOUT_MS = 120_000;

async function large(session: Session, url: string, html: string, count: number) {
  progress(`${url}: ${count} recommendations, ${(html.length / 1e6).toFixed(1)} MB`);
  const stored = storedAt(session, url, count);
  const page = await openPage(session, url, html);
  // A page the build never finishes highlighting is a figure too ("not within"), not a bench that never ends.
  const highlighted = await Promise.race([
    highlightedAfter(page, count),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), LARGE_TIMEOUT_MS)),
  ]);
  if (!highlighted) {
    progress(`not highlighted within ${LARGE_TIMEOUT_MS / 1000} s`);
    await page.close();
    return { ms: Number.POSITIVE_INFINITY, painted: false, longestTask: Number.NaN, panelMs: Number.NaN, panelFirstMs: Number.NaN, stored: Number.NaN, storedMs: Number.NaN };
  }
  progress(`highlighted after ${Math.round(highlighted.ms)} ms`);
  const panel = await slowPanelFrame(page, session.extensionId);
  const sinceDcl = () => page.evaluate(() => Date.now() - (window as unknown as { __bench: { dclEpoch: number } }).__bench.dclEpoch);
  await panel.waitForFunction(() => document.querySelectorAll('.recs .rec').length > 0, null, { timeout: 300_000, polling: 'raf' });
  const panelFirstMs = await sinceDcl();
  progress(`panel lists its first after ${panelFirstMs} ms`);
  await panel.waitForFunction((n) => document.querySelectorAll('.recs .rec').length >= n, count, { timeout: 300_000, polling: 'raf' });
  const panelMs = await sinceDcl();
  progress(`panel lists all after ${panelMs} ms`);
  const storedMs = (await stored) - (await page.evaluate(() => (window as unknown as { __bench: { dclEpoch: number } }).__bench.dclEpoch));
  progress(`the worker held every record after ${storedMs} ms`);
  let held = 0;
  for (let i = 0; i < 60 && held < count; i++) {
    held = await storedCount(panel, url);
    if (held < count) await page.waitForTimeout(500);
  }
  await page.close();
  return { ...highlighted, panelMs, panelFirstMs, stored: held, storedMs };
}

/** The 10 MB page alone, without the extension: its own longest task after DOMContentLoaded (its first layout). */
async function pageOwnLongestTask(html: string): Promise<number> {
  const { chromium } = await import('playwright-core');
  const { CHROMIUM } = await import('../../e2e/support/extension');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(RECORDER);
  await page.route('**/*', (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
  await page.goto('https://bench.example.test/upr/41/finland-10mb.html', { timeout: 120_000 });
  await page.waitForTimeout(3000);
  const longest = await page.evaluate(() => {
    const bench = (window as unknown as { __bench: { tasks: [number, number][]; dcl: number } }).__bench;
    return Math.max(0, ...bench.tasks.filter(([start]) => start >= bench.dcl).map(([, d]) => d));
  });
  await browser.close();
  return longest;
}

/** `large: false` measures the DOM mutations only (a minute, for comparing builds). */
export async function benchHighlights({ large: withLarge = true } = {}): Promise<HighlightFigures> {
  const session = await launch();
  try {
    // DOM mutations: annotating a 300-recommendation statement, then selecting.
    const url = 'https://bench.example.test/upr/41/finland.html';
    const page = await openPage(session, url, statementPage(300));
    const first = await highlightedAfter(page, 300);
    progress(`300 highlighted (${first.painted ? 'painted' : 'elements'})`);
    const panel = await panelFrame(page, session.extensionId);
    await panel.waitForSelector('.rec[data-n="300"]', { timeout: 120_000 });
    await page.waitForTimeout(1000);
    const records = () => page.evaluate(() => (window as unknown as { __bench: { records: string[] } }).__bench.records);
    const annotated = await records();
    const host = annotated.filter((r) => r === 'childList upr-annotator-panel');
    if (first.painted) await clickHighlight(page, 2);
    else await page.click('[data-upr-rec="2"]'); // an older build's elements
    await panel.waitForSelector('.rec[data-n="2"][aria-current="true"]');
    await panel.click('.rec[data-n="5"] .rec-text');
    await page.waitForTimeout(1500); // past the flash
    const selecting = (await records()).length - annotated.length;
    await page.close();

    if (!withLarge) {
      return { annotateDomMutations: annotated.length - host.length, annotatePanelHostMutations: host.length, selectDomMutations: selecting, highlightsPainted: first.painted } as HighlightFigures;
    }
    const at5k = await large(session, 'https://bench.example.test/upr/41/finland-5k.html', statementPage(5_000), 5_000);
    const at10k = await large(session, 'https://bench.example.test/upr/41/finland-10k.html', statementPage(10_000), 10_000);
    const bigHtml = longStatementPage(1_000, 10_000_000, { statement: true });
    const big = await large(session, 'https://bench.example.test/upr/41/finland-10mb.html', bigHtml, 1_000);
    return {
      annotateDomMutations: annotated.length - host.length,
      annotatePanelHostMutations: host.length,
      selectDomMutations: selecting,
      highlightsPainted: first.painted,
      highlight5kMs: round(at5k.ms),
      panel5kMs: at5k.panelMs,
      panelFirst5kMs: at5k.panelFirstMs,
      stored5k: at5k.stored,
      stored5kMs: at5k.storedMs,
      longestTask5kMs: round(at5k.longestTask),
      highlight10kMs: round(at10k.ms),
      panel10kMs: at10k.panelMs,
      panelFirst10kMs: at10k.panelFirstMs,
      stored10k: at10k.stored,
      stored10kMs: at10k.storedMs,
      longestTask10kMs: round(at10k.longestTask),
      highlight10MBMs: round(big.ms),
      highlight10MBCount: 1_000,
      longestTask10MBMs: round(big.longestTask),
      pageOwnLongestTask10MBMs: round(await pageOwnLongestTask(bigHtml)),
    };
  } finally {
    await session.close();
  }
}

/** The table rows of these figures. */
export function highlightRows(f: HighlightFigures): [string, string, string][] {
  return [
    [`DOM mutations a page sees while a 300-recommendation statement is annotated (${f.highlightsPainted ? 'Highlight API' : 'elements'}; + ${f.annotatePanelHostMutations} for the panel's host)`, `${f.annotateDomMutations}`, '0'],
    ['DOM mutations a page sees while the reader selects (a highlight clicked, a panel item chosen)', `${f.selectDomMutations}`, '0'],
    [`5,000 recommendations: highlighted after DOMContentLoaded (panel lists all; ${f.stored5k} stored)`, Number.isFinite(f.highlight5kMs) ? `${f.highlight5kMs} ms (${f.panel5kMs})` : `not within ${LARGE_TIMEOUT_MS / 1000} s`, '≤ 500 ms (≤ 1,000)'],
    [`10,000 recommendations: the same (${f.stored10k} stored)`, Number.isFinite(f.highlight10kMs) ? `${f.highlight10kMs} ms (${f.panel10kMs})` : `not within ${LARGE_TIMEOUT_MS / 1000} s`, '≤ 500 ms (≤ 1,000)'],
    ['the panel’s first recommendations listed after DOMContentLoaded: 5,000 / 10,000', `${f.panelFirst5kMs} / ${f.panelFirst10kMs} ms`, ''],
    [`10 MB report, ${f.highlight10MBCount} recommendations: highlighted after DOMContentLoaded`, Number.isFinite(f.highlight10MBMs) ? `${f.highlight10MBMs} ms` : `not within ${LARGE_TIMEOUT_MS / 1000} s`, '≤ 1,000 ms'],
    ['longest main-thread task until highlighted: 5,000 / 10,000 / 10 MB', `${f.longestTask5kMs} / ${f.longestTask10kMs} / ${f.longestTask10MBMs} ms`, '≤ 50 ms'],
    ['the 10 MB page’s own longest task without the extension (its first layout)', `${f.pageOwnLongestTask10MBMs} ms`, ''],
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv.includes('--no-build')) execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const figures = await benchHighlights({ large: !process.argv.includes('--mutations-only') });
  console.log(JSON.stringify(figures));
  if (!process.argv.includes('--mutations-only')) for (const [what, value, target] of highlightRows(figures)) console.log(`${what}  ${value}  ${target}`);
}
