// What a data set asks of a built network's two ends, as the builder's hint says it (renderer).
import { outputsForClasses } from '../../engine/data/classOutputs.js';
import { formatShape } from '../../engine/layers/shape.js';

/** "Needs 4 inputs and 3 outputs under a softmax (3 classes)" — what the data asks of a network's two ends; an image set says its shape. */
export function dataSetNeeds(info: { inputs: number; classes: readonly string[]; imageShape?: readonly number[] | undefined }): string {
  const count = outputsForClasses(info.classes.length);
  const outputs = count === 1 ? 'a single sigmoid output' : `${count} outputs under a softmax`;
  const image = info.imageShape ? ` (${formatShape(info.imageShape)} images)` : '';
  return `Needs ${info.inputs} inputs${image} and ${outputs} (${info.classes.length} classes)`;
}
