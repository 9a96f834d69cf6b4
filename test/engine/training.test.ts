// Training on the digits: the exercise reproduced, determinism, divergence, cancelling and yielding.
import { describe, expect, it } from 'vitest';
import { trainDigits } from './support/digitsRun.js';

const EXERCISE_NET = 'linear:32,relu,linear:1,sigmoid';

describe('training', () => {
  it('reproduces the exercise: 64-32-ReLU-1-Sigmoid on digits-binary reaches test accuracy ≥ 0.95 in 25 epochs', async () => {
    const outcome = await trainDigits(EXERCISE_NET);
    expect(outcome.reason).toBe('completed');
    expect(outcome.history.map((m) => m.epoch)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const last = outcome.history[24]!;
    expect(last.testAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(last.trainLoss).toBeLessThan(outcome.history[0]!.trainLoss);
    // Accuracy is a mean over minibatches of 10: a multiple of 1/10 averaged over 89 minibatches.
    expect(Math.round(last.testAccuracy! * 89 * 10)).toBeCloseTo(last.testAccuracy! * 890, 6);
  });

  it('gives the same history bit for bit for the same seed, and another for another seed', async () => {
    const first = await trainDigits(EXERCISE_NET, { epochs: 3, seed: 7 });
    const again = await trainDigits(EXERCISE_NET, { epochs: 3, seed: 7 });
    const other = await trainDigits(EXERCISE_NET, { epochs: 3, seed: 8 });
    expect(again.history).toEqual(first.history);
    expect(Object.is(again.history[2]!.testLoss, first.history[2]!.testLoss)).toBe(true);
    expect(other.history).not.toEqual(first.history);
  });

  it('divides the gradient by the batch size for the mean reduction, so the same step learns more slowly', async () => {
    const summed = await trainDigits(EXERCISE_NET, { epochs: 2 });
    const averaged = await trainDigits(EXERCISE_NET, { epochs: 2, reduction: 'mean' });
    expect(averaged.history[0]!.trainLoss).toBeGreaterThan(summed.history[0]!.trainLoss);
  });

  it('trains the 10-class digits with one sigmoid per class, scoring accuracy by argmax', async () => {
    const outcome = await trainDigits('linear:32,relu,linear:10,sigmoid', { epochs: 5 }, 'digits');
    expect(outcome.history[4]!.testAccuracy).toBeGreaterThan(0.85);
  });

  it('stops with reason diverged and names the epoch and minibatch when the loss turns NaN', async () => {
    const outcome = await trainDigits(EXERCISE_NET, { learningRate: 1e300 });
    expect(outcome.reason).toBe('diverged');
    expect(outcome.message).toMatch(/^the loss became NaN in epoch 1, minibatch \d+ of the training phase/);
    expect(outcome.history).toEqual([]);
  });

  it('stops when asked, keeping the epochs that finished', async () => {
    let epochs = 0;
    const outcome = await trainDigits(EXERCISE_NET, {}, 'digits-binary', {
      onEpoch: () => {
        epochs++;
      },
      shouldStop: () => epochs >= 2,
    });
    expect(outcome.reason).toBe('stopped');
    expect(outcome.history.length).toBe(2);
    expect(outcome.message).toBe('stopped after 2 of 25 epochs');
  });

  it('gives the event loop a turn within an epoch and stops at the next turn', async () => {
    let turns = 0;
    let stopAfterTurns = Number.POSITIVE_INFINITY;
    const outcome = await trainDigits(EXERCISE_NET, { epochs: 1 }, 'digits-binary', {
      sliceMilliseconds: 0,
      yieldToEventLoop: async () => {
        turns++;
      },
      shouldStop: () => turns >= stopAfterTurns,
    });
    // With a zero time slice, every minibatch of both phases (89 + 89) and the epoch's end yields.
    expect(outcome.reason).toBe('completed');
    expect(turns).toBe(89 + 89 + 1);
    turns = 0;
    stopAfterTurns = 5;
    const stopped = await trainDigits(EXERCISE_NET, { epochs: 1 }, 'digits-binary', {
      sliceMilliseconds: 0,
      yieldToEventLoop: async () => {
        turns++;
      },
      shouldStop: () => turns >= stopAfterTurns,
    });
    expect(stopped.reason).toBe('stopped');
    expect(turns).toBe(5);
  });
});
