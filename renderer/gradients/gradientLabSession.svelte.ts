// Everything the Gradient lab holds (renderer): the overview, the function in detail, the gradient check and the user's own activation; made once, so it can live above the lab's view.
import type { EngineRequests } from '../host/engineRequests.js';
import type { EngineCatalog } from '../models/engineCatalog.js';
import type { UserActivations } from '../models/userActivations.svelte.js';
import { ActivationOverview } from './activationOverview.svelte.js';
import { FunctionExplorer } from './functionExplorer.svelte.js';
import { GradcheckSession } from './gradcheckSession.svelte.js';
import { OwnActivation } from './ownActivation.svelte.js';

export class GradientLabSession {
  readonly overview: ActivationOverview;
  readonly explorer: FunctionExplorer;
  readonly gradcheck: GradcheckSession;
  readonly own: OwnActivation;

  constructor(requests: EngineRequests, catalog: EngineCatalog, activations: UserActivations) {
    this.overview = new ActivationOverview(requests);
    this.explorer = new FunctionExplorer(requests, catalog);
    this.gradcheck = new GradcheckSession(requests);
    this.own = new OwnActivation(requests, activations);
  }

  /** Loads the catalog, then samples the overview's activations. */
  async start(): Promise<void> {
    await this.explorer.loadCatalog();
    if (this.explorer.functions.length > 0) await this.overview.load(this.explorer.functions);
  }
}
