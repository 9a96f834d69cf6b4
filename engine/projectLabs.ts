// The labs' own work in a project file (version 3 on): each lab's settings, choices and results as schemas; pure, any process.
import { z } from 'zod';

/**
 * A form's values by field name, as the lab that owns the form keeps them (numbers, text, choices, null for an empty
 * field, nested records for per-type settings). The lab puts back each value whose field it still has.
 */
export const FormValuesSchema = z.record(z.string(), z.json());

/** A list of doubles as JSON holds them: NaN and ±∞, which JSON cannot hold, are written as null. */
const SavedNumbersSchema = z.array(z.number().nullable());

/** One optimizer path: its points (x, y, f), and whatever else the engine said about it (e.g. where it diverged). */
export const SavedDescentPathSchema = z.object({ x: SavedNumbersSchema, y: SavedNumbersSchema, f: SavedNumbersSchema }).catchall(z.json());

export const SavedDescentRunSchema = z
  .object({
    /** The settings it ran with, as the descent form validated them. */
    settings: FormValuesSchema,
    path: SavedDescentPathSchema,
    /** Kept on the plot for comparison (true), or the latest run, replaced by the next Run (false). */
    kept: z.boolean(),
  })
  .strict();

export const OptimizerWorkSchema = z
  .object({
    /** A built-in surface's id, or "custom" for the typed function. */
    surface: z.string(),
    expression: z.string(),
    form: FormValuesSchema,
    runs: z.array(SavedDescentRunSchema),
  })
  .catchall(z.json());

export const GradientsWorkSchema = z
  .object({
    /** The function explored, epsilon and the point. */
    explorer: FormValuesSchema,
    /** The gradient check's form, and the last report with the request it answers. */
    gradcheck: FormValuesSchema,
    report: z.json().optional(),
  })
  .catchall(z.json());

export const BuilderDraftSchema = z
  .object({
    input: z.number().nullable(),
    /** One record per layer card: its type and its settings as typed. */
    cards: z.array(FormValuesSchema),
    dataSet: z.string(),
  })
  .strict();

export const TrainingWorkSchema = z.object({ form: FormValuesSchema }).catchall(z.json());

/** Every lab's work; a lab left out starts as a fresh lab does. */
export const ProjectLabsSchema = z
  .object({
    optimizer: OptimizerWorkSchema.optional(),
    gradients: GradientsWorkSchema.optional(),
    builder: BuilderDraftSchema.optional(),
    training: TrainingWorkSchema.optional(),
  })
  .strict();

export type FormValues = z.infer<typeof FormValuesSchema>;
export type SavedDescentRun = z.infer<typeof SavedDescentRunSchema>;
export type OptimizerWork = z.infer<typeof OptimizerWorkSchema>;
export type GradientsWork = z.infer<typeof GradientsWorkSchema>;
export type BuilderDraftWork = z.infer<typeof BuilderDraftSchema>;
export type TrainingWork = z.infer<typeof TrainingWorkSchema>;
export type ProjectLabs = z.infer<typeof ProjectLabsSchema>;
/** The name of a lab whose work a project keeps. */
export type LabWorkName = keyof ProjectLabs;

/** Doubles as a project keeps them (non-finite as null). */
export function savedNumbers(values: ArrayLike<number>): (number | null)[] {
  return Array.from(values, (value) => (Number.isFinite(value) ? value : null));
}

/** Saved doubles back as a Float64Array (null as NaN). */
export function readNumbers(values: readonly (number | null)[]): Float64Array {
  return Float64Array.from(values, (value) => value ?? Number.NaN);
}
