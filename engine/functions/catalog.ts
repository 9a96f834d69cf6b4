// Activations and losses as scalar functions with their symbolic derivatives, for the gradient lab's charts; pure.

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
}

const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
const LEAK = 0.01;

export const ACTIVATIONS: readonly ScalarFunction[] = [
  { id: 'sigmoid', name: 'Sigmoid', formula: 'σ(x) = 1 / (1 + e^(−x))', value: sigmoid, derivative: (x) => sigmoid(x) * (1 - sigmoid(x)), domain: [-10, 10], kinks: [] },
  { id: 'relu', name: 'ReLU', formula: 'max(0, x)', value: (x) => Math.max(0, x), derivative: (x) => (x > 0 ? 1 : 0), domain: [-5, 5], kinks: [0] },
  { id: 'leaky_relu', name: 'Leaky ReLU (α = 0.01)', formula: 'x if x > 0, else 0.01·x', value: (x) => (x > 0 ? x : LEAK * x), derivative: (x) => (x > 0 ? 1 : LEAK), domain: [-5, 5], kinks: [0] },
  { id: 'tanh', name: 'Tanh', formula: 'tanh(x)', value: Math.tanh, derivative: (x) => 1 - Math.tanh(x) ** 2, domain: [-5, 5], kinks: [] },
];

/** A loss as a function of the prediction p for a fixed target (or, for softmax cross-entropy, of one logit). */
export interface LossFunction extends ScalarFunction { target: number }

function bce(target: number): LossFunction {
  return {
    id: `bce_y${target}`, name: `Binary cross-entropy, target ${target}`, formula: '−(y·log p + (1 − y)·log(1 − p))', target,
    value: (p) => -(target * Math.log(p) + (1 - target) * Math.log(1 - p)),
    derivative: (p) => -target / p + (1 - target) / (1 - p),
    domain: [0.01, 0.99], kinks: [],
  };
}

/** Softmax cross-entropy over logits [z, 0, 1] with the true class the first: −log softmax(z)₀, derivative softmax(z)₀ − 1. */
const softmaxCrossEntropy: LossFunction = {
  id: 'softmax_ce', name: 'Softmax cross-entropy (logit of the true class; others 0 and 1)', formula: '−log(e^z / (e^z + e^0 + e^1))', target: 0,
  value: (z) => { const m = Math.max(z, 1); return -(z - m) + Math.log(Math.exp(z - m) + Math.exp(-m) + Math.exp(1 - m)); },
  derivative: (z) => { const m = Math.max(z, 1); const e = Math.exp(z - m); return e / (e + Math.exp(-m) + Math.exp(1 - m)) - 1; },
  domain: [-6, 6], kinks: [],
};

export const LOSSES: readonly LossFunction[] = [
  bce(1), bce(0),
  { id: 'mse', name: 'Squared error, target 1', formula: '(p − y)²', target: 1, value: (p) => (p - 1) ** 2, derivative: (p) => 2 * (p - 1), domain: [-1, 3], kinks: [] },
  softmaxCrossEntropy,
];

/** Every activation and loss, for look-up by id. */
export const FUNCTIONS: readonly ScalarFunction[] = [...ACTIVATIONS, ...LOSSES];

export function findFunction(id: string): ScalarFunction | undefined {
  return FUNCTIONS.find((f) => f.id === id);
}
