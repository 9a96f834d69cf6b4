// Answers spec.check: every layer's shape and parameter count, and every problem with the network (its size against the budget, its data set); pure.
import { trainingCost } from '../budget/requestCost.js';
import { outputsForClasses } from '../data/classOutputs.js';
import { shapeSize } from '../layers/shape.js';
import { defaultLossFor, validateLoss } from '../losses/lossRules.js';
import { describeLayers } from '../network/describeLayers.js';
import { designWarnings } from '../network/designWarnings.js';
import type { SpecIssue } from '../network/specIssue.js';
import { validateSpecForData } from '../network/validateSpec.js';
import type { SpecCheck, SpecReport } from '../protocol/specCheck.js';
import type { EngineContext } from './engineContext.js';

/** The data's name and widths; image files are described from their headers and labels, without preparing every image. */
async function dataShape(
  source: NonNullable<SpecCheck['dataSet']>,
  request: SpecCheck,
  context: Pick<EngineContext, 'loadData' | 'previewImages'>,
): Promise<{ name: string; inputs: number; outputs: number }> {
  if (typeof source === 'object' && source.kind === 'images' && context.previewImages && !request.extraFeatures?.length) {
    const preview = await context.previewImages(source, { seed: 1 }, 0);
    return { name: preview.name, inputs: preview.featureNames.length, outputs: outputsForClasses(preview.classes.length) };
  }
  const data = await context.loadData(source, { trainFraction: 0.5, seed: 1, extraFeatures: request.extraFeatures });
  return { name: data.name, inputs: data.inputs, outputs: data.outputs };
}

/** The layers' shapes, the loss, and the issues: the spec's own, the loss's, and (when a data set is named) the data's. */
export async function handleSpecCheck(request: SpecCheck, context: Pick<EngineContext, 'loadData' | 'budget' | 'previewImages'>): Promise<SpecReport> {
  const { spec } = request;
  const { layers: described, parameterCount, issues } = describeLayers(spec);
  const layers = described.map(({ index, type, inputShape, outputShape, parameters }) => ({
    index,
    type,
    ...(inputShape ? { inputs: shapeSize(inputShape), inputShape: [...inputShape] } : {}),
    ...(outputShape ? { outputs: shapeSize(outputShape), outputShape: [...outputShape] } : {}),
    ...(parameters === undefined ? {} : { parameters }),
  }));
  const loss = request.loss ?? defaultLossFor(spec);
  const all: SpecIssue[] = [...issues];
  if (all.length === 0) all.push(...validateLoss(spec, loss, request.loss !== undefined));
  // The smallest run of this network (one sample a minibatch, plain SGD) against the budget: a network too large to train is said at its layer.
  const overBudget = context.budget.issue(trainingCost({ spec, hyper: { batchSize: 1, epochs: 1 }, recordPath: false }));
  if (overBudget) all.push(overBudget);
  if (all.length === 0 && request.dataSet !== undefined) {
    try {
      all.push(...validateSpecForData(spec, await dataShape(request.dataSet, request, context), request.loss));
    } catch (error) {
      all.push({ field: 'dataSet', message: `cannot load the data: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  const unique = all.filter((issue, i) => all.findIndex((other) => other.message === issue.message) === i);
  return {
    type: 'spec.report',
    requestId: request.requestId,
    layers,
    ...(parameterCount === undefined ? {} : { parameterCount }),
    loss,
    issues: unique,
    warnings: designWarnings(spec, request.loss),
  };
}
