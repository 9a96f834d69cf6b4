// Answers data.preview: a data set prepared as a run would prepare it, summarised for seeing it — sizes, class balance, a few images or its plane of points; pure.
import type { Samples } from '../data/dataSets.js';
import { planeAbsence, planeFrame, planePoints } from '../data/planeView.js';
import { MAX_PLANE_POINTS, PREVIEW_IMAGES } from '../limits.js';
import type { DataPreview, DataPreviewed } from '../protocol/dataPreview.js';
import type { EngineContext } from './engineContext.js';

/** Samples of each of `classCount` classes. */
function classCounts(samples: Samples, classCount: number): number[] {
  const counts = new Array<number>(classCount).fill(0);
  for (let i = 0; i < samples.size; i++) counts[samples.labels[i]!]! += 1;
  return counts;
}

/** The x and y of at most MAX_PLANE_POINTS samples, evenly spread over the split (the split is already shuffled). */
function planeSplit(samples: Samples, inputs: number): { points: Float64Array; labels: Int32Array } {
  const all = planePoints(samples, inputs);
  if (samples.size <= MAX_PLANE_POINTS) return { points: all, labels: Int32Array.from(samples.labels) };
  const points = new Float64Array(MAX_PLANE_POINTS * 2);
  const labels = new Int32Array(MAX_PLANE_POINTS);
  for (let k = 0; k < MAX_PLANE_POINTS; k++) {
    const r = Math.floor((k * samples.size) / MAX_PLANE_POINTS);
    points[k * 2] = all[r * 2]!;
    points[k * 2 + 1] = all[r * 2 + 1]!;
    labels[k] = samples.labels[r]!;
  }
  return { points, labels };
}

/** Prepares the data exactly as train.start would (split, seed, normalisation, extra features) and describes it. */
export async function handleDataPreview(request: DataPreview, context: Pick<EngineContext, 'loadData' | 'previewImages'>): Promise<DataPreviewed> {
  const source = request.dataSet;
  if (typeof source === 'object' && source.kind === 'images' && context.previewImages) {
    const { width, height, pixels, labels, ...rest } = await context.previewImages(source, request, PREVIEW_IMAGES);
    const planeAbsent = planeAbsence({ name: rest.name, featureNames: rest.featureNames, extraFeatures: [] })!;
    return { type: 'data.previewed', requestId: request.requestId, ...rest, images: { width, height, pixels, labels }, planeAbsent };
  }
  const data = await context.loadData(request.dataSet, {
    trainFraction: request.trainFraction,
    seed: request.seed,
    normalisation: request.normalisation,
    extraFeatures: request.extraFeatures,
  });
  const absent = planeAbsence(data);
  const answer: DataPreviewed = {
    type: 'data.previewed',
    requestId: request.requestId,
    name: data.name,
    featureNames: data.featureNames,
    classes: data.classes,
    trainSize: data.train.size,
    testSize: data.test.size,
    trainCounts: classCounts(data.train, data.classes.length),
    testCounts: classCounts(data.test, data.classes.length),
  };
  if (data.image) {
    const count = Math.min(PREVIEW_IMAGES, data.train.size);
    answer.images = {
      ...data.image,
      pixels: data.train.features.slice(0, count * data.inputs),
      labels: data.train.labels.slice(0, count),
    };
  }
  if (absent) answer.planeAbsent = absent;
  else answer.plane = { frame: planeFrame(data), train: planeSplit(data.train, data.inputs), test: planeSplit(data.test, data.inputs) };
  return answer;
}
