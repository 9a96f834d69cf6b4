// The Training form's fields: validates them with the protocol's HyperparametersSchema and routes engine errors to a field (renderer).
import { HyperparametersSchema, type Hyperparameters, type Reduction } from '../../engine/protocol.js';

/** Every input of the Training form a message can be shown at. */
export type FormField = 'dataSet' | 'spec' | 'epochs' | 'learningRate' | 'batchSize' | 'seed' | 'reduction';
export type FieldErrors = Partial<Record<FormField, string>>;

/** What the number inputs hold: a number, or null while a field is empty or not a number. */
export interface HyperparameterInput {
  epochs: number | null;
  learningRate: number | null;
  batchSize: number | null;
  seed: number | null;
  reduction: Reduction;
}

const NOUNS: Record<'epochs' | 'learningRate' | 'batchSize' | 'seed', string> = {
  epochs: 'epochs', learningRate: 'learning rate', batchSize: 'minibatch size', seed: 'seed',
};

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export type Validation = { ok: true; value: Hyperparameters; errors: FieldErrors } | { ok: false; errors: FieldErrors };

/** Checks the form's values with the same schema the engine uses; each message is keyed by the field at fault. */
export function validateHyperparameters(input: HyperparameterInput, trainFraction: number): Validation {
  const errors: FieldErrors = {};
  for (const key of Object.keys(NOUNS) as (keyof typeof NOUNS)[]) {
    const value = input[key];
    if (value === null || Number.isNaN(value)) errors[key] = `Enter a number for the ${NOUNS[key]}`;
  }
  const result = HyperparametersSchema.safeParse({ ...input, trainFraction });
  if (result.success && !Object.keys(errors).length) return { ok: true, value: result.data, errors };
  for (const issue of result.success ? [] : result.error.issues) {
    const field = formFieldOf(issue.path.map(String).join('.'));
    if (field && !errors[field]) errors[field] = capitalize(issue.message);
  }
  return { ok: false, errors };
}

/**
 * The form field an engine error names, if any: "learningRate" or "hyper.learningRate" → learningRate,
 * "dataSet" → dataSet, "spec.layers.2" → spec (the network preset).
 */
export function formFieldOf(path: string): FormField | undefined {
  const segments = path.split('.');
  const head = segments[0] === 'hyper' ? segments[1] : segments[0];
  switch (head) {
    case 'dataSet': case 'spec': case 'epochs': case 'learningRate': case 'batchSize': case 'seed': case 'reduction':
      return head;
    default:
      return undefined;
  }
}
