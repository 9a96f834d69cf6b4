// Activations and losses as scalar functions with their symbolic derivatives, for the gradient lab's charts; pure.
import type { LayerDefinition } from '../layers/layerDefinition.js';
import { defaultLayerSpec, LAYER_DEFINITIONS, type LayerSpec } from '../layers/registry.js';

/** A scalar function of x with its derivative written by hand. */
export interface ScalarFunction {
  id: string;
  name: string;
  /** The formula in plain text. */
  formula: string;
  value(x: number): number;
  /** The symbolic derivative; where the function has a kink the value chosen there is the one the layers use. */
  derivative(x: number): number;
  /** A range of x that shows the function's shape. */
  domain: [number, number];
  /** Points where the derivative is undefined (a numerical difference straddling them is wrong by design). */
  kinks: number[];
  /** What the function's argument is: its symbol ("x", "p", "z") and how an axis names it ("Prediction p"). */
  variable: FunctionVariable;
}

export interface FunctionVariable {
  symbol: string;
  label: string;
}

const X: FunctionVariable = { symbol: 'x', label: 'x' };
const PREDICTION: FunctionVariable = { symbol: 'p', label: 'Prediction p' };

/** The activation the Gradients lab shows first: the exercise's figure starts with it. */
const FIRST_ACTIVATION = 'sigmoid';

/** An activation's chart name: its title, with the settings it is drawn at ("Leaky ReLU (α = 0.01)"). */
function chartName(definition: LayerDefinition<LayerSpec>): string {
  const shown = definition.settings.flatMap((setting) =>
    (setting.kind === 'number' || setting.kind === 'integer') && setting.symbol !== undefined && setting.default !== undefined
      ? [`${setting.symbol} = ${setting.default}`]
      : [],
  );
  return shown.length === 0 ? definition.title : `${definition.title} (${shown.join(', ')})`;
}

function activationFunction(definition: LayerDefinition<LayerSpec>): ScalarFunction {
  const activation = definition.activation!;
  const spec = defaultLayerSpec(definition.type);
  const pair = activation.scalar(spec);
  return {
    id: definition.type,
    name: chartName(definition),
    formula: activation.formula(spec),
    value: (x) => pair.value(x),
    derivative: (x) => pair.derivative(x, pair.value(x)),
    domain: [activation.domain[0], activation.domain[1]],
    kinks: activation.kinks(spec),
    variable: X,
  };
}

/** Every elementwise activation in the layer registry, as the scalar pair its layer is made from; the exercise's sigmoid first. */
export const ACTIVATIONS: readonly ScalarFunction[] = LAYER_DEFINITIONS.filter((definition) => definition.activation !== undefined)
  .sort((a, b) => Number(b.type === FIRST_ACTIVATION) - Number(a.type === FIRST_ACTIVATION))
  .map(activationFunction);

/** A loss as a function of the prediction p for a fixed target (or, for softmax cross-entropy, of one logit). */
export interface LossFunction extends ScalarFunction {
  target: number;
}

function bce(target: number): LossFunction {
  return {
    id: `bce_y${target}`,
    name: `Binary cross-entropy, target ${target}`,
    formula: '−(y·log p + (1 − y)·log(1 − p))',
    target,
    value: (p) => -(target * Math.log(p) + (1 - target) * Math.log(1 - p)),
    derivative: (p) => -target / p + (1 - target) / (1 - p),
    domain: [0.01, 0.99],
    kinks: [],
    variable: PREDICTION,
  };
}

/** Softmax cross-entropy over logits [z, 0, 1] with the true class the first: −log softmax(z)₀, derivative softmax(z)₀ − 1. */
const softmaxCrossEntropy: LossFunction = {
  id: 'softmax_ce',
  name: 'Softmax cross-entropy (logit of the true class; others 0 and 1)',
  formula: '−log(e^z / (e^z + e^0 + e^1))',
  target: 0,
  value: (z) => {
    const m = Math.max(z, 1);
    return -(z - m) + Math.log(Math.exp(z - m) + Math.exp(-m) + Math.exp(1 - m));
  },
  derivative: (z) => {
    const m = Math.max(z, 1);
    const e = Math.exp(z - m);
    return e / (e + Math.exp(-m) + Math.exp(1 - m)) - 1;
  },
  domain: [-6, 6],
  kinks: [],
  variable: { symbol: 'z', label: 'Logit z of the true class' },
};

export const LOSSES: readonly LossFunction[] = [
  bce(1),
  bce(0),
  {
    id: 'mse',
    name: 'Squared error, target 1',
    formula: '(p − y)²',
    target: 1,
    value: (p) => (p - 1) ** 2,
    derivative: (p) => 2 * (p - 1),
    domain: [-1, 3],
    kinks: [],
    variable: PREDICTION,
  },
  softmaxCrossEntropy,
];

/** Every activation and loss, for look-up by id. */
export const FUNCTIONS: readonly ScalarFunction[] = [...ACTIVATIONS, ...LOSSES];

export function findFunction(id: string): ScalarFunction | undefined {
  return FUNCTIONS.find((f) => f.id === id);
}
