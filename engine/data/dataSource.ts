// Where a run's samples come from: a shipped data set, a toy generator, a CSV file or MNIST-format image files, as schemas; pure, any process.
import { z } from 'zod';
import { MAX_CSV_CHARS, MAX_PICKED_IMAGE_BYTES, tooLargeMessage } from '../limits.js';
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

const PickedFileSchema = z
  .object({
    name: z.string().min(1).max(255),
    bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: "a picked file's bytes must be a Uint8Array" }),
  })
  .strict();

/**
 * Image files a page read itself and sends (a browser never tells a page where a chosen folder is): the chosen folder's
 * `name`, a `digest` naming these files (the SHA-256 of their names and bytes, in lowercase hex) and the `files` (the
 * four MNIST files, by their names). Once the engine keeps them, `files` is left out and the digest names them; an
 * engine that no longer has them answers an error with code "unknown-files", and they are sent again.
 */
export const PickedImagesSchema = z
  .object({
    name: z.string().min(1).max(255),
    digest: z.string().regex(/^[0-9a-f]{64}$/, 'picked files are named by a SHA-256 digest, 64 lowercase hex digits'),
    files: z
      .array(PickedFileSchema)
      .max(8, 'at most 8 picked files: the four MNIST files')
      .refine((files) => files.reduce((sum, file) => sum + file.bytes.byteLength, 0) <= MAX_PICKED_IMAGE_BYTES, {
        error: (issue) =>
          tooLargeMessage(
            'the size of the picked image files',
            (issue.input as { bytes: Uint8Array }[]).reduce((sum, file) => sum + file.bytes.byteLength, 0),
            MAX_PICKED_IMAGE_BYTES,
          ),
      })
      .optional(),
  })
  .strict();
export type PickedImages = z.infer<typeof PickedImagesSchema>;

/**
 * MNIST-format image files (IDX, gzip-compressed or not): a known image data set by `set` (found where its package
 * installs it), any `folder` holding the four files (both read by the engine process itself), or files `picked` and
 * sent by the page. The files' own training/test split is kept; `trainSize` takes a seeded subset of the training
 * images, `testSize` of the test images (default: all).
 */
export const ImageDataSourceSchema = z
  .object({
    kind: z.literal('images'),
    set: z
      .enum(IMAGE_DATA_SET_NAMES, { error: (issue) => `unknown image data set ${JSON.stringify(issue.input)}; known: ${IMAGE_DATA_SET_NAMES.join(', ')}` })
      .optional(),
    folder: z.string().min(1, 'give the folder that holds the image files').optional(),
    picked: PickedImagesSchema.optional(),
    trainSize: subsetSize('train'),
    testSize: subsetSize('test'),
  })
  .strict()
  .refine((source) => [source.set, source.folder, source.picked].filter((given) => given !== undefined).length === 1, {
    message: 'image data names one of a known set, a folder or picked files',
  });

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
  if (source.kind === 'images') return source.set ?? (source.picked ? source.picked.name : `idx:${source.folder}`);
  return source.kind === 'toy' ? `toy:${source.name}` : source.fileName;
}

/** The source as a project file keeps it: picked image files by their name and digest only (their bytes are not saved). */
export function savedDataSource(source: DataSource): DataSource {
  if (typeof source !== 'object' || source.kind !== 'images' || !source.picked?.files) return source;
  const { files: _files, ...named } = source.picked;
  return { ...source, picked: named };
}
