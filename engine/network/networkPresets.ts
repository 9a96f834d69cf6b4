// The lab's preset networks — the exercise's four MLPs and the image networks — with the data and settings each is made for; pure, any process.
import type { Hyperparameters } from '../training/hyperparameters.js';
import { parseSpecText } from '../specText.js';
import type { NetworkSpec } from '../spec.js';

export interface NetworkPreset {
  id: string;
  /** The name menus show (for the exercise's networks, the name its table uses). */
  name: string;
  spec: NetworkSpec;
  /** exercise: the exercise's four networks on the 8×8 digits (digit ≥ 5); images: convolutional and image networks. */
  group: 'exercise' | 'images';
  /** The data set the network is made for, as --data names it. */
  data: string;
  /** The settings it is tuned with, over the exercise's (epochs, learning rate, minibatch, reduction, optimizer). */
  hyper?: Partial<Pick<Hyperparameters, 'epochs' | 'learningRate' | 'batchSize' | 'reduction' | 'optimizer'>>;
}

/** A preset's network from its short form, reading images of `inputShape` when it is given. */
function imageSpec(text: string, inputShape: readonly [number, number, number]): NetworkSpec {
  return { ...parseSpecText(text, inputShape[0] * inputShape[1] * inputShape[2]), inputShape: [...inputShape] };
}

/** The two-convolution network for Fashion-MNIST, tuned to reach 0.90 test accuracy in a few epochs (its id stays stable). */
export const FASHION_CONVNET_ID = 'fashion-convnet';

/** The exercise's four networks first (64 pixels in, one probability out: digit ≥ 5), then the image networks. */
export const NETWORK_PRESETS: readonly NetworkPreset[] = [
  {
    id: '64-32-relu-1-sigmoid',
    name: '64-32-ReLU-1-Sigmoid',
    group: 'exercise',
    data: 'digits-binary',
    spec: { input: 64, layers: [{ type: 'linear', units: 32 }, { type: 'relu' }, { type: 'linear', units: 1 }, { type: 'sigmoid' }] },
  },
  {
    id: '64-32-1-sigmoid',
    name: '64-32-1-Sigmoid (no ReLU)',
    group: 'exercise',
    data: 'digits-binary',
    spec: { input: 64, layers: [{ type: 'linear', units: 32 }, { type: 'linear', units: 1 }, { type: 'sigmoid' }] },
  },
  {
    id: '64-1-sigmoid',
    name: '64-1-Sigmoid',
    group: 'exercise',
    data: 'digits-binary',
    spec: { input: 64, layers: [{ type: 'linear', units: 1 }, { type: 'sigmoid' }] },
  },
  {
    id: '64-32-16-8-1',
    name: '64-32-16-8-1 (ReLUs, Sigmoid)',
    group: 'exercise',
    data: 'digits-binary',
    spec: {
      input: 64,
      layers: [
        { type: 'linear', units: 32 },
        { type: 'relu' },
        { type: 'linear', units: 16 },
        { type: 'relu' },
        { type: 'linear', units: 8 },
        { type: 'relu' },
        { type: 'linear', units: 1 },
        { type: 'sigmoid' },
      ],
    },
  },
  {
    id: 'digits-convnet',
    name: 'Digits convnet (conv 8 3×3, max-pool)',
    group: 'images',
    data: 'digits',
    spec: imageSpec('conv2d:8:3:1:same,relu,maxpool2d:2,flatten,linear:10,softmax', [1, 8, 8]),
  },
  {
    id: 'fashion-mlp',
    name: 'Fashion MLP 784-256-128-10',
    group: 'images',
    data: 'fashion-mnist',
    spec: parseSpecText('linear:256:he,relu,linear:128:he,relu,linear:10,softmax', 784),
    hyper: { epochs: 10, learningRate: 0.001, batchSize: 64, reduction: 'mean', optimizer: { kind: 'adam' } },
  },
  {
    id: FASHION_CONVNET_ID,
    name: 'Fashion two-conv (16, 32 filters)',
    group: 'images',
    data: 'fashion-mnist',
    spec: imageSpec('conv2d:16:3:1:same,relu,maxpool2d:2,conv2d:32:3:1:same,relu,maxpool2d:2,flatten,linear:128:he,relu,linear:10,softmax', [1, 28, 28]),
    hyper: { epochs: 5, learningRate: 0.001, batchSize: 64, reduction: 'mean', optimizer: { kind: 'adam' } },
  },
];

/** The exercise's four networks (what the Compare lab and the gradient checks offer by default). */
export const EXERCISE_PRESETS: readonly NetworkPreset[] = NETWORK_PRESETS.filter((preset) => preset.group === 'exercise');

/** Finds a preset by id, falling back to the exercise's own network. */
export function presetById(id: string): NetworkPreset {
  return NETWORK_PRESETS.find((p) => p.id === id) ?? NETWORK_PRESETS[0]!;
}

/** The preset of `id`, if there is one. */
export function findPreset(id: string): NetworkPreset | undefined {
  return NETWORK_PRESETS.find((p) => p.id === id);
}
