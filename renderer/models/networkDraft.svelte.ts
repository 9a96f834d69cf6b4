// The network being built (renderer): shared by the Network builder, which edits it, and Training, which can train it.
import type { NetworkSpec } from '../../engine/spec.js';
import { NETWORK_PRESETS } from './networkPresets.js';

/** What an editor keeps in the draft: anything, with the draft's network (as JSON) when it was kept. */
export interface KeptWork {
  draftSpec: string;
}

/** The draft network, and the edits of the lab that edits it (`Work`, opaque to every other lab). */
export class NetworkDraft<Work extends KeptWork = KeptWork> {
  #spec = $state<NetworkSpec>(structuredClone(NETWORK_PRESETS[0]!.spec));
  #name = $state(NETWORK_PRESETS[0]!.name);
  #work: Work | null = null;

  get spec(): NetworkSpec {
    return this.#spec;
  }
  /** What the network is called in menus (a preset's name, or "Built network"). */
  get name(): string {
    return this.#name;
  }

  /** Replaces the draft (a copy is kept, so later edits of `spec` by the caller do not leak in). */
  set(spec: NetworkSpec, name = 'Built network'): void {
    this.#spec = structuredClone(spec);
    this.#name = name;
  }

  /** Keeps the builder's edits — a half-built network included — while another lab is shown (a copy). */
  keepWork(work: Work): void {
    this.#work = structuredClone(work);
  }

  /** The builder's kept edits, unless the draft was replaced since they were kept. */
  get work(): Work | null {
    const work = this.#work;
    return work && work.draftSpec === JSON.stringify(this.#spec) ? structuredClone(work) : null;
  }
}
