// The Optimizer lab's state as a runes class (renderer): the engine's surfaces, the chosen surface and its grid, the paths on the plot.
import type { Catalog } from '../../engine/protocol/catalog.js';
import type { SurfaceDescend, SurfaceEvaluate, SurfaceGridEvent, SurfacePath } from '../../engine/protocol/surfaces.js';
import { EngineAnswerError, type EngineRequests } from '../host/engineRequests.js';
import type { EngineCatalog } from '../models/engineCatalog.js';
import { descentFieldOf, type DescentErrors, type DescentField, type DescentSettings } from './descentFields.js';
import { DescentForm } from './descentForm.svelte.js';
import { pathColour, runLabel } from './runLabels.js';

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

/** The surface choice that stands for the function the user typed. */
export const CUSTOM_SURFACE = 'custom';
/** Samples per axis of the contour grid. */
export const GRID_SIZE = 120;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
/** The grid request for a surface (a built-in id or an expression); its window is the surface's own. */
const gridRequest = (surface: string): Omit<SurfaceEvaluate, 'requestId'> => ({ type: 'surface.evaluate', surface, nx: GRID_SIZE, ny: GRID_SIZE });

export class OptimizerLabState {
  readonly form = new DescentForm();
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

  readonly #requests: EngineRequests;
  readonly #catalog: EngineCatalog;
  #plottedExpression = '';
  #serial = 0;
  #gridToken = 0;

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
  get canKeep(): boolean {
    return this.current !== null && !this.running;
  }

  /** Asks the engine for its surfaces and draws the chosen one. */
  async load(): Promise<void> {
    this.problem = null;
    const grid = this.#loadGrid(this.surfaceKey);
    try {
      this.surfaces = (await this.#catalog.load()).surfaces;
    } catch (error) {
      this.problem = `Could not ask the engine for its surfaces: ${messageOf(error)}`;
    }
    await grid;
  }

  /** Switches to a built-in surface: its grid, its suggested start, and no paths from the previous surface. */
  async selectSurface(id: string): Promise<void> {
    if (id === CUSTOM_SURFACE) return this.plotExpression();
    const info = this.surfaces.find((s) => s.id === id);
    this.surfaceId = id;
    this.#resetRuns();
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

  /** Runs the optimizer with the form's settings; the answer becomes the latest run unless the surface changed meanwhile. */
  async run(): Promise<void> {
    const settings = this.form.settings;
    if (!settings || !this.canRun) return;
    const surface = this.surfaceKey;
    this.running = true;
    this.runErrors = {};
    this.problem = null;
    try {
      const request: Omit<SurfaceDescend, 'requestId'> = { type: 'surface.descend', surface, ...settings, optimizer: { kind: settings.optimizer } };
      const path = await this.#requests.ask(request, 'surface.path');
      if (surface !== this.surfaceKey) return;
      const serial = ++this.#serial;
      this.current = { serial, settings, path, colour: pathColour(serial), label: runLabel(settings) };
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
    if (!this.current) return;
    this.kept = [...this.kept, this.current];
    this.current = null;
  }

  /** Puts saved work back before the lab is shown: the surface (a typed one is plotted by load), and the runs on the plot. */
  restore(surfaceId: string, expression: string, kept: Omit<DescentRun, 'serial' | 'colour'>[], current: Omit<DescentRun, 'serial' | 'colour'> | null): void {
    this.surfaceId = surfaceId;
    this.expression = expression;
    if (surfaceId === CUSTOM_SURFACE) this.#plottedExpression = expression.trim();
    const numbered = (run: Omit<DescentRun, 'serial' | 'colour'>): DescentRun => {
      const serial = ++this.#serial;
      return { ...run, serial, colour: pathColour(serial) };
    };
    this.kept = kept.map(numbered);
    this.current = current ? numbered(current) : null;
  }

  /** Removes every path from the plot. */
  clear(): void {
    this.#resetRuns();
  }

  /** Forgets what the engine said about a field once the user edits it. */
  edited(field: DescentField): void {
    if (this.runErrors[field]) this.runErrors = { ...this.runErrors, [field]: undefined };
  }

  #resetRuns(): void {
    this.kept = [];
    this.current = null;
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
