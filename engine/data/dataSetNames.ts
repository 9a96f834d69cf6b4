// The data sets shipped with the lab and the toy generators, by name, with the labels every view shows; pure, any process.
import { z } from 'zod';

/** The data sets shipped with the lab. */
export const DATA_SET_NAMES = ['digits-binary', 'digits', 'iris', 'wine', 'breast-cancer'] as const;
export const DataSetNameSchema = z.enum(DATA_SET_NAMES, {
  error: (issue) => `unknown data set ${JSON.stringify(issue.input)}; known: ${DATA_SET_NAMES.join(', ')}`,
});
export type DataSetName = z.infer<typeof DataSetNameSchema>;

/** Each shipped data set's name for a reader, as menus and reports show it. */
export const DATA_SET_LABELS: Record<DataSetName, string> = {
  'digits-binary': 'Digits 0–4 vs 5–9',
  digits: 'Digits 0–9',
  iris: 'Iris (3 species)',
  wine: 'Wine (3 cultivars)',
  'breast-cancer': 'Breast cancer (malignant or benign)',
};

/** The generated 2D two-class data sets. */
export const TOY_DATA_NAMES = ['circles', 'xor', 'spiral', 'gaussians', 'moons'] as const;
export type ToyDataName = (typeof TOY_DATA_NAMES)[number];

/** Each toy data set's name for a reader. */
export const TOY_DATA_LABELS: Record<ToyDataName, string> = {
  circles: 'Circles',
  xor: 'XOR',
  spiral: 'Spiral',
  gaussians: 'Two Gaussians',
  moons: 'Moons',
};
