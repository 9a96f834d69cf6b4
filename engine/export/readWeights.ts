// Reads trained weights back from weights.json and weights.npz, checking them against their network; pure, any process.
import { unzipSync } from 'fflate';
import { z } from 'zod';
import { describeIssue } from '../protocol/index.js';
import { NetworkSpecSchema, type LinearParameters, type NetworkSpec, type TrainedWeights } from '../spec.js';

const WeightsDocumentSchema = z.object({
  format: z.literal('backprop-lab-weights', { error: 'not a Backprop Lab weights file (its "format" is not backprop-lab-weights)' }),
  version: z.literal(1, { error: 'this weights file has a version this lab does not read' }),
  spec: NetworkSpecSchema,
  layers: z.array(z.object({
    index: z.number().int().nonnegative(),
    inputs: z.number().int().positive(),
    units: z.number().int().positive(),
    W: z.array(z.array(z.number({ error: 'W holds a value that is not a finite number (did the run diverge?)' }))),
    b: z.array(z.number({ error: 'b holds a value that is not a finite number (did the run diverge?)' })),
  })),
});

/** Checks that `layers` are exactly the parameters `spec`'s Linear layers need, in order. */
function checkAgainstSpec(spec: NetworkSpec, layers: LinearParameters[]): TrainedWeights {
  let width = spec.input;
  const expected: Array<{ index: number; inputs: number; units: number }> = [];
  spec.layers.forEach((layer, index) => {
    if (layer.type === 'linear') { expected.push({ index, inputs: width, units: layer.units }); width = layer.units; }
  });
  for (const need of expected) {
    const found = layers.find((l) => l.index === need.index);
    if (!found) throw new Error(`the weights have no parameters for layer ${need.index + 1} (linear)`);
    if (found.inputs !== need.inputs || found.units !== need.units) {
      throw new Error(`layer ${need.index + 1} (linear) has ${found.inputs}×${found.units} weights but the network needs ${need.inputs}×${need.units}`);
    }
  }
  const extra = layers.find((l) => !expected.some((e) => e.index === l.index));
  if (extra) throw new Error(`the weights have parameters for layer ${extra.index + 1}, which is not a linear layer of the network`);
  return { spec, layers: expected.map((e) => layers.find((l) => l.index === e.index)!) };
}

/** Parses a weights.json document (as written by toWeightsDocument); throws a one-line message on anything malformed. */
export function fromWeightsDocument(json: unknown): TrainedWeights {
  const parsed = WeightsDocumentSchema.safeParse(json);
  if (!parsed.success) throw new Error(`not a valid weights file: ${describeIssue(parsed.error).message}`);
  const layers = parsed.data.layers.map((layer): LinearParameters => {
    if (layer.W.length !== layer.inputs || layer.W.some((row) => row.length !== layer.units)) {
      throw new Error(`layer ${layer.index + 1}: W must be ${layer.inputs} rows of ${layer.units} numbers`);
    }
    if (layer.b.length !== layer.units) throw new Error(`layer ${layer.index + 1}: b must hold ${layer.units} numbers`);
    return { index: layer.index, inputs: layer.inputs, units: layer.units, W: Float64Array.from(layer.W.flat()), b: Float64Array.from(layer.b) };
  });
  return checkAgainstSpec(parsed.data.spec, layers);
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
  const shape = shapeText.split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const size = descr === '<f8' ? 8 : 4;
  const start = headerStart + headerLength;
  if (bytes.length - start < count * size) throw new Error(`${name} is cut short: its shape needs ${count} values`);
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) values[i] = size === 8 ? view.getFloat64(start + i * 8, true) : view.getFloat32(start + i * 4, true);
  return { shape, values };
}

/** Reads a weights.npz (entries layer{i}_W, layer{i}_b) for the network `spec`. */
export function decodeWeightsNpz(bytes: Uint8Array, spec: NetworkSpec): TrainedWeights {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    throw new Error('not a valid .npz file (it is not a zip archive)');
  }
  const layers: LinearParameters[] = [];
  for (const [file, content] of Object.entries(entries)) {
    const match = /^layer(\d+)_W\.npy$/.exec(file);
    if (!match) continue;
    const index = Number(match[1]);
    const W = decodeNpy(content, `layer${index}_W`);
    const bytesB = entries[`layer${index}_b.npy`];
    if (!bytesB) throw new Error(`the .npz has layer${index}_W but no layer${index}_b`);
    const b = decodeNpy(bytesB, `layer${index}_b`);
    if (W.shape.length !== 2 || b.shape.length !== 1 || b.shape[0] !== W.shape[1]) {
      throw new Error(`layer${index}_W has shape (${W.shape.join(', ')}) and layer${index}_b (${b.shape.join(', ')}); they must be (inputs, units) and (units,)`);
    }
    layers.push({ index, inputs: W.shape[0]!, units: W.shape[1]!, W: W.values, b: b.values });
  }
  if (layers.length === 0) throw new Error('the .npz holds no layer{i}_W arrays');
  return checkAgainstSpec(spec, layers);
}
