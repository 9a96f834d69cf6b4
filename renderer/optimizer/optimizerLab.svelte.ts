// The Optimizer lab's state as a runes class (renderer): the engine's surfaces, the chosen surface and its grid, the paths on the plot and their playback, the step-size × decay map; it may outlive the lab's component.
import type { Catalog } from '../../engine/protocol/catalog.js';
import type { SurfaceMapResult } from '../../engine/protocol/stepDecayMap.js';
import type { SurfaceDescend, SurfaceEvaluate, SurfaceGridEvent, SurfacePath } from '../../engine/protocol/surfaces.js';
import { PATH_COLOURS } from '../../plots/theme.js';
import { EngineAnswerError, isStopped, type EngineRequests } from '../host/engineRequests.js';
import type { EngineCatalog } from '../models/engineCatalog.js';
import { descentFieldOf, optimizerOf, type DescentErrors, type DescentField, type DescentSettings } from './descentFields.js';
import { DescentForm } from './descentForm.svelte.js';
import { validateMap, type MapErrors, type MapField } from './mapAxes.js';
import { MapForm } from './mapForm.svelte.js';
import { PathPlayback } from './pathPlayback.svelte.js';
import { runLabel } from './runLabels.js';

export type SurfaceInfo = Catalog['surfaces'][number];

/** One optimizer run drawn on the plot, with the settings it ran with. */
export interface DescentRun {
  serial: number;
  settings: DescentSettings;
  path: SurfacePath;
  colour: string;
  label: string;
}

/** A message for the expression field: the text it is about, and `column` (from 1) where the typing mistake is. */
export interface ExpressionMessage {
  message: string;
  text: string;
  column: number | undefined;
}

/** A finished map and what it was computed for: the surface, and the settings every cell shares. */
export interface MapRecord {
  result: SurfaceMapResult;
  surface: string;
  shared: Pick<DescentSettings, 'start' | 'steps' | 'optimizer' | 'constants'>;
}

/** The surface choice that stands for the function the user typed. */
export const CUSTOM_SURFACE = 'custom';
/** Samples per axis of the contour grid. */
export const GRID_SIZE = 120;
/** At most this many runs are compared on the plot, each in its own colour. */
export const MAX_RUNS = Math.min(6, PATH_COLOURS.length);

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
/** The grid request for a surface (a built-in id or an expression); its window is the surface's own. */
const gridRequest = (surface: string): Omit<SurfaceEvaluate, 'requestId'> => ({ type: 'surface.evaluate', surface, nx: GRID_SIZE, ny: GRID_SIZE });
const sharedKey = (surface: string, shared: MapRecord['shared']) =>
  JSON.stringify([surface, shared.start.x, shared.start.y, shared.steps, optimizerOf(shared)]);

export class OptimizerLabState {
  readonly form = new DescentForm();
  readonly playback = new PathPlayback();
  readonly mapForm = new MapForm();
  surfaces = $state.raw<SurfaceInfo[]>([]);
  /** A built-in surface's id, or CUSTOM_SURFACE for the typed function last plotted. */
  surfaceId = $state('exercise');
  /** The expression field's text. */
  expression = $state('sin(x)*cos(y) + x^2/10');
  expressionError = $state<ExpressionMessage | null>(null);
  grid = $state.raw<SurfaceGridEvent | null>(null);
  loadingGrid = $state(false);
  /** A failure tied to no field (the engine crashed or restarted): shown with a way to try again. */
  problem = $state<string | null>(null);
  /** Runs kept for comparison, oldest first, and the latest run (replaced by the next Run). */
  kept = $state.raw<DescentRun[]>([]);
  current = $state.raw<DescentRun | null>(null);
  running = $state(false);
  runErrors = $state<DescentErrors>({});
  /** The learning curve's f axis on a log scale (offset when f goes below 0). */
  logScale = $state(false);

  /** The last map computed on this surface. */
  map = $state.raw<MapRecord | null>(null);
  mapRunning = $state(false);
  mapStopping = $state(false);
  mapProgress = $state.raw<{ done: number; total: number } | null>(null);
  /** Why the last map request ended without a map (stopped, or an engine message tied to no field). */
  mapMessage = $state<string | null>(null);
  mapEngineErrors = $state<MapErrors>({});

  readonly #requests: EngineRequests;
  readonly #catalog: EngineCatalog;
  #plottedExpression = $state('');
  #serial = 0;
  #gridToken = 0;
  #loaded = false;
  /** Stops the map being computed; undefined when none is. */
  #mapStop: AbortController | undefined;

  #mapValidation = $derived(validateMap(this.mapForm.input, this.form.steps));

  constructor(requests: EngineRequests, catalog: EngineCatalog) {
    this.#requests = requests;
    this.#catalog = catalog;
  }

  /** What a request names as `surface`: a built-in id or the plotted expression. */
  get surfaceKey(): string {
    return this.surfaceId === CUSTOM_SURFACE ? this.#plottedExpression : this.surfaceId;
  }
  get surfaceInfo(): SurfaceInfo | undefined {
    return this.surfaces.find((s) => s.id === this.surfaceId);
  }
  /** Every run on the plot: the kept ones, then the latest. */
  get runs(): DescentRun[] {
    return this.current ? [...this.kept, this.current] : this.kept;
  }
  get canRun(): boolean {
    return this.form.settings !== null && this.grid !== null && !this.running && !this.loadingGrid;
  }
  /** Whether the latest run can be kept: it exists, and the plot has room for one more beside it. */
  get canKeep(): boolean {
    return this.current !== null && !this.running && this.kept.length < MAX_RUNS - 1;
  }
  /** The map's fields' messages, then the engine's. */
  get mapErrors(): MapErrors {
    return { ...this.mapEngineErrors, ...this.#mapValidation.errors };
  }
  get canComputeMap(): boolean {
    return this.#mapValidation.ok && this.form.settings !== null && this.grid !== null && !this.mapRunning && !this.loadingGrid;
  }
  /** Whether the map on screen was computed for the surface, start, steps and optimizer the form holds now. */
  get mapIsCurrent(): boolean {
    const settings = this.form.settings;
    return !!this.map && !!settings && sharedKey(this.map.surface, this.map.shared) === sharedKey(this.surfaceKey, settings);
  }

  /** Asks the engine for its surfaces and draws the chosen one, once (again after a failure). */
  async load(): Promise<void> {
    if (this.#loaded && !this.problem) return;
    this.#loaded = true;
    this.problem = null;
    const grid = this.#loadGrid(this.surfaceKey);
    try {
      this.surfaces = (await this.#catalog.load()).surfaces;
    } catch (error) {
      this.problem = `Could not ask the engine for its surfaces: ${messageOf(error)}`;
    }
    await grid;
  }

  /** Switches to a built-in surface: its grid, its suggested start, and no paths or map from the previous surface. */
  async selectSurface(id: string): Promise<void> {
    if (id === CUSTOM_SURFACE) return this.plotExpression();
    const info = this.surfaces.find((s) => s.id === id);
    this.surfaceId = id;
    this.#resetRuns();
    this.#resetMap();
    if (info) this.form.setStart(info.start.x, info.start.y);
    await this.#loadGrid(id);
  }

  /** Plots the typed function; a typing mistake stays at the field, and the plot shown before stays as it was. */
  async plotExpression(): Promise<void> {
    const text = this.expression.trim();
    const token = ++this.#gridToken;
    this.expressionError = null;
    this.loadingGrid = true;
    try {
      const grid = await this.#requests.ask(gridRequest(text), 'surface.grid');
      if (token !== this.#gridToken) return;
      this.#plottedExpression = text;
      this.surfaceId = CUSTOM_SURFACE;
      this.grid = grid;
      this.problem = null;
      this.#resetRuns();
      this.#resetMap();
      const b = grid.bounds;
      this.form.setStart(b.xMin + (b.xMax - b.xMin) * 0.75, b.yMin + (b.yMax - b.yMin) * 0.75);
    } catch (error) {
      if (token !== this.#gridToken) return;
      if (error instanceof EngineAnswerError) this.expressionError = { message: error.message, text, column: error.column };
      else this.problem = messageOf(error);
    } finally {
      if (token === this.#gridToken) this.loadingGrid = false;
    }
  }

  /**
   * Runs the optimizer with the form's settings; the answer becomes the latest run unless the surface changed meanwhile,
   * and the playback starts over from step 0.
   */
  async run(): Promise<void> {
    const settings = this.form.settings;
    if (!settings || !this.canRun) return;
    const surface = this.surfaceKey;
    this.running = true;
    this.runErrors = {};
    this.problem = null;
    try {
      const request: Omit<SurfaceDescend, 'requestId'> = {
        type: 'surface.descend',
        surface,
        start: settings.start,
        learningRate: settings.learningRate,
        steps: settings.steps,
        decay: settings.decay,
        optimizer: optimizerOf(settings),
      };
      const path = await this.#requests.ask(request, 'surface.path');
      if (surface !== this.surfaceKey) return;
      const serial = ++this.#serial;
      this.current = { serial, settings, path, colour: this.#freeColour(), label: runLabel(settings) };
      this.playback.restart(this.#lastStep());
    } catch (error) {
      const field = error instanceof EngineAnswerError ? descentFieldOf(error.field) : undefined;
      if (field) this.runErrors = { ...this.runErrors, [field]: messageOf(error) };
      else this.problem = `The run failed: ${messageOf(error)}`;
    } finally {
      this.running = false;
    }
  }

  /** Keeps the latest run on the plot, so the next Run adds a path beside it. */
  keep(): void {
    if (!this.canKeep || !this.current) return;
    this.kept = [...this.kept, this.current];
    this.current = null;
  }

  /** Takes one run off the plot. */
  remove(serial: number): void {
    this.kept = this.kept.filter((run) => run.serial !== serial);
    if (this.current?.serial === serial) this.current = null;
    this.playback.resize(this.#lastStep());
  }

  /**
   * Puts saved work back before the lab is shown: the surface (a typed one is plotted by load), and the runs on the plot
   * (at most MAX_RUNS, each in its own colour), shown whole.
   */
  restore(surfaceId: string, expression: string, kept: Omit<DescentRun, 'serial' | 'colour'>[], current: Omit<DescentRun, 'serial' | 'colour'> | null): void {
    this.surfaceId = surfaceId;
    this.expression = expression;
    if (surfaceId === CUSTOM_SURFACE) this.#plottedExpression = expression.trim();
    this.kept = [];
    this.current = null;
    const numbered = (run: Omit<DescentRun, 'serial' | 'colour'>): DescentRun => ({ ...run, serial: ++this.#serial, colour: this.#freeColour() });
    for (const run of kept.slice(-(MAX_RUNS - (current ? 1 : 0)))) this.kept = [...this.kept, numbered(run)];
    this.current = current ? numbered(current) : null;
    this.playback.resize(this.#lastStep());
    this.playback.showAll();
  }

  /** Removes every path from the plot. */
  clear(): void {
    this.#resetRuns();
  }

  /** Forgets what the engine said about a field once the user edits it. */
  edited(field: DescentField): void {
    if (this.runErrors[field]) this.runErrors = { ...this.runErrors, [field]: undefined };
  }

  /** Forgets what the engine said about a map field once the user edits it. */
  editedMap(field: MapField): void {
    if (this.mapEngineErrors[field] || this.mapEngineErrors.steps) this.mapEngineErrors = {};
  }

  /**
   * Asks the engine for the step-size × decay map of the form's surface, start, steps and optimizer; progress arrives
   * as it runs. A map already on screen stays until the new one is finished.
   */
  async computeMap(): Promise<void> {
    const settings = this.form.settings;
    const validation = this.#mapValidation;
    if (!settings || !validation.ok || !this.canComputeMap) return;
    const surface = this.surfaceKey;
    const shared: MapRecord['shared'] = {
      start: settings.start,
      steps: settings.steps,
      optimizer: settings.optimizer,
      ...(settings.constants ? { constants: settings.constants } : {}),
    };
    this.mapRunning = true;
    this.mapStopping = false;
    this.mapMessage = null;
    this.mapEngineErrors = {};
    this.mapProgress = { done: 0, total: validation.value.stepSizes.length * validation.value.decays.length };
    const stop = new AbortController();
    this.#mapStop = stop;
    const answer = this.#requests.ask(
      {
        type: 'surface.map',
        surface,
        start: settings.start,
        steps: settings.steps,
        optimizer: optimizerOf(settings),
        stepSizes: validation.value.stepSizes,
        decays: validation.value.decays,
        epsilon: validation.value.epsilon,
      },
      'surface.mapResult',
      {
        signal: stop.signal,
        progress: {
          type: 'surface.mapProgress',
          onProgress: (event) => {
            if (this.#mapStop === stop) this.mapProgress = { done: event.done, total: event.total };
          },
        },
      },
    );
    try {
      const result = await answer;
      if (this.#mapStop !== stop) return;
      if (surface === this.surfaceKey) this.map = { result, surface, shared };
    } catch (error) {
      if (this.#mapStop !== stop) return;
      const field = error instanceof EngineAnswerError ? error.field : undefined;
      const mapField = field === 'steps' ? 'steps' : field?.startsWith('stepSizes') ? 'stepMin' : field?.startsWith('decays') ? 'decayMin' : undefined;
      if (mapField) this.mapEngineErrors = { [mapField]: messageOf(error) };
      else if (isStopped(error) && this.mapProgress) this.mapMessage = `Stopped after ${this.mapProgress.done} of ${this.mapProgress.total} runs`;
      else this.mapMessage = `The map failed: ${messageOf(error)}`;
    } finally {
      if (this.#mapStop === stop) {
        this.#mapStop = undefined;
        this.mapRunning = false;
        this.mapStopping = false;
      }
    }
  }

  /** Asks the engine to stop the map being computed. */
  stopMap(): void {
    if (!this.#mapStop || this.mapStopping) return;
    this.mapStopping = true;
    this.#mapStop.abort();
  }

  /** Runs the setting of one cell of the map (its step size and decay, with the start, steps and optimizer the map ran) and draws its path. */
  async runCell(column: number, row: number): Promise<void> {
    const map = this.map;
    if (!map || map.surface !== this.surfaceKey || this.running) return;
    const learningRate = map.result.stepSizes[column];
    const decay = map.result.decays[row];
    if (learningRate === undefined || decay === undefined) return;
    const { start, steps, optimizer, constants } = map.shared;
    this.form.apply({ startX: start.x, startY: start.y, stepSize: learningRate, steps, decay, optimizer, ...(constants ? { constants } : {}) });
    await this.run();
  }

  /** The first path colour no kept run uses (the latest run's is free: it is replaced). */
  #freeColour(): string {
    const used = new Set(this.kept.map((run) => run.colour));
    return PATH_COLOURS.find((colour) => !used.has(colour)) ?? PATH_COLOURS[0]!;
  }

  #lastStep(): number {
    return Math.max(0, ...this.runs.map((run) => run.path.x.length - 1));
  }

  #resetRuns(): void {
    this.kept = [];
    this.current = null;
    this.playback.resize(0);
  }

  #resetMap(): void {
    this.#mapStop?.abort();
    this.#mapStop = undefined;
    this.mapRunning = false;
    this.mapStopping = false;
    this.mapProgress = null;
    this.mapMessage = null;
    this.map = null;
  }

  async #loadGrid(surface: string): Promise<void> {
    const token = ++this.#gridToken;
    this.loadingGrid = true;
    try {
      const grid = await this.#requests.ask(gridRequest(surface), 'surface.grid');
      if (token === this.#gridToken) this.grid = grid;
    } catch (error) {
      if (token === this.#gridToken) this.problem = `Could not draw the surface: ${messageOf(error)}`;
    } finally {
      if (token === this.#gridToken) this.loadingGrid = false;
    }
  }
}
