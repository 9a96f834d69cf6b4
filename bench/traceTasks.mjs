// The page's long tasks in a Chromium trace (Node, benchmark): each one's wall and thread time, what ran inside it
// (scripts, style and layout, paint, garbage collection) and the functions V8's sampler caught in it.

const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
/** Events whose time is the page's rendering rather than its scripts. */
const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'UpdateLayer', 'HitTest', 'ScheduleStyleRecalculation', 'Commit']);
const GC = /GC|GarbageCollect/;
const SCRIPT_STARTS = new Set([
  'FunctionCall',
  'TimerFire',
  'EventDispatch',
  'FireAnimationFrame',
  'RunMicrotasks',
  'v8.callFunction',
  'EvaluateScript',
  'v8.run',
  'V8.Execute',
]);

/** The page's main thread: the CrRendererMain thread with the most events (the page's, not an empty tab's). */
function mainThreadOf(events) {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const counts = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && mains.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!best) return undefined;
  const [pid, tid] = best.split(':').map(Number);
  return { pid, tid };
}

/** V8's samples on that thread, as [time in µs, node] in time order, from the trace's Profile and ProfileChunk events. */
function samplesOf(events, { pid, tid }) {
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  if (!profile) return { list: [], nodes: new Map(), cap: 0 };
  const nodes = new Map();
  const samples = [];
  let time = profile.args?.data?.startTime ?? 0;
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== pid || e.id !== profile.id) continue;
    const data = e.args?.data ?? {};
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) {
      time += deltas[i] ?? 0;
      samples.push([time, ids[i]]);
    }
  }
  samples.sort((a, b) => a[0] - b[0]);
  const gaps = samples
    .slice(1)
    .map(([t], i) => t - samples[i][0])
    .sort((a, b) => a - b);
  const interval = gaps[gaps.length >> 1] ?? 1000;
  return { list: samples.map(([t, id]) => [t, nodes.get(id)]).filter(([, node]) => node), nodes, cap: 3 * interval };
}

/** The nearest frame of a sample's stack that is the project's own code (not a package's, not the browser's), by source. */
function ownFrame(node, nodes, resolve) {
  for (let at = node; at; at = nodes.get(at.parent)) {
    const frame = at.callFrame;
    if (!frame.url) continue;
    const source = resolve?.(frame.url, frame.lineNumber, frame.columnNumber);
    if (source && !source.source.startsWith('node_modules/')) return `${source.name ?? frame.functionName ?? '(anonymous)'} ${source.source}:${source.line}`;
  }
  return undefined;
}

/** A frame as "function file:line" (the file's last part). */
function frameName(callFrame, resolve) {
  const name = callFrame.functionName || '(anonymous)';
  if (!callFrame.url) return name;
  const at = resolve?.(callFrame.url, callFrame.lineNumber, callFrame.columnNumber);
  if (at) return `${at.name ?? name} ${at.source}:${at.line}`;
  return `${name} ${callFrame.url.split('/').at(-1)}:${callFrame.lineNumber + 1}:${callFrame.columnNumber + 1}`;
}

const ms = (us) => +(us / 1000).toFixed(1);

/**
 * The page's tasks over `thresholdMs` in a trace, longest first, each with its wall time, its thread time (the CPU the
 * main thread got: wall minus thread time is time it waited for a core or for the GPU process), the time of what ran in
 * it by kind and by event, layouts forced from script, and the functions sampled in it (self time); and the main thread's
 * busy and CPU time over the trace, or between the marks named by `window` ([opening, closing]), the most and the 99th
 * percentile of CPU time a task got, and its garbage collections. `heaviest` describes the `heaviestCount` tasks that
 * got the most CPU time, whatever their wall time. `resolve(url, line, column)` may map a frame to its source.
 */
export function attributeTasks(events, thresholdMs, { resolve, window, heaviestCount = 3 } = {}) {
  const main = mainThreadOf(events);
  if (!main) return { mainThread: undefined, tasks: [], heaviest: [] };
  const markAt = (name) => events.find((e) => e.name === name && e.pid === main.pid)?.ts;
  const [opens, closes] = window ? [markAt(window[0]) ?? -Infinity, markAt(window[1]) ?? Infinity] : [-Infinity, Infinity];
  const own = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const tasks = [];
  let coveredUntil = -Infinity;
  for (const e of own) {
    if (!TASK_NAMES.has(e.name) || e.ts < coveredUntil || e.ts < opens || e.ts > closes) continue;
    tasks.push(e);
    coveredUntil = e.ts + e.dur;
  }
  const first = tasks[0]?.ts ?? 0;
  const last = tasks.length ? Math.max(...tasks.map((t) => t.ts + t.dur)) : 0;
  const span = Math.max(1, last - first);
  const busy = tasks.reduce((sum, t) => sum + t.dur, 0);
  const cpu = tasks.reduce((sum, t) => sum + (t.tdur ?? 0), 0);
  const cpus = tasks.map((t) => t.tdur ?? 0).sort((a, b) => a - b);
  const mainThread = {
    tasks: tasks.length,
    seconds: +(span / 1e6).toFixed(1),
    busyFraction: +(busy / span).toFixed(3),
    cpuFraction: tasks.some((t) => t.tdur !== undefined) ? +(cpu / span).toFixed(3) : undefined,
    maxTaskCpuMs: ms(cpus.at(-1) ?? 0),
    p99TaskCpuMs: ms(cpus[Math.floor(0.99 * (cpus.length - 1))] ?? 0),
    collections: collectionsOf(own, opens, closes),
  };
  const samples = samplesOf(events, main);
  const long = tasks.filter((t) => t.dur > thresholdMs * 1000).sort((a, b) => b.dur - a.dur);
  const heaviest = [...tasks].sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0)).slice(0, heaviestCount);
  return {
    mainThread,
    tasks: long.map((task) => describeTask(task, own, samples, resolve)),
    heaviest: heaviest.map((task) => describeTask(task, own, samples, resolve)),
  };
}

/**
 * The garbage collections on the page's thread between `opens` and `closes`: young-generation scavenges (MinorGC) and
 * full mark-compacts (MajorGC), each their count, longest and total pause in ms.
 */
function collectionsOf(own, opens, closes) {
  const kinds = { young: 'MinorGC', full: 'MajorGC' };
  return Object.fromEntries(
    Object.entries(kinds).map(([kind, name]) => {
      const pauses = own.filter((e) => e.name === name && e.ts >= opens && e.ts <= closes).map((e) => e.dur);
      return [kind, { count: pauses.length, maxMs: ms(Math.max(0, ...pauses)), totalMs: ms(pauses.reduce((a, b) => a + b, 0)) }];
    }),
  );
}

/** The kind of work an event is, or undefined for a wrapper (a task, a message, a microtask checkpoint) that only holds others. */
function kindOf(name) {
  if (RENDERING.has(name)) return 'rendering';
  if (GC.test(name)) return 'gc';
  if (SCRIPT_STARTS.has(name)) return 'scripting';
  return undefined;
}

/**
 * Self time (an event's time less its children's) by kind, each event's self time counted to the nearest enclosing
 * event of a known kind; layouts and style recalculations inside a script were forced from it.
 */
function kindsOf(task, inside) {
  const kinds = { scripting: 0, rendering: 0, gc: 0, other: 0 };
  const byEvent = new Map();
  let forcedLayout = 0;
  const stack = [{ end: task.ts + task.dur, kind: undefined, self: task.dur, name: task.name }];
  const close = (until) => {
    while (stack.length > 1 && stack.at(-1).end <= until) {
      const done = stack.pop();
      kinds[done.kind ?? 'other'] += done.self;
      byEvent.set(done.name, (byEvent.get(done.name) ?? 0) + done.self);
    }
  };
  for (const e of inside) {
    close(e.ts);
    const parent = stack.at(-1);
    parent.self -= e.dur;
    const kind = kindOf(e.name) ?? parent.kind;
    if ((e.name === 'Layout' || e.name === 'UpdateLayoutTree') && parent.kind === 'scripting') forcedLayout += e.dur;
    stack.push({ end: e.ts + e.dur, kind, self: e.dur, name: kindOf(e.name) ? e.name : parent.kind ? parent.name : e.name });
  }
  close(Infinity);
  kinds.other += Math.max(0, stack[0].self);
  return { kinds, byEvent, forcedLayout };
}

function describeTask(task, own, samples, resolve) {
  const end = task.ts + task.dur;
  const inside = own.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= end);
  const { kinds, byEvent, forcedLayout } = kindsOf(task, inside);
  const self = new Map();
  const app = new Map();
  let idle = 0;
  let sampled = 0;
  let previous = task.ts;
  for (const [time, node] of samples.list) {
    if (time < task.ts) continue;
    if (time > end) break;
    // A sample stands for the time since the one before, at most a few sampling intervals: a longer gap is time the
    // thread was not running (waiting for a core), which no function spent.
    const weight = Math.min(time - previous, samples.cap);
    previous = time;
    sampled += weight;
    const name = node.callFrame.functionName;
    if (name === '(idle)') idle += weight;
    const key = name.startsWith('(') ? name : frameName(node.callFrame, resolve);
    self.set(key, (self.get(key) ?? 0) + weight);
    const own = ownFrame(node, samples.nodes, resolve);
    if (own) app.set(own, (app.get(own) ?? 0) + weight);
  }
  const top = (map, n) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, ms: ms(us) }));
  const script = inside.find((e) => e.name === 'FunctionCall' && e.args?.data?.url);
  return {
    wallMs: ms(task.dur),
    threadMs: task.tdur === undefined ? undefined : ms(task.tdur),
    kindsMs: Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, ms(v)])),
    forcedLayoutMs: ms(forcedLayout),
    events: top(byEvent, 6),
    entry: script
      ? frameName({ ...script.args.data, lineNumber: (script.args.data.lineNumber ?? 1) - 1, columnNumber: (script.args.data.columnNumber ?? 1) - 1 }, resolve)
      : undefined,
    sampledMs: ms(sampled),
    idleSampledMs: ms(idle),
    selfTime: top(self, 8),
    ownCode: top(app, 6),
  };
}
