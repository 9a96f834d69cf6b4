// The six labs of Backprop Lab, in the order the navigation lists them (renderer).
export type LabId = 'optimizer' | 'gradients' | 'builder' | 'training' | 'compare' | 'export';

export interface LabEntry {
  id: LabId;
  title: string;
  /** One sentence: what the lab lets a user do. */
  summary: string;
}

export const LABS: readonly LabEntry[] = [
  {
    id: 'optimizer',
    title: 'Optimizer',
    summary: 'Gradient descent on a 2D surface, drawn over its contour plot.',
  },
  {
    id: 'gradients',
    title: 'Gradients',
    summary: 'Activations and losses with their symbolic and numerical derivatives, and gradient checks.',
  },
  {
    id: 'builder',
    title: 'Network builder',
    summary: 'Build a network from layers and see where shapes fit.',
  },
  {
    id: 'training',
    title: 'Training',
    summary: 'Train a network on any data set with any optimizer, watch its curves live, compare runs and look inside the trained network.',
  },
  {
    id: 'compare',
    title: 'Compare',
    summary: 'Compare architectures over several seeds: mean test accuracy and loss per epoch with a band, and a results table.',
  },
  {
    id: 'export',
    title: 'Export',
    summary: 'Take every result with you as files: weights, metrics, plots, and the whole lab as a project.',
  },
];
