// The named parameters a network's layers define (layer, name, shape) and the check that saved tensors are exactly those; pure, any process.
import type { NetworkSpec } from '../spec.js';
import { formatShape, shapeSize, type Shape } from '../layers/shape.js';
import type { NamedTensor } from '../trainedWeights.js';
import { fittedLayers } from './fittedLayers.js';
import type { Network } from './network.js';

/** One parameter a layer defines: where it is and what shape it has. */
export interface TensorSlot {
  layer: number;
  name: string;
  shape: Shape;
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
 * The parameters `spec`'s layers define, in the network's order, from each layer's definition.
 * @throws NetworkSpecError when the layers' shapes do not fit.
 */
export function parameterLayout(spec: NetworkSpec): TensorSlot[] {
  const { layers } = fittedLayers(spec);
  return layers.flatMap((layer) => layer.parameterShapes.map((parameter) => ({ layer: layer.index, name: parameter.name, shape: parameter.shape })));
}

const sameShape = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((dimension, i) => dimension === b[i]);
const layerName = (spec: NetworkSpec, index: number) => `layer ${index + 1} (${spec.layers[index]!.type})`;
const slotKey = (layer: number, name: string) => `${layer}\u0000${name}`;

/** The issue of a saved tensor that no slot of the layout has room for. */
function unknownTensor(spec: NetworkSpec, layout: readonly TensorSlot[], tensor: NamedTensor, position: number): TensorIssue {
  if (tensor.layer >= spec.layers.length) {
    return {
      tensor: position,
      member: 'layer',
      message: `the weights have parameters for layer ${tensor.layer + 1}, but the network has ${spec.layers.length} layers`,
    };
  }
  const names = layout.filter((slot) => slot.layer === tensor.layer).map((slot) => slot.name);
  const which = names.length === 0 ? 'has no parameters' : `has no parameter of that name (it has ${names.join(', ')})`;
  return { tensor: position, member: 'name', message: `the weights have a parameter ${tensor.name} for ${layerName(spec, tensor.layer)}, which ${which}` };
}

/**
 * Checks that `tensors` are exactly the parameters of `layout` (any order, each once, each of its slot's shape, each
 * holding as many values as its shape needs) and returns them in the layout's order, or the first issue found.
 */
export function matchLayout(
  spec: NetworkSpec,
  layout: readonly TensorSlot[],
  tensors: readonly NamedTensor[],
): { tensors: NamedTensor[] } | { issue: TensorIssue } {
  const slots = new Map(layout.map((slot) => [slotKey(slot.layer, slot.name), slot]));
  const found = new Map<string, NamedTensor>();
  for (const [position, tensor] of tensors.entries()) {
    const key = slotKey(tensor.layer, tensor.name);
    const slot = slots.get(key);
    const owner = () => layerName(spec, tensor.layer);
    if (!slot) return { issue: unknownTensor(spec, layout, tensor, position) };
    if (found.has(key)) return { issue: { tensor: position, member: 'name', message: `the weights hold ${tensor.name} of ${owner()} twice` } };
    if (!sameShape(tensor.shape, slot.shape)) {
      return {
        issue: {
          tensor: position,
          member: 'shape',
          message: `${owner()} has ${formatShape(tensor.shape)} weights but the network needs ${formatShape(slot.shape)} for ${tensor.name}`,
        },
      };
    }
    const size = shapeSize(tensor.shape);
    if (tensor.values.length !== size) {
      return {
        issue: {
          tensor: position,
          member: 'values',
          message: `${tensor.name} of ${owner()} holds ${tensor.values.length} values but its shape ${formatShape(tensor.shape)} needs ${size}`,
        },
      };
    }
    found.set(key, tensor);
  }
  const missing = layout.find((slot) => !found.has(slotKey(slot.layer, slot.name)));
  if (missing) {
    const what = tensors.some((tensor) => tensor.layer === missing.layer) ? missing.name : 'parameters';
    return { issue: { message: `the weights have no ${what} for ${layerName(spec, missing.layer)}` } };
  }
  return { tensors: layout.map((slot) => found.get(slotKey(slot.layer, slot.name))!) };
}

/**
 * The field path of an issue under `path`, the list the tensors came in (e.g. "runs.0.weights.parameters" gives
 * "runs.0.weights.parameters.2.shape"); an issue about no one tensor (one missing) names the list.
 */
export function issueField(issue: TensorIssue, path: string): string {
  return issue.tensor === undefined ? path : [path, issue.tensor, issue.member].filter((part) => part !== undefined).join('.');
}
