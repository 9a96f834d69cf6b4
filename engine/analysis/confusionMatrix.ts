// The confusion matrix of a classifier's predictions; pure, any process.

/**
 * Counts the samples of each true class predicted as each class: `matrix[t][p]`, rows the true class, columns the
 * predicted one, over `classCount` classes.
 * @throws RangeError when a class lies outside 0..classCount − 1.
 */
export function confusionMatrix(truth: Int32Array, predicted: Int32Array, classCount: number): number[][] {
  if (truth.length !== predicted.length) throw new RangeError(`${truth.length} true classes but ${predicted.length} predictions`);
  const matrix = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i]!;
    const p = predicted[i]!;
    if (t < 0 || t >= classCount || p < 0 || p >= classCount) throw new RangeError(`sample ${i}: class ${t} or ${p} is not one of the ${classCount} classes`);
    matrix[t]![p]!++;
  }
  return matrix;
}
