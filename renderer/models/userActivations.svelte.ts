// The user's own activations (renderer): the list the Gradients lab adds to once an activation passes its check, and the builder's palette offers; kept in the project file.
import { activationLayer, UserActivationSchema, type CustomActivationSpec, type UserActivation } from '../../engine/layers/customActivationDefinition.js';

/** The user's activations by name, in the order they were added; one with the name of another replaces it. */
export class UserActivations {
  #list = $state<UserActivation[]>([]);

  get list(): readonly UserActivation[] {
    return this.#list;
  }

  /** The layers the builder's palette offers, one per activation. */
  get layers(): CustomActivationSpec[] {
    return this.#list.map(activationLayer);
  }

  find(name: string): UserActivation | undefined {
    return this.#list.find((activation) => activation.name === name);
  }

  /**
   * Adds (or replaces, by name) an activation, checked as the layer it makes: a typed f′ that fails the gradient check is refused.
   * @throws Error with the schema's message when the activation cannot be a layer.
   */
  add(activation: UserActivation): void {
    const parsed = UserActivationSchema.safeParse(activation);
    if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
    const index = this.#list.findIndex((a) => a.name === parsed.data.name);
    this.#list = index < 0 ? [...this.#list, parsed.data] : this.#list.map((a, i) => (i === index ? parsed.data : a));
  }

  remove(name: string): void {
    this.#list = this.#list.filter((activation) => activation.name !== name);
  }

  /** Replaces the whole list (a project file opened). */
  replace(list: readonly UserActivation[]): void {
    this.#list = list.map((activation) => ({ ...activation }));
  }
}
