// The user's own activation in the Gradient lab (renderer): the typed name, f(x) and f′(x), the engine's samples and checks, messages at their fields, and adding it to the user's activations.
import { activationNameIssue } from '../../engine/layers/customActivationDefinition.js';
import type { FunctionsTypedChecked } from '../../engine/protocol/functions.js';
import { EngineAnswerError, type EngineRequests } from '../host/engineRequests.js';
import type { UserActivations } from '../models/userActivations.svelte.js';

export type OwnField = 'name' | 'f' | 'df';
/** A message at a field, with the column of a typing mistake in an expression. */
export interface OwnError {
  message: string;
  column?: number | undefined;
}

/** The range the charts show, the points they sample and the central difference's step there. */
export const OWN_RANGE: readonly [number, number] = [-5, 5];
export const OWN_COUNT = 201;
export const OWN_EPSILON = 1e-3;

/** What was checked, so the report can say when the fields no longer match it. */
interface Checked {
  answer: FunctionsTypedChecked;
  f: string;
  df: string;
}

export class OwnActivation {
  readonly #requests: EngineRequests;
  readonly #activations: UserActivations;
  name = $state('softsign');
  f = $state('x/(1+abs(x))');
  df = $state('1/(1+abs(x))^2');
  checked = $state<Checked | null>(null);
  running = $state(false);
  failure = $state<string | null>(null);
  /** What the last "use" did, for the line under the buttons. */
  added = $state<string | null>(null);
  #engineErrors = $state<Partial<Record<OwnField, OwnError>>>({});

  constructor(requests: EngineRequests, activations: UserActivations) {
    this.#requests = requests;
    this.#activations = activations;
  }

  get errors(): Partial<Record<OwnField, OwnError>> {
    const errors: Partial<Record<OwnField, OwnError>> = { ...this.#engineErrors };
    const nameIssue = activationNameIssue(this.name.trim().toLowerCase());
    if (nameIssue) errors.name = { message: nameIssue.charAt(0).toUpperCase() + nameIssue.slice(1) };
    if (this.f.trim() === '') errors.f = { message: 'Type f(x), e.g. x/(1+abs(x))' };
    return errors;
  }

  /** The checked answer while it matches the fields; null when they changed since (or the fields have an error). */
  get current(): FunctionsTypedChecked | null {
    const checked = this.checked;
    if (!checked || this.errors.f || this.errors.df) return null;
    return checked.f === this.#text(this.f) && checked.df === this.#text(this.df) ? checked.answer : null;
  }

  /** A check shown that no longer matches the fields. */
  get stale(): boolean {
    return this.checked !== null && this.current === null;
  }

  /** Their own f′ passed, or they typed none: the activation can be a layer as typed. */
  get usable(): boolean {
    const answer = this.current;
    if (!answer || this.errors.name) return false;
    return answer.typedCheck ? answer.typedCheck.ok : answer.labCheck.ok;
  }

  /** Their f′ failed but the lab's own derivative of f passes: they may train with that instead. */
  get usableWithLabDerivative(): boolean {
    const answer = this.current;
    return !!answer && !this.errors.name && answer.typedCheck !== undefined && !answer.typedCheck.ok && answer.labCheck.ok;
  }

  /** Forgets the engine's message about a field once the user edits it. */
  edited(field: OwnField): void {
    this.added = null;
    if (this.#engineErrors[field]) this.#engineErrors = { ...this.#engineErrors, [field]: undefined };
  }

  #text(value: string): string {
    return value.trim().toLowerCase();
  }

  /** Asks the engine to sample f and the derivatives and to check f′. */
  async check(): Promise<void> {
    if (this.running || this.errors.f) return;
    const f = this.#text(this.f);
    const df = this.#text(this.df);
    this.running = true;
    this.failure = null;
    this.#engineErrors = {};
    try {
      const answer = await this.#requests.ask(
        { type: 'functions.checkTyped', f, ...(df ? { df } : {}), count: OWN_COUNT, epsilon: OWN_EPSILON, lo: OWN_RANGE[0], hi: OWN_RANGE[1] },
        'functions.typedChecked',
      );
      this.checked = { answer, f, df };
    } catch (error) {
      const field = error instanceof EngineAnswerError ? error.field : undefined;
      if (field === 'f' || field === 'df') {
        this.#engineErrors = { [field]: { message: (error as Error).message, column: (error as EngineAnswerError).column } };
        this.checked = null;
      } else this.failure = `The check did not run: ${(error as Error).message}`;
    } finally {
      this.running = false;
    }
  }

  /** Adds the checked activation to the user's activations: with their f′, or (`labDerivative`) with the lab's derivative of f. */
  use(labDerivative = false): void {
    if (labDerivative ? !this.usableWithLabDerivative : !this.usable) return;
    const checked = this.checked!;
    const name = this.#text(this.name);
    try {
      this.#activations.add({ name, f: checked.f, ...(checked.df && !labDerivative ? { df: checked.df } : {}) });
      this.added = `${name} is in the Network builder's palette, under Your activations${labDerivative ? ', with the lab’s derivative of f' : ''}.`;
    } catch (error) {
      this.failure = (error as Error).message;
    }
  }
}
