// The exercise's architecture table reproduced with its settings, averaged over 5 seeds, and 10-class digits with a softmax.
import { describe, expect, it } from 'vitest';
import { trainDigits } from '../support/digitsRun.js';

const SEEDS = [1, 2, 3, 4, 5];

async function meanTestAccuracy(net: string, dataSet: 'digits' | 'digits-binary' = 'digits-binary'): Promise<number> {
  let sum = 0;
  for (const seed of SEEDS) {
    const outcome = await trainDigits(net, { seed }, dataSet);
    expect(outcome.reason).toBe('completed');
    sum += outcome.history[24]!.testAccuracy!;
  }
  return sum / SEEDS.length;
}

// The exercise's settings (25 epochs, step 0.01, minibatches of 10, summed gradients, a shuffled 50/50 split) and its
// own Linear initialisation U(±√(6/(n_in·n_out))). Its reported accuracies were about 0.97, 0.89, 0.89 and 0.97.
describe("the exercise's architecture table", () => {
  const rows: [string, string, number][] = [
    ['64-32-ReLU-1-Sigmoid', 'linear:32:exercise,relu,linear:1:exercise,sigmoid', 0.96],
    ['64-32-1-Sigmoid (no ReLU)', 'linear:32:exercise,linear:1:exercise,sigmoid', 0.88],
    ['64-1-Sigmoid', 'linear:1:exercise,sigmoid', 0.88],
    ['64-32-16-8-1 with ReLUs and a Sigmoid', 'linear:32:exercise,relu,linear:16:exercise,relu,linear:8:exercise,relu,linear:1:exercise,sigmoid', 0.96],
  ];
  for (const [name, net, floor] of rows) {
    it(`${name} reaches a mean test accuracy of at least ${floor} over 5 seeds`, async () => {
      expect(await meanTestAccuracy(net)).toBeGreaterThanOrEqual(floor);
    });
  }
});

describe('10-class digits', () => {
  it("64-32-ReLU-10-Softmax with categorical cross-entropy and the exercise's settings reaches a mean test accuracy of at least 0.95", async () => {
    expect(await meanTestAccuracy('linear:32,relu,linear:10,softmax', 'digits')).toBeGreaterThanOrEqual(0.95);
  });
});
