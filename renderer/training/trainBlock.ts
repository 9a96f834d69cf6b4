// Why Train cannot start now, in one sentence for beside the button (renderer, pure): the builder's network unfinished, the data or the check not caught up yet, a network that does not fit, a field the run cannot be made without.
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
  /** The engine has not answered the check of the network and data chosen now (`checkErrors` are then an earlier choice's). */
  checking?: boolean;
  /** The data chosen, when its shape is not known yet (a shipped set before the engine described it); null otherwise. */
  unknownShape?: string | null;
  /** What the lab itself sees wrong between the network and the data's shape, e.g. "it takes 64 inputs but iris has 4 features"; null when it fits. */
  misfit?: string | null;
}

/** Why Train is disabled: a problem to fix, or (`waiting`) an answer of the engine still to come. */
export interface TrainBlock {
  reason: string;
  waiting: boolean;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const withStop = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** Why Train is disabled, or undefined when the form, the network and the data let it start. */
export function trainBlock(input: TrainBlockInput): TrainBlock | undefined {
  const network = input.builderChosen ? "The builder's network" : 'The network';
  const problem = (reason: string): TrainBlock => ({ reason: withStop(reason), waiting: false });
  if (input.builderProblem) {
    return problem(
      `The builder's network has a problem ${input.builderProblem}; fix it in the Network builder (Training holds its last valid version, “${input.lastValidName}”, meanwhile)`,
    );
  }
  if (input.unknownShape) return { reason: `Waiting for the engine to describe ${input.unknownShape}…`, waiting: true };
  if (input.checking) return { reason: 'Checking the network against the data…', waiting: true };
  const misfit = input.checkErrors.spec ?? input.misfit;
  if (misfit) return problem(`${network} does not fit: ${lowerFirst(misfit)}`);
  const field = Object.values(input.formErrors).find((message) => message !== undefined);
  return field ? problem(`Fix the marked field first: ${lowerFirst(field)}`) : undefined;
}

/** The reason Train is disabled, or undefined when the form, the network and the data let it start. */
export function trainBlockReason(input: TrainBlockInput): string | undefined {
  return trainBlock(input)?.reason;
}
