// One problem found in a network spec, with the field it belongs to; pure, any process.

/** One problem with a spec: a sentence for the user and the field it belongs to (e.g. "spec.layers.2"). */
export interface SpecIssue {
  message: string;
  field: string;
}
