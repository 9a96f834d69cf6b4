// Where a run's samples come from: a shipped data set, a toy generator, a CSV file or MNIST-format image files, as schemas; pure, any process.
import { z } from 'zod';
import { MAX_CSV_CHARS, tooLargeMessage } from '../limits.js';
import { DATA_SET_NAMES, DataSetNameSchema, IMAGE_DATA_SET_NAMES, TOY_DATA_NAMES } from './dataSetNames.js';

/** A generated 2D two-class data set; the run's seed drives the points. */
export const ToyDataSourceSchema = z
  .object({
    kind: z.literal('toy'),
    name: z.enum(TOY_DATA_NAMES, { error: (issue) => `unknown toy data set ${JSON.stringify(issue.input)}; known: ${TOY_DATA_NAMES.join(', ')}` }),
    size: z.number().int('size must be a whole number').min(4, 'a toy data set needs at least 4 points').max(20000, 'a toy data set has at most 20000 points'),
    noise: z.number().min(0, 'noise must be 0 or more').max(5, 'noise must be at most 5'),
  })
  .strict();

/** A CSV file the user picked: a header row, numeric feature columns and a label column (named, or the last). */
export const CsvDataSourceSchema = z
  .object({
    kind: z.literal('csv'),
    fileName: z.string().min(1),
    text: z.string().max(MAX_CSV_CHARS, {
      error: (issue) => tooLargeMessage('the CSV file', typeof issue.input === 'string' ? issue.input.length : MAX_CSV_CHARS + 1, MAX_CSV_CHARS),
    }),
    labelColumn: z.string().min(1).optional(),
  })
  .strict();

/**
 * A CSV file the engine has already read, named by `table`: the SHA-256 of its text's UTF-8 bytes in lowercase hex.
 * An engine that no longer has it answers an error with code "unknown-table"; the text is then sent again.
 */
export const CsvTableSourceSchema = z
  .object({
    kind: z.literal('csv'),
    fileName: z.string().min(1),
    table: z.string().regex(/^[0-9a-f]{64}$/, 'a table is named by the SHA-256 of its text, 64 lowercase hex digits'),
    labelColumn: z.string().min(1).optional(),
  })
  .strict();

const subsetSize = (which: string) =>
  z
    .number({ error: `the ${which} size must be a number` })
    .int(`the ${which} size must be a whole number`)
    .min(1, `the ${which} size must be at least 1`)
    .optional();

/**
 * MNIST-format image files (IDX, gzip-compressed or not) that the engine process reads itself: a known image data set
 * by `set` (found where its package installs it) or any `folder` holding the four files. The files' own training/test
 * split is kept; `trainSize` takes a seeded subset of the training images, `testSize` of the test images (default: all).
 */
export const ImageDataSourceSchema = z
  .object({
    kind: z.literal('images'),
    set: z
      .enum(IMAGE_DATA_SET_NAMES, { error: (issue) => `unknown image data set ${JSON.stringify(issue.input)}; known: ${IMAGE_DATA_SET_NAMES.join(', ')}` })
      .optional(),
    folder: z.string().min(1, 'give the folder that holds the image files').optional(),
    trainSize: subsetSize('train'),
    testSize: subsetSize('test'),
  })
  .strict()
  .refine((source) => (source.set === undefined) !== (source.folder === undefined), { message: 'image data names either a known set or a folder, not both' });

/** Where a run's samples come from: a shipped data set by name, a toy generator, a CSV file, or image files. */
export const DataSourceSchema = z.union([DataSetNameSchema, ToyDataSourceSchema, CsvDataSourceSchema, CsvTableSourceSchema, ImageDataSourceSchema], {
  error: (issue) =>
    typeof issue.input === 'string'
      ? `unknown data set ${JSON.stringify(issue.input)}; known: ${DATA_SET_NAMES.join(', ')}`
      : `a data set is one of ${DATA_SET_NAMES.join(', ')}, a toy data set, a CSV file or image files`,
});
export type DataSource = z.infer<typeof DataSourceSchema>;
export type ToyDataSource = z.infer<typeof ToyDataSourceSchema>;
export type CsvDataSource = z.infer<typeof CsvDataSourceSchema>;
export type CsvTableSource = z.infer<typeof CsvTableSourceSchema>;
export type ImageDataSource = z.infer<typeof ImageDataSourceSchema>;

/** The name a data source is shown under: the shipped set's name, "toy:NAME", the CSV file's name, an image set's name or "idx:FOLDER". */
export function dataSourceName(source: DataSource): string {
  if (typeof source === 'string') return source;
  if (source.kind === 'images') return source.set ?? `idx:${source.folder}`;
  return source.kind === 'toy' ? `toy:${source.name}` : source.fileName;
}
