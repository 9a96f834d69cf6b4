// Why Train cannot start now, in one sentence for beside the button (renderer, pure): the builder's network unfinished, a network that does not fit, a field the run cannot be made without.
import type { FieldErrors } from './hyperparameterFields.js';

export interface TrainBlockInput {
  /** The messages of the fields a run cannot be made without (empty when the form makes one). */
  formErrors: FieldErrors;
  /** What the engine's check of the network against the data found, by field (only the network's blocks Train: the engine names a data problem at its field when Train is pressed). */
  checkErrors: FieldErrors;
  /** The builder's network is the one chosen. */
  builderChosen: boolean;
  /** What is wrong with the network on the builder's screen, with where ("at layer 3: …"); null when nothing is. */
  builderProblem: string | null;
  /** The name of the builder's last valid network, which Training holds meanwhile. */
  lastValidName: string;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const withStop = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** The reason Train is disabled, or undefined when the form, the network and the data let it start. */
export function trainBlockReason(input: TrainBlockInput): string | undefined {
  const network = input.builderChosen ? "The builder's network" : 'The network';
  if (input.builderProblem) {
    return withStop(
      `The builder's network has a problem ${input.builderProblem}; fix it in the Network builder (Training holds its last valid version, “${input.lastValidName}”, meanwhile)`,
    );
  }
  const misfit = input.checkErrors.spec;
  if (misfit) return withStop(`${network} does not fit: ${lowerFirst(misfit)}`);
  const field = Object.values(input.formErrors).find((message) => message !== undefined);
  return field ? withStop(`Fix the marked field first: ${lowerFirst(field)}`) : undefined;
}
