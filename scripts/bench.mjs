// `npm run bench` (Node): the engine beside NumPy, PyTorch, TF.js and ConvNetJS on the same split, weights and work,
// warmed up, in alternated rounds, with medians, per-round ratios, peak memory and the machine; `-- --json` for JSON.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { convnetPeer } from '../bench/convnetPeer.mjs';
import { enginePeer, kernelSets } from '../bench/enginePeer.mjs';
import { machine } from '../bench/machine.mjs';
import { findPython, pythonPeer } from '../bench/pythonPeer.mjs';
import { measureMemory } from '../bench/memoryRun.mjs';
import { median, warmUp } from '../bench/stats.mjs';
import { writeTaskFiles } from '../bench/taskFiles.mjs';
import { EXERCISE_NETS, FASHION_FOLDER, FASHION_NETS, fashionTasks, gridTasks, trainingTasks } from '../bench/tasks.mjs';
import { tfjsPeer } from '../bench/tfjsPeer.mjs';
import { LONG_TASK_MS, measureUi } from '../bench/uiRun.mjs';
import { engineProcessPeer, engineWithCertificatesPeer, extraCertificates, numpyProcessPeer } from '../bench/wholeProcess.mjs';

// Where this Node runs WebAssembly relaxed SIMD only behind a flag (dist/node/relaxedSimdFlags.js says): runs itself again with it,
// and with --expose-gc, so that a run's large arrays are let go before the next peer's run.
const FLAGS = new URL('../dist/node/relaxedSimdFlags.js', import.meta.url);
const execFlags = [...(existsSync(fileURLToPath(FLAGS)) ? (await import(FLAGS.href)).relaxedSimdExecArgv : []), '--expose-gc'];
if (execFlags.some((flag) => !process.execArgv.includes(flag))) {
  const run = spawnSync(process.execPath, [...process.execArgv, ...execFlags, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(run.status ?? 1);
}

const WORKLOADS = ['exercise', 'process', 'mlp', 'grid', 'memory', 'fashion', 'ui'];
const PEERS = ['engine', 'numpy', 'numpy-1t', 'torch', 'torch-f32', 'tfjs-cpu', 'tfjs-wasm', 'convnetjs'];
const USAGE = `npm run bench [-- options]
  --json                 print one JSON document instead of tables
  --workloads LIST       of ${WORKLOADS.join(',')} (default: all)
  --peers LIST           of ${PEERS.join(',')} (default: all; the engine always runs)
  --rounds N             timed rounds per workload after the warm-up (default 3; the MLP and Fashion-MNIST take at most 2)
  --fashion-rows N       training images of the Fashion-MNIST epoch (default 60000, the whole epoch; fewer for a
                         loaded machine: the times are also given scaled to the whole epoch)
  --python PATH          the Python for NumPy and PyTorch (default: the first of python3, /usr/bin/python3 that has each)
  --ui-seconds N         how long each lab works while the ui workload watches the page (default 15)
  --ui-trace DIR         also write the ui workload's Chromium traces into DIR (DevTools' Performance panel opens them)
  --ui-labs LIST         only these of the ui workload's scenarios (comma-separated: training-mlp, training-fashion, optimizer, compare)`;

const { values: options } = parseArgs({
  options: {
    json: { type: 'boolean' },
    workloads: { type: 'string' },
    peers: { type: 'string' },
    rounds: { type: 'string' },
    python: { type: 'string' },
    'fashion-rows': { type: 'string' },
    'ui-seconds': { type: 'string' },
    'ui-trace': { type: 'string' },
    'ui-labs': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
const pick = (text, known, what) => {
  const list = text
    ? text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : known;
  const unknown = list.find((item) => !known.includes(item));
  if (unknown) {
    console.error(`bench: unknown ${what} ${JSON.stringify(unknown)}; known: ${known.join(', ')}`);
    process.exit(2);
  }
  return list;
};
const workloads = pick(options.workloads, WORKLOADS, 'workload');
const wanted = new Set(['engine', ...pick(options.peers, PEERS, 'peer')]);
const rounds = Math.max(1, Number(options.rounds ?? 3) | 0);
const fashionRows = Math.min(60000, Math.max(640, Number(options['fashion-rows'] ?? 60000) | 0));
const pythons = options.python ? [options.python] : ['python3', '/usr/bin/python3'];
const log = (line) => {
  if (!options.json) console.log(line);
  else process.stderr.write(line + '\n');
};

const report = { machine: machine(), command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(), rounds, peers: {}, skipped: {}, workloads: [] };

// Tasks and their files for the Python peers.
const tasks = [];
if (workloads.includes('exercise') || workloads.includes('mlp') || workloads.includes('memory')) {
  const training = await trainingTasks();
  tasks.push(...training.filter((t) => workloads.includes(t.workload)));
}
if (workloads.includes('grid')) tasks.push(...gridTasks());
if (workloads.includes('fashion')) {
  const fashion = fashionTasks({ rows: fashionRows });
  if (fashion) tasks.push(...fashion);
  else log(`skipped the fashion workload: no Fashion-MNIST files in ${FASHION_FOLDER} (Debian: apt-get install dataset-fashion-mnist)`);
}
const files = writeTaskFiles(tasks);

// Peers: the engine with each kernel set, then every other peer that loads.
const inProcess = (await kernelSets()).map(([name, kernels]) => enginePeer(`engine (${name})`, kernels));
const enginePeerName = inProcess[0].name;
const skip = (peer, reason) => {
  report.skipped[peer] = reason;
  log(`skipped ${peer}: ${reason}`);
};
// The whole-process workload runs the exercise's own script, with no task files: it needs NumPy even when no other workload does.
let numpyPython = workloads.includes('process') && wanted.has('numpy') ? findPython(pythons, 'numpy') : undefined;
// NumPy's hand-written reference has no convolutions: the Fashion-MNIST workload runs the engine beside PyTorch alone.
const withoutFashion = new Map([...files.paths].filter(([id]) => !id.startsWith('fashion')));
for (const [key, module, oneThread, paths] of tasks.length === 0
  ? []
  : [
      ['numpy', 'numpy', false, withoutFashion],
      ['numpy-1t', 'numpy', true, withoutFashion],
      ['torch', 'torch', false, files.paths],
      ['torch-f32', 'torch', false, files.paths],
    ]) {
  if (!wanted.has(key)) continue;
  const python = findPython(pythons, module);
  if (!python) {
    skip(key, `no ${pythons.join(' or ')} with ${module}`);
    continue;
  }
  try {
    inProcess.push(await pythonPeer(key === 'torch-f32' ? key : module, python, paths, { oneThread }));
  } catch (error) {
    skip(key, error.message);
  }
}
for (const [key, load] of tasks.length === 0
  ? []
  : [
      ['tfjs-cpu', () => tfjsPeer('cpu')],
      ['tfjs-wasm', () => tfjsPeer('wasm')],
      ['convnetjs', convnetPeer],
    ]) {
  if (!wanted.has(key)) continue;
  try {
    inProcess.push(await load());
  } catch (error) {
    skip(key, `not installed or failed to load (${error.message.split('\n')[0]})`);
  }
}
for (const peer of inProcess) report.peers[peer.name] = await peer.info();
const DISPLAY_NAMES = { numpy: 'NumPy', 'numpy-1t': 'NumPy, 1 thread', torch: 'PyTorch', 'torch-f32': 'PyTorch float32' };
const displayName = (peer) => DISPLAY_NAMES[peer.name] ?? peer.name;

/** Warm-up, then `count` rounds in which the peers take turns in a rotated order; the times and results by peer. */
async function measure(task, peers, count, warm, warmTask = task) {
  const byPeer = new Map(
    peers.map((peer) => [peer, { times: [], cpuTimes: [], estimates: [], warmUp: [], result: undefined, peakMemoryBytes: 0, error: undefined }]),
  );
  const loadAtStart = loadavg()[0];
  const memoryOf = (peer, answer) => {
    const bytes = answer.peakMemoryBytes ?? (peer.kind === 'python' ? undefined : process.memoryUsage().rss);
    const entry = byPeer.get(peer);
    if (bytes !== undefined) entry.peakMemoryBytes = Math.max(entry.peakMemoryBytes, bytes);
  };
  for (const peer of peers) {
    const entry = byPeer.get(peer);
    try {
      entry.warmUp = await warmUp(async () => {
        const answer = await peer.run(warmTask);
        memoryOf(peer, answer);
        return answer.seconds;
      }, warm);
    } catch (error) {
      entry.error = error.message.split('\n')[0];
    }
  }
  const live = peers.filter((peer) => !byPeer.get(peer).error);
  for (let round = 0; round < count; round++) {
    const order = live.map((_, i) => live[(i + round) % live.length]);
    for (const peer of order) {
      const answer = await peer.run(task);
      const entry = byPeer.get(peer);
      entry.times.push(answer.seconds);
      if (answer.cpuSeconds !== undefined) entry.cpuTimes.push(answer.cpuSeconds);
      if (answer.estimateSeconds !== undefined) entry.estimates.push(answer.estimateSeconds);
      entry.result = answer.result;
      memoryOf(peer, answer);
    }
  }
  byPeer.loadAverage = [loadAtStart, loadavg()[0]].map((value) => +value.toFixed(2));
  return byPeer;
}

/** The median CPU time and per-round CPU ratio to the engine, where both sides measured their CPU time every round. */
function cpuFigures(cpuTimes, engineCpuTimes) {
  if (!cpuTimes?.length || cpuTimes.length !== engineCpuTimes?.length) return {};
  return { medianCpuSeconds: median(cpuTimes), cpuSeconds: cpuTimes, cpuRatioToEngine: median(cpuTimes.map((t, i) => t / engineCpuTimes[i])) };
}

/**
 * One workload's rows: median seconds, per-round ratio to the engine (peer time ÷ engine time), the same for CPU time
 * (every thread of the peer's process), result, peak memory; and the 1-minute load average at its start and end.
 */
function summarise(task, byPeer, extra = () => ({})) {
  const engine = [...byPeer.entries()].find(([peer]) => peer.kind === 'engine')[1];
  const rows = [...byPeer.entries()].map(([peer, entry]) => {
    if (entry.error) return { peer: displayName(peer), error: entry.error };
    const ratios = entry.times.map((t, i) => t / engine.times[i]);
    return {
      peer: displayName(peer),
      medianSeconds: median(entry.times),
      seconds: entry.times,
      warmUpSeconds: entry.warmUp,
      ratioToEngine: median(ratios),
      ratios,
      ...cpuFigures(entry.cpuTimes, engine.cpuTimes),
      result: entry.result,
      peakMemoryBytes: entry.peakMemoryBytes || undefined,
      ...extra(entry),
    };
  });
  return { id: task.id, workload: task.workload, name: task.name, loadAverage: byPeer.loadAverage, rows };
}

const mb = (bytes) => (bytes ? `${(bytes / 2 ** 20).toFixed(0)} MB` : '—');
const fmt = (seconds) => (seconds < 0.1 ? `${(seconds * 1000).toFixed(1)} ms` : `${seconds.toFixed(3)} s`);
function printWorkload(summary) {
  const load = summary.loadAverage ? ` (load average ${summary.loadAverage.join(' → ')})` : '';
  log(`\n${summary.name}${summary.note ? ` — ${summary.note}` : ''}${load}`);
  log(
    [
      'peer'.padEnd(34),
      'median'.padStart(10),
      'peer ÷ engine'.padStart(14),
      'cpu'.padStart(10),
      'cpu ratio'.padStart(10),
      'result'.padEnd(26),
      'peak memory',
    ].join('  '),
  );
  for (const row of summary.rows) {
    if (row.error) {
      log(`${row.peer.padEnd(34)}  failed: ${row.error}`);
      continue;
    }
    const r = row.result ?? {};
    const result =
      r.testAccuracy !== undefined
        ? `test acc ${r.testAccuracy.toFixed(4)}${r.testLoss !== undefined ? `, loss ${r.testLoss.toFixed(4)}` : ''}`
        : r.sum !== undefined
          ? `Σf ${r.sum.toExponential(6)}`
          : '';
    const flops = row.gflops ? ` ${row.gflops.toFixed(1)} GFLOP/s` : '';
    const epoch = summary.epochScale > 1 ? `  ≈ ${fmt(row.medianSeconds * summary.epochScale)} per epoch` : '';
    log(
      [
        row.peer.padEnd(34),
        fmt(row.medianSeconds).padStart(10),
        `${row.ratioToEngine.toFixed(2)}×`.padStart(14),
        (row.medianCpuSeconds !== undefined ? fmt(row.medianCpuSeconds) : '—').padStart(10),
        (row.cpuRatioToEngine !== undefined ? `${row.cpuRatioToEngine.toFixed(2)}×` : '—').padStart(10),
        (result + flops).padEnd(26),
        mb(row.peakMemoryBytes) + epoch,
      ].join('  '),
    );
  }
}

/** The ui workload: per lab its long tasks, event-loop delay, load, main thread's share, and what its longest tasks were. */
function printUi(ui) {
  if (ui.skipped) return log(`skipped the ui workload: ${ui.skipped}`);
  log(`\nthe page's main thread while the labs work (Chromium, ${ui.viewport}; long tasks are those over ${LONG_TASK_MS} ms)`);
  log(
    [
      'lab'.padEnd(18),
      'long tasks'.padStart(10),
      'max'.padStart(8),
      'p99'.padStart(8),
      'in the trace: tasks, max (CPU)'.padStart(30),
      'loop delay p99/max'.padStart(19),
      'main thread busy/CPU'.padStart(21),
      'CPU per task p99/max'.padStart(21),
      'GC young, full: n, max'.padStart(24),
      'load average',
    ].join('  '),
  );
  for (const s of ui.scenarios) {
    if (s.skipped) {
      log(`${s.id.padEnd(18)}  skipped: ${s.skipped}`);
      continue;
    }
    const t = s.longTasks;
    const main = s.mainThread ? `${(s.mainThread.busyFraction * 100).toFixed(0)} % / ${((s.mainThread.cpuFraction ?? 0) * 100).toFixed(0)} %` : '—';
    log(
      [
        s.id.padEnd(18),
        String(t.count).padStart(10),
        `${t.maxMs} ms`.padStart(8),
        `${t.p99Ms} ms`.padStart(8),
        `${s.tracedLongTasks.over50ms}, ${s.tracedLongTasks.maxMs} ms (${s.tracedLongTasks.maxCpuMs} ms)`.padStart(30),
        `${s.eventLoopDelay.p99Ms} / ${s.eventLoopDelay.maxMs} ms`.padStart(19),
        main.padStart(21),
        (s.mainThread ? `${s.mainThread.p99TaskCpuMs} / ${s.mainThread.maxTaskCpuMs} ms` : '—').padStart(21),
        (s.mainThread?.collections ? collectionsText(s.mainThread.collections) : '—').padStart(24),
        `${s.loadAverage.start} → ${s.loadAverage.end} (mean ${s.loadAverage.mean})`,
      ].join('  '),
    );
  }
  const describe = (task) => {
    const kinds = Object.entries(task.kindsMs)
      .filter(([, v]) => v >= 1)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    const own = task.ownCode
      .slice(0, 2)
      .map((f) => `${f.name} ${f.ms} ms`)
      .join('; ');
    return `    ${task.wallMs} ms (CPU ${task.threadMs ?? '?'} ms): ${kinds}${task.forcedLayoutMs >= 1 ? `, forced layout ${task.forcedLayoutMs}` : ''}${own ? ` — ${own}` : ''}`;
  };
  for (const s of ui.scenarios.filter((x) => !x.skipped && x.worstTasks.length)) {
    log(`  ${s.id}: the main thread's tasks over ${LONG_TASK_MS} ms in the trace (wall; CPU the thread got; what ran; the project's code sampled in it)`);
    for (const task of s.worstTasks.slice(0, 3)) log(describe(task));
  }
  for (const s of ui.scenarios.filter((x) => !x.skipped && x.heaviestTasks?.length)) {
    log(`  ${s.id}: the tasks that got the most CPU time (the page's own work, whatever their wall time)`);
    for (const task of s.heaviestTasks.slice(0, 3)) log(describe(task));
  }
}

/** "12, 3.1 ms; 0" — young-generation and full collections on the page's thread: how many, the longest pause. */
function collectionsText({ young, full }) {
  const one = (c) => (c.count ? `${c.count}, ${c.maxMs} ms` : '0');
  return `${one(young)}; ${one(full)}`;
}

const trainWarm = { min: 2, max: 4, tolerance: 0.1 };
const byTask = new Map();
for (const task of tasks.filter((t) => !t.warmUpOnly)) {
  const fashion = task.workload === 'fashion';
  // The Fashion-MNIST epoch runs the engine as its processes do (the first set) beside PyTorch, not every kernel set.
  const peers = inProcess.filter((peer, i) => peer.supports(task) && (!fashion || i === 0 || peer.kind === 'python'));
  const heavy = task.workload === 'mlp' || fashion;
  log(`running ${task.name} (${peers.length} peers)…`);
  const warmTask = tasks.find((t) => t.warmUpFor === task.id) ?? task;
  const byPeer = await measure(task, peers, heavy ? Math.min(rounds, 2) : rounds, task.kind === 'grid' ? { min: 3, max: 10 } : trainWarm, warmTask);
  byTask.set(task, byPeer);
  let extra;
  if (task.workload === 'mlp') {
    const widths = [784, 256, 128, 10];
    const forward = widths.slice(1).reduce((sum, w, i) => sum + 2 * widths[i] * w, 0);
    const flops = 3 * forward * task.data.train.size + forward * task.data.test.size;
    extra = (entry) => ({ gflops: flops / median(entry.times) / 1e9 });
  }
  const summary = summarise(task, byPeer, extra);
  if (fashion) {
    const part =
      task.data.train.size < 60000
        ? `, a ${(task.data.train.size / 60000).toFixed(2)} part of the epoch (≈ epoch: the time × ${(60000 / task.data.train.size).toFixed(1)})`
        : ', the whole epoch';
    summary.note = `${task.data.train.size} training and ${task.data.test.size} test images${part}, minibatch 64, mean cross-entropy, SGD`;
    summary.epochScale = 60000 / task.data.train.size;
    // Each engine round's epoch beside the estimate made just before it (as the lab makes one before a run).
    const engine = [...byPeer.entries()].find(([peer]) => peer.name === enginePeerName)?.[1];
    if (engine?.estimates.length === engine?.times.length && engine.times.length > 0) {
      const ratios = engine.times.map((t, i) => t / engine.estimates[i]);
      summary.estimate = { seconds: median(engine.estimates), estimates: engine.estimates, measuredToEstimate: median(ratios), ratios };
    }
  } else if (heavy)
    summary.note = `${task.data.train.size} training and ${task.data.test.size} test samples, minibatch 64, one epoch; nominal GFLOP/s counts 3 products per training sample`;
  report.workloads.push(summary);
  printWorkload(summary);
  if (summary.estimate)
    log(
      `the engine's estimate made before each round: median ${fmt(summary.estimate.seconds)} (measured ÷ estimate ${summary.estimate.ratios.map((r) => `${r.toFixed(2)}×`).join(', ')})`,
    );
}

// The exercise suite as one figure per round: the four networks' times added up.
const exerciseTasks = tasks.filter((t) => t.workload === 'exercise');
if (exerciseTasks.length === EXERCISE_NETS.length) {
  const peers = inProcess.filter((peer) => exerciseTasks.every((t) => !byTask.get(t).get(peer)?.error));
  const sum = (key) => (peer) => exerciseTasks.map((t) => byTask.get(t).get(peer)[key]).reduce((a, b) => a.map((x, i) => x + b[i]));
  const totals = new Map(peers.map((peer) => [peer, sum('times')(peer)]));
  const cpuTotals = new Map(peers.map((peer) => [peer, sum('cpuTimes')(peer)]));
  const engine = totals.get(inProcess[0]);
  const summary = {
    id: 'exercise suite',
    workload: 'exercise',
    name: `the exercise's four networks together, 25 epochs each, in one process`,
    loadAverage: [byTask.get(exerciseTasks[0]).loadAverage[0], byTask.get(exerciseTasks.at(-1)).loadAverage[1]],
    rows: peers.map((peer) => {
      const times = totals.get(peer);
      const ratios = times.map((t, i) => t / engine[i]);
      return {
        peer: displayName(peer),
        medianSeconds: median(times),
        seconds: times,
        ratioToEngine: median(ratios),
        ratios,
        ...cpuFigures(cpuTotals.get(peer), cpuTotals.get(inProcess[0])),
      };
    }),
  };
  report.workloads.push(summary);
  printWorkload(summary);
}

if (workloads.includes('process')) {
  const processPeers = [
    engineProcessPeer,
    ...(numpyPython ? [numpyProcessPeer(numpyPython)] : []),
    ...(engineWithCertificatesPeer ? [engineWithCertificatesPeer] : []),
  ];
  if (extraCertificates) {
    report.processEnvironment = { without: ['NODE_EXTRA_CA_CERTS'], alsoTimedWith: engineWithCertificatesPeer.name };
    log(
      `this shell sets NODE_EXTRA_CA_CERTS (${extraCertificates}): Node reads those certificates before it runs any script. No whole process here opens a connection, so both sides run without it; "${engineWithCertificatesPeer.name}" is the engine's command as this shell starts it`,
    );
  }
  const totals = new Map(processPeers.map((peer) => [peer, new Array(rounds).fill(0)]));
  for (const [name, text] of EXERCISE_NETS) {
    const task = { id: `process ${name}`, workload: 'process', kind: 'process', name, text, epochs: 25 };
    log(`running ${name} as whole processes…`);
    const byPeer = await measure(task, processPeers, rounds, { min: 1, max: 1 });
    for (const [peer, entry] of byPeer)
      entry.times.forEach((t, i) => {
        totals.get(peer)[i] += t;
      });
    const summary = summarise(task, byPeer);
    summary.name = `${name}, 25 epochs, as a whole process (backprop-lab train vs the exercise's script)`;
    report.workloads.push(summary);
    printWorkload(summary);
  }
}

if (workloads.includes('memory')) {
  const task = (await trainingTasks({ exerciseEpochs: 25 })).find((t) => t.workload === 'exercise');
  log(`running ${task.name} for 1,000 epochs (memory)…`);
  const [, engineKernels] = (await kernelSets())[0];
  report.memory = await measureMemory(task, engineKernels);
  const m = report.memory;
  log(`\n${m.network}, ${m.epochs} epochs in one process (${m.seconds.toFixed(2)} s), the engine's kernels`);
  log(
    `  heap after a full collection: ${mb(m.heapBytes['epoch 100'])} at epoch 100, ${mb(m.heapBytes['epoch 1000'])} at epoch 1000 (${(m.heapGrowthBytes / 1024).toFixed(0)} KiB for ${m.historyEpochs} epochs of history)`,
  );
  log(`  resident: ${mb(m.rssBytes['epoch 100'])} at epoch 100, ${mb(m.rssBytes['epoch 1000'])} at epoch 1000`);
  log(
    `  garbage per minibatch, the least of epochs ${m.garbageWindows.map((w) => w.epochs).join(', ')}: ${m.garbageBytesPerMinibatch.toFixed(1)} bytes (${m.youngCollections} young collections; each window: ${m.garbageWindows.map((w) => w.garbageBytesPerMinibatch.toFixed(1)).join(', ')})`,
  );
}

if (workloads.includes('ui')) {
  const { buildWhatIsStale } = await import('./buildIfStale.mjs');
  buildWhatIsStale();
  report.ui = await measureUi({
    seconds: Math.max(3, Number(options['ui-seconds'] ?? 15)),
    traceFolder: options['ui-trace'],
    only: options['ui-labs']?.split(',').map((id) => id.trim()),
    log,
  });
  printUi(report.ui);
}

// The issue's targets beside what was measured.
const row = (id, peer) => report.workloads.find((w) => w.id === id)?.rows.find((r) => r.peer === peer && !r.error);
/** NumPy's faster configuration on a workload (all cores or one thread): the targets compare with NumPy at its best. */
const bestNumpy = (id) => [row(id, 'NumPy'), row(id, 'NumPy, 1 thread')].filter(Boolean).sort((a, b) => a.ratioToEngine - b.ratioToEngine)[0];
const targets = [];
const numpySuite = bestNumpy('exercise suite');
if (numpySuite)
  targets.push({
    target: `exercise suite in-process ≥ 6× NumPy (${numpySuite.peer})`,
    measured: numpySuite.ratioToEngine,
    measuredCpu: numpySuite.cpuRatioToEngine,
    met: numpySuite.ratioToEngine >= 6,
  });
const processRows = report.workloads
  .filter((w) => w.workload === 'process')
  .map((w) => w.rows.find((r) => r.peer === 'NumPy' && !r.error))
  .filter(Boolean);
if (processRows.length) {
  const worst = Math.min(...processRows.map((r) => r.ratioToEngine));
  const worstCpu = processRows.every((r) => r.cpuRatioToEngine !== undefined) ? Math.min(...processRows.map((r) => r.cpuRatioToEngine)) : undefined;
  targets.push({ target: 'each network as a whole process, 25 epochs, ≥ 2× NumPy (worst network)', measured: worst, measuredCpu: worstCpu, met: worst >= 2 });
}
const mlpNumpy = bestNumpy('mlp 784-256-128-10');
if (mlpNumpy)
  targets.push({
    target: `MLP within 2× of NumPy (${mlpNumpy.peer}): NumPy ÷ engine ≥ 0.5`,
    measured: mlpNumpy.ratioToEngine,
    measuredCpu: mlpNumpy.cpuRatioToEngine,
    met: mlpNumpy.ratioToEngine >= 0.5,
  });
for (const [name] of FASHION_NETS) {
  const estimate = report.workloads.find((w) => w.id === `fashion ${name}`)?.estimate;
  if (estimate)
    targets.push({
      target: `Fashion-MNIST ${name}: the estimate before training within 2× of the epoch's time (measured ÷ estimate)`,
      measured: estimate.measuredToEstimate,
      met: estimate.measuredToEstimate >= 0.5 && estimate.measuredToEstimate <= 2,
    });
  const torch = row(`fashion ${name}`, 'PyTorch');
  if (torch)
    targets.push({
      target: `Fashion-MNIST ${name} within 2× of PyTorch float64: PyTorch ÷ engine ≥ 0.5`,
      measured: torch.ratioToEngine,
      met: torch.ratioToEngine >= 0.5,
    });
}
const gridBuiltIn = row('grid built-in', enginePeerName);
if (gridBuiltIn)
  targets.push({
    target: 'grid built-in < 10 ms',
    measured: gridBuiltIn.medianSeconds * 1000,
    measuredCpu: gridBuiltIn.medianCpuSeconds === undefined ? undefined : gridBuiltIn.medianCpuSeconds * 1000,
    unit: 'ms',
    met: gridBuiltIn.medianSeconds < 0.01,
  });
const gridTyped = row('grid typed', enginePeerName);
if (gridTyped)
  targets.push({
    target: 'grid typed < 50 ms',
    measured: gridTyped.medianSeconds * 1000,
    measuredCpu: gridTyped.medianCpuSeconds === undefined ? undefined : gridTyped.medianCpuSeconds * 1000,
    unit: 'ms',
    met: gridTyped.medianSeconds < 0.05,
  });
for (const peer of ['TF.js cpu', 'TF.js wasm', 'ConvNetJS']) {
  for (const id of ['exercise suite', 'mlp 784-256-128-10']) {
    const r = row(id, peer);
    if (r) targets.push({ target: `${id}: ≥ 4× ${peer}`, measured: r.ratioToEngine, measuredCpu: r.cpuRatioToEngine, met: r.ratioToEngine >= 4 });
  }
}
if (report.memory) {
  const m = report.memory;
  const flat = m.heapGrowthBytes < m.historyEpochs * 256 + 256 * 1024;
  targets.push({
    target: 'memory flat over 1,000 epochs: heap growth (KiB) within the kept history',
    measured: m.heapGrowthBytes / 1024,
    unit: 'KiB',
    met: flat,
  });
}
const uiScenarios = report.ui?.scenarios?.filter((s) => !s.skipped) ?? [];
if (uiScenarios.length) {
  const worst = Math.max(...uiScenarios.map((s) => Math.max(s.longTasks.maxMs, s.tracedLongTasks.maxMs)));
  const ownWorst = Math.max(...uiScenarios.map((s) => s.mainThread?.maxTaskCpuMs ?? s.tracedLongTasks.maxCpuMs));
  targets.push({
    target: `the page's main thread never blocked over ${LONG_TASK_MS} ms while the labs work (the longest task, by the Long Tasks API or the trace, ms; beside it the most CPU time any task got: the page's own work, without the wait for a core)`,
    measured: worst,
    measuredCpu: ownWorst,
    unit: 'ms',
    met: worst <= LONG_TASK_MS,
  });
}
report.targets = targets;
report.peakMemoryBytes = { nodeProcess: process.resourceUsage().maxRSS * 1024 };
report.loadAverageAtEnd = loadavg().map((value) => +value.toFixed(2));

for (const peer of inProcess) await peer.close();
rmSync(files.folder, { recursive: true, force: true });

if (options.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  log('\ntargets (issues 7 and 11), ratios are peer time ÷ engine time (met or not by wall time; CPU time beside it):');
  const shown = (value, unit) => (unit ? `${value.toFixed(1)} ${unit}` : `${value.toFixed(2)}×`);
  for (const t of targets)
    log(
      `  ${t.met ? 'met    ' : 'not met'}  ${t.target}: ${shown(t.measured, t.unit)}${t.measuredCpu === undefined ? '' : ` (CPU time: ${shown(t.measuredCpu, t.unit)})`}`,
    );
  const m = report.machine;
  log(`\nmachine: ${m.cpu}, ${m.cores} cores (${m.simd.join(' ')}), ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}`);
  log(`  load average (1, 5, 15 min): ${m.loadAverage.join(', ')} at the start, ${report.loadAverageAtEnd.join(', ')} at the end`);
  for (const [name, info] of Object.entries(report.peers)) log(`  ${name}: ${JSON.stringify(info)}`);
  log('peak memory: Python peers report their own process; in-process JS peers share this Node process (its RSS after each run).');
}
