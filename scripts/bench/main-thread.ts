// Whose work holds the page's main thread: a Chromium trace of a page's load (CDP Tracing) told apart by task. The
// Long Tasks API says how long a task took, not whose it was; on a huge statement the longest ones are the browser
// laying out the page (its own first layout, and again when our highlights' style or the panel's room change it).
// The trace says which scripts ran in each task: the extension's run in its isolated world, named after it.
import type { CDPSession } from 'playwright-core';

/** A trace event as CDP's Tracing domain reports it (the fields used here). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { data?: Record<string, unknown> } & Record<string, unknown>;
}

export interface MainThreadFigures {
  /** The longest the extension's scripts ran in one task of the page's main thread (ms; a forced layout included). */
  ownScriptMs: number;
  /**
   * The longest task, after the extension's first script, in which the page was restyled or laid out (ms; the whole
   * task: a script that forced the layout included).
   */
  renderMs: number;
  /** Tasks in which the extension's scripts ran over 50 ms. */
  ownLongTasks: number;
}

const TASK = 'ThreadControllerImpl::RunTask';
const SCRIPT_RUNS = new Set(['v8.run', 'v8.callFunction']);
const RENDERING = new Set(['UpdateLayoutTree', 'Layout']);

/**
 * From a trace: the page's main thread (where the outermost main frame's last DOMContentLoaded fired), each task's
 * script time in the world named `world`, and the longest task with a restyle or layout that ends after that world's
 * first script began. Throws if that world ran nothing there.
 */
export function mainThreadFigures(events: readonly TraceEvent[], world: string): MainThreadFigures {
  const dcl = events.filter((e) => e.name === 'MarkDOMContent' && e.args?.data?.isOutermostMainFrame === true).at(-1);
  if (!dcl) throw new Error('The trace has no DOMContentLoaded of a main frame.');
  const thread = events.filter((e) => e.pid === dcl.pid && e.tid === dcl.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Top-level tasks in order; each event goes to the one it starts in (one pass: a trace holds 100,000s of events).
  const tasks = thread.filter((e) => e.name === TASK);
  const own = tasks.map(() => 0);
  const renders = tasks.map(() => false);
  let started = Number.POSITIVE_INFINITY;
  let at = 0;
  // The end of the last script run of ours counted: a callback run within it counts once.
  let counted = Number.NEGATIVE_INFINITY;
  for (const e of thread) {
    while (at < tasks.length && tasks[at]!.ts + (tasks[at]!.dur ?? 0) <= e.ts) at++;
    const task = tasks[at];
    if (!task || e.ts < task.ts) continue;
    if (RENDERING.has(e.name)) renders[at] = true;
    if (!SCRIPT_RUNS.has(e.name) || e.args?.worldName !== world || e.ts < counted) continue;
    counted = e.ts + (e.dur ?? 0);
    started = Math.min(started, e.ts);
    own[at]! += (e.dur ?? 0) / 1000;
  }
  // A trace without our world's scripts would read as "no long task of ours": say so instead.
  if (started === Number.POSITIVE_INFINITY) throw new Error(`The trace shows no script of the world "${world}" on the page: was the extension loaded, under that name?`);
  const ownScriptMs = own.reduce((most, ms) => Math.max(most, ms), 0);
  const ownLongTasks = own.filter((ms) => ms > 50).length;
  const renderMs = tasks.reduce((most, task, i) => (renders[i] && task.ts + (task.dur ?? 0) > started ? Math.max(most, (task.dur ?? 0) / 1000) : most), 0);
  return { ownScriptMs, renderMs, ownLongTasks };
}

/** The trace categories mainThreadFigures reads. */
const CATEGORIES = ['toplevel', 'devtools.timeline', 'v8'];

/** Records a trace through `cdp` while `work` runs; the events once it is done. */
export async function traced(cdp: CDPSession, work: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  try {
    await work();
  } finally {
    const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
    await cdp.send('Tracing.end');
    await complete;
  }
  return events;
}
