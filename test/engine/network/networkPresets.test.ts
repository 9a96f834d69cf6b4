// The preset networks: one list for every lab and the command line, each valid for the data it is made for, and the digits convnet ahead of the exercise's MLP on the 10-class digits.
import { describe, expect, it } from 'vitest';
import { readAssetText } from '../../../engine/data/assetFiles.js';
import { IMAGE_DATA_SETS } from '../../../engine/data/dataSetNames.js';
import { createDataLoader, DATA_SET_INFO, SEED_STREAMS } from '../../../engine/data/dataSets.js';
import { describeLayers } from '../../../engine/network/describeLayers.js';
import { buildNetwork } from '../../../engine/network/network.js';
import { EXERCISE_PRESETS, FASHION_CONVNET_ID, findPreset, NETWORK_PRESETS } from '../../../engine/network/networkPresets.js';
import { validateSpec } from '../../../engine/network/validateSpec.js';
import { deriveRandom } from '../../../engine/random.js';
import type { NetworkSpec } from '../../../engine/spec.js';
import { parseSpecText } from '../../../engine/specText.js';
import { EXERCISE_HYPERPARAMETERS } from '../../../engine/training/hyperparameters.js';
import { train } from '../../../engine/training/train.js';
import * as rendererPresets from '../../../renderer/models/networkPresets.js';

describe('the preset networks', () => {
  it('are one list, with unique ids, which the renderer re-exports as it is', () => {
    expect(new Set(NETWORK_PRESETS.map((p) => p.id)).size).toBe(NETWORK_PRESETS.length);
    expect(rendererPresets.NETWORK_PRESETS).toBe(NETWORK_PRESETS);
    expect(EXERCISE_PRESETS.map((p) => p.id)).toEqual(['64-32-relu-1-sigmoid', '64-32-1-sigmoid', '64-1-sigmoid', '64-32-16-8-1']);
  });

  it('fit the input and the classes of the data each is made for', () => {
    for (const preset of NETWORK_PRESETS) {
      expect(validateSpec(preset.spec), preset.id).toEqual([]);
      const image = preset.data in IMAGE_DATA_SETS ? IMAGE_DATA_SETS[preset.data as keyof typeof IMAGE_DATA_SETS] : undefined;
      const info = image ? undefined : DATA_SET_INFO[preset.data as keyof typeof DATA_SET_INFO];
      const inputs = image ? image.imageShape.reduce((a, b) => a * b, 1) : info!.inputs;
      const outputs = image ? image.classes.length : info!.outputs;
      const { layers } = describeLayers(preset.spec);
      expect(preset.spec.input, preset.id).toBe(inputs);
      expect(layers.at(-1)!.outputShape, preset.id).toEqual([outputs]);
    }
  });

  it('give the Fashion-MNIST two-conv network its two convolutions, Adam and a few epochs', () => {
    const preset = findPreset(FASHION_CONVNET_ID)!;
    const { layers } = describeLayers(preset.spec);
    expect(layers.filter((layer) => layer.type === 'conv2d').map((layer) => layer.outputShape)).toEqual([
      [16, 28, 28],
      [32, 14, 14],
    ]);
    expect(preset.spec.inputShape).toEqual([1, 28, 28]);
    expect(preset.hyper).toMatchObject({ optimizer: { kind: 'adam' }, reduction: 'mean' });
    expect(preset.hyper!.epochs).toBeLessThanOrEqual(5);
  });

  it("puts the digits convnet ahead of the exercise's MLP on the 10-class digits, with the exercise's settings", async () => {
    const data = await createDataLoader(readAssetText)('digits', EXERCISE_HYPERPARAMETERS);
    const accuracy = async (spec: NetworkSpec) => {
      const network = buildNetwork(spec, deriveRandom(EXERCISE_HYPERPARAMETERS.seed, SEED_STREAMS.init));
      const outcome = await train({ network, data, hyper: EXERCISE_HYPERPARAMETERS });
      return outcome.history.at(-1)!.testAccuracy!;
    };
    const mlp = await accuracy(parseSpecText('linear:32,relu,linear:10,softmax', 64));
    const convnet = await accuracy(findPreset('digits-convnet')!.spec);
    expect(convnet).toBeGreaterThan(mlp);
    expect(convnet).toBeGreaterThan(0.97);
  });
});
