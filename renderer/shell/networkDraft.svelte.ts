// The network being built (renderer): shared by the Network builder, which edits it, and Training, which can train it.
import type { NetworkSpec } from '../../engine/spec.js';
import { NETWORK_PRESETS } from '../training/presets.js';

export class NetworkDraft {
  #spec = $state<NetworkSpec>(structuredClone(NETWORK_PRESETS[0]!.spec));
  #name = $state(NETWORK_PRESETS[0]!.name);

  get spec(): NetworkSpec { return this.#spec; }
  /** What the network is called in menus (a preset's name, or "Built network"). */
  get name(): string { return this.#name; }

  /** Replaces the draft (a copy is kept, so later edits of `spec` by the caller do not leak in). */
  set(spec: NetworkSpec, name = 'Built network'): void {
    this.#spec = structuredClone(spec);
    this.#name = name;
  }
}
