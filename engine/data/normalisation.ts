// How a data set's features are normalised, and the default for each data set; pure, any process.
import { z } from 'zod';
import type { DataSource } from './dataSource.js';

/** none; global: minus the mean and over the std of all values (the exercise); standardize: per feature, from the training rows. */
export const NormalisationSchema = z.enum(['none', 'global', 'standardize']);
export type Normalisation = z.infer<typeof NormalisationSchema>;

/**
 * The default normalisation for a data source (or a data set's name): global for the digits (as the exercise), none for
 * image files (their pixels are scaled to [0, 1] as they are read), standardize for every other.
 */
export function defaultNormalisation(source: DataSource | string): Normalisation {
  if (typeof source === 'object' && source.kind === 'images') return 'none';
  return source === 'digits' || source === 'digits-binary' ? 'global' : 'standardize';
}
