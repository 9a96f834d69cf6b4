// Networks that train, but train badly — a softmax first, dropout after the output, a last layer that leaves the loss at MSE — found from the layer registry and the loss rules; pure, any process.
import { LAYER_DEFINITIONS, findLayerDefinition, type LayerSpec } from '../layers/registry.js';
import { LOSS_TITLES, type LossName } from '../losses/lossNames.js';
import { defaultLossFor } from '../losses/lossRules.js';
import type { NetworkSpec } from '../spec.js';
import type { SpecIssue } from './specIssue.js';

/** The layers without settings after which the default loss is a cross-entropy (from defaultLossFor): Sigmoid, Softmax. */
function crossEntropyEndings(): { title: string; loss: LossName }[] {
  return LAYER_DEFINITIONS.filter((definition) => definition.settings.length === 0)
    .map((definition) => ({ title: definition.title, loss: defaultLossFor({ input: 1, layers: [{ type: definition.type } as LayerSpec] }) }))
    .filter((ending) => ending.loss !== 'mse');
}

/**
 * What in `spec` makes training go badly without making it impossible, each with the field of the layer it is about:
 * a first layer that mixes the input features without weights (an activation that is not elementwise: a softmax), a
 * layer that draws at random in training and is the identity otherwise (dropout) after the last layer with weights, and,
 * when the loss is not chosen (`loss` undefined), a last layer after which the default loss falls back to mean squared error.
 */
export function designWarnings(spec: NetworkSpec, loss?: LossName): SpecIssue[] {
  const warnings: SpecIssue[] = [];
  const definitions = spec.layers.map((layer) => findLayerDefinition(layer.type));
  const name = (index: number) => `layer ${index + 1} (${definitions[index]?.title ?? spec.layers[index]!.type})`;

  const first = definitions[0];
  if (first && first.family === 'activation' && !first.activation) {
    warnings.push({
      field: 'spec.layers.0',
      message: `${name(0)} rescales the input features together before any weights see them (${first.description.toLowerCase()}), which loses most of what tells the samples apart: put a Linear layer first`,
    });
  }

  let lastWeights = -1;
  definitions.forEach((definition, index) => {
    if (definition?.family === 'weights') lastWeights = index;
  });
  if (lastWeights >= 0) {
    definitions.forEach((definition, index) => {
      if (index > lastWeights && definition?.trainingRandom && definition.identityInEvaluation) {
        warnings.push({
          field: `spec.layers.${index}`,
          message: `${name(index)} comes after the output layer, ${name(lastWeights)}: in training it changes the network's outputs at random, so the loss judges predictions the trained network never makes — put it between hidden layers`,
        });
      }
    });
  }

  const last = spec.layers.length - 1;
  if (loss === undefined && last >= 0 && defaultLossFor(spec) === 'mse') {
    const endings = crossEntropyEndings()
      .map((ending) => `${ending.title} (${LOSS_TITLES[ending.loss].toLowerCase()})`)
      .join(' or ');
    warnings.push({
      field: `spec.layers.${last}`,
      message: `after ${name(last)} as the last layer the loss falls back to ${LOSS_TITLES.mse.toLowerCase()}, which learns classes slowly: end with ${endings}`,
    });
  }
  return warnings;
}
