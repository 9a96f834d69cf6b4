// Each sample's predicted class and its confidence, from a batched forward pass in evaluation mode; pure, any process.
import type { Samples } from '../data/dataSets.js';
import { softmaxRows } from '../layers/softmax.js';
import { forwardInChunks, forwardInChunksSliced } from '../network/forwardInChunks.js';
import type { TimeSlicer } from '../work/timeSlicer.js';
import type { Network } from '../network/network.js';

/** Per sample: the true class, the predicted class, and the probability the network gives the predicted class. */
export interface Predictions {
  truth: Int32Array;
  predicted: Int32Array;
  confidence: Float64Array;
}

/**
 * The predicted class of each row of `outputs` (rows×width), decided as the training accuracy decides it:
 * with one output, class 1 when the output is above 0.5 (else class 0); with several, the largest output.
 * Confidence is the predicted class's probability: p or 1 − p for one output (clamped to [0, 1] when the last layer
 * is not a sigmoid); with several outputs the output itself after a softmax, and the softmax of the outputs when the
 * network does not end in one.
 */
export function classify(
  outputs: Float64Array,
  rows: number,
  width: number,
  endsInProbabilities: boolean,
): { predicted: Int32Array; confidence: Float64Array } {
  const predicted = new Int32Array(rows);
  const confidence = new Float64Array(rows);
  if (width === 1) {
    for (let r = 0; r < rows; r++) {
      const p = Math.min(1, Math.max(0, outputs[r]!));
      predicted[r] = outputs[r]! > 0.5 ? 1 : 0;
      confidence[r] = predicted[r] === 1 ? p : 1 - p;
    }
    return { predicted, confidence };
  }
  let probabilities = outputs;
  if (!endsInProbabilities) {
    probabilities = new Float64Array(rows * width);
    softmaxRows(outputs, probabilities, rows, width);
  }
  for (let r = 0; r < rows; r++) {
    const offset = r * width;
    let best = 0;
    for (let j = 1; j < width; j++) if (outputs[offset + j]! > outputs[offset + best]!) best = j;
    predicted[r] = best;
    confidence[r] = probabilities[offset + best]!;
  }
  return { predicted, confidence };
}

/** Whether the network's outputs are already probabilities: it ends in a sigmoid (one output) or a softmax. */
export function endsInProbabilities(network: Network): boolean {
  const last = network.layers[network.layers.length - 1]!.type;
  return last === 'softmax' || last === 'sigmoid';
}

/** Predictions of `samples` to fill: `onChunk` classifies a chunk's outputs into them, `predictions` gives them. */
function predictionsOf(network: Network, samples: Samples) {
  const predicted = new Int32Array(samples.size);
  const confidence = new Float64Array(samples.size);
  const probabilities = endsInProbabilities(network);
  const onChunk = (outputs: Float64Array, first: number, rows: number): void => {
    const chunk = classify(outputs, rows, network.outputs, probabilities);
    predicted.set(chunk.predicted, first);
    confidence.set(chunk.confidence, first);
  };
  return { onChunk, predictions: (): Predictions => ({ truth: samples.labels.slice(), predicted, confidence }) };
}

/** Runs every sample through `network` (in chunks whose activations stay small; one batch for a small network) and classifies it. */
export function predictSamples(network: Network, samples: Samples): Predictions {
  const { onChunk, predictions } = predictionsOf(network, samples);
  forwardInChunks(network, samples.features, samples.size, onChunk);
  return predictions();
}

/** predictSamples giving the host turns between chunks (a test set of images through a convnet takes seconds). */
export async function predictSamplesSliced(network: Network, samples: Samples, slicer: TimeSlicer): Promise<Predictions> {
  const { onChunk, predictions } = predictionsOf(network, samples);
  await forwardInChunksSliced(network, samples.features, samples.size, onChunk, slicer);
  return predictions();
}
