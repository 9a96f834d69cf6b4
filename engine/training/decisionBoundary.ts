// A network's output over the plane of two-feature data, computed on a copy of the network so training is left as it was; pure, any process.
import { expandFeatures, type ExtraFeature } from '../data/extraFeatures.js';
import { cellCentres, type PlaneFrame } from '../data/planeView.js';
import type { Kernels } from '../kernels/kernels.js';
import { buildNetwork, type Network } from '../network/network.js';
import { createRandom } from '../random.js';

/**
 * The decision boundary of a network trained on two-feature data: the inputs of every cell of `frame` (its centre's x and
 * y, then the extra features computed from them, as the data was prepared) are built once, and `compute` copies the
 * trained network's parameters into a network of its own and runs them in evaluation mode. The trained network's
 * buffers, training mode and random streams are never touched, so a run with a boundary trains exactly as one without.
 */
export class DecisionBoundary {
  readonly cells: number;
  readonly #inputs: Float64Array;
  readonly #copy: Network;

  constructor(
    network: Network,
    readonly frame: PlaneFrame,
    extras: readonly ExtraFeature[],
    kernels?: Kernels,
  ) {
    this.cells = frame.columns * frame.rows;
    this.#inputs = expandFeatures(cellCentres(frame), this.cells, extras);
    if (this.#inputs.length !== this.cells * network.inputs) {
      throw new Error(`the network takes ${network.inputs} inputs, but the plane's cells have ${this.#inputs.length / this.cells} features`);
    }
    this.#copy = buildNetwork(network.spec, createRandom(0), kernels);
  }

  /** The network's outputs at every cell: row-major (rows·columns)×outputs, cells in the order of cellCentres; a new array. */
  compute(network: Network): Float64Array {
    const from = network.parameters;
    const to = this.#copy.parameters;
    for (let i = 0; i < from.length; i++) to[i]!.value.set(from[i]!.value);
    return Float64Array.from(this.#copy.forward(this.#inputs, this.cells));
  }
}
