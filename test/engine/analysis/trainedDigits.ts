// Trains a small network on a digits data set with the real engine, for the analysis and landscape tests.
import { readAssetText } from '../../../engine/data/assetFiles.js';
import { SEED_STREAMS, createDataLoader } from '../../../engine/data/dataSets.js';
import { plainKernels } from '../../../engine/kernels/plainKernels.js';
import { buildNetwork } from '../../../engine/network/network.js';
import type { DataSetName } from '../../../engine/data/dataSetNames.js';
import { EXERCISE_HYPERPARAMETERS } from '../../../engine/training/hyperparameters.js';
import { deriveRandom } from '../../../engine/random.js';
import { parseSpecText } from '../../../engine/specText.js';
import { train } from '../../../engine/training/train.js';
import { PredictionsMemo } from '../../../engine/analysis/predictionsMemo.js';
import type { EngineContext } from '../../../engine/worker/engineContext.js';
import { RunStore } from '../../../engine/worker/runStore.js';
import { RequestWork } from '../../../engine/work/requestWork.js';
import { BudgetGuard } from '../../../engine/budget/budgetGuard.js';

export const loadData = createDataLoader(readAssetText);

/** The context the engine service gives its handlers, with the real data loader; events are dropped. */
export function engineContext(): EngineContext {
  return {
    send: () => {},
    loadData,
    kernels: plainKernels,
    runs: new RunStore(),
    predictions: new PredictionsMemo(),
    yieldToEventLoop: undefined,
    isDisposed: () => false,
    work: new RequestWork(),
    budget: new BudgetGuard(),
  };
}

/** Trains `net` (short form) with the exercise's settings for `epochs` epochs and returns what a finished run hands back. */
export async function trainDigits(net: string, epochs: number, dataSet: DataSetName = 'digits-binary', seed = 1) {
  const hyper = { ...EXERCISE_HYPERPARAMETERS, epochs, seed };
  const analysed = { dataSet, trainFraction: hyper.trainFraction, seed };
  const data = await loadData(dataSet, analysed);
  const network = buildNetwork(parseSpecText(net, 64), deriveRandom(seed, SEED_STREAMS.init));
  const outcome = await train({ network, data, hyper, recordPath: true });
  if (outcome.reason !== 'completed') throw new Error(outcome.message);
  return { weights: network.trainedWeights(), data, analysed, path: outcome.parameterPath ?? [], history: outcome.history };
}
