// Writes a trained sequential network as an ONNX model (opset 17, float64 or float32 tensors) with protobuf's wire format; pure, any process.
import protobuf from 'protobufjs/minimal.js';
import type { OnnxAttribute, OnnxNode, OnnxPrecision } from '../layers/layerDefinition.js';
import { definitionOf } from '../layers/registry.js';
import { inputShapeOf } from '../network/describeLayers.js';
import { fittedLayers } from '../network/fittedLayers.js';
import { matchLayout, parameterLayout } from '../network/parameterLayout.js';
import type { TrainedWeights } from '../trainedWeights.js';

type Writer = protobuf.Writer;

/** ONNX opset the exported graph uses; every operator below exists with float64 support since opset 13. */
export const ONNX_OPSET = 17;
const IR_VERSION = 8;
// TensorProto.DataType: the element type of each precision's real tensors, and of whole numbers.
const ELEMENT_TYPE: Record<OnnxPrecision, number> = { float64: 11, float32: 1 };
const INT64 = 7;
const ATTRIBUTE_FLOAT = 1;
const ATTRIBUTE_INT = 2;
const ATTRIBUTE_TENSOR = 4;
const ATTRIBUTE_INTS = 7;

// Field numbers from onnx.proto.
const enum Field {
  ModelIrVersion = 1,
  ModelProducerName = 2,
  ModelProducerVersion = 3,
  ModelDocString = 6,
  ModelGraph = 7,
  ModelOpsetImport = 8,
  OpsetDomain = 1,
  OpsetVersion = 2,
  GraphNode = 1,
  GraphName = 2,
  GraphInitializer = 5,
  GraphInput = 11,
  GraphOutput = 12,
  NodeInput = 1,
  NodeOutput = 2,
  NodeName = 3,
  NodeOpType = 4,
  NodeAttribute = 5,
  AttrName = 1,
  AttrF = 2,
  AttrI = 3,
  AttrT = 5,
  AttrInts = 8,
  AttrType = 20,
  TensorDims = 1,
  TensorDataType = 2,
  TensorName = 8,
  TensorRawData = 9,
  ValueInfoName = 1,
  ValueInfoType = 2,
  TypeTensorType = 1,
  TensorTypeElemType = 1,
  TensorTypeShape = 2,
  ShapeDim = 1,
  DimValue = 1,
  DimParam = 2,
}

const LENGTH_DELIMITED = 2;
const VARINT = 0;
const FIXED32 = 5;
const tag = (field: number, wire: number) => (field << 3) | wire;

function writeString(w: Writer, field: number, value: string): void {
  w.uint32(tag(field, LENGTH_DELIMITED)).string(value);
}
function writeVarint(w: Writer, field: number, value: number): void {
  w.uint32(tag(field, VARINT)).int64(value);
}
/** Writes a nested message: `body` fills it. */
function writeMessage(w: Writer, field: number, body: (w: Writer) => void): void {
  w.uint32(tag(field, LENGTH_DELIMITED)).fork();
  body(w);
  w.ldelim();
}

function littleEndianBytes(values: Float64Array, precision: OnnxPrecision): Uint8Array {
  const size = precision === 'float64' ? 8 : 4;
  const bytes = new Uint8Array(values.length * size);
  const view = new DataView(bytes.buffer);
  if (precision === 'float64') values.forEach((v, i) => view.setFloat64(i * 8, v, true));
  else values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return bytes;
}

function littleEndianInt64Bytes(values: Float64Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
  return bytes;
}

/** A tensor of whole numbers with `int64`, else of real numbers in `precision` (float32 rounds each value to nearest). */
function writeTensor(w: Writer, field: number, name: string, dims: readonly number[], values: Float64Array, precision: OnnxPrecision, int64 = false): void {
  writeMessage(w, field, (t) => {
    for (const d of dims) writeVarint(t, Field.TensorDims, d);
    writeVarint(t, Field.TensorDataType, int64 ? INT64 : ELEMENT_TYPE[precision]);
    writeString(t, Field.TensorName, name);
    t.uint32(tag(Field.TensorRawData, LENGTH_DELIMITED)).bytes(int64 ? littleEndianInt64Bytes(values) : littleEndianBytes(values, precision));
  });
}

/** A graph input or output: a tensor of real numbers in `precision`, of shape [batch, ...dimensions] (a vector's width, or C, H, W). */
function writeValueInfo(w: Writer, field: number, name: string, dimensions: readonly number[], precision: OnnxPrecision): void {
  writeMessage(w, field, (v) => {
    writeString(v, Field.ValueInfoName, name);
    writeMessage(v, Field.ValueInfoType, (type) =>
      writeMessage(type, Field.TypeTensorType, (tensor) => {
        writeVarint(tensor, Field.TensorTypeElemType, ELEMENT_TYPE[precision]);
        writeMessage(tensor, Field.TensorTypeShape, (shape) => {
          writeMessage(shape, Field.ShapeDim, (dim) => writeString(dim, Field.DimParam, 'batch'));
          for (const size of dimensions) writeMessage(shape, Field.ShapeDim, (dim) => writeVarint(dim, Field.DimValue, size));
        });
      }),
    );
  });
}

function writeAttribute(n: Writer, a: OnnxAttribute, precision: OnnxPrecision): void {
  writeMessage(n, Field.NodeAttribute, (attr) => {
    writeString(attr, Field.AttrName, a.name);
    if (a.float !== undefined) {
      attr.uint32(tag(Field.AttrF, FIXED32)).float(a.float);
      writeVarint(attr, Field.AttrType, ATTRIBUTE_FLOAT);
    }
    if (a.int !== undefined) {
      writeVarint(attr, Field.AttrI, a.int);
      writeVarint(attr, Field.AttrType, ATTRIBUTE_INT);
    }
    if (a.ints !== undefined) {
      for (const value of a.ints) writeVarint(attr, Field.AttrInts, value);
      writeVarint(attr, Field.AttrType, ATTRIBUTE_INTS);
    }
    if (a.tensor !== undefined) {
      writeTensor(attr, Field.AttrT, a.name, a.tensor.dims, a.tensor.values, precision, a.tensor.int64 ?? false);
      writeVarint(attr, Field.AttrType, ATTRIBUTE_TENSOR);
    }
  });
}

function writeNode(w: Writer, node: OnnxNode, name: string, precision: OnnxPrecision): void {
  writeMessage(w, Field.GraphNode, (n) => {
    for (const input of node.inputs) writeString(n, Field.NodeInput, input);
    writeString(n, Field.NodeOutput, node.output);
    writeString(n, Field.NodeName, name);
    writeString(n, Field.NodeOpType, node.opType);
    for (const a of node.attributes ?? []) writeAttribute(n, a, precision);
  });
}

/**
 * Encodes a trained network as an ONNX model: input "input" [batch, spec.input] (or [batch, C, H, W] for an image input), output "output" [batch, outputs],
 * each layer's nodes as its registry definition gives them for `precision` (Linear → Gemm; in float32 Conv2D → Conv, pools
 * → MaxPool and AveragePool), and one initializer layer{i}_{name} per named tensor, of the tensor's shape (a Linear layer's
 * layer{i}_W [inputs, units] and layer{i}_b [units]). Inputs, outputs, initializers and constants are all of `precision`:
 * float64 (the default) gives the engine's outputs exactly, float32 rounds the weights to float32 and computes in it.
 * @throws Error when the tensors are not exactly the parameters the spec's layers define.
 */
export function encodeOnnxModel(weights: TrainedWeights, producerVersion: string, precision: OnnxPrecision = 'float64'): Uint8Array {
  const { spec } = weights;
  const matched = matchLayout(spec, parameterLayout(spec), weights.parameters);
  if ('issue' in matched) throw new Error(matched.issue.message);
  const { layers: traced, outputShape } = fittedLayers(spec);
  // A plain Writer, not Writer.create(): in Node that gives a Buffer, which JSON-based wires turn into {type, data}.
  const w = new protobuf.Writer();
  writeVarint(w, Field.ModelIrVersion, IR_VERSION);
  writeString(w, Field.ModelProducerName, 'Backprop Lab');
  writeString(w, Field.ModelProducerVersion, producerVersion);
  writeString(w, Field.ModelDocString, `A sequential network trained in Backprop Lab, in ${precision}; y = x·W + b per Linear layer.`);
  writeMessage(w, Field.ModelOpsetImport, (o) => {
    writeString(o, Field.OpsetDomain, '');
    writeVarint(o, Field.OpsetVersion, ONNX_OPSET);
  });
  writeMessage(w, Field.ModelGraph, (g) => {
    let current = 'input';
    spec.layers.forEach((layer, i) => {
      const output = i === spec.layers.length - 1 ? 'output' : `layer${i}_out`;
      const nodes = definitionOf(layer).onnx(layer, {
        precision,
        input: current,
        inputShape: traced[i]!.inputShape,
        output,
        parameter: (name) => `layer${i}_${name}`,
        intermediate: (name) => `layer${i}_${layer.type}_${name}`,
      });
      nodes.forEach((node, k) => writeNode(g, node, nodes.length === 1 ? `layer${i}_${layer.type}` : `layer${i}_${layer.type}_${k}`, precision));
      current = output;
    });
    writeString(g, Field.GraphName, 'backprop_lab_network');
    for (const tensor of matched.tensors) writeTensor(g, Field.GraphInitializer, `layer${tensor.layer}_${tensor.name}`, tensor.shape, tensor.values, precision);
    writeValueInfo(g, Field.GraphInput, 'input', inputShapeOf(spec), precision);
    writeValueInfo(g, Field.GraphOutput, 'output', outputShape, precision);
  });
  return w.finish();
}
