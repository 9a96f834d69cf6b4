// Reads trained weights back from weights.json (versions 1 and 2) and weights.npz, checking them against their network; pure, any process.
import { unzipSync } from 'fflate';
import { z } from 'zod';
import { issueField, matchLayout, parameterLayout } from '../network/parameterLayout.js';
import { describeIssue } from '../protocol/index.js';
import { NetworkSpecSchema, type NetworkSpec } from '../spec.js';
import { formatShape, shapeSize } from '../layers/shape.js';
import { firstNonFinite, type NamedTensor, type TrainedWeights } from '../trainedWeights.js';
import { WEIGHTS_VERSION } from './weightsJson.js';

const notFinite = 'not a finite number (did the run diverge?)';

const WeightsHeaderSchema = z.object({
  format: z.literal('backprop-lab-weights', { error: 'not a Backprop Lab weights file (its "format" is not backprop-lab-weights)' }),
  version: z.union([z.literal(1), z.literal(WEIGHTS_VERSION)], { error: 'this weights file has a version this lab does not read' }),
});

/** Version 1: one record per Linear layer, W as `inputs` rows of `units` numbers. */
const WeightsV1Schema = z.object({
  spec: NetworkSpecSchema,
  layers: z.array(
    z.object({
      index: z.number().int().nonnegative(),
      inputs: z.number().int().positive(),
      units: z.number().int().positive(),
      W: z.array(z.array(z.number({ error: `W holds a value that is ${notFinite}` }))),
      b: z.array(z.number({ error: `b holds a value that is ${notFinite}` })),
    }),
  ),
});

/** Version 2: every named tensor, its values nested by its shape. */
const WeightsV2Schema = z.object({
  spec: NetworkSpecSchema,
  parameters: z.array(
    z
      .object({
        layer: z.number().int().nonnegative(),
        name: z.string().min(1, 'a parameter needs a name'),
        shape: z.array(z.number().int().nonnegative()),
        values: z.unknown(),
      })
      .strict(),
  ),
});

/** Parses `json` with `schema`, or throws "not a valid weights file: <field>: <what is wrong>". */
function parseWith<T>(schema: z.ZodType<T>, json: unknown): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`not a valid weights file: ${describeIssue(parsed.error).message}`);
  return parsed.data;
}

/**
 * Checks that `tensors` are exactly the parameters `spec`'s layers define and puts them in the network's order; a
 * problem is named by its field under `listPath`, the list the tensors came in, when the file has one.
 */
function checkAgainstSpec(spec: NetworkSpec, tensors: NamedTensor[], listPath?: string): TrainedWeights {
  const matched = matchLayout(spec, parameterLayout(spec), tensors);
  if ('issue' in matched) throw new Error(listPath ? `${issueField(matched.issue, listPath)}: ${matched.issue.message}` : matched.issue.message);
  return { spec, parameters: matched.tensors };
}

/** The values nested as `shape` says, flattened in C order; throws naming the place of the first that is out of place. */
function flattenNested(values: unknown, shape: readonly number[], at: string): Float64Array {
  const flat = new Float64Array(shapeSize(shape));
  let offset = 0;
  const walk = (value: unknown, depth: number, place: string): void => {
    if (depth === shape.length) {
      if (typeof value !== 'number') throw new Error(`${place}: ${value === null ? notFinite : 'not a number'}`);
      flat[offset++] = value;
      return;
    }
    if (!Array.isArray(value) || value.length !== shape[depth]) {
      throw new Error(`${place}: must be a list of ${shape[depth]} ${depth + 1 === shape.length ? 'numbers' : 'lists'} (the shape is ${formatShape(shape)})`);
    }
    value.forEach((item, i) => walk(item, depth + 1, `${place}.${i}`));
  };
  walk(values, 0, at);
  return flat;
}

/** A version 1 file's Linear records as named tensors W [inputs, units] and b [units], each record checked against itself. */
function tensorsOfVersion1(layers: z.infer<typeof WeightsV1Schema>['layers']): NamedTensor[] {
  return layers.flatMap((layer): NamedTensor[] => {
    if (layer.W.length !== layer.inputs || layer.W.some((row) => row.length !== layer.units)) {
      throw new Error(`layer ${layer.index + 1}: W must be ${layer.inputs} rows of ${layer.units} numbers`);
    }
    if (layer.b.length !== layer.units) throw new Error(`layer ${layer.index + 1}: b must hold ${layer.units} numbers`);
    return [
      { layer: layer.index, name: 'W', shape: [layer.inputs, layer.units], values: Float64Array.from(layer.W.flat()) },
      { layer: layer.index, name: 'b', shape: [layer.units], values: Float64Array.from(layer.b) },
    ];
  });
}

/**
 * The spec and named tensors of a weights.json document (version 2, or version 1), each tensor checked against its
 * own shape but not yet against the spec's layers; throws a one-line message on anything malformed.
 */
export function weightsDocumentTensors(json: unknown): { version: 1 | typeof WEIGHTS_VERSION; weights: TrainedWeights } {
  const { version } = parseWith(WeightsHeaderSchema, json);
  if (version === 1) {
    const { spec, layers } = parseWith(WeightsV1Schema, json);
    return { version, weights: { spec, parameters: tensorsOfVersion1(layers) } };
  }
  const { spec, parameters } = parseWith(WeightsV2Schema, json);
  const tensors = parameters.map((tensor, i): NamedTensor => ({
    layer: tensor.layer,
    name: tensor.name,
    shape: tensor.shape,
    values: flattenNested(tensor.values, tensor.shape, `parameters.${i}.values`),
  }));
  return { version, weights: { spec, parameters: tensors } };
}

/** Parses a weights.json document (version 2 as toWeightsDocument writes it, or version 1) for its own spec; throws a one-line message on anything malformed. */
export function fromWeightsDocument(json: unknown): TrainedWeights {
  const { version, weights } = weightsDocumentTensors(json);
  return checkAgainstSpec(weights.spec, weights.parameters, version === 1 ? undefined : 'parameters');
}

/** The shape and values of a .npy file holding little-endian float64 ('<f8') or float32 ('<f4') in C order. */
export function decodeNpy(bytes: Uint8Array, name = 'the array'): { shape: number[]; values: Float64Array } {
  const magic = '\x93NUMPY';
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic.charCodeAt(i)) throw new Error(`${name} is not a .npy array`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6]!;
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = major === 1 ? 10 : 12;
  const header = String.fromCharCode(...bytes.subarray(headerStart, headerStart + headerLength)); // the header is ASCII
  const descr = /'descr':\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) throw new Error(`${name} has a .npy header this lab cannot read`);
  if (fortran === 'True') throw new Error(`${name} is stored in Fortran order; save it in C order`);
  if (descr !== '<f8' && descr !== '<f4') throw new Error(`${name} holds ${descr} values; float64 or float32 are needed`);
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const size = descr === '<f8' ? 8 : 4;
  const start = headerStart + headerLength;
  if (bytes.length - start < count * size) throw new Error(`${name} is cut short: its shape needs ${count} values`);
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) values[i] = size === 8 ? view.getFloat64(start + i * 8, true) : view.getFloat32(start + i * 4, true);
  return { shape, values };
}

/** The named tensors of a weights.npz, one per entry `layer{i}_{name}.npy` (other entries are left out), in the archive's order. */
export function npzTensors(bytes: Uint8Array): NamedTensor[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    throw new Error('not a valid .npz file (it is not a zip archive)');
  }
  const tensors: NamedTensor[] = [];
  for (const [file, content] of Object.entries(entries)) {
    const match = /^layer(\d+)_(.+)\.npy$/.exec(file);
    if (!match) continue;
    const name = `layer${match[1]}_${match[2]}`;
    const { shape, values } = decodeNpy(content, name);
    tensors.push({ layer: Number(match[1]), name: match[2]!, shape, values });
  }
  return tensors;
}

/**
 * Reads a weights.npz for the network `spec`: one entry `layer{i}_{name}` per parameter, such as a Linear layer's
 * layer{i}_W (inputs×units) and layer{i}_b (units), i the layer's index in `spec.layers`.
 */
export function decodeWeightsNpz(bytes: Uint8Array, spec: NetworkSpec): TrainedWeights {
  const tensors = npzTensors(bytes);
  if (tensors.length === 0 && parameterLayout(spec).length > 0) throw new Error('the .npz holds no layer{i}_W arrays, nor any other layer{i}_{name} parameter');
  const weights = checkAgainstSpec(spec, tensors);
  const bad = firstNonFinite(weights);
  if (bad)
    throw new Error(`layer${bad.tensor.layer}_${bad.tensor.name} holds ${bad.value} at ${bad.place} (value ${bad.index}); weights must be finite numbers`);
  return weights;
}
