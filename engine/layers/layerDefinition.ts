// What defines a layer type: schema, title, settings, shapes, parameters, ONNX nodes, how to build it, and an activation's scalar pair; pure, any process.
import type { z } from 'zod';
import type { Kernels } from '../kernels/kernels.js';
import type { Random } from '../random.js';
import type { Layer } from './layer.js';
import type { LayerSetting } from './layerSetting.js';
import type { Shape } from './shape.js';

/** How the shape tracer names a layer and what feeds it, for messages: "layer 3 (linear)", "layer 2 (relu)" or "the network input". */
export interface ShapeContext {
  readonly layer: string;
  readonly source: string;
}

/** The name and shape of one of a layer's parameter arrays (row-major). */
export interface ParameterShape {
  readonly name: string;
  readonly shape: Shape;
}

/** What a layer's settings alone say it gives: its output shape and its parameter shapes, each where they say it. */
export interface MisfitShapes {
  readonly output?: Shape;
  readonly parameterShapes?: readonly ParameterShape[];
}

/** What building a layer may draw on: the kernels, the initialisation's random stream, and the training stream (dropout masks). */
export interface BuildContext {
  readonly kernels: Kernels;
  readonly random: Random;
  readonly trainingRandom: Random;
}

export interface OnnxAttribute {
  readonly name: string;
  readonly float?: number;
  readonly int?: number;
  /** A list of whole numbers (a Conv's kernel_shape, strides, pads). */
  readonly ints?: readonly number[];
  /** A tensor of real numbers written in the model's precision (a Constant node's value), or with `int64` one of whole numbers (indices, shapes, pads). */
  readonly tensor?: { readonly dims: readonly number[]; readonly values: Float64Array; readonly int64?: boolean };
}

/** One ONNX node of a layer's graph. */
export interface OnnxNode {
  readonly opType: string;
  readonly inputs: readonly string[];
  readonly output: string;
  readonly attributes?: readonly OnnxAttribute[];
}

/**
 * The element type of an exported model's real tensors: float64 computes what the engine computes, float32 is what most
 * runtimes and tools run (ONNX Runtime has Conv and AveragePool for float32 alone).
 */
export type OnnxPrecision = 'float64' | 'float32';

/** The names a layer's ONNX nodes read and write: its input, its output, its parameters' initializers, and its own intermediate values; and the model's precision. */
export interface OnnxNames {
  readonly precision: OnnxPrecision;
  readonly input: string;
  /** The shape of one sample of the layer's input (for a Conv's padding). */
  readonly inputShape: Shape;
  readonly output: string;
  parameter(name: string): string;
  intermediate(name: string): string;
}

/**
 * An elementwise activation as one scalar function and its derivative (TensorFlow Playground's `{output, der}`): the batched
 * layer, the Gradients lab's chart and the gradient checks are all made from it. `derivative` gets y = value(x) too, so one
 * written in terms of the output (sigmoid's y(1 − y)) costs nothing extra.
 */
export interface ScalarPair {
  value(x: number): number;
  derivative(x: number, y: number): number;
}

/** How the Gradients lab shows an activation: its formula, a range of x that shows its shape, and where its derivative jumps. */
export interface ActivationChart<S> {
  formula(spec: S): string;
  readonly domain: readonly [number, number];
  kinks(spec: S): number[];
}

/**
 * An elementwise activation's pair as loops over whole buffers: `forward` writes y[i] = value(x[i]), `backward`
 * dx[i] = dy[i] · derivative(x[i], y[i]), for i below `length`. Each activation writes its own two loops calling its own
 * scalar functions, so the call in the loop has one target that V8 inlines and no number is boxed per entry.
 */
export interface BatchedPair {
  forward(x: Float64Array, y: Float64Array, length: number): void;
  backward(x: Float64Array, y: Float64Array, dy: Float64Array, dx: Float64Array, length: number): void;
}

/** An elementwise activation: its scalar pair for a spec's settings, the same functions in loops over buffers, and its chart. */
export interface ActivationDefinition<S> extends ActivationChart<S> {
  scalar(spec: S): ScalarPair;
  /** The batched layer's loops; they call the very functions `scalar` gives, so the two agree bit for bit. */
  batched(spec: S): BatchedPair;
}

/** How an exported PyTorch script builds one layer: a module expression, and where each named parameter goes in it. */
export interface PytorchModule {
  /** The module, e.g. `nn.Linear(64, 32)` or `nn.LeakyReLU(0.01)`. */
  readonly module: string;
  /** Each of the layer's parameters by its lab name: the module's attribute, and whether torch stores it transposed. */
  readonly parameters?: readonly { name: string; attribute: string; transposed: boolean }[];
  /** A class the script defines first, when torch has no module that computes exactly what the lab does. */
  readonly helper?: { name: string; source: string };
}

/** Families of layers, for how the builder and the diagram draw them. */
export type LayerFamily = 'weights' | 'activation' | 'regularisation';

/**
 * One layer type, defined once: every list, form, parser and exporter of layers is derived from these.
 * Methods take the layer's spec and the shape of one input sample.
 */
export interface LayerDefinition<S extends { type: string } = { type: string }> {
  readonly type: S['type'];
  /** How the lab names the type ("Leaky ReLU"). */
  readonly title: string;
  /** One line: what the layer does. */
  readonly description: string;
  readonly family: LayerFamily;
  /** What one input sample must be: a vector, a C×H×W image, or any shape (an elementwise activation keeps it). */
  readonly takes?: 'vector' | 'image';
  /** The spec's zod object, strict, with `type` as its literal discriminator. */
  readonly schema: z.ZodType<S>;
  /** The settings in the order forms show them; the positional ones in the order the short form writes them. */
  readonly settings: readonly LayerSetting[];
  /** What one output sample's shape is for `input`, an input the layer takes (inputIssue gives nothing). */
  outputShape(spec: S, input: Shape): Shape;
  /**
   * What the layer gives for an input it refuses or one that is unknown, where its settings alone say it (a Linear is
   * UNITS wide whatever it is given; its W is known when its inputs are declared; an activation has no parameters
   * whatever it is given); an output absent where they do not say it (a pooling given a vector): then the shape tracer
   * gives an unknown shape.
   */
  misfitShapes?(spec: S): MisfitShapes;
  /** Why `input` does not fit the layer, as a sentence naming the layer (`at`), or undefined when it fits. */
  inputIssue(spec: S, input: Shape, at: ShapeContext): string | undefined;
  /** The layer's parameter arrays for `input`, in the order the built layer lists them (none for an activation). */
  parameterShapes(spec: S, input: Shape): readonly ParameterShape[];
  /** The layer's ONNX nodes (opset 17), from `names.input` to `names.output`, with operators that ONNX Runtime runs in `names.precision`. */
  onnx(spec: S, names: OnnxNames): readonly OnnxNode[];
  /** The layer as training runs it. */
  build(spec: S, input: Shape, context: BuildContext): Layer;
  /** The layer in an exported PyTorch script (float64), computing what `build` computes; absent where torch cannot. */
  pytorch?(spec: S, input: Shape): PytorchModule;
  /** For an elementwise activation: its scalar pair and its chart. */
  readonly activation?: ActivationDefinition<S>;
  /** Draws from the training random stream (dropout's masks); a network with such a layer seeds that stream after initialisation. */
  readonly trainingRandom?: boolean;
  /** For a layer that draws in training: how a gradient check in training holds its draws still ("fixed mask"). */
  readonly trainingCheck?: string;
  /** How the lab names one layer of the type when its spec says more than the type's title ("softsign, your activation"). */
  titleOf?(spec: S): string;
  /** Typed by the user (their own activation): the builder's palette lists the user's own instead of the type itself. */
  readonly userDefined?: boolean;
  /** Behaves as the identity in evaluation (dropout). */
  readonly identityInEvaluation?: boolean;
}

/** A definition whose schema keeps its exact zod type, so the registry can make a discriminated union of them. */
export type DefinedLayer<Schema extends z.ZodObject> = Omit<LayerDefinition<z.infer<Schema> & { type: string }>, 'schema'> & { readonly schema: Schema };

/** Checks a definition against {@link LayerDefinition} while keeping its schema's exact type. */
export function defineLayer<Schema extends z.ZodObject>(definition: DefinedLayer<Schema>): DefinedLayer<Schema> {
  return definition;
}
