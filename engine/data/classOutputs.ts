// How many outputs a classifier of a given number of classes has: the one rule the engine, renderer and CLI share; pure.

/** The width of a network's output for `classCount` classes: one probability for two classes, else one per class. */
export function outputsForClasses(classCount: number): number {
  return classCount === 2 ? 1 : classCount;
}
