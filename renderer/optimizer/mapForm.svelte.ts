// The step-size × decay map's fields as a runes class (renderer): the ranges, counts, ε and what the cells show.
import { DEFAULT_MAP, type MapInput, type MapMeasure } from './mapAxes.js';

export class MapForm {
  stepMin = $state<number | null>(DEFAULT_MAP.stepMin);
  stepMax = $state<number | null>(DEFAULT_MAP.stepMax);
  stepCount = $state<number | null>(DEFAULT_MAP.stepCount);
  decayMin = $state<number | null>(DEFAULT_MAP.decayMin);
  decayMax = $state<number | null>(DEFAULT_MAP.decayMax);
  decayCount = $state<number | null>(DEFAULT_MAP.decayCount);
  epsilon = $state<number | null>(DEFAULT_MAP.epsilon);
  measure = $state<MapMeasure>('final');

  get input(): MapInput {
    return {
      stepMin: this.stepMin,
      stepMax: this.stepMax,
      stepCount: this.stepCount,
      decayMin: this.decayMin,
      decayMax: this.decayMax,
      decayCount: this.decayCount,
      epsilon: this.epsilon,
    };
  }
}
