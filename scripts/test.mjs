// `npm test` (Node): the one test command — build, typecheck, the lint steps when switched on, Vitest, Playwright in Chromium, Playwright with Electron —
// streaming each step's output, then a summary whose last line is "N passed, N failed" (", N skipped" when any were).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const reports = mkdtempSync(join(tmpdir(), 'backprop-lab-test-'));

/** `npm run <script>` with the npm that runs us (npm sets npm_execpath), else the npm on the PATH. */
function npmRun(script) {
  const npm = process.env.npm_execpath;
  return npm && /\.[cm]?js$/.test(npm)
    ? [process.execPath, [npm, 'run', '--silent', script]]
    : [process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', script]];
}

const vitestReport = join(reports, 'vitest.json');
const lintReport = join(reports, 'lint.json');
const playwrightReport = (project) => join(reports, `playwright-${project}.json`);
const playwrightCli = join(root, 'node_modules', '@playwright', 'test', 'cli.js');

/** The first line of a failure's message, short enough for the summary. */
const firstLine = (text = '') =>
  (text.split('\n').find((line) => line.trim()) ?? '')
    .replace(/\u001b\[[0-9;]*m/g, '')
    .trim()
    .slice(0, 200);

/** Reads Vitest's JSON report (Jest's format) as counts, with the name and first message line of each failed test. */
function vitestCounts(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const failures = report.testResults.flatMap((suite) =>
    suite.assertionResults
      .filter((test) => test.status === 'failed')
      .map((test) => `${suite.name.replace(root, '')} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`),
  );
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + (report.numTodoTests ?? 0),
    failures,
  };
}

/** Every test of a Playwright report's suites, however deeply they nest. */
function playwrightTests(suite, titles = []) {
  const here = suite.title ? [...titles, suite.title] : titles;
  return [
    ...(suite.specs ?? []).flatMap((spec) => spec.tests.map((test) => ({ title: [...here, spec.title].join(' › '), test }))),
    ...(suite.suites ?? []).flatMap((child) => playwrightTests(child, here)),
  ];
}

/** Reads Playwright's JSON report as counts, with each unexpected test's title and first error line; a flaky test passed on a retry. */
function playwrightCounts(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const { stats } = report;
  const failures = (report.suites ?? [])
    .flatMap((suite) => playwrightTests(suite))
    .filter(({ test }) => test.status === 'unexpected')
    .map(({ title, test }) => {
      const result = test.results.at(-1);
      return `${title}: ${firstLine(result?.error?.message ?? result?.errors?.[0]?.message)}`;
    });
  const flaky = (report.suites ?? [])
    .flatMap((suite) => playwrightTests(suite))
    .filter(({ test }) => test.status === 'flaky')
    .map(({ title }) => `${title}: failed once, passed on its retry`);
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped, failures: [...failures, ...flaky] };
}

/** Reads the lint step's report: each boundary rule counts as one test, passed when nothing breaks it. */
function lintCounts(file) {
  const { rules } = JSON.parse(readFileSync(file, 'utf8'));
  const failed = rules.filter((rule) => rule.violations > 0).length;
  return { passed: rules.length - failed, failed, skipped: 0 };
}

const playwrightStep = (project) => ({
  name: `Playwright (${project})`,
  command: [process.execPath, [playwrightCli, 'test', `--project=${project}`, '--reporter=list,json']],
  env: { PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightReport(project) },
  report: playwrightReport(project),
  count: playwrightCounts,
});

const steps = [
  // Builds only what is missing or older than its sources: after `npm ci` (whose prepare step compiled the Node parts) that is the renderer.
  { name: 'build', command: [process.execPath, [join(root, 'scripts', 'buildIfStale.mjs')]] },
  { name: 'typecheck', command: npmRun('typecheck') },
  // The lint steps: import boundaries (`npm run lint`, each rule counted as a test) and formatting (`npm run format:check`).
  {
    name: 'lint (boundaries)',
    command: [process.execPath, [join(root, 'scripts', 'lint.mjs'), '--report', lintReport]],
    report: lintReport,
    count: lintCounts,
  },
  { name: 'lint (formatting)', command: npmRun('format:check'), countsAsOneTest: true },
  {
    name: 'Vitest',
    command: [
      process.execPath,
      [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`],
    ],
    report: vitestReport,
    count: vitestCounts,
  },
  playwrightStep('e2e'),
  playwrightStep('electron'),
];

const results = [];
for (const step of steps) {
  console.log(`\n━━ ${step.name} ━━`);
  const [command, args] = step.command;
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...step.env } });
  const exitCode = run.status ?? 1;
  let counts = { passed: 0, failed: 0, skipped: 0 };
  let note = '';
  if (step.report && existsSync(step.report)) {
    try {
      counts = step.count(step.report);
    } catch (error) {
      note = `its report could not be read (${error.message})`;
    }
  } else if (step.report) {
    note = 'it wrote no report';
  }
  if (step.countsAsOneTest && exitCode === 0) counts.passed = 1;
  // A step that failed without a failing test to show for it (a build error, a file that did not load) counts as one failure.
  if (exitCode !== 0 && counts.failed === 0) {
    counts.failed = 1;
    note ||= `exited with code ${exitCode}${run.error ? ` (${run.error.message})` : ''}`;
  }
  results.push({ name: step.name, exitCode, counts, note });
}
rmSync(reports, { recursive: true, force: true });

const describe = ({ passed, failed, skipped }) => `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
console.log('\n━━ summary ━━');
for (const { name, exitCode, counts, note } of results) {
  const verdict = exitCode === 0 ? 'ok    ' : 'FAILED';
  const { report, countsAsOneTest } = steps.find((s) => s.name === name);
  const detail = report || countsAsOneTest ? describe(counts) : '';
  console.log(`${verdict}  ${name.padEnd(22)} ${detail}${note ? `${detail ? '; ' : ''}${note}` : ''}`);
}
// The failed tests (and the ones that passed only on a retry) by name, so that the end of the output says which ones without scrolling back.
const failures = results.flatMap(({ name, counts }) => (counts.failures ?? []).map((failure) => `  ${name}: ${failure}`));
if (failures.length > 0)
  console.log(`failed or flaky tests:\n${failures.slice(0, 20).join('\n')}${failures.length > 20 ? `\n  … and ${failures.length - 20} more` : ''}`);
const total = results.reduce(
  (sum, { counts }) => ({
    passed: sum.passed + counts.passed,
    failed: sum.failed + counts.failed,
    skipped: sum.skipped + counts.skipped,
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log(describe(total));
process.exitCode = results.some((r) => r.exitCode !== 0) ? 1 : 0;
