// A form's fields as a project keeps them, and back (renderer; pure): each value is put back only into a field of its kind.
import type { FormValues } from '../../engine/projectFile.js';

type Json = FormValues[string];

/** The named fields of `form` as plain JSON data (a copy). */
export function formValuesOf<Form extends object>(form: Form, fields: readonly (keyof Form & string)[]): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = form[field] as unknown;
    if (value !== undefined) values[field] = JSON.parse(JSON.stringify(value)) as Json;
  }
  return values;
}

/** Whether `saved` fits a field now holding `now`: the same kind of value (null fits any field that may be empty). */
function fits(now: unknown, saved: Json): boolean {
  if (now === null || now === undefined) return true;
  if (saved === null) return typeof now === 'number';
  if (typeof now !== typeof saved) return false;
  return typeof now !== 'object' || Array.isArray(now) === Array.isArray(saved);
}

/** Puts each saved value into its field of `form` where it fits; values of fields the form no longer has are ignored. */
export function restoreFormValues<Form extends object>(form: Form, values: FormValues, fields: readonly (keyof Form & string)[]): void {
  for (const field of fields) {
    const saved = values[field];
    if (saved === undefined || !fits(form[field], saved)) continue;
    (form as Record<string, unknown>)[field] = structuredClone(saved);
  }
}
