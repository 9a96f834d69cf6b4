// Shape validation of a NetworkSpec, alone and against a data set, with messages that name the layer; pure, any process.
import { shapeSize } from '../layers/shape.js';
import { defaultLossFor, validateLoss } from '../losses/lossRules.js';
import type { LossName } from '../losses/lossNames.js';
import type { NetworkSpec } from '../spec.js';
import { describeLayers } from './describeLayers.js';
import type { SpecIssue } from './specIssue.js';

/** What a data set asks of a network: its input width and the width its targets have. */
export interface DataShape {
  name: string;
  inputs: number;
  outputs: number;
}

/** Every issue of `spec` on its own (empty when its shapes fit). */
export function validateSpec(spec: NetworkSpec): SpecIssue[] {
  return describeLayers(spec).issues;
}

/**
 * Every issue of `spec` for training on `data` with `loss` (default: the usual loss for its last layer, see
 * defaultLossFor): the shapes must fit, the input width must be the data's, the output width the data's target
 * width, and the loss must suit the last layer (see validateLoss).
 */
export function validateSpecForData(spec: NetworkSpec, data: DataShape, loss?: LossName): SpecIssue[] {
  const description = describeLayers(spec);
  const issues = [...description.issues];
  if (spec.input !== data.inputs) {
    issues.unshift({ message: `the network takes ${spec.input} inputs but ${data.name} has ${data.inputs} features`, field: 'spec.input' });
  }
  const last = spec.layers.length - 1;
  const outputWidth = description.outputShape && shapeSize(description.outputShape);
  if (issues.length === 0 && outputWidth !== undefined && outputWidth !== data.outputs) {
    const what = data.outputs === 1 ? '1 output (the probability of the positive class)' : `${data.outputs} outputs (one per class)`;
    issues.push({ message: `${data.name} needs ${what} but the network gives ${outputWidth}`, field: `spec.layers.${last}` });
  }
  issues.push(...validateLoss(spec, loss ?? defaultLossFor(spec), loss !== undefined, outputWidth));
  return issues;
}

/** Thrown when a network is built from a spec that does not fit; carries every issue found. */
export class NetworkSpecError extends Error {
  constructor(readonly issues: SpecIssue[]) {
    super(issues.map((issue) => issue.message).join('; '));
    this.name = 'NetworkSpecError';
  }
}
