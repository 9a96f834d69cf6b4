// Which loss a network trains with by default, and why a loss cannot train a given network; pure, any process.
import type { SpecIssue } from '../network/specIssue.js';
import type { NetworkSpec } from '../spec.js';
import { LOSS_TITLES, type LossName } from './lossNames.js';

/** The usual loss for a network's last layer: cce after a softmax, bce after a sigmoid, else mse. */
export function defaultLossFor(spec: NetworkSpec): LossName {
  const last = spec.layers[spec.layers.length - 1]?.type;
  return last === 'softmax' ? 'cce' : last === 'sigmoid' ? 'bce' : 'mse';
}

/**
 * Why `loss` cannot train `spec`, if so: cce needs a final softmax over at least 2 outputs; bce needs outputs in
 * (0, 1) (a final sigmoid or softmax). `explicit` says whether the user chose the loss: the message then names
 * `hyper.loss`, else the last layer (`spec.layers.N`).
 * @param outputs the width of the network's output, when known.
 */
export function validateLoss(spec: NetworkSpec, loss: LossName, explicit: boolean, outputs?: number): SpecIssue[] {
  const index = spec.layers.length - 1;
  const last = spec.layers[index]!.type;
  const layerField = `spec.layers.${index}`;
  const field = explicit ? 'hyper.loss' : layerField;
  const layer = `layer ${index + 1} (${last})`;
  const title = LOSS_TITLES[loss].toLowerCase();
  if (loss === 'cce') {
    if (last !== 'softmax') {
      return [{ field, message: `${title} needs a softmax as the last layer, but the last is ${layer}` }];
    }
    if (outputs === 1) {
      return [{ field: layerField, message: `${layer} has a single output, which a softmax always sets to 1: ${title} needs one output per class` }];
    }
  }
  if (loss === 'bce' && last !== 'sigmoid' && last !== 'softmax') {
    return [{ field, message: `${title} needs outputs between 0 and 1 (a sigmoid as the last layer), but the last is ${layer}` }];
  }
  return [];
}
