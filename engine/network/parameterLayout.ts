// The named parameters a network's layers define (layer, name, shape) and the check that saved tensors are exactly those; pure, any process.
import { createRandom } from '../random.js';
import type { NetworkSpec } from '../spec.js';
import { shapeText, tensorSize, type NamedTensor } from '../trainedWeights.js';
import { buildNetwork, type Network } from './network.js';

/** One parameter a layer defines: where it is and what shape it has. */
export interface TensorSlot {
  layer: number;
  name: string;
  shape: readonly number[];
}

/** What is wrong with a list of saved tensors; `tensor` is the position of the one at fault, `member` its field. */
export interface TensorIssue {
  tensor?: number;
  member?: 'layer' | 'name' | 'shape' | 'values';
  message: string;
}

/** The parameters of `network`, in its order, each from its layer's own list. */
export function networkLayout(network: Network): TensorSlot[] {
  return network.layers.flatMap((layer, index) => layer.parameters.map((parameter) => ({ layer: index, name: parameter.name, shape: parameter.shape })));
}

/**
 * The parameters `spec`'s layers define, in the network's order.
 * @throws NetworkSpecError when the layers' shapes do not fit.
 */
export function parameterLayout(spec: NetworkSpec): TensorSlot[] {
  return networkLayout(buildNetwork(spec, createRandom(0)));
}

const sameShape = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((dimension, i) => dimension === b[i]);

/**
 * Checks that `tensors` are exactly the parameters of `layout` (any order, each once, each of its slot's shape, each
 * holding as many values as its shape needs) and returns them in the layout's order, or the first issue found.
 */
export function matchLayout(spec: NetworkSpec, layout: readonly TensorSlot[], tensors: readonly NamedTensor[]): { tensors: NamedTensor[] } | { issue: TensorIssue } {
  const layerName = (index: number) => `layer ${index + 1} (${spec.layers[index]?.type ?? 'not in the network'})`;
  const bySlot = new Map<string, NamedTensor>();
  const key = (layer: number, name: string) => `${layer}\u0000${name}`;
  for (const [position, tensor] of tensors.entries()) {
    const slot = layout.find((s) => s.layer === tensor.layer && s.name === tensor.name);
    if (!slot) {
      const owns = layout.some((s) => s.layer === tensor.layer);
      const message = tensor.layer >= spec.layers.length
        ? `the weights have parameters for layer ${tensor.layer + 1}, but the network has ${spec.layers.length} layers`
        : `the weights have a parameter ${tensor.name} for ${layerName(tensor.layer)}, which ${owns ? `has no parameter of that name (it has ${layout.filter((s) => s.layer === tensor.layer).map((s) => s.name).join(', ')})` : 'has no parameters'}`;
      return { issue: { tensor: position, member: tensor.layer >= spec.layers.length ? 'layer' : 'name', message } };
    }
    if (bySlot.has(key(tensor.layer, tensor.name))) {
      return { issue: { tensor: position, member: 'name', message: `the weights hold ${tensor.name} of ${layerName(tensor.layer)} twice` } };
    }
    if (!sameShape(tensor.shape, slot.shape)) {
      return { issue: { tensor: position, member: 'shape', message: `${layerName(tensor.layer)} has ${shapeText(tensor.shape)} weights but the network needs ${shapeText(slot.shape)} for ${tensor.name}` } };
    }
    if (tensor.values.length !== tensorSize(tensor.shape)) {
      return { issue: { tensor: position, member: 'values', message: `${tensor.name} of ${layerName(tensor.layer)} holds ${tensor.values.length} values but its shape ${shapeText(tensor.shape)} needs ${tensorSize(tensor.shape)}` } };
    }
    bySlot.set(key(tensor.layer, tensor.name), tensor);
  }
  const missing = layout.find((slot) => !bySlot.has(key(slot.layer, slot.name)));
  if (missing) {
    const none = !tensors.some((tensor) => tensor.layer === missing.layer);
    return { issue: { message: none ? `the weights have no parameters for ${layerName(missing.layer)}` : `the weights have no ${missing.name} for ${layerName(missing.layer)}` } };
  }
  return { tensors: layout.map((slot) => bySlot.get(key(slot.layer, slot.name))!) };
}

/**
 * The field path of an issue under `path`, the list the tensors came in (e.g. "runs.0.weights.parameters" gives
 * "runs.0.weights.parameters.2.shape"); an issue about no one tensor (one missing) names the list.
 */
export function issueField(issue: TensorIssue, path: string): string {
  return issue.tensor === undefined ? path : [path, issue.tensor, issue.member].filter((part) => part !== undefined).join('.');
}
