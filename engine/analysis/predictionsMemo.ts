// A trained network's predictions on a data set, made once per weights and data and shared by the requests that ask again; pure, any process.
import type { TrainedWeights } from '../trainedWeights.js';
import type { Predictions } from './predictions.js';

/** How many data sets' predictions are kept per weights (a run is analysed on its own test set, so one is the rule). */
const KEYS_PER_WEIGHTS = 2;

/**
 * Predictions by weights object and data key. A run's report and every sample traced after it (the misclassified
 * gallery asks for dozens) need the same predictions of the whole test set, which take seconds for a convnet: they are
 * made once. Entries go with their weights (a kept run let go, or weights sent again as a new object).
 */
export class PredictionsMemo {
  readonly #made = new WeakMap<TrainedWeights, Map<string, Promise<Predictions>>>();

  /**
   * The predictions of `weights` on the data `key` names: those made or being made for an earlier request, else `make()`'s.
   * A making that failed (its request was stopped, say) is forgotten, and this request makes them itself.
   */
  async of(weights: TrainedWeights, key: string, make: () => Promise<Predictions>): Promise<Predictions> {
    let byKey = this.#made.get(weights);
    if (!byKey) this.#made.set(weights, (byKey = new Map()));
    const earlier = byKey.get(key);
    if (earlier) {
      try {
        return await earlier;
      } catch {
        // Made for a request that failed or was stopped: made again below, for this one.
      }
    }
    const making = make();
    byKey.delete(key);
    byKey.set(key, making);
    while (byKey.size > KEYS_PER_WEIGHTS) byKey.delete(byKey.keys().next().value!);
    making.catch(() => {
      if (byKey.get(key) === making) byKey.delete(key);
    });
    return making;
  }
}
