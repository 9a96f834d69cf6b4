// Commands a lab carries out itself, registered with the shell while the lab is shown (renderer): the shell's keys and menu reach them here.
import { getContext, onMount, setContext } from 'svelte';
import type { LabCommandId } from '../../contract/labCommands.js';

/** The handler of each command a shown lab carries out (Training's Train, which goes through its form). */
export class CommandTargets {
  readonly #handlers = new Map<LabCommandId, () => void>();

  /** Carries out `id` if a shown lab handles it; false when none does. */
  run(id: LabCommandId): boolean {
    const handler = this.#handlers.get(id);
    handler?.();
    return handler !== undefined;
  }

  /** Registers `handler` for `id`; returns the function that takes it back. */
  register(id: LabCommandId, handler: () => void): () => void {
    this.#handlers.set(id, handler);
    return () => {
      if (this.#handlers.get(id) === handler) this.#handlers.delete(id);
    };
  }
}

const KEY = Symbol('command targets');

/** Lets the labs below the calling component (the shell) handle commands. */
export function provideCommandTargets(targets: CommandTargets): void {
  setContext(KEY, targets);
}

/** Handles `id` with `handler` while the calling component is shown (call it while the component is created). */
export function handleCommand(id: LabCommandId, handler: () => void): void {
  const targets = getContext<CommandTargets | undefined>(KEY);
  if (targets) onMount(() => targets.register(id, handler));
}
