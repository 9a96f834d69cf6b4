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
  #problem = $state<string | null>(null);
  #work: Work | null = null;

  get spec(): NetworkSpec {
    return this.#spec;
  }
  /** What the network is called in menus (a preset's name, or "Built network"). */
  get name(): string {
    return this.#name;
  }

  /** What is wrong with the network on the editor's screen, with where ("at layer 3: …"), while `spec` is its last valid version; null when nothing is. */
  get problem(): string | null {
    return this.#problem;
  }

  /** Replaces the draft (a copy is kept, so later edits of `spec` by the caller do not leak in); it has no problem. */
  set(spec: NetworkSpec, name = 'Built network'): void {
    if (JSON.stringify(spec) !== JSON.stringify(this.#spec) || name !== this.#name) {
      this.#spec = structuredClone(spec);
      this.#name = name;
    }
    this.#problem = null;
  }

  /** Says what is wrong with the network being edited (null: nothing); `spec` stays its last valid version. */
  setProblem(problem: string | null): void {
    this.#problem = problem;
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
