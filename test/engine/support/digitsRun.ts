// Builds a digits training run from a seed the way the engine service does, for the training tests.
import { readAssetText } from '../../../engine/data/assetFiles.js';
import { parseDigitsCsv, prepareDigits, type DigitsTable } from '../../../engine/data/dataSets.js';
import { buildNetwork } from '../../../engine/network/network.js';
import type { DataSetName, Hyperparameters } from '../../../engine/protocol.js';
import { EXERCISE_HYPERPARAMETERS } from '../../../engine/protocol.js';
import { deriveRandom } from '../../../engine/random.js';
import type { NetworkSpec } from '../../../engine/spec.js';
import { parseSpecText } from '../../../engine/specText.js';
import { train, type TrainingOptions } from '../../../engine/training/train.js';
import { SEED_STREAMS } from '../../../engine/worker/engineService.js';

let cachedTable: DigitsTable | undefined;
function digitsTable(): DigitsTable {
  cachedTable ??= parseDigitsCsv(readAssetText('digits.csv'));
  return cachedTable;
}

/** Trains `net` (short form) on a digits data set with the exercise's settings overridden by `hyper`. */
export function trainDigits(
  net: string, hyper: Partial<Hyperparameters> = {}, dataSet: DataSetName = 'digits-binary',
  extra: Partial<Pick<TrainingOptions, 'shouldStop' | 'onEpoch' | 'yieldToEventLoop' | 'sliceMilliseconds'>> = {},
) {
  const settings = { ...EXERCISE_HYPERPARAMETERS, ...hyper };
  const spec: NetworkSpec = parseSpecText(net, 64);
  const data = prepareDigits(dataSet, digitsTable(), settings.trainFraction, deriveRandom(settings.seed, SEED_STREAMS.split));
  const network = buildNetwork(spec, deriveRandom(settings.seed, SEED_STREAMS.init));
  return train({ network, data, hyper: settings, ...extra });
}
