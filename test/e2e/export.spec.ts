// End to end (Chromium against the browser host): the Export lab used as a person would — save a run's files, save the project, open it again.
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import type { Download, Locator, Page } from '@playwright/test';
import * as ort from 'onnxruntime-web';
import { FLOAT32_TOLERANCE, relativeToScale, runFloat32 } from '../engine/support/float32Outputs.js';
import { expect, test } from './labFixture.js';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Labs' });

/** Trains a 2-epoch iris run in the Training lab and waits for its result. */
async function trainShortRun(page: Page): Promise<void> {
  await nav(page)
    .getByRole('button', { name: /Training/ })
    .click();
  await page.getByLabel('Data set').selectOption('iris');
  const network = page.getByLabel('Network preset');
  await expect(network.locator('option:checked')).toHaveText('For iris: 4-32-ReLU-3-Softmax');
  await expect(network).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Epochs').fill('2');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('final-accuracy')).toContainText(/completed 2 epochs/i, { timeout: 60_000 });
}

async function openExport(page: Page): Promise<void> {
  await nav(page)
    .getByRole('button', { name: /Export/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Project' })).toBeVisible();
}

/** Clicks `button`, catches the download it starts, and returns it with its bytes. */
async function download(page: Page, button: Locator): Promise<{ download: Download; bytes: Buffer }> {
  const [caught] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await caught.path();
  return { download: caught, bytes: await readFile(path) };
}

test("saves a run's weights, model and curves and the project, then opens the project after a reload", async ({ page, labUrl }, testInfo) => {
  await page.goto(labUrl);
  await trainShortRun(page);
  await openExport(page);

  const run = page.getByLabel('Run', { exact: true });
  await expect(run.locator('option:checked')).toHaveText(/^#1 iris/);
  const weightsStatus = page.getByRole('status', { name: 'Weights and metrics status' });

  const weights = await download(page, page.getByRole('button', { name: 'Save weights.json' }));
  expect(weights.download.suggestedFilename()).toBe('run-1-iris-weights.json');
  await expect(weightsStatus).toHaveText('Saved run-1-iris-weights.json to your downloads.');
  const document = JSON.parse(weights.bytes.toString('utf8'));
  expect(document.format).toBe('backprop-lab-weights');
  expect(document.spec.input).toBe(4);
  expect(document.version).toBe(2);
  const linear = document.spec.layers.filter((l: { type: string }) => l.type === 'linear');
  const matrices = document.parameters.filter((p: { name: string }) => p.name === 'W');
  expect(matrices).toHaveLength(linear.length);
  expect(document.parameters).toHaveLength(2 * linear.length);
  expect(matrices.at(-1).shape.at(-1)).toBe(3);
  expect(matrices[0].values).toHaveLength(4);

  const onnx = await download(page, page.getByRole('button', { name: 'Save model.onnx' }));
  expect(onnx.download.suggestedFilename()).toBe('run-1-iris-model.onnx');
  expect(onnx.bytes.length).toBeGreaterThan(100);
  expect(onnx.bytes.includes(Buffer.from('Backprop Lab'))).toBe(true);

  // The float32 model gives the float64 one's outputs to float32's precision.
  const single = await download(page, page.getByRole('button', { name: 'Save model-float32.onnx' }));
  expect(single.download.suggestedFilename()).toBe('run-1-iris-model-float32.onnx');
  const x = Float64Array.from({ length: 3 * 4 }, (_, i) => Math.sin(i));
  const exact = (await (await ort.InferenceSession.create(new Uint8Array(onnx.bytes))).run({ input: new ort.Tensor('float64', x, [3, 4]) })).output!;
  const rounded = await runFloat32(new Uint8Array(single.bytes), x, [3, 4]);
  expect(relativeToScale(rounded.data, exact.data as Float64Array)).toBeLessThan(FLOAT32_TOLERANCE);

  const csv = await download(page, page.getByRole('button', { name: 'Save metrics.csv' }));
  expect(csv.download.suggestedFilename()).toBe('run-1-iris-metrics.csv');
  expect(csv.bytes.toString('utf8').trim().split('\n')).toHaveLength(3);

  // The PyTorch script: run where /usr/bin/python3 has torch, it repeats the run's curve (metrics.csv) to rounding.
  const script = await download(page, page.getByRole('button', { name: 'Save train_run.py' }));
  expect(script.download.suggestedFilename()).toBe('run-1-iris-train_run.py');
  expect(script.bytes.toString('utf8')).toMatch(
    /^#!\/usr\/bin\/env python3\n"""A Backprop Lab run as a PyTorch script: linear:32,relu,linear:3,softmax on iris/,
  );
  const scriptFile = testInfo.outputPath('train_run.py');
  await writeFile(scriptFile, script.bytes);
  if (spawnSync('/usr/bin/python3', ['-c', 'import torch'], { stdio: 'ignore' }).status === 0) {
    const ran = spawnSync('/usr/bin/python3', [scriptFile, '--json'], { encoding: 'utf8', timeout: 120_000 });
    expect(ran.stderr).toBe('');
    const theirs = JSON.parse(ran.stdout) as Record<string, number>[];
    const ours = csv.bytes
      .toString('utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',').map(Number));
    expect(theirs).toHaveLength(2);
    theirs.forEach((row, i) => {
      const [, trainLoss, trainAccuracy, testLoss, testAccuracy] = ours[i]!;
      expect(row['train_loss']).toBeCloseTo(trainLoss!, 9);
      expect(row['train_accuracy']).toBeCloseTo(trainAccuracy!, 9);
      expect(row['test_loss']).toBeCloseTo(testLoss!, 9);
      expect(row['test_accuracy']).toBeCloseTo(testAccuracy!, 9);
    });
  } else {
    testInfo.annotations.push({ type: 'skipped part', description: 'PyTorch is not installed for /usr/bin/python3: train_run.py was saved but not run' });
  }

  await expect(page.getByRole('img', { name: /Learning curves of run #1/ })).toBeVisible();
  const png = await download(page, page.getByRole('button', { name: 'Save learning-curves.png' }));
  expect(png.download.suggestedFilename()).toBe('run-1-iris-learning-curves.png');
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.bytes.readUInt32BE(16)).toBe(2 * 960); // the IHDR width: twice the SVG's
  await writeFile(testInfo.outputPath('learning-curves.png'), png.bytes);
  await expect(page.getByRole('status', { name: 'Learning curves status' })).toHaveText('Saved run-1-iris-learning-curves.png to your downloads.');

  const project = await download(page, page.getByRole('button', { name: 'Save project' }));
  expect(project.download.suggestedFilename()).toMatch(/^project-\d{4}-\d\d-\d\d\.backprop-lab\.json$/);
  const saved = JSON.parse(project.bytes.toString('utf8'));
  expect(saved).toMatchObject({ format: 'backprop-lab-project', version: 3, runs: [{ dataSet: 'iris', reason: 'completed' }] });
  expect(saved.runs[0].history).toHaveLength(2);
  expect(saved.runs[0].weights.parameters[0]).toMatchObject({ layer: 0, name: 'W', shape: [4, matrices[0].values[0].length] });
  expect(saved.runs[0].weights.parameters[0].values).toEqual(matrices[0].values.flat());
  const projectFile = testInfo.outputPath(project.download.suggestedFilename());
  await writeFile(projectFile, project.bytes);

  await page.screenshot({ path: testInfo.outputPath('export-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 700, height: 900 });
  await page.screenshot({ path: testInfo.outputPath('export-700.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // A reload forgets everything; opening the project brings the run back, in Export and in Training's history.
  await page.reload();
  await openExport(page);
  await expect(page.getByText('No finished runs yet.', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Go to Training' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('export-empty-1280.png'), fullPage: true });
  await page.getByLabel('Open project…').setInputFiles(projectFile);
  await expect(page.getByRole('status', { name: 'Project status' })).toHaveText(/^Opened project-.*: 1 run and the network/);
  await expect(run.locator('option:checked')).toHaveText(/^#1 iris/);
  const again = await download(page, page.getByRole('button', { name: 'Save weights.json' }));
  expect(JSON.parse(again.bytes.toString('utf8'))).toEqual(document);
  await page.screenshot({ path: testInfo.outputPath('export-opened-1280.png'), fullPage: true });

  await nav(page)
    .getByRole('button', { name: /Training/ })
    .click();
  await expect(page.getByRole('region', { name: 'Run history' })).toContainText('#1 iris');
});

test('a file that is not a project, or a newer one, is refused with its message and changes nothing', async ({ page, labUrl }, testInfo) => {
  await page.goto(labUrl);
  await trainShortRun(page);
  await openExport(page);
  const status = page.getByRole('status', { name: 'Project status' });
  const open = page.getByLabel('Open project…');

  const notProject = testInfo.outputPath('notes.json');
  await writeFile(notProject, '{"format":"backprop-lab-weights","version":1}');
  await open.setInputFiles(notProject);
  await expect(status).toHaveText('Could not open notes.json: not a Backprop Lab project (its "format" is not backprop-lab-project)');

  const newer = testInfo.outputPath('newer.backprop-lab.json');
  await writeFile(newer, JSON.stringify({ format: 'backprop-lab-project', version: 4 }));
  await open.setInputFiles(newer);
  await expect(status).toHaveText(/^Could not open newer\.backprop-lab\.json: version 4 is newer than this lab reads/);

  const broken = testInfo.outputPath('broken.backprop-lab.json');
  await writeFile(
    broken,
    JSON.stringify({
      format: 'backprop-lab-project',
      version: 1,
      savedAt: new Date().toISOString(),
      network: { name: 'x', spec: { input: 4, layers: [{ type: 'linear', units: 3 }] } },
      runs: [
        {
          label: 'x',
          spec: { input: 4, layers: [{ type: 'linear', units: 3 }] },
          dataSet: 'iris',
          hyper: { epochs: 1, learningRate: 0.1, batchSize: 10, reduction: 'sum', trainFraction: 0.5, seed: 1 },
          reason: 'completed',
          message: '',
          history: [],
          settings: { seed: 1, loss: 'mse', optimizer: { kind: 'sgd' }, normalisation: 'standardize' },
          weights: { spec: { input: 4, layers: [{ type: 'linear', units: 3 }] }, layers: [{ index: 0, inputs: 4, units: 3, W: [1, 2], b: [0, 0, 0] }] },
        },
      ],
    }),
  );
  await open.setInputFiles(broken);
  await expect(status).toHaveText('Could not open broken.backprop-lab.json: runs.0.weights.layers.0: W must hold 4×3 numbers, not 2');
  await expect(status).toHaveClass(/error/);

  // Nothing changed: the trained run is still the one offered.
  await expect(page.getByLabel('Run', { exact: true }).locator('option')).toHaveCount(1);
  await expect(page.getByLabel('Run', { exact: true }).locator('option:checked')).toHaveText(/^#1 iris/);
  await page.screenshot({ path: testInfo.outputPath('export-refused-1280.png'), fullPage: true });
});
