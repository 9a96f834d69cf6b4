// The data sets a built network can be checked against, as the builder's select names them (renderer).
import type { DataSetName } from '../../engine/protocol.js';

export const DATA_SET_LABELS: readonly { name: DataSetName; label: string }[] = [
  { name: 'digits-binary', label: 'Digits 0–4 vs 5–9 (the exercise)' },
  { name: 'digits', label: 'Digits, 10 classes' },
  { name: 'iris', label: 'Iris' },
  { name: 'wine', label: 'Wine' },
  { name: 'breast-cancer', label: 'Breast cancer (Wisconsin)' },
];

/** "4 features → 3 classes (a softmax output of 3)" — what the data asks of a network's two ends. */
export function dataSetNeeds(info: { inputs: number; classes: readonly string[] }): string {
  const outputs = info.classes.length === 2 ? 'a single sigmoid output' : `${info.classes.length} outputs under a softmax`;
  return `Needs ${info.inputs} inputs and ${outputs} (${info.classes.length} classes)`;
}
