// The benchmark's `ui` workload (Node): the app in the browser host, opened in Chromium at 1280×800, its main thread's long
// tasks and event-loop delay while each lab works, and a Chromium trace that says what the longest tasks spent their time on.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH as CHROMIUM } from '../scripts/debianChromium.mjs';
import { rendererSources } from './rendererSources.mjs';
import { attributeTasks } from './traceTasks.mjs';
import { FASHION_FOLDER } from './tasks.mjs';

const HOST_ENTRY = fileURLToPath(new URL('../dist/host/webHost.js', import.meta.url));
/** What the trace records: tasks with their thread time, what ran inside them, and V8's sampled stacks. */
export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
];
/** A task longer than this blocks the page (the Long Tasks API's threshold). */
export const LONG_TASK_MS = 50;
/** The event-loop probe's period: a timer every PROBE_MS, each one's lateness recorded. */
const PROBE_MS = 20;

/** Installed in the page before its scripts: long tasks with their attribution, and a timer whose lateness is the event-loop delay. */
function pageProbe({ probeMs, queries }) {
  const seen = { longTasks: [], delays: [] };
  window.__uiBench = Object.assign(seen, queries);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      seen.longTasks.push({
        start: entry.startTime,
        duration: entry.duration,
        attribution: entry.attribution.map((a) => [a.name, a.containerType, a.containerName, a.containerSrc].filter(Boolean).join(' ')),
      });
  }).observe({ type: 'longtask', buffered: true });
  let expected = performance.now() + probeMs;
  const tick = () => {
    const now = performance.now();
    seen.delays.push([now, Math.max(0, now - expected)]);
    expected = now + probeMs;
    setTimeout(tick, probeMs);
  };
  setTimeout(tick, probeMs);
}

/** The lab's own host process on a free port, with its own data folder; resolves with its address. */
function startHost(dataFolder) {
  const child = spawn(process.execPath, [HOST_ENTRY, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BACKPROP_LAB_DATA: dataFolder },
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /Backprop Lab is running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) resolve({ url: match[1], child });
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`the browser host exited (code ${code}): ${output.trim()}`)));
  });
}

const openLab = async (page, name) => {
  await page.getByRole('navigation', { name: 'Labs' }).getByRole('button', { name }).click();
};
const seconds = (s) => new Promise((resolve) => setTimeout(resolve, s * 1000));

/**
 * While a scenario is measured the harness touches the page only through these: a button found by its name outside
 * the navigation, and a text by its selector. (Playwright's role locators walk the whole page and its accessible
 * names on the main thread: polled over the Fashion-MNIST thumbnails' 31,000 cells they were long tasks themselves.)
 */
const pageQueries = {
  button: (name) => [...document.querySelectorAll('button')].find((b) => !b.closest('nav') && (b.getAttribute('aria-label') ?? b.textContent.trim()) === name),
};
/** Presses the button named `name` in the page; false when there is none, or it is disabled. */
const press = (page, name) =>
  page.evaluate((n) => {
    const button = window.__uiBench.button(n);
    if (!button || button.disabled) return false;
    button.click();
    return true;
  }, name);
/** Waits up to `limit` seconds, polling twice a second in the page, until `condition(arg)` holds there; true when it did. */
async function within(page, limit, condition, arg) {
  if (limit <= 0) return false;
  try {
    await page.waitForFunction(condition, arg, { polling: 500, timeout: limit * 1000 });
    return true;
  } catch {
    return false;
  }
}
const idle = (name) => window.__uiBench.button(name)?.disabled === false;

/**
 * The scenarios: each sets its lab up (not measured), then `run` starts the work and lasts while it is measured, and
 * `settle` (not measured) leaves the lab idle for the next one.
 */
function scenarios({ seconds: length, fashion }) {
  const trainingRun = async (page) => {
    const started = Date.now();
    await press(page, 'Train');
    await within(page, 30, () => window.__uiBench.button('Stop')?.disabled === false);
    await within(page, length - (Date.now() - started) / 1000, () => window.__uiBench.button('Stop')?.disabled === true);
  };
  const stopTraining = async (page) => {
    await press(page, 'Stop');
    await within(page, 60, idle, 'Train');
  };
  const list = [
    {
      id: 'training-mlp',
      name: "Training: the exercise's 64-32-ReLU-1-Sigmoid on the binary digits, 100,000 epochs (stopped after the window)",
      async setup(page) {
        await openLab(page, /Training/);
        await page.getByLabel('Data set').selectOption('digits-binary');
        await page.getByLabel('Network preset').selectOption({ label: '64-32-ReLU-1-Sigmoid' });
        await page.getByLabel('Epochs').fill('100000');
        await page.getByLabel('Learning rate').fill('0.01');
        await page.getByLabel('Minibatch size').fill('10');
        await within(page, 60, idle, 'Train');
      },
      run: trainingRun,
      settle: stopTraining,
    },
    {
      id: 'training-fashion',
      name: 'Training: the two-convolution Fashion-MNIST preset on 3,000 training and 500 test images, its tuned settings',
      skip: fashion ? undefined : `no Fashion-MNIST files in ${FASHION_FOLDER}`,
      async setup(page) {
        await openLab(page, /Training/);
        await page.getByLabel('Data set').selectOption('images:fashion-mnist');
        await page.getByLabel('Train size').fill('3000');
        await page.getByLabel('Test size').fill('500');
        await page.getByLabel('Network preset').selectOption({ label: 'Fashion two-conv (16, 32 filters)' });
        await page.getByRole('button', { name: 'Use these settings' }).click();
        await page.getByLabel('Epochs').fill('100');
        await within(page, 60, idle, 'Train');
      },
      run: trainingRun,
      settle: stopTraining,
    },
    {
      id: 'optimizer',
      name: "Optimizer: the exercise's 0.15 × 500 steps, played, and played again from the start when it ends",
      async setup(page) {
        await openLab(page, /Optimizer/);
        await page.getByRole('button', { name: 'Step 0.15 × 500 steps' }).waitFor();
      },
      async run(page) {
        await press(page, 'Step 0.15 × 500 steps');
        const end = Date.now() + length * 1000;
        while (Date.now() < end) {
          const ended = await within(page, (end - Date.now()) / 1000, () =>
            /^Step 500 of/.test(document.querySelector('[data-testid="playback-step"]')?.textContent ?? ''),
          );
          if (ended) await press(page, 'Play');
        }
      },
      async settle(page) {
        await press(page, 'Pause');
      },
    },
    {
      id: 'compare',
      name: "Compare: the exercise's four networks over 10 seeds, 100 epochs each (stopped after the window)",
      async setup(page) {
        await openLab(page, /Compare/);
        await page.getByRole('spinbutton', { name: 'Seeds' }).fill('10');
        await page.getByRole('spinbutton', { name: 'Epochs' }).fill('100');
      },
      async run(page) {
        await press(page, 'Compare');
        await within(page, length, () => /^Completed/.test(document.querySelector('[data-testid="compare-status"]')?.textContent ?? ''));
      },
      async settle(page) {
        await press(page, 'Stop');
        await within(page, 60, idle, 'Compare');
      },
    },
  ];
  return list;
}

const quantile = (values, q) => {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

/** Runs one scenario with the page observed and traced; its long tasks, event-loop delay, load and the worst tasks' attribution. */
async function measureScenario(browser, page, scenario, { resolve, traceFolder, categories }) {
  await scenario.setup(page);
  await seconds(1);
  const loads = [loadavg()[0]];
  const loadTimer = setInterval(() => loads.push(loadavg()[0]), 1000);
  await browser.startTracing(page, { categories });
  // Starting V8's sampler logs every compiled function on the page's thread at its next script: a long task of the
  // tracing's own, let pass before the window opens.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  await seconds(1);
  const from = await page.evaluate(() => performance.mark('ui-bench-window-start').startTime);
  await scenario.run(page);
  const to = await page.evaluate(() => performance.mark('ui-bench-window-end').startTime);
  const traceBytes = await browser.stopTracing();
  if (traceFolder) await writeFile(join(traceFolder, `${scenario.id}.trace.json`), traceBytes);
  const trace = JSON.parse(traceBytes.toString());
  clearInterval(loadTimer);
  loads.push(loadavg()[0]);
  const seen = await page.evaluate(
    ([a, b]) => {
      const s = window.__uiBench;
      return { longTasks: s.longTasks.filter((t) => t.start >= a && t.start < b), delays: s.delays.filter(([at]) => at >= a && at < b).map(([, d]) => d) };
    },
    [from, to],
  );
  await scenario.settle(page);
  const durations = seen.longTasks.map((t) => t.duration);
  const traced = attributeTasks(trace.traceEvents, LONG_TASK_MS, { resolve, window: ['ui-bench-window-start', 'ui-bench-window-end'] });
  return {
    id: scenario.id,
    name: scenario.name,
    seconds: +((to - from) / 1000).toFixed(1),
    loadAverage: { start: +loads[0].toFixed(2), mean: +(loads.reduce((a, b) => a + b, 0) / loads.length).toFixed(2), end: +loads.at(-1).toFixed(2) },
    longTasks: {
      count: durations.length,
      over50ms: durations.filter((d) => d > LONG_TASK_MS).length,
      maxMs: Math.round(Math.max(0, ...durations)),
      p99Ms: Math.round(quantile(durations, 0.99)),
      totalMs: Math.round(durations.reduce((a, b) => a + b, 0)),
      attribution: [...new Set(seen.longTasks.flatMap((t) => t.attribution))],
    },
    eventLoopDelay: { probes: seen.delays.length, p99Ms: +quantile(seen.delays, 0.99).toFixed(1), maxMs: +Math.max(0, ...seen.delays).toFixed(1) },
    mainThread: traced.mainThread,
    /** The trace's tasks over the threshold on the page's thread (the browser's own work there too: rendering, messages). */
    tracedLongTasks: {
      over50ms: traced.tasks.length,
      maxMs: Math.round(traced.tasks[0]?.wallMs ?? 0),
      maxCpuMs: Math.round(Math.max(0, ...traced.tasks.map((t) => t.threadMs ?? 0))),
    },
    worstTasks: traced.tasks.slice(0, 5),
    /** The tasks that got the most CPU time (the page's own work, whatever the wait for a core). */
    heaviestTasks: traced.heaviest,
  };
}

/**
 * The `ui` workload: every scenario in one page of one browser host, each `seconds` long. Resolves with one entry per
 * scenario (a skipped one says why).
 */
export async function measureUi({ seconds: length = 15, traceFolder, only, categories = TRACE_CATEGORIES, log = () => {} } = {}) {
  if (!existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM}` };
  if (!existsSync(HOST_ENTRY)) return { skipped: 'the browser host is not built (npm run build)' };
  const { chromium } = await import('playwright-core');
  const resolve = rendererSources();
  if (traceFolder) await mkdir(traceFolder, { recursive: true });
  const dataFolder = await mkdtemp(join(tmpdir(), 'backprop-lab-ui-bench-'));
  const host = await startHost(dataFolder);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const results = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(`(${pageProbe})({ probeMs: ${PROBE_MS}, queries: { button: ${pageQueries.button} } })`);
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Labs' }).waitFor();
    for (const scenario of scenarios({ seconds: length, fashion: existsSync(FASHION_FOLDER) }).filter((s) => !only || only.includes(s.id))) {
      if (scenario.skip) {
        log(`skipped the ui scenario ${scenario.id}: ${scenario.skip}`);
        results.push({ id: scenario.id, name: scenario.name, skipped: scenario.skip });
        continue;
      }
      log(`running ${scenario.name} (${length} s, traced)…`);
      results.push(await measureScenario(browser, page, scenario, { resolve, traceFolder, categories }));
    }
  } finally {
    await browser.close();
    host.child.kill('SIGTERM');
    await rm(dataFolder, { recursive: true, force: true });
  }
  return { viewport: '1280×800', probeMs: PROBE_MS, scenarios: results };
}
