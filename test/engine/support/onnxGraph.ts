// Reads back what an exported ONNX model holds: its nodes' operator types and its tensors' element types, from protobuf's wire format (test helper).
import protobuf from 'protobufjs/minimal.js';

/** TensorProto.DataType's names for the element types the lab writes. */
const ELEMENT_TYPES: Record<number, string> = { 1: 'float32', 7: 'int64', 11: 'float64' };

/** Each field of one message, by number: its bytes when length-delimited, its value when a varint (others skipped). */
function fields(bytes: Uint8Array): { field: number; bytes?: Uint8Array; value?: number }[] {
  const reader = protobuf.Reader.create(bytes);
  const out: { field: number; bytes?: Uint8Array; value?: number }[] = [];
  while (reader.pos < reader.len) {
    const key = reader.uint32();
    const field = key >>> 3;
    const wire = key & 7;
    if (wire === 2) out.push({ field, bytes: reader.bytes() });
    else if (wire === 0) out.push({ field, value: Number(reader.int64()) });
    else reader.skipType(wire);
  }
  return out;
}

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const first = (bytes: Uint8Array, field: number) => fields(bytes).find((f) => f.field === field);
const all = (bytes: Uint8Array, field: number) => fields(bytes).filter((f) => f.field === field);

/** What a model's graph is made of: its nodes' op types in order, and the element types of its input, output and initializers. */
export interface OnnxGraphSummary {
  readonly opTypes: string[];
  readonly inputType: string;
  readonly outputType: string;
  readonly initializerTypes: string[];
}

/** Decodes ModelProto.graph (field 7): NodeProto.op_type (4), ValueInfoProto's tensor elem_type, TensorProto.data_type (2). */
export function readOnnxGraph(model: Uint8Array): OnnxGraphSummary {
  const graph = first(model, 7)!.bytes!;
  const valueType = (info: Uint8Array) => {
    const tensorType = first(first(info, 2)!.bytes!, 1)!.bytes!;
    return ELEMENT_TYPES[first(tensorType, 1)!.value!] ?? 'other';
  };
  return {
    opTypes: all(graph, 1).map((node) => text(first(node.bytes!, 4)!.bytes)),
    inputType: valueType(first(graph, 11)!.bytes!),
    outputType: valueType(first(graph, 12)!.bytes!),
    initializerTypes: all(graph, 5).map((tensor) => ELEMENT_TYPES[first(tensor.bytes!, 2)!.value!] ?? 'other'),
  };
}
