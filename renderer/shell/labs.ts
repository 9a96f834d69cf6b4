// The five labs of Backprop Lab, in the order the navigation lists them (renderer); those not built yet say what they will offer.
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
    id: 'optimizer', title: 'Optimizer', built: true,
    summary: 'Gradient descent on a 2D surface, drawn over its contour plot.',
    plans: [],
  },
  {
    id: 'gradients', title: 'Gradients', built: true,
    summary: 'Activations and losses with their symbolic and numerical derivatives, and gradient checks.',
    plans: [],
  },
  {
    id: 'builder', title: 'Network builder', built: true,
    summary: 'Build a network from layers and see where shapes fit.',
    plans: [],
  },
  {
    id: 'training', title: 'Training', built: true,
    summary: 'Train a network on any data set with any optimizer, watch its curves live, compare runs and look inside the trained network.',
    plans: [],
  },
  {
    id: 'export', title: 'Export', built: true,
    summary: 'Take every result with you as files: weights, metrics, plots, and the whole lab as a project.',
    plans: [],
  },
];
