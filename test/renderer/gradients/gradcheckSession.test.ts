// The Gradient lab's gradient-check session (plain Node) against the real engine in this process: layers and networks that read an image, checked on the input shape the form shows.
import { afterEach, describe, expect, it } from 'vitest';
import { inProcessRequests } from '../support/inProcessRequests.js';
import { GradcheckSession } from '../../../renderer/gradients/gradcheckSession.svelte.js';
import { inputShapeText, showsInputShape } from '../../../renderer/gradients/gradcheckSubject.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function gradcheckSession(): GradcheckSession {
  const { requests, dispose } = inProcessRequests();
  cleanups.push(dispose);
  return new GradcheckSession(requests);
}

const checkNames = (session: GradcheckSession) => session.result?.report.checks.map((check) => [check.name, check.ok]);

describe('the gradient-check session', () => {
  it('checks a 4-filter 3×3 convolution on a typed 2x6x6 input: dx, dW and db, each well below 1e-6', async () => {
    const session = gradcheckSession();
    session.choose('layerType', 'conv2d');
    session.setSetting('filters', 4);
    expect(showsInputShape(session.values)).toBe(true);
    session.setInputShape('2x6x6');
    await session.check();
    expect(session.failure).toBeNull();
    expect(session.result?.request.subject).toMatchObject({ kind: 'layer', inputs: 72, inputShape: [2, 6, 6] });
    expect(checkNames(session)).toEqual([
      ['dx', true],
      ['dW', true],
      ['db', true],
    ]);
    const [dx, dW] = session.result!.report.checks;
    expect(dx!.shape).toEqual([3, 72]);
    expect(dW!.shape).toEqual([4, 2, 3, 3]);
    for (const check of session.result!.report.checks) expect(check.relativeError).toBeLessThan(1e-6);
    expect(session.reportState).toBe('fresh');
  });

  it('gives a convolution without bias no db, and a max pool only dx', async () => {
    const session = gradcheckSession();
    session.choose('layerType', 'conv2d');
    session.setSetting('bias', false);
    await session.check();
    expect(checkNames(session)).toEqual([
      ['dx', true],
      ['dW', true],
    ]);
    session.choose('layerType', 'maxpool2d');
    expect(inputShapeText(session.values)).toBe('2x6x6');
    await session.check();
    expect(checkNames(session)).toEqual([['dx', true]]);
  });

  it('says at the input-shape field why a 5×5 kernel does not fit 2x3x3, and keeps Check disabled until it does', async () => {
    const session = gradcheckSession();
    session.choose('layerType', 'conv2d');
    session.setSetting('kernel', 5);
    session.setInputShape('2x3x3');
    expect(session.errors.inputShape).toBe(
      'The conv2d layer has a 5×5 kernel but the input gives 2×3×3: the window does not fit; use a smaller kernel, or padding same',
    );
    expect(session.canCheck).toBe(false);
    session.setInputShape('2x5x5');
    expect(session.errors.inputShape).toBeUndefined();
    await session.check();
    expect(session.result?.report.checks.every((check) => check.ok)).toBe(true);
  });

  it('checks the digits convnet on the input shape it starts with, and catches the exercise’s db in its linear layer', async () => {
    const session = gradcheckSession();
    session.choose('kind', 'network');
    session.choose('presetId', 'digits-convnet');
    expect(inputShapeText(session.values)).toBe('1x8x8');
    session.choose('variant', 'exercise-db');
    await session.check();
    expect(checkNames(session)).toEqual([
      ['layer 1 dW', true],
      ['layer 1 db', true],
      ['layer 5 dW', true],
      ['layer 5 db', false],
      ['dx', true],
    ]);
    session.setInputShape('1x1x1');
    expect(session.errors.inputShape).toMatch(/^Layer 3 \(maxpool2d\) has a 2×2 window but layer 2 \(relu\) gives 8×1×1/);
    expect(session.reportState).toBe('hidden');
  });
});
