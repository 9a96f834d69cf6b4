// Where the builder shows the engine's messages (plain Node): a layer's card by its id, the input field, the data set, or the whole network.
import { describe, expect, it } from 'vitest';
import { describePlace, placeIssues, placeOf } from '../../../renderer/builder/issuePlacement.js';

describe('placeOf', () => {
  it('maps spec.layers.N (and fields below it) to layer N, spec.input to the input and dataSet to the data set', () => {
    expect(placeOf('spec.layers.2', 4)).toEqual({ at: 'layer', index: 2 });
    expect(placeOf('spec.layers.0.units', 4)).toEqual({ at: 'layer', index: 0 });
    expect(placeOf('spec.input', 4)).toEqual({ at: 'input' });
    expect(placeOf('dataSet', 4)).toEqual({ at: 'dataSet' });
    expect(placeOf('dataSet.name', 4)).toEqual({ at: 'dataSet' });
  });

  it('puts what it cannot place (no field, a layer that is not there, the loss) on the network as a whole', () => {
    expect(placeOf(undefined, 4)).toEqual({ at: 'network' });
    expect(placeOf('spec.layers', 4)).toEqual({ at: 'network' });
    expect(placeOf('spec.layers.7', 4)).toEqual({ at: 'network' });
    expect(placeOf('hyper.loss', 4)).toEqual({ at: 'network' });
  });
});

describe('placeIssues', () => {
  it('puts each layer message on the card that was that layer when the network was checked, in the engine order', () => {
    const placed = placeIssues(
      [
        { field: 'spec.input', message: 'the network takes 64 inputs but iris has 4 features' },
        { field: 'spec.layers.2', message: 'layer 3 (linear) expects 31 inputs but layer 2 (relu) gives 32' },
        { field: 'spec.layers.2', message: 'second message' },
        { field: 'dataSet', message: 'cannot load the data' },
        { field: 'hyper.loss', message: 'a loss message' },
      ],
      [11, 12, 17, 14],
    );
    expect(placed).toEqual({
      cards: { 17: ['layer 3 (linear) expects 31 inputs but layer 2 (relu) gives 32', 'second message'] },
      input: ['the network takes 64 inputs but iris has 4 features'],
      dataSet: ['cannot load the data'],
      network: ['a loss message'],
    });
  });
});

describe('describePlace', () => {
  it('names places counted from 1', () => {
    expect(describePlace({ at: 'layer', index: 0 })).toBe('layer 1');
    expect(describePlace({ at: 'input' })).toBe('the input width');
  });
});
