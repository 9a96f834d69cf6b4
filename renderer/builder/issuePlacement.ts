// Where the builder shows each of the engine's messages about a network (renderer): at a layer's card, the input field, the data set, or above the sequence.
import type { SpecReport } from '../../engine/protocol/specCheck.js';

export type SpecIssue = SpecReport['issues'][number];

/** A place in the builder a message belongs to. */
export type IssuePlace = { at: 'layer'; index: number } | { at: 'input' } | { at: 'dataSet' } | { at: 'network' };

/** The place an engine field names: "spec.layers.2" (or deeper, "spec.layers.2.units") → layer 2; "spec.input" → the input; "dataSet…" → the data set. */
export function placeOf(field: string | undefined, layerCount: number): IssuePlace {
  const parts = (field ?? '').split('.');
  if (parts[0] === 'dataSet') return { at: 'dataSet' };
  if (parts[0] !== 'spec') return { at: 'network' };
  if (parts[1] === 'input') return { at: 'input' };
  if (parts[1] === 'layers' && parts[2] !== undefined && /^\d+$/.test(parts[2])) {
    const index = Number(parts[2]);
    if (index < layerCount) return { at: 'layer', index };
  }
  return { at: 'network' };
}

/** The messages sorted by place: per card (by its id), the input, the data set, and the rest (about the whole network). */
export interface PlacedIssues {
  cards: Record<number, string[]>;
  input: string[];
  dataSet: string[];
  network: string[];
}

/**
 * Sorts `issues` into their places, in the order the engine gave them. `cardIds[i]` is the card that was layer i of
 * the checked network, so a message stays with its card when the cards move before the next answer arrives.
 */
export function placeIssues(issues: readonly Pick<SpecIssue, 'field' | 'message'>[], cardIds: readonly number[]): PlacedIssues {
  const placed: PlacedIssues = { cards: {}, input: [], dataSet: [], network: [] };
  for (const issue of issues) {
    const place = placeOf(issue.field, cardIds.length);
    if (place.at === 'layer') (placed.cards[cardIds[place.index]!] ??= []).push(issue.message);
    else placed[place.at].push(issue.message);
  }
  return placed;
}

/** Where a place is, in words, for the summary ("layer 3", "the input width"). */
export function describePlace(place: IssuePlace): string {
  switch (place.at) {
    case 'layer':
      return `layer ${place.index + 1}`;
    case 'input':
      return 'the input width';
    case 'dataSet':
      return 'the data set';
    default:
      return 'the network';
  }
}
