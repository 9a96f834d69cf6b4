// The Training view's presets and layer table (plain Node): valid NetworkSpecs, shapes and parameter counts.
import { describe, expect, it } from 'vitest';
import { NetworkSpecSchema } from '../../engine/spec.js';
import { EXERCISE_PRESETS, presetById } from '../../renderer/models/networkPresets.js';
import { summarizeNetwork } from '../../renderer/training/networkSummary.js';

describe('network presets', () => {
  it("offers the exercise's four architectures, each a valid NetworkSpec reading 64 pixels", () => {
    expect(EXERCISE_PRESETS).toHaveLength(4);
    for (const preset of EXERCISE_PRESETS) {
      expect(NetworkSpecSchema.safeParse(preset.spec).success).toBe(true);
      expect(preset.spec.input).toBe(64);
      expect(preset.spec.layers.at(-1)).toEqual({ type: 'sigmoid' });
    }
  });

  it("falls back to the exercise's own network for an unknown id", () => {
    expect(presetById('no such preset').name).toBe('64-32-ReLU-1-Sigmoid');
  });
});

describe('summarizeNetwork', () => {
  it('gives each Linear layer n_in × n_out weights plus n_out biases, and activations none', () => {
    const summary = summarizeNetwork(presetById('64-32-relu-1-sigmoid').spec);
    expect(summary.rows.map((r) => [r.name, r.inputs, r.outputs, r.parameters])).toEqual([
      ['Linear', 64, 32, 64 * 32 + 32],
      ['ReLU', 32, 32, 0],
      ['Linear', 32, 1, 32 * 1 + 1],
      ['Sigmoid', 1, 1, 0],
    ]);
    expect(summary.totalParameters).toBe(64 * 32 + 32 + 32 + 1);
    expect(summary.rows[0]!.parameterFormula).toBe('64 × 32 + 32');
  });

  it("counts the deep preset's parameters layer by layer", () => {
    const summary = summarizeNetwork(presetById('64-32-16-8-1').spec);
    expect(summary.rows.filter((r) => r.name === 'Linear').map((r) => `${r.inputs}→${r.outputs}`)).toEqual(['64→32', '32→16', '16→8', '8→1']);
    expect(summary.totalParameters).toBe(64 * 32 + 32 + (32 * 16 + 16) + (16 * 8 + 8) + (8 + 1));
  });

  it('gives the single-layer preset 65 parameters', () => {
    expect(summarizeNetwork(presetById('64-1-sigmoid').spec).totalParameters).toBe(65);
  });

  it("writes a convnet's shapes as C×H×W until its flatten, as the builder does", () => {
    const summary = summarizeNetwork(presetById('digits-convnet').spec);
    expect(summary.inputShape).toBe('1×8×8');
    expect(summary.rows.map((r) => `${r.inputShape} → ${r.outputShape}`)).toEqual([
      '1×8×8 → 8×8×8',
      '8×8×8 → 8×8×8',
      '8×8×8 → 8×4×4',
      '8×4×4 → 128',
      '128 → 10',
      '10 → 10',
    ]);
  });
});
