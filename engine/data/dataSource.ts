// Where a run's samples come from: a shipped data set, a toy generator or a CSV file, as schemas; pure, any process.
import { z } from 'zod';
import { MAX_CSV_CHARS, tooLargeMessage } from '../limits.js';
import { DATA_SET_NAMES, DataSetNameSchema, TOY_DATA_NAMES } from './dataSetNames.js';

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

/** Where a run's samples come from: a shipped data set by name, a toy generator, or a CSV file. */
export const DataSourceSchema = z.union([DataSetNameSchema, ToyDataSourceSchema, CsvDataSourceSchema, CsvTableSourceSchema], {
  error: (issue) =>
    typeof issue.input === 'string'
      ? `unknown data set ${JSON.stringify(issue.input)}; known: ${DATA_SET_NAMES.join(', ')}`
      : `a data set is one of ${DATA_SET_NAMES.join(', ')}, a toy data set or a CSV file`,
});
export type DataSource = z.infer<typeof DataSourceSchema>;
export type ToyDataSource = z.infer<typeof ToyDataSourceSchema>;
export type CsvDataSource = z.infer<typeof CsvDataSourceSchema>;
export type CsvTableSource = z.infer<typeof CsvTableSourceSchema>;

/** The name a data source is shown under: the shipped set's name, "toy:NAME", or the CSV file's name. */
export function dataSourceName(source: DataSource): string {
  if (typeof source === 'string') return source;
  return source.kind === 'toy' ? `toy:${source.name}` : source.fileName;
}
