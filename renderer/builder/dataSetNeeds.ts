// What a data set asks of a built network's two ends, as the builder's hint says it (renderer).
import { outputsForClasses } from '../../engine/data/classOutputs.js';

/** "Needs 4 inputs and 3 outputs under a softmax (3 classes)" — what the data asks of a network's two ends. */
export function dataSetNeeds(info: { inputs: number; classes: readonly string[] }): string {
  const count = outputsForClasses(info.classes.length);
  const outputs = count === 1 ? 'a single sigmoid output' : `${count} outputs under a softmax`;
  return `Needs ${info.inputs} inputs and ${outputs} (${info.classes.length} classes)`;
}
