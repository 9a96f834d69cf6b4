// Tests the engine's answers for the optimizer and gradient labs through its protocol: describe, functions, surfaces.
import { describe, expect, it } from 'vitest';
import { createInProcessEngine } from '../../../engine/worker/inProcessEntry.js';
import type { EngineEvent, EngineRequest } from '../../../engine/protocol/index.js';

function ask(request: unknown): Promise<EngineEvent> {
  return new Promise((resolve) => {
    const engine = createInProcessEngine((event) => {
      engine.dispose();
      resolve(event);
    });
    engine.receive(request as EngineRequest);
  });
}

describe('engine.describe', () => {
  it('lists the functions, surfaces, data sets, optimizers and layer types', async () => {
    const event = await ask({ type: 'engine.describe', requestId: 'd' });
    if (event.type !== 'engine.catalog') throw new Error(event.type);
    expect(event.surfaces.map((s) => s.id)).toContain('exercise');
    expect(event.functions.map((f) => f.id)).toEqual(expect.arrayContaining(['sigmoid', 'relu', 'tanh', 'bce_y1', 'softmax_ce']));
    expect(event.dataSets.find((d) => d.name === 'iris')).toMatchObject({ inputs: 4, classes: ['setosa', 'versicolor', 'virginica'], size: 150 });
    expect(event.optimizers).toEqual(['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam']);
  });
});

describe('functions.sample', () => {
  it('gives the sigmoid with its symbolic and numerical derivatives and an error curve', async () => {
    const event = await ask({ type: 'functions.sample', requestId: 'f', functionId: 'sigmoid', count: 11, epsilon: 1e-3, at: 0.5 });
    if (event.type !== 'functions.samples') throw new Error(event.type);
    expect(event.x).toHaveLength(11);
    expect(event.x[0]).toBe(-10);
    expect(event.symbolic[5]).toBeCloseTo(0.25, 12);
    expect(Math.abs(event.numerical[5]! - 0.25)).toBeLessThan(1e-7);
    expect(event.errorCurve.epsilon.length).toBe(event.errorCurve.error.length);
  });

  it('answers an unknown function with an error on its field', async () => {
    expect(await ask({ type: 'functions.sample', requestId: 'f', functionId: 'swish', count: 11, epsilon: 1e-3, at: 0 })).toMatchObject({
      type: 'error',
      requestId: 'f',
      field: 'functionId',
      message: 'unknown function "swish"',
    });
  });
});

describe('surface.evaluate and surface.descend', () => {
  it('evaluates a typed function on a grid', async () => {
    const event = await ask({ type: 'surface.evaluate', requestId: 's', surface: 'x*y', bounds: { xMin: -1, xMax: 1, yMin: -1, yMax: 1 }, nx: 3, ny: 3 });
    if (event.type !== 'surface.grid') throw new Error(event.type);
    expect(Array.from(event.values)).toEqual([1, -0, -1, -0, 0, 0, -1, 0, 1]);
    expect([event.min, event.max]).toEqual([-1, 1]);
  });

  it('points at the column of a typing mistake', async () => {
    expect(await ask({ type: 'surface.evaluate', requestId: 's', surface: 'x^2 + * y', nx: 3, ny: 3 })).toMatchObject({
      type: 'error',
      requestId: 's',
      field: 'surface',
      column: 7,
      message: "unexpected '*' at column 7",
    });
  });

  it('descends the exercise surface as the command line does', async () => {
    const event = await ask({ type: 'surface.descend', requestId: 'p', surface: 'exercise', start: { x: 3, y: 2 }, learningRate: 0.1, steps: 10 });
    if (event.type !== 'surface.path') throw new Error(event.type);
    expect(Math.abs(event.f[10]! - 1.2967615849902)).toBeLessThan(1e-12);
  });

  it('refuses a start point where the function is not finite, and a step size that is not positive', async () => {
    expect(await ask({ type: 'surface.descend', requestId: 'p', surface: 'log(x)', start: { x: -1, y: 0 }, learningRate: 0.1, steps: 10 })).toMatchObject({
      type: 'error',
      field: 'start',
    });
    expect(await ask({ type: 'surface.descend', requestId: 'p', surface: 'exercise', start: { x: 3, y: 2 }, learningRate: -1, steps: 10 })).toMatchObject({
      type: 'error',
      requestId: 'p',
      field: 'learningRate',
      message: 'bad request: learningRate: step size must be a positive number',
    });
  });
});
