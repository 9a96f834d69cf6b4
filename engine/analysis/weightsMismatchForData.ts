// Whether trained weights can be analysed on a data set: their spec's shapes fit and its input and output widths are the data's; pure, any process.
import type { PreparedData } from '../data/dataSets.js';
import { shapeSize } from '../layers/shape.js';
import { describeLayers, fitted } from '../network/describeLayers.js';
import type { TrainedWeights } from '../trainedWeights.js';

/** A sentence saying why `weights` do not fit `data`, or undefined when they do. */
export function weightsMismatchForData(weights: TrainedWeights, data: Pick<PreparedData, 'name' | 'inputs' | 'outputs'>): string | undefined {
  const { spec } = weights;
  const description = describeLayers(spec);
  const known = fitted(description);
  if (!known) return `the weights' network does not fit together: ${description.issues.map((issue) => issue.message).join('; ')}`;
  if (spec.input !== data.inputs) return `the weights' network takes ${spec.input} inputs but ${data.name} has ${data.inputs} features`;
  const outputs = shapeSize(known.outputShape);
  if (outputs !== data.outputs) {
    const what = data.outputs === 1 ? '1 output (the probability of the positive class)' : `${data.outputs} outputs (one per class)`;
    return `${data.name} needs ${what} but the weights' network gives ${outputs}`;
  }
  return undefined;
}
