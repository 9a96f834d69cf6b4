// The plane of two-feature data — its frame of cells, its points by split, or why there is none — for the scatter and the decision boundary; pure, any process.
import { z } from 'zod';
import type { PreparedData, Samples } from './dataSets.js';

/** The decision boundary's grid: columns × rows cells over [xMin, xMax] × [yMin, yMax]. */
export const PlaneFrameSchema = z
  .object({
    xMin: z.number(),
    xMax: z.number(),
    yMin: z.number(),
    yMax: z.number(),
    columns: z.number().int().positive(),
    rows: z.number().int().positive(),
  })
  .strict();
export type PlaneFrame = z.infer<typeof PlaneFrameSchema>;

/** The boundary's cells per side: fine enough to see its shape, cheap enough to compute a few times a second. */
export const BOUNDARY_CELLS = 64;

/** Why the data has no plane to draw (it has not two features of its own), or undefined when it has one. */
export function planeAbsence(data: Pick<PreparedData, 'name' | 'featureNames' | 'extraFeatures'>): string | undefined {
  const own = data.featureNames.length - data.extraFeatures.length;
  return own === 2 ? undefined : `the scatter and the decision boundary are drawn for data with 2 features; ${data.name} has ${own}`;
}

/** Each sample's first two features (x and y) as row-major rows×2. */
export function planePoints(samples: Samples, inputs: number): Float64Array {
  const points = new Float64Array(samples.size * 2);
  for (let r = 0; r < samples.size; r++) {
    points[r * 2] = samples.features[r * inputs]!;
    points[r * 2 + 1] = samples.features[r * inputs + 1]!;
  }
  return points;
}

/** The frame around every train and test point's x and y, widened by a tenth of its span on each side (at least 0.1). */
export function planeFrame(data: Pick<PreparedData, 'inputs' | 'train' | 'test'>, cells = BOUNDARY_CELLS): PlaneFrame {
  let xMin = Infinity,
    xMax = -Infinity,
    yMin = Infinity,
    yMax = -Infinity;
  for (const samples of [data.train, data.test]) {
    for (let r = 0; r < samples.size; r++) {
      const x = samples.features[r * data.inputs]!;
      const y = samples.features[r * data.inputs + 1]!;
      if (x < xMin) xMin = x;
      if (x > xMax) xMax = x;
      if (y < yMin) yMin = y;
      if (y > yMax) yMax = y;
    }
  }
  const padX = Math.max(0.1, (xMax - xMin) / 10);
  const padY = Math.max(0.1, (yMax - yMin) / 10);
  return { xMin: xMin - padX, xMax: xMax + padX, yMin: yMin - padY, yMax: yMax + padY, columns: cells, rows: cells };
}

/** The centre of every cell as row-major (rows·columns)×2, row 0 at yMin, each row from xMin to xMax. */
export function cellCentres(frame: PlaneFrame): Float64Array {
  const { columns, rows } = frame;
  const dx = (frame.xMax - frame.xMin) / columns;
  const dy = (frame.yMax - frame.yMin) / rows;
  const points = new Float64Array(columns * rows * 2);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      const at = (i * columns + j) * 2;
      points[at] = frame.xMin + (j + 0.5) * dx;
      points[at + 1] = frame.yMin + (i + 0.5) * dy;
    }
  }
  return points;
}
