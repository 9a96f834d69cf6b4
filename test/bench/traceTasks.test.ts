// The ui workload's reading of a Chromium trace (plain Node): tasks on the page's main thread, their CPU time and the collections in the window.
import { describe, expect, it } from 'vitest';

const { attributeTasks } = await import(new URL('../../bench/traceTasks.mjs', import.meta.url).href);

const PID = 7;
const MAIN = 11;
const OTHER = 12;
const at = (ms: number) => ms * 1000;
const task = (start: number, wall: number, cpu: number, tid = MAIN) => ({
  name: 'ThreadControllerImpl::RunTask',
  ph: 'X',
  pid: PID,
  tid,
  ts: at(start),
  dur: at(wall),
  tdur: at(cpu),
});
const inside = (name: string, start: number, wall: number) => ({ name, ph: 'X', pid: PID, tid: MAIN, ts: at(start), dur: at(wall) });
const mark = (name: string, ms: number) => ({ name, ph: 'R', pid: PID, tid: MAIN, ts: at(ms) });

const events = [
  { name: 'thread_name', ph: 'M', pid: PID, tid: MAIN, args: { name: 'CrRendererMain' } },
  { name: 'thread_name', ph: 'M', pid: PID, tid: OTHER, args: { name: 'Compositor' } },
  task(0, 90, 40), // before the window opens
  mark('open', 100),
  task(110, 12, 10),
  task(130, 70, 8), // long, but mostly waiting for a core
  inside('MinorGC', 131, 3),
  task(210, 30, 25),
  inside('MajorGC', 211, 28),
  task(250, 5, 4),
  inside('MinorGC', 251, 2),
  task(260, 200, 150, OTHER), // another thread's
  mark('close', 300),
  task(310, 80, 60), // after it closes
];

describe('attributeTasks', () => {
  it("gives the most CPU a task got in the window, the heaviest tasks and the page's collections, whatever the tasks' wall time", () => {
    const traced = attributeTasks(events, 50, { window: ['open', 'close'], heaviestCount: 2 });
    expect(traced.mainThread.tasks).toBe(4);
    expect(traced.mainThread.maxTaskCpuMs).toBe(25);
    expect(traced.mainThread.collections).toEqual({ young: { count: 2, maxMs: 3, totalMs: 5 }, full: { count: 1, maxMs: 28, totalMs: 28 } });
    expect(traced.tasks.map((t: { wallMs: number }) => t.wallMs)).toEqual([70]);
    expect(traced.heaviest.map((t: { threadMs: number }) => t.threadMs)).toEqual([25, 10]);
  });
});
