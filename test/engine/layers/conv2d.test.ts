// Conv2D, MaxPool2D, AvgPool2D and Flatten on C×H×W samples: gradient-checked (dx, dW, db; dx and dW with the bias off) on
// random shapes with strides and both paddings, and equal to PyTorch's conv2d (with and without bias), max_pool2d and
// avg_pool2d, forward and backward, in float64.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkLayer } from '../../../engine/gradcheck/checkLayer.js';
import { plainKernels } from '../../../engine/kernels/plainKernels.js';
import { Conv2D } from '../../../engine/layers/conv2d.js';
import { axisGeometry, windowGeometry, type Padding } from '../../../engine/layers/convGeometry.js';
import { Flatten } from '../../../engine/layers/flatten.js';
import type { Layer } from '../../../engine/layers/layer.js';
import { AvgPool2D, MaxPool2D } from '../../../engine/layers/pool2d.js';
import { createRandom, type Random } from '../../../engine/random.js';
import { NO_TORCH, torchAvailable } from '../support/torchReference.js';

function randomArray(random: Random, length: number): Float64Array {
  return Float64Array.from({ length }, () => 2 * random.next() - 1);
}

interface ConvCase {
  channels: number;
  height: number;
  width: number;
  filters: number;
  kernel: number;
  stride: number;
  padding: Padding;
  rows: number;
}

/** A random convolution that fits its input: 1–3 channels, 4–8 pixels a side, kernels 1–4, strides 1–3, either padding. */
function randomCase(seed: number): ConvCase {
  const random = createRandom(seed * 7919);
  const pick = (low: number, high: number) => low + Math.floor(random.next() * (high - low + 1));
  const height = pick(4, 8);
  const width = pick(4, 8);
  return {
    channels: pick(1, 3),
    height,
    width,
    filters: pick(1, 4),
    kernel: pick(1, Math.min(4, height, width)),
    stride: pick(1, 3),
    padding: random.next() < 0.5 ? 'valid' : 'same',
    rows: pick(1, 3),
  };
}

function convOf(c: ConvCase, seed: number, bias = true): Conv2D {
  const geometry = windowGeometry([c.channels, c.height, c.width], c.kernel, c.stride, c.padding);
  const layer = new Conv2D(geometry, c.filters, plainKernels, createRandom(seed), 'he', bias);
  layer.b?.set(randomArray(createRandom(seed + 99), c.filters));
  return layer;
}

function gradcheck(layer: Layer, rows: number, seed: number) {
  const random = createRandom(seed + 1000);
  return checkLayer(layer, randomArray(random, rows * layer.inputs), rows, randomArray(random, rows * layer.outputs));
}

describe('the window geometry', () => {
  it('gives valid and same output sizes and paddings as TensorFlow and ONNX SAME_UPPER do', () => {
    expect(axisGeometry(28, 5, 1, 'valid')).toEqual({ before: 0, after: 0, output: 24 });
    expect(axisGeometry(28, 5, 1, 'same')).toEqual({ before: 2, after: 2, output: 28 });
    expect(axisGeometry(7, 2, 2, 'same')).toEqual({ before: 0, after: 1, output: 4 });
    expect(axisGeometry(8, 4, 1, 'same')).toEqual({ before: 1, after: 2, output: 8 });
    expect(axisGeometry(3, 5, 1, 'valid').output).toBe(0);
  });
});

describe('Conv2D', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('passes the gradient check of dx, dW and db on random shapes, strides and paddings (seed %i)', (seed) => {
    const c = randomCase(seed);
    const layer = convOf(c, seed);
    const checks = gradcheck(layer, c.rows, seed);
    expect(checks.map((check) => check.name)).toEqual(['dx', 'dW', 'db']);
    for (const check of checks) expect(check.relativeError, `${check.name} of ${JSON.stringify(c)}`).toBeLessThan(1e-7);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('passes the gradient check of dx and dW with its bias off, and has no b to check (seed %i)', (seed) => {
    const c = randomCase(seed);
    const layer = convOf(c, seed, false);
    expect(layer.b).toBeUndefined();
    expect(layer.parameters.map((p) => p.name)).toEqual(['W']);
    const checks = gradcheck(layer, c.rows, seed);
    expect(checks.map((check) => check.name)).toEqual(['dx', 'dW']);
    for (const check of checks) expect(check.relativeError, `${check.name} of ${JSON.stringify(c)}`).toBeLessThan(1e-7);
  });

  it('with its bias off gives what the same filters give with a zero bias, forward and backward', () => {
    const c: ConvCase = { channels: 2, height: 7, width: 6, filters: 3, kernel: 3, stride: 2, padding: 'same', rows: 2 };
    const off = convOf(c, 4, false);
    const zero = convOf(c, 4);
    zero.b!.fill(0);
    const random = createRandom(77);
    const x = randomArray(random, c.rows * off.inputs);
    const dy = randomArray(random, c.rows * off.outputs);
    expect(off.forward(x, c.rows)).toEqual(zero.forward(x, c.rows));
    expect(off.backward(x, dy, c.rows)).toEqual(zero.backward(x, dy, c.rows));
    expect(off.dW).toEqual(zero.dW);
  });

  it('keeps W as filters×channels×k×k and b per filter', () => {
    const layer = convOf({ channels: 3, height: 6, width: 6, filters: 4, kernel: 3, stride: 1, padding: 'same', rows: 1 }, 1);
    expect(layer.parameters.map((p) => [p.name, p.shape])).toEqual([
      ['W', [4, 3, 3, 3]],
      ['b', [4]],
    ]);
    expect([layer.inputs, layer.outputs]).toEqual([3 * 36, 4 * 36]);
  });
});

describe('pooling and flatten', () => {
  it.each([1, 2, 3, 4, 5, 6])('max and average pooling pass the gradient check (seed %i)', (seed) => {
    const random = createRandom(seed * 31);
    const size = 2 + Math.floor(random.next() * 2);
    const stride = 1 + Math.floor(random.next() * 2);
    const geometry = windowGeometry(
      [1 + Math.floor(random.next() * 3), 4 + Math.floor(random.next() * 4), 4 + Math.floor(random.next() * 4)],
      size,
      stride,
      'valid',
    );
    for (const layer of [new MaxPool2D(geometry, plainKernels), new AvgPool2D(geometry, plainKernels)]) {
      const [dx] = gradcheck(layer, 2, seed);
      expect(dx!.relativeError, `${layer.type} ${JSON.stringify(geometry)}`).toBeLessThan(1e-7);
    }
  });

  it('flatten passes values and gradients through unchanged', () => {
    const layer = new Flatten(12);
    const x = randomArray(createRandom(5), 24);
    expect(layer.forward(x)).toEqual(x);
    expect(gradcheck(layer, 2, 5)[0]!.relativeError).toBeLessThan(1e-9);
  });
});

/** PyTorch's forward and backward of the same convolution and poolings, from the same values, in float64. */
const TORCH_SCRIPT = `
import json, sys, torch
import torch.nn.functional as F
torch.set_default_dtype(torch.float64)
cases = json.load(sys.stdin)
answers = []
for c in cases:
    shape = (c["rows"], c["channels"], c["height"], c["width"])
    x = torch.tensor(c["x"]).reshape(shape).requires_grad_()
    if c["kind"] == "conv":
        W = torch.tensor(c["W"]).reshape(c["filters"], c["channels"], c["kernel"], c["kernel"]).requires_grad_()
        b = None if c["b"] is None else torch.tensor(c["b"]).requires_grad_()
        padded = F.pad(x, (c["left"], c["right"], c["top"], c["bottom"]))
        y = F.conv2d(padded, W, b, stride=c["stride"])
    elif c["kind"] == "max":
        y = F.max_pool2d(x, c["kernel"], c["stride"])
    else:
        y = F.avg_pool2d(x, c["kernel"], c["stride"])
    upstream = torch.tensor(c["dy"]).reshape(y.shape)
    (y * upstream).sum().backward()
    answer = {"y": y.flatten().tolist(), "dx": x.grad.flatten().tolist()}
    if c["kind"] == "conv":
        answer["dW"] = W.grad.flatten().tolist()
        if b is not None:
            answer["db"] = b.grad.flatten().tolist()
    answers.append(answer)
print(json.dumps(answers))
`;

function worst(ours: Float64Array, theirs: number[]): number {
  expect(ours.length).toBe(theirs.length);
  let error = 0;
  for (let i = 0; i < ours.length; i++) error = Math.max(error, Math.abs(ours[i]! - theirs[i]!));
  return error;
}

describe('against PyTorch', () => {
  it('gives the forward values and the gradients PyTorch gives, to 1e-12, with and without a bias', (context) => {
    if (!torchAvailable()) return context.skip(NO_TORCH);
    const runs: { layer: Layer; x: Float64Array; dy: Float64Array; rows: number; request: Record<string, unknown> }[] = [];
    for (let seed = 1; seed <= 6; seed++) {
      const c = randomCase(seed);
      const random = createRandom(seed + 500);
      for (const bias of [true, false]) {
        const layer = convOf(c, seed, bias);
        const x = randomArray(random, c.rows * layer.inputs);
        const dy = randomArray(random, c.rows * layer.outputs);
        const { rows: vertical, columns: horizontal } = layer.geometry;
        runs.push({
          layer,
          x,
          dy,
          rows: c.rows,
          request: {
            kind: 'conv',
            ...c,
            top: vertical.before,
            bottom: vertical.after,
            left: horizontal.before,
            right: horizontal.after,
            W: [...layer.W],
            b: layer.b ? [...layer.b] : null,
          },
        });
      }
      const geometry = windowGeometry([c.channels, c.height, c.width], 2, 2, 'valid');
      for (const [kind, pool] of [
        ['max', new MaxPool2D(geometry, plainKernels)],
        ['avg', new AvgPool2D(geometry, plainKernels)],
      ] as const) {
        const px = randomArray(random, c.rows * pool.inputs);
        runs.push({ layer: pool, x: px, dy: randomArray(random, c.rows * pool.outputs), rows: c.rows, request: { kind, ...c, kernel: 2, stride: 2 } });
      }
    }
    const input = runs.map((run) => ({ ...run.request, x: [...run.x], dy: [...run.dy] }));
    const answer = spawnSync('/usr/bin/python3', ['-c', TORCH_SCRIPT], { input: JSON.stringify(input), encoding: 'utf8', timeout: 120_000 });
    expect(answer.stderr).toBe('');
    const theirs = JSON.parse(answer.stdout) as { y: number[]; dx: number[]; dW?: number[]; db?: number[] }[];
    runs.forEach((run, i) => {
      const y = run.layer.forward(run.x, run.rows).slice();
      const dx = run.layer.backward(run.x, run.dy, run.rows).slice();
      const expected = theirs[i]!;
      expect(worst(y, expected.y), `y of ${JSON.stringify(run.request.kind)}`).toBeLessThan(1e-12);
      expect(worst(dx, expected.dx)).toBeLessThan(1e-12);
      if (run.layer instanceof Conv2D) {
        expect(worst(run.layer.dW, expected.dW!)).toBeLessThan(1e-12);
        if (run.layer.db) expect(worst(run.layer.db, expected.db!)).toBeLessThan(1e-12);
        else expect(expected.db).toBeUndefined();
      }
    });
  });
});
