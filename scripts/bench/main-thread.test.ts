import { describe, expect, it } from 'vitest';
import { mainThreadFigures, type TraceEvent } from './main-thread';

const PAGE = { pid: 1, tid: 1 };
const OTHER = { pid: 2, tid: 2 };
const WORLD = 'UPR Annotator';

const ms = (n: number) => n * 1000;
const task = (at: number, dur: number, where = PAGE): TraceEvent => ({ name: 'ThreadControllerImpl::RunTask', ph: 'X', ts: ms(at), dur: ms(dur), ...where });
const run = (name: 'v8.run' | 'v8.callFunction', at: number, dur: number, worldName: string | undefined = WORLD, where = PAGE): TraceEvent => ({
  name,
  ph: 'X',
  ts: ms(at),
  dur: ms(dur),
  args: worldName === undefined ? {} : { worldName },
  ...where,
});
const layout = (at: number, dur: number, where = PAGE): TraceEvent => ({ name: 'Layout', ph: 'X', ts: ms(at), dur: ms(dur), ...where });
const dcl = (at: number, where = PAGE, isOutermostMainFrame = true): TraceEvent => ({ name: 'MarkDOMContent', ph: 'R', ts: ms(at), args: { data: { isOutermostMainFrame } }, ...where });

describe('whose work holds the page’s main thread', () => {
  it('counts the extension’s script time in each task, not the page’s or the browser’s', () => {
    const figures = mainThreadFigures(
      [
        dcl(0),
        // The page's own first layout, before any script of ours: not ours, and not counted as our rendering.
        task(0, 300),
        layout(1, 290),
        // Our detector: 40 ms.
        task(310, 45),
        run('v8.run', 311, 40),
        // A task where the page's script runs 100 ms and ours 30 (a callback within our run counted once).
        task(400, 140),
        run('v8.callFunction', 401, 100, ''),
        run('v8.callFunction', 505, 30),
        run('v8.callFunction', 506, 10),
        // Two of our callbacks in one task: 35 + 25 = 60 ms, a long one.
        task(600, 70),
        run('v8.callFunction', 601, 35),
        run('v8.callFunction', 640, 25),
        // The restyle after our sheet: the browser's, 120 ms.
        task(700, 120),
        layout(701, 110),
        // Another renderer (the panel's frame): none of these count.
        task(0, 500, OTHER),
        run('v8.callFunction', 1, 400, WORLD, OTHER),
        layout(1, 450, OTHER),
      ],
      WORLD,
    );
    expect(figures).toEqual({ ownScriptMs: 60, renderMs: 120, ownLongTasks: 1 });
  });

  it('reads the main frame’s thread, not a frame’s within it', () => {
    const figures = mainThreadFigures([dcl(0, OTHER, false), dcl(0), task(0, 80, OTHER), run('v8.run', 1, 70, WORLD, OTHER), task(0, 20), run('v8.run', 1, 15)], WORLD);
    expect(figures.ownScriptMs).toBe(15);
  });

  it('counts a task run within another once, in the outer one', () => {
    const figures = mainThreadFigures([dcl(0), task(0, 100), run('v8.callFunction', 1, 30), task(40, 50), run('v8.callFunction', 41, 45), layout(60, 20)], WORLD);
    expect(figures).toEqual({ ownScriptMs: 75, renderMs: 100, ownLongTasks: 1 });
  });

  it('says so when the trace has no page in it, or no script of ours (not "no long task")', () => {
    expect(() => mainThreadFigures([task(0, 10)], WORLD)).toThrow(/DOMContentLoaded/);
    expect(() => mainThreadFigures([dcl(0), task(0, 80), run('v8.run', 1, 70, 'Another Extension')], WORLD)).toThrow(/no script of the world "UPR Annotator"/);
  });
});
