// A gradient check as the protocol asks for it: a layer, a loss or a network on seeded random data, correct or broken; pure, any process.
import type { Kernels } from '../kernels/kernels.js';
import { defaultKernels } from '../kernels/defaultKernels.js';
import { definitionOf } from '../layers/registry.js';
import { createLoss } from '../losses/createLoss.js';
import { defaultLossFor, validateLoss } from '../losses/lossRules.js';
import { buildNetwork } from '../network/network.js';
import { validateSpec } from '../network/validateSpec.js';
import type { GradcheckVariant } from './gradcheckVariants.js';
import type { LossName } from '../losses/lossNames.js';
import type { GradcheckRun, GradcheckSubject, GradientCheck as GradientCheckReport } from '../protocol/gradcheck.js';
import { deriveRandom, type Random } from '../random.js';
import { BROKEN_LAYER_TYPE, layerFactoryFor } from './brokenLayers.js';
import { entryErrors, EXERCISE_ERROR_THRESHOLD, GRADCHECK_EPSILON, GRADCHECK_THRESHOLD, type NamedCheck } from './checkGradient.js';
import { MAX_GRADCHECK_ENTRIES } from '../limits.js';
import { checkLayerSteps } from './checkLayer.js';
import { layerInputIssue } from './layerInputIssue.js';
import { checkLossSteps } from './checkLoss.js';
import { checkNetworkGradientSteps } from './checkNetworkGradient.js';
import { runSteps, type Steps } from '../work/steps.js';

/** A gradient check request that cannot run; `field` names the input at fault (e.g. "variant", "subject.loss"). */
export class GradcheckInputError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'GradcheckInputError';
  }
}

export interface GradcheckResult {
  variant: GradcheckVariant;
  threshold: number;
  entryThreshold: number;
  checks: GradientCheckReport[];
}

const STREAMS = { layer: 0, data: 1, upstream: 2 } as const;

/** Uniform values in [−3, 3] kept at least 0.1 away from 0, where ReLU and leaky ReLU have their kink. */
function randomInputs(random: Random, length: number): Float64Array {
  return Float64Array.from({ length }, () => {
    const value = 6 * random.next() - 3;
    return Math.abs(value) < 0.1 ? value + (value < 0 ? -0.1 : 0.1) : value;
  });
}

function uniformArray(random: Random, length: number, low: number, high: number): Float64Array {
  return Float64Array.from({ length }, () => low + (high - low) * random.next());
}

/** Targets a loss can take: one-hot rows for cce, 0/1 for bce, any value for mse. */
function randomTargets(loss: LossName, random: Random, rows: number, width: number): Float64Array {
  if (loss === 'mse') return uniformArray(random, rows * width, -1, 1);
  if (loss === 'bce') return Float64Array.from({ length: rows * width }, () => (random.next() < 0.5 ? 0 : 1));
  const targets = new Float64Array(rows * width);
  for (let r = 0; r < rows; r++) targets[r * width + Math.floor(random.next() * width)] = 1;
  return targets;
}

function toReport(check: NamedCheck, withEntries: boolean): GradientCheckReport {
  const size = check.analytic.length;
  return {
    name: check.name,
    size,
    shape: [...(check.shape ?? [size])],
    ...(withEntries ? { entries: entryErrors(check.analytic, check.numerical) } : {}),
    error: check.error,
    relativeError: check.relativeError,
    ok: check.ok,
    worst: check.worst,
  };
}

function requireVariantTarget(variant: GradcheckVariant, types: readonly string[], what: string): void {
  if (variant === 'correct') return;
  const type = BROKEN_LAYER_TYPE[variant];
  if (!types.includes(type)) throw new GradcheckInputError(`the variant ${variant} changes a ${type} layer, but ${what} has none`, 'variant');
}

function* checkLayerSubject(
  subject: Extract<GradcheckSubject, { kind: 'layer' }>,
  variant: GradcheckVariant,
  seed: number,
  epsilon: number,
  kernels: Kernels,
): Steps<NamedCheck[]> {
  requireVariantTarget(variant, [subject.layer.type], `a ${subject.layer.type} layer`);
  const trainingRandom = deriveRandom(seed, STREAMS.upstream + 1);
  const inputShape = subject.inputShape ?? [subject.inputs];
  const issue = layerInputIssue(subject.layer, inputShape);
  if (issue) throw new GradcheckInputError(issue, subject.inputShape ? 'subject.inputShape' : 'subject.inputs');
  const layer = layerFactoryFor(variant)(subject.layer, inputShape, kernels, deriveRandom(seed, STREAMS.layer), trainingRandom);
  const { rows } = subject;
  const x = randomInputs(deriveRandom(seed, STREAMS.data), rows * subject.inputs);
  const upstream = uniformArray(deriveRandom(seed, STREAMS.upstream), rows * layer.outputs, -2, 2);
  if (layer.parameters.length > 0) {
    // Non-zero biases, so a check of db sees them used.
    const random = deriveRandom(seed, STREAMS.layer + 10);
    for (const parameter of layer.parameters) if (parameter.name === 'b') parameter.value.set(uniformArray(random, parameter.value.length, -1, 1));
  }
  const training = definitionOf(subject.layer).trainingCheck;
  if (training === undefined || layer.setTraining === undefined || layer.holdRandomDraws === undefined) {
    return yield* checkLayerSteps(layer, x, rows, upstream, epsilon, GRADCHECK_THRESHOLD);
  }
  layer.setTraining(false);
  const evaluation = (yield* checkLayerSteps(layer, x, rows, upstream, epsilon)).map((check) => ({ ...check, name: `${check.name} (evaluation)` }));
  layer.setTraining(true);
  layer.forward(x, rows);
  layer.holdRandomDraws();
  const inTraining = (yield* checkLayerSteps(layer, x, rows, upstream, epsilon)).map((check) => ({ ...check, name: `${check.name} (training, ${training})` }));
  return [...evaluation, ...inTraining];
}

function* checkLossSubject(
  subject: Extract<GradcheckSubject, { kind: 'loss' }>,
  variant: GradcheckVariant,
  seed: number,
  epsilon: number,
): Steps<NamedCheck[]> {
  if (variant !== 'correct') throw new GradcheckInputError(`the variant ${variant} changes a layer; a loss has no broken variant`, 'variant');
  const { rows, width } = subject;
  if (subject.loss === 'cce' && width < 2)
    throw new GradcheckInputError('categorical cross-entropy needs a width of 2 or more (one value per class)', 'subject.width');
  const random = deriveRandom(seed, STREAMS.data);
  const targets = randomTargets(subject.loss, deriveRandom(seed, STREAMS.upstream), rows, width);
  const input = subject.loss === 'bce' ? uniformArray(random, rows * width, 0.05, 0.95) : uniformArray(random, rows * width, -3, 3);
  return [yield* checkLossSteps(createLoss(subject.loss), targets, input, rows, width, epsilon)];
}

function* checkNetworkSubject(
  subject: Extract<GradcheckSubject, { kind: 'network' }>,
  variant: GradcheckVariant,
  seed: number,
  epsilon: number,
  kernels: Kernels,
): Steps<NamedCheck[]> {
  const { spec, rows } = subject;
  const shapeIssue = validateSpec(spec)[0];
  if (shapeIssue) throw new GradcheckInputError(shapeIssue.message, `subject.${shapeIssue.field}`);
  const lossName = subject.loss ?? defaultLossFor(spec);
  const lossIssue = validateLoss(spec, lossName, subject.loss !== undefined)[0];
  if (lossIssue) throw new GradcheckInputError(lossIssue.message, lossIssue.field === 'hyper.loss' ? 'subject.loss' : `subject.${lossIssue.field}`);
  requireVariantTarget(
    variant,
    spec.layers.map((layer) => layer.type),
    'the network',
  );
  const network = buildNetwork(spec, deriveRandom(seed, STREAMS.layer), kernels, layerFactoryFor(variant));
  if (lossName === 'cce' && network.outputs < 2)
    throw new GradcheckInputError('categorical cross-entropy needs 2 or more outputs', `subject.spec.layers.${spec.layers.length - 1}`);
  const x = randomInputs(deriveRandom(seed, STREAMS.data), rows * network.inputs);
  const targets = randomTargets(lossName, deriveRandom(seed, STREAMS.upstream), rows, network.outputs);
  return yield* checkNetworkGradientSteps(network, x, targets, rows, createLoss(lossName), epsilon);
}

/**
 * Runs the gradient check a request describes on seeded random data: a layer (dx and each parameter against an upstream
 * gradient drawn in [−2, 2]; a layer that draws in training, such as dropout, in evaluation and in training with its draws held), a loss (w.r.t. its input; the logits for
 * cce) or a network (every parameter and the input, under its loss). Inputs are drawn in [−3, 3] away from 0.
 * A broken variant swaps in the exercise's wrong layer; it is an error for a subject without that layer type.
 * @throws GradcheckInputError naming the field at fault.
 */
export function runGradcheck(request: Pick<GradcheckRun, 'subject' | 'variant' | 'seed' | 'epsilon'>, kernels: Kernels = defaultKernels): GradcheckResult {
  return runSteps(gradcheckSteps(request, kernels));
}

/** runGradcheck as steps, one perturbed coordinate (two evaluations) each, for runStepsSliced. */
export function* gradcheckSteps(
  request: Pick<GradcheckRun, 'subject' | 'variant' | 'seed' | 'epsilon'>,
  kernels: Kernels = defaultKernels,
): Steps<GradcheckResult> {
  const variant = request.variant ?? 'correct';
  const epsilon = request.epsilon ?? GRADCHECK_EPSILON;
  const { subject, seed } = request;
  const checks =
    subject.kind === 'layer'
      ? yield* checkLayerSubject(subject, variant, seed, epsilon, kernels)
      : subject.kind === 'loss'
        ? yield* checkLossSubject(subject, variant, seed, epsilon)
        : yield* checkNetworkSubject(subject, variant, seed, epsilon, kernels);
  const withEntries = checks.reduce((sum, check) => sum + check.analytic.length, 0) <= MAX_GRADCHECK_ENTRIES;
  return { variant, threshold: GRADCHECK_THRESHOLD, entryThreshold: EXERCISE_ERROR_THRESHOLD, checks: checks.map((check) => toReport(check, withEntries)) };
}
