// Answers engine.describe: the functions, surfaces, data sets, optimizers and layer types this engine offers; pure.
import { DATA_SET_INFO } from '../data/dataSets.js';
import { ACTIVATIONS, LOSSES } from '../functions/catalog.js';
import { DATA_SET_NAMES, TOY_DATA_NAMES } from '../data/dataSetNames.js';
import { OPTIMIZER_KINDS } from '../optimizers/optimizerConfig.js';
import type { Catalog } from '../protocol/catalog.js';
import { LAYER_TYPES } from '../spec.js';
import { SURFACES } from '../surfaces/catalog.js';

/** Everything a lab needs to fill its menus. */
export async function handleDescribe(request: { requestId: string }): Promise<Catalog> {
  return {
    type: 'engine.catalog',
    requestId: request.requestId,
    functions: [
      ...ACTIVATIONS.map((f) => ({
        id: f.id,
        name: f.name,
        formula: f.formula,
        kind: 'activation' as const,
        domain: f.domain,
        kinks: f.kinks,
        variable: f.variable,
      })),
      ...LOSSES.map((f) => ({ id: f.id, name: f.name, formula: f.formula, kind: 'loss' as const, domain: f.domain, kinks: f.kinks, variable: f.variable })),
    ],
    surfaces: SURFACES.map((s) => ({ id: s.id, name: s.name, formula: s.formula, bounds: s.bounds, start: s.start, minima: s.minima })),
    dataSets: DATA_SET_NAMES.map((name) => {
      const info = DATA_SET_INFO[name];
      const image = info.imageShape ? { imageShape: [...info.imageShape] } : {};
      return { name, description: info.description, inputs: info.inputs, classes: info.classes, size: info.size, ...image };
    }),
    toyDataSets: [...TOY_DATA_NAMES],
    optimizers: [...OPTIMIZER_KINDS],
    layerTypes: [...LAYER_TYPES],
  };
}
