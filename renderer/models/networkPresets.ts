// The exercise's four architectures as NetworkSpecs, offered as presets by the Training view (renderer).
import type { NetworkSpec } from '../../engine/spec.js';

export interface NetworkPreset {
  id: string;
  /** The name the exercise's table uses. */
  name: string;
  spec: NetworkSpec;
}

/** Every preset reads the 64 pixels of one 8×8 digit and gives one probability (digit ≥ 5). */
export const NETWORK_PRESETS: readonly NetworkPreset[] = [
  {
    id: '64-32-relu-1-sigmoid',
    name: '64-32-ReLU-1-Sigmoid',
    spec: { input: 64, layers: [{ type: 'linear', units: 32 }, { type: 'relu' }, { type: 'linear', units: 1 }, { type: 'sigmoid' }] },
  },
  {
    id: '64-32-1-sigmoid',
    name: '64-32-1-Sigmoid (no ReLU)',
    spec: { input: 64, layers: [{ type: 'linear', units: 32 }, { type: 'linear', units: 1 }, { type: 'sigmoid' }] },
  },
  {
    id: '64-1-sigmoid',
    name: '64-1-Sigmoid',
    spec: { input: 64, layers: [{ type: 'linear', units: 1 }, { type: 'sigmoid' }] },
  },
  {
    id: '64-32-16-8-1',
    name: '64-32-16-8-1 (ReLUs, Sigmoid)',
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
];

/** Finds a preset by id, falling back to the exercise's own network. */
export function presetById(id: string): NetworkPreset {
  return NETWORK_PRESETS.find((p) => p.id === id) ?? NETWORK_PRESETS[0]!;
}
