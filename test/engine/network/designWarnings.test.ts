// Warnings about networks that train badly: a softmax first, dropout after the output, a last layer that leaves the loss at MSE.
import { describe, expect, it } from 'vitest';
import { designWarnings } from '../../../engine/network/designWarnings.js';
import type { EngineEvent, EngineRequest } from '../../../engine/protocol/index.js';
import type { SpecReport } from '../../../engine/protocol/specCheck.js';
import { parseSpecText } from '../../../engine/specText.js';
import { createInProcessEngine } from '../../../engine/worker/inProcessEntry.js';

const warningsOf = (text: string, inputs = 64) => designWarnings(parseSpecText(text, inputs));

describe('design warnings', () => {
  it('has none for the exercise networks', () => {
    expect(warningsOf('linear:32,relu,linear:1,sigmoid')).toEqual([]);
    expect(warningsOf('linear:32,relu,dropout:0.2,linear:10,softmax')).toEqual([]);
  });

  it('warns about a softmax as the first layer, at that layer', () => {
    const [warning] = warningsOf('softmax,linear:1,sigmoid');
    expect(warning!.field).toBe('spec.layers.0');
    expect(warning!.message).toMatch(/^layer 1 \(Softmax\) rescales the input features together before any weights see them/);
    expect(warningsOf('relu,linear:1,sigmoid')).toEqual([]); // an elementwise activation mixes nothing
  });

  it('warns about dropout after the output layer, naming both', () => {
    const warnings = warningsOf('linear:32,relu,linear:1,sigmoid,dropout:0.5');
    expect(warnings.map((w) => w.field)).toEqual(['spec.layers.4', 'spec.layers.4']);
    expect(warnings[0]!.message).toMatch(/^layer 5 \(Dropout\) comes after the output layer, layer 3 \(Linear\)/);
  });

  it('warns when the last layer leaves the loss at mean squared error, naming the layers that give a cross-entropy', () => {
    expect(warningsOf('linear:32,relu,linear:1')).toEqual([
      {
        field: 'spec.layers.2',
        message:
          'after layer 3 (Linear) as the last layer the loss falls back to mean squared error, which learns classes slowly: end with Sigmoid (binary cross-entropy) or Softmax (categorical cross-entropy)',
      },
    ]);
    expect(designWarnings(parseSpecText('linear:32,relu,linear:1', 64), 'mse')).toEqual([]); // a loss the user chose
  });

  it('comes with spec.check, beside the problems', async () => {
    const report = await new Promise<SpecReport>((resolve, reject) => {
      const engine = createInProcessEngine((event: EngineEvent) => {
        engine.dispose();
        if (event.type === 'spec.report') resolve(event);
        else reject(new Error(JSON.stringify(event)));
      });
      engine.receive({ type: 'spec.check', requestId: 'w', spec: parseSpecText('softmax,linear:1', 64), dataSet: 'digits-binary' } as EngineRequest);
    });
    expect(report.issues).toEqual([]);
    expect(report.warnings.map((w) => w.field)).toEqual(['spec.layers.0', 'spec.layers.1']);
  });
});
