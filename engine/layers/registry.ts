// The layer registry: every layer type's definition in one list, and the spec schema and type list derived from it; pure, any process.
import { z } from 'zod';
import { avgpool2dDefinition } from './avgpool2dDefinition.js';
import { conv2dDefinition } from './conv2dDefinition.js';
import { customActivationDefinition } from './customActivationDefinition.js';
import { dropoutDefinition } from './dropoutDefinition.js';
import { eluDefinition } from './eluDefinition.js';
import { flattenDefinition } from './flattenDefinition.js';
import { geluDefinition } from './geluDefinition.js';
import type { LayerDefinition } from './layerDefinition.js';
import { leakyReluDefinition } from './leakyReluDefinition.js';
import { linearDefinition } from './linearDefinition.js';
import { maxpool2dDefinition } from './maxpool2dDefinition.js';
import { reluDefinition } from './reluDefinition.js';
import { sigmoidDefinition } from './sigmoidDefinition.js';
import { siluDefinition } from './siluDefinition.js';
import { softmaxDefinition } from './softmaxDefinition.js';
import { softplusDefinition } from './softplusDefinition.js';
import { tanhDefinition } from './tanhDefinition.js';

/** Every layer type, in the order palettes, usage texts and messages list them. A new layer type is one entry here. */
const DEFINITIONS = [
  linearDefinition,
  reluDefinition,
  leakyReluDefinition,
  sigmoidDefinition,
  tanhDefinition,
  softmaxDefinition,
  dropoutDefinition,
  eluDefinition,
  geluDefinition,
  softplusDefinition,
  siluDefinition,
  conv2dDefinition,
  maxpool2dDefinition,
  avgpool2dDefinition,
  flattenDefinition,
  customActivationDefinition,
] as const;

type SchemasOf<T> = T extends readonly [{ readonly schema: infer Schema }, ...infer Rest] ? [Schema, ...SchemasOf<Rest>] : [];
type Schemas = SchemasOf<typeof DEFINITIONS>;

/** One layer of a NetworkSpec: the union of every registered layer's schema, told apart by `type`. */
export const LayerSpecSchema = z.discriminatedUnion('type', DEFINITIONS.map((definition) => definition.schema) as unknown as Schemas);
export type LayerSpec = z.infer<typeof LayerSpecSchema>;
export type LayerType = LayerSpec['type'];

/** Every registered layer definition. */
export const LAYER_DEFINITIONS: readonly LayerDefinition<LayerSpec>[] = DEFINITIONS;
/** Every registered layer type, in registry order. */
export const LAYER_TYPES: readonly LayerType[] = DEFINITIONS.map((definition) => definition.type);

const BY_TYPE = new Map<string, LayerDefinition<LayerSpec>>(LAYER_DEFINITIONS.map((definition) => [definition.type, definition]));

/** The definition of a layer type, or undefined for a name no layer has. */
export function findLayerDefinition(type: string): LayerDefinition<LayerSpec> | undefined {
  return BY_TYPE.get(type);
}

/** The definition of the layer `spec` describes. */
export function definitionOf<S extends LayerSpec>(spec: S): LayerDefinition<S> {
  return BY_TYPE.get(spec.type) as unknown as LayerDefinition<S>;
}

/** True when `type` names a registered layer type. */
export function isLayerType(type: string): type is LayerType {
  return BY_TYPE.has(type);
}

/** How the lab names a layer type ("leaky_relu" → "Leaky ReLU"); an unknown name is given back as it is. */
export function layerTitle(type: string): string {
  return BY_TYPE.get(type)?.title ?? type;
}

/** How the lab names one layer: its type's title, or what its definition makes of its spec ("softsign, your activation"). */
export function layerSpecTitle(spec: LayerSpec): string {
  const definition = definitionOf(spec);
  return definition.titleOf?.(spec) ?? definition.title;
}

/** The spec of a fresh layer of `type`: its required settings at their initial (or example) values, optional ones left out. */
export function defaultLayerSpec(type: LayerType): LayerSpec {
  const spec: Record<string, number | string | boolean> = { type };
  for (const setting of findLayerDefinition(type)!.settings) {
    if (setting.optional) continue;
    if (setting.kind === 'choice' || setting.kind === 'flag') spec[setting.name] = setting.default;
    else if (setting.kind === 'text') spec[setting.name] = setting.example;
    else spec[setting.name] = setting.initial ?? setting.default ?? setting.example;
  }
  return spec as LayerSpec;
}
