// The five labs of Backprop Lab, in the order the navigation lists them (renderer); only Training is built in this version.
export type LabId = 'optimizer' | 'gradients' | 'builder' | 'training' | 'export';

export interface LabEntry {
  id: LabId;
  title: string;
  /** One sentence: what the lab lets a user do. */
  summary: string;
  /** What the lab will offer, for labs not built yet. */
  plans: readonly string[];
  built: boolean;
}

export const LABS: readonly LabEntry[] = [
  {
    id: 'optimizer', title: 'Optimizer', built: false,
    summary: 'Gradient descent on a 2D surface, drawn over its contour plot.',
    plans: [
      "Contours of the exercise's f(x, y) = x² + y² + x(y + 2) + cos 3x, classic test functions, or a function you type",
      'Click to pick a start point; set step size, steps, decay and optimizer',
      'The path over the contours and the learning curve f(x_t) beside it; several optimizers on one plot',
    ],
  },
  {
    id: 'gradients', title: 'Gradients', built: false,
    summary: 'Activations and losses with their symbolic and numerical derivatives, and gradient checks.',
    plans: [
      'Each activation and loss beside its derivative, symbolic and by finite differences',
      'The finite-difference error as epsilon changes: truncation against round-off',
      "Per-layer gradient checks (dx, dW, db) with OK/ERROR, and what a wrong backward pass looks like when the check catches it",
    ],
  },
  {
    id: 'builder', title: 'Network builder', built: false,
    summary: 'Build a network from layers and see where shapes fit.',
    plans: [
      'Drag layers from a palette into a sequence',
      "Each layer's shape and parameter count, and a clear message where shapes do not fit",
      "The exercise's four architectures as presets",
    ],
  },
  {
    id: 'training', title: 'Training', built: true,
    summary: 'Train a network on the digits data and watch the learning curves live.',
    plans: [],
  },
  {
    id: 'export', title: 'Export', built: false,
    summary: 'Take every result with you as files.',
    plans: [
      'Trained weights as JSON, NumPy .npz and ONNX',
      'Every plot as SVG and PNG, metrics as CSV',
      'The whole lab state as a project file that opens again later',
    ],
  },
];
