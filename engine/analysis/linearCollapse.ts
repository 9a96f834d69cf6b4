// The "linear collapse": consecutive Linear layers with no nonlinearity between them equal one Linear layer; pure, any process.
import type { Kernels } from '../kernels/kernels.js';
import { defaultKernels } from '../kernels/defaultKernels.js';
import { definitionOf } from '../layers/registry.js';
import { findTensor, type TrainedWeights } from '../trainedWeights.js';

/** A run of Linear layers (spec indices `from`..`to`, both Linear) and the single inputs×units layer y = x·W + b it equals. */
export interface CollapsedRun {
  from: number;
  to: number;
  inputs: number;
  units: number;
  W: Float64Array;
  b: Float64Array;
}

/** One Linear layer of the weights: its index and its W ([inputs, units]) and b ([units]) from its named tensors. */
interface AffineLayer {
  index: number;
  inputs: number;
  units: number;
  W: Float64Array;
  b: Float64Array;
}

function affineLayer(weights: TrainedWeights, index: number): AffineLayer {
  const W = findTensor(weights, index, 'W');
  const b = findTensor(weights, index, 'b');
  if (!W || !b) throw new Error(`the weights have no values for layer ${index + 1} (linear)`);
  const [inputs, units] = W.shape as [number, number];
  return { index, inputs, units, W: W.values, b: b.values };
}

/** Groups the Linear layers into runs that only layers which are the identity in evaluation (dropout) separate; a run of one is left out. */
function linearRuns(weights: TrainedWeights): AffineLayer[][] {
  const runs: AffineLayer[][] = [];
  let current: AffineLayer[] = [];
  weights.spec.layers.forEach((layer, index) => {
    if (layer.type === 'linear') {
      current.push(affineLayer(weights, index));
    } else if (!definitionOf(layer).identityInEvaluation) {
      if (current.length > 1) runs.push(current);
      current = [];
    }
  });
  if (current.length > 1) runs.push(current);
  return runs;
}

/**
 * For each run of at least two consecutive Linear layers with no nonlinearity between them (dropout counts as none,
 * as in evaluation), the one Linear layer it equals: x·W1 + b1 then ·W2 + b2 is x·(W1·W2) + (b1·W2 + b2), and so on
 * along the run. So 64-32-1 without a ReLU is a 64-1 model.
 */
export function collapseLinearRuns(weights: TrainedWeights, kernels: Kernels = defaultKernels): CollapsedRun[] {
  return linearRuns(weights).map((run) => {
    const first = run[0]!;
    let W = first.W.slice();
    let b = first.b.slice();
    for (const next of run.slice(1)) {
      const productW = new Float64Array(first.inputs * next.units);
      kernels.matmul(W, next.W, productW, first.inputs, next.inputs, next.units);
      const productB = new Float64Array(next.units);
      kernels.matmul(b, next.W, productB, 1, next.inputs, next.units);
      for (let j = 0; j < next.units; j++) productB[j] = productB[j]! + next.b[j]!;
      W = productW;
      b = productB;
    }
    const last = run[run.length - 1]!;
    return { from: first.index, to: last.index, inputs: first.inputs, units: last.units, W, b };
  });
}
