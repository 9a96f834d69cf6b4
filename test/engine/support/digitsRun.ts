// Builds a digits training run from a seed the way the engine service does, for the training tests.
import { readAssetText } from '../../../engine/data/assetFiles.js';
import { SEED_STREAMS, createDataLoader } from '../../../engine/data/dataSets.js';
import { buildNetwork } from '../../../engine/network/network.js';
import type { DataSetName } from '../../../engine/data/dataSetNames.js';
import { EXERCISE_HYPERPARAMETERS, type Hyperparameters } from '../../../engine/training/hyperparameters.js';
import { deriveRandom } from '../../../engine/random.js';
import type { NetworkSpec } from '../../../engine/spec.js';
import { parseSpecText } from '../../../engine/specText.js';
import { train, type TrainingOptions } from '../../../engine/training/train.js';

const loadData = createDataLoader(readAssetText);

/** Trains `net` (short form) on a digits data set with the exercise's settings overridden by `hyper`. */
export async function trainDigits(
  net: string,
  hyper: Partial<Hyperparameters> = {},
  dataSet: DataSetName = 'digits-binary',
  extra: Partial<Pick<TrainingOptions, 'shouldStop' | 'onEpoch' | 'yieldToEventLoop' | 'sliceMilliseconds'>> = {},
) {
  const settings = { ...EXERCISE_HYPERPARAMETERS, ...hyper };
  const spec: NetworkSpec = parseSpecText(net, 64);
  const data = await loadData(dataSet, settings);
  const network = buildNetwork(spec, deriveRandom(settings.seed, SEED_STREAMS.init));
  return train({ network, data, hyper: settings, ...extra });
}
