// The networks a comparison can pick from (renderer, pure): the exercise's four presets, the builder's network, and each distinct network of the run history.
import type { NetworkSpec } from '../../engine/spec.js';
import { formatSpecText } from '../../engine/specText.js';
import { EXERCISE_PRESETS, NETWORK_PRESETS } from '../models/networkPresets.js';
import type { HistoryEntry } from '../models/runHistory.js';

export interface CompareCandidate {
  /** "preset:…", "builder" or "run:…": stable while the lab is open. */
  id: string;
  name: string;
  spec: NetworkSpec;
  /** Where it comes from, as the picker groups it. */
  source: 'Presets' | 'Builder' | 'Run history';
}

/** The exercise's four architectures, picked by default. */
export const DEFAULT_PICKS: readonly string[] = EXERCISE_PRESETS.map((p) => `preset:${p.id}`);

/** The network part of a history label ("#2 iris · 4-32-ReLU-3-Softmax · Adam …" gives "4-32-ReLU-3-Softmax"). */
function networkNameOf(entry: HistoryEntry): string {
  return entry.run.label.split(' · ')[1] ?? formatSpecText(entry.run.spec);
}

/**
 * Presets first, then the builder's network unless it equals a preset, then each run's network that is not already
 * listed (the first run with it names it).
 */
export function compareCandidates(draft: { name: string; spec: NetworkSpec }, history: readonly HistoryEntry[]): CompareCandidate[] {
  const candidates: CompareCandidate[] = NETWORK_PRESETS.map((p) => ({ id: `preset:${p.id}`, name: p.name, spec: p.spec, source: 'Presets' }));
  const seen = new Set(candidates.map((c) => JSON.stringify(c.spec)));
  const add = (candidate: CompareCandidate) => {
    const key = JSON.stringify(candidate.spec);
    if (seen.has(key)) return;
    seen.add(key);
    candidates.push(candidate);
  };
  add({ id: 'builder', name: `${draft.name} (builder)`, spec: draft.spec, source: 'Builder' });
  for (const entry of history)
    add({ id: `run:${entry.run.runId}`, name: `${networkNameOf(entry)} (run #${entry.serial})`, spec: entry.run.spec, source: 'Run history' });
  return candidates;
}
