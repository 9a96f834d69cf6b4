// The Network builder's state as a runes class (renderer): the cards being edited, the engine's check of the network they build, and the draft kept current.
import type { ParameterShape } from '../../engine/layers/layerDefinition.js';
import type { SettingValue } from '../../engine/layers/layerSetting.js';
import { shapeSize, type Shape } from '../../engine/layers/shape.js';
import { describeLayers, type NetworkDescription } from '../../engine/network/describeLayers.js';
import type { Catalog } from '../../engine/protocol/catalog.js';
import type { SpecReport } from '../../engine/protocol/specCheck.js';
import type { LayerSpec, LayerType, NetworkSpec } from '../../engine/spec.js';
import type { EngineRequests } from '../host/engineRequests.js';
import type { EngineCatalog } from '../models/engineCatalog.js';
import type { NetworkDraft } from '../models/networkDraft.svelte.js';
import { NETWORK_PRESETS } from '../models/networkPresets.js';
import { buildProblem, buildSpec, type BuildResult } from './buildSpec.js';
import { builderDataInfo, builderDataSource, isBuilderDataSet, type BuilderDataInfo, type BuilderDataSet } from './builderDataSets.js';
import { cardName, cardOf, cardsOf, layerName, newCard, type BuilderWork, type LayerCard } from './layerCards.js';
import { describePlace, placeIssues, placeOf, type PlacedIssues } from './issuePlacement.js';
import { insertAt, moveBefore, moveBy, removeAt } from './sequenceEdits.js';

/** An engine answer with what it answers: the cards (by id) that were its layers, the network and the data set. */
export interface CheckedNetwork {
  cardIds: number[];
  specJson: string;
  dataSet: BuilderDataSet;
  report: SpecReport;
}

type DataSetInfo = Catalog['dataSets'][number];

/** New values for some of a card's settings, by the setting's name. */
export type CardPatch = Record<string, SettingValue>;

/** Waits this long after an edit before asking, so typing "128" asks once, not three times. */
const CHECK_DELAY_MS = 120;

/** The preset whose network is exactly `spec`, if any. */
function presetNamed(spec: NetworkSpec): string | undefined {
  const json = JSON.stringify(spec);
  return NETWORK_PRESETS.find((preset) => JSON.stringify(preset.spec) === json)?.name;
}

export class BuilderState {
  readonly #requests: EngineRequests;
  readonly #catalog: EngineCatalog;
  readonly #draft: NetworkDraft<BuilderWork>;
  input = $state<number | null>(64);
  cards = $state<LayerCard[]>([]);
  dataSet = $state<BuilderDataSet>('digits-binary');
  /** The latest engine answer (possibly for an earlier edit). */
  checked = $state<CheckedNetwork | null>(null);
  /** An answer is awaited. */
  checking = $state(false);
  /** Why the engine could not check (e.g. it crashed): shown with a retry button. */
  failure = $state<string | null>(null);
  /** A sentence for screen readers after an edit ("Added Linear as layer 3"). */
  announcement = $state('');
  /** What the engine says about each data set (for hints), once it has answered. */
  dataSets = $state<DataSetInfo[]>([]);
  /** The input shape of the network last loaded (a preset, the draft), kept while no data set gives one that fits. */
  #loadedShape = $state<Shape | undefined>(undefined);
  #nextId = 1;
  #asked = 0;

  readonly build: BuildResult = $derived(buildSpec(this.input, this.cards, this.imageShape));
  /** The network traced here as the engine traces it, for each layer's parameter shapes. */
  readonly traced: NetworkDescription | undefined = $derived(this.build.ok ? describeLayers(this.build.spec) : undefined);

  constructor(requests: EngineRequests, draft: NetworkDraft<BuilderWork>, catalog: EngineCatalog) {
    this.#requests = requests;
    this.#catalog = catalog;
    this.#draft = draft;
    const work = draft.work;
    if (work) {
      this.input = work.input;
      this.cards = work.cards;
      this.dataSet = isBuilderDataSet(work.dataSet) ? work.dataSet : 'digits-binary';
      this.#loadedShape = draft.spec.inputShape;
      this.#nextId = Math.max(0, ...work.cards.map((card) => card.id)) + 1;
    } else {
      this.#load(draft.spec);
    }
  }

  /** The answer for exactly the network and data set on screen now (not an earlier edit). */
  get current(): boolean {
    const checked = this.checked;
    return this.build.ok && checked !== null && checked.specJson === JSON.stringify(this.build.spec) && checked.dataSet === this.dataSet;
  }

  /** The engine's messages placed at their cards, the input, the data set, or the network. */
  get issues(): PlacedIssues {
    const checked = this.checked;
    return checked ? placeIssues(checked.report.issues, checked.cardIds) : { cards: {}, input: [], dataSet: [], network: [] };
  }

  /** The engine's warnings (designs that train badly) placed at their cards or the network. */
  get warnings(): PlacedIssues {
    const checked = this.checked;
    return checked ? placeIssues(checked.report.warnings, checked.cardIds) : { cards: {}, input: [], dataSet: [], network: [] };
  }

  /** Every message of the latest answer with where it is shown ("layer 3", "the input width"), in the engine's order. */
  get issueList(): { message: string; where: string }[] {
    return this.#listed('issues');
  }

  /** Every warning of the latest answer with where it is shown, in the engine's order. */
  get warningList(): { message: string; where: string }[] {
    return this.#listed('warnings');
  }

  #listed(kind: 'issues' | 'warnings'): { message: string; where: string }[] {
    const checked = this.checked;
    if (!checked) return [];
    return checked.report[kind].map((issue) => {
      const place = placeOf(issue.field, checked.cardIds.length);
      if (place.at !== 'layer') return { message: issue.message, where: describePlace(place) };
      const now = this.cards.findIndex((card) => card.id === checked.cardIds[place.index]);
      return { message: issue.message, where: now >= 0 ? describePlace({ at: 'layer', index: now }) : 'a removed layer' };
    });
  }

  /** The name of the preset the cards hold unchanged, if they do. */
  get presetName(): string | undefined {
    return this.build.ok ? presetNamed(this.build.spec) : undefined;
  }

  /** The checked shape of the card with `id`, if the latest answer has it. */
  shapeOf(id: number): SpecReport['layers'][number] | undefined {
    const checked = this.checked;
    const index = checked ? checked.cardIds.indexOf(id) : -1;
    return index >= 0 ? checked!.report.layers[index] : undefined;
  }

  /** The network is valid, checked and sent to the draft: Training can train it. */
  get trainable(): boolean {
    return this.current && this.checked!.report.issues.length === 0;
  }

  get dataSetInfo(): BuilderDataInfo | undefined {
    return builderDataInfo(this.dataSet, this.dataSets);
  }

  /**
   * The C×H×W shape the input is read in by a network that slides windows over it: the data set's image shape, else the
   * loaded network's own, whichever holds exactly the input width.
   */
  get imageShape(): Shape | undefined {
    const input = this.input;
    return [this.dataSetInfo?.imageShape, this.#loadedShape].find((shape) => shape !== undefined && shapeSize(shape) === input);
  }

  /** The parameter arrays of the card at `index` (W filters×channels×k×k and b, …), when the cards build a network. */
  parameterShapesOf(index: number): readonly ParameterShape[] {
    return this.traced?.layers[index]?.parameterShapes ?? [];
  }

  // ---- edits ---------------------------------------------------------------------------------

  /** Appends a fresh layer of `type`, or `layer` as it is (one of the user's own activations). */
  add(type: LayerType, layer?: LayerSpec): void {
    this.insert(type, this.cards.length, layer);
  }

  insert(type: LayerType, index: number, layer?: LayerSpec): void {
    const card = layer ? cardOf(layer, this.#nextId++) : newCard(type, this.#nextId++);
    this.cards = insertAt(this.cards, index, card);
    this.announcement = `Added ${cardName(card)} as layer ${this.cards.indexOf(card) + 1} of ${this.cards.length}`;
  }

  /** Drags the card at `from` to before position `before` (length: the end). */
  moveTo(from: number, before: number): void {
    const card = this.cards[from];
    if (!card) return;
    this.cards = moveBefore(this.cards, from, before);
    this.#announceMove(card);
  }

  moveBy(index: number, step: -1 | 1): void {
    const card = this.cards[index];
    if (!card) return;
    this.cards = moveBy(this.cards, index, step);
    this.#announceMove(card);
  }

  remove(index: number): void {
    const card = this.cards[index];
    if (!card) return;
    this.cards = removeAt(this.cards, index);
    this.announcement = `Removed layer ${index + 1} (${cardName(card)}); ${this.cards.length} layers left`;
  }

  /** Changes settings of the card with `id` (a linear layer's units, a dropout rate, …). */
  edit(id: number, patch: CardPatch): void {
    this.cards = this.cards.map((card) => (card.id === id ? ({ ...card, ...patch } as LayerCard) : card));
  }

  loadPreset(id: string): void {
    const preset = NETWORK_PRESETS.find((p) => p.id === id);
    if (!preset) return;
    this.#load(preset.spec);
    // Checked against the data it was made for: a digits or Fashion-MNIST preset checked against another set shows a misfit at once.
    if (isBuilderDataSet(preset.data)) this.dataSet = preset.data;
    this.announcement = `Loaded ${preset.name}: ${preset.spec.layers.length} layers`;
  }

  #load(spec: NetworkSpec): void {
    this.input = spec.input;
    this.#loadedShape = spec.inputShape;
    this.cards = cardsOf(spec, this.#nextId);
    this.#nextId += spec.layers.length;
  }

  #announceMove(card: LayerCard): void {
    this.announcement = `Moved ${cardName(card)} to layer ${this.cards.indexOf(card) + 1} of ${this.cards.length}`;
  }

  /**
   * Keeps the shared draft in step with the network on screen, so Training trains exactly it: the network itself once
   * the engine finds no problem with it, else why not (the draft keeps the last valid version, and Training says so).
   */
  syncDraft(): void {
    const build = this.build;
    if (!build.ok) return this.#draft.setProblem(buildProblem(build.errors));
    if (!this.current) return;
    const first = this.issueList[0];
    if (first) return this.#draft.setProblem(`at ${first.where}: ${first.message}`);
    this.#draft.set($state.snapshot(build.spec) as NetworkSpec, presetNamed(build.spec));
  }

  // ---- the engine ----------------------------------------------------------------------------

  /** Asks the engine about the network on screen after a short pause; returns the function that cancels the wait. */
  scheduleCheck(): () => void {
    // Both are read here so that an effect calling this runs again when either changes.
    const build = this.build;
    const dataSet = this.dataSet;
    if (!build.ok || !dataSet) return () => {};
    const timer = setTimeout(() => void this.check(), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }

  /** Asks the engine to check the network on screen; an answer to an earlier edit that arrives late is ignored. */
  async check(): Promise<void> {
    const build = this.build;
    if (!build.ok) return;
    const asked = ++this.#asked;
    const cardIds = this.cards.map((card) => card.id);
    const dataSet = this.dataSet;
    const spec = $state.snapshot(build.spec) as NetworkSpec;
    this.checking = true;
    try {
      const report = await this.#requests.ask({ type: 'spec.check', spec, dataSet: builderDataSource(dataSet) }, 'spec.report');
      if (asked !== this.#asked) return;
      this.checked = { cardIds, specJson: JSON.stringify(spec), dataSet, report };
      this.failure = null;
    } catch (error) {
      if (asked !== this.#asked) return;
      this.failure = `The engine could not check the network: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      if (asked === this.#asked) this.checking = false;
    }
  }

  /** Asks once what the engine knows about each data set (inputs and classes, for the hint under the select). */
  async loadDataSets(): Promise<void> {
    try {
      const catalog = await this.#catalog.load();
      this.dataSets = catalog.dataSets;
    } catch {
      // Only hints are lost: the check itself names any data set problem.
    }
  }

  /** The edits as they are, for the draft to keep while another lab is shown. */
  work(): BuilderWork {
    return {
      input: this.input,
      cards: $state.snapshot(this.cards) as LayerCard[],
      dataSet: this.dataSet,
      draftSpec: JSON.stringify(this.#draft.spec),
    };
  }
}
