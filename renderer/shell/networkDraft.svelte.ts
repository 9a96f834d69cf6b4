// The network being built (renderer): shared by the Network builder, which edits it, and Training, which can train it.
import type { NetworkSpec } from '../../engine/spec.js';
import type { BuilderWork } from '../builder/layerCards.js';
import { NETWORK_PRESETS } from '../training/presets.js';

export class NetworkDraft {
  #spec = $state<NetworkSpec>(structuredClone(NETWORK_PRESETS[0]!.spec));
  #name = $state(NETWORK_PRESETS[0]!.name);
  #work: BuilderWork | null = null;

  get spec(): NetworkSpec { return this.#spec; }
  /** What the network is called in menus (a preset's name, or "Built network"). */
  get name(): string { return this.#name; }

  /** Replaces the draft (a copy is kept, so later edits of `spec` by the caller do not leak in). */
  set(spec: NetworkSpec, name = 'Built network'): void {
    this.#spec = structuredClone(spec);
    this.#name = name;
  }

  /** Keeps the builder's edits — a half-built network included — while another lab is shown (a copy). */
  keepWork(work: BuilderWork): void {
    this.#work = structuredClone(work);
  }

  /** The builder's kept edits, unless the draft was replaced since they were kept. */
  get work(): BuilderWork | null {
    const work = this.#work;
    return work && work.draftSpec === JSON.stringify(this.#spec) ? structuredClone(work) : null;
  }
}
