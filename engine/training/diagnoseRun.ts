// What went wrong with a trained network, found on its test set: one class predicted for every sample, hidden ReLU layers whose units are all dead; pure, any process.
import { z } from 'zod';
import type { Samples } from '../data/dataSets.js';
import { classify, endsInProbabilities } from '../analysis/predictions.js';
import { chunkRows } from '../network/forwardInChunks.js';
import type { Network } from '../network/network.js';

/** one-class: every sample gets the same class; dead-relu: a ReLU layer outputs 0 in every unit for every sample. */
export const DiagnosisKindSchema = z.enum(['one-class', 'dead-relu']);
/** The likely cause: steps too large for the network, or a start that was already broken. */
export const DiagnosisCauseSchema = z.enum(['learning-rate', 'initialisation']);

export const DiagnosisSchema = z
  .object({
    kind: DiagnosisKindSchema,
    cause: DiagnosisCauseSchema,
    /** For dead-relu: the ReLU layer's index in the spec, counted from 0. */
    layer: z.number().int().nonnegative().optional(),
    /** A sentence for the user: what happened, and the likely cause. */
    message: z.string(),
  })
  .strict();
export type Diagnosis = z.infer<typeof DiagnosisSchema>;

/** What a network does on a set of samples that a diagnosis is made of. */
export interface NetworkSymptoms {
  /** The class every sample is predicted as, when there is only one. */
  oneClass: number | undefined;
  /** Spec indices of the ReLU layers whose every output is 0 on every sample. */
  deadLayers: number[];
}

function allZero(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== 0) return false;
  return true;
}

/**
 * Runs `samples` through `network` in evaluation mode, `rowsPerPass` rows at a time (so its activations never take more
 * than a minibatch's), and notes whether one class is predicted for all of them, and which ReLU layers are dead (all
 * outputs exactly 0). A network with fewer than two samples has no symptoms.
 */
export function networkSymptoms(network: Network, samples: Samples, rowsPerPass = samples.size): NetworkSymptoms {
  if (samples.size < 2) return { oneClass: undefined, deadLayers: [] };
  network.setTraining(false);
  const width = samples.features.length / samples.size;
  const last = network.layers.length - 1;
  const reluLayers = network.layers.flatMap((layer, index) => (layer.type === 'relu' ? [index] : []));
  const alive = new Set<number>();
  const probabilities = endsInProbabilities(network);
  let first: number | undefined;
  let oneClass = true;
  const rows = Math.max(1, Math.floor(rowsPerPass));
  for (let start = 0; start < samples.size; start += rows) {
    const count = Math.min(rows, samples.size - start);
    const outputs = network.forward(samples.features.subarray(start * width, (start + count) * width), count);
    for (const index of reluLayers) if (!alive.has(index) && !allZero(index === last ? outputs : network.inputOf(index + 1))) alive.add(index);
    const { predicted } = classify(outputs, count, network.outputs, probabilities);
    first ??= predicted[0]!;
    if (oneClass && predicted.some((p) => p !== first)) oneClass = false;
  }
  return { oneClass: oneClass ? first : undefined, deadLayers: reluLayers.filter((index) => !alive.has(index)) };
}

/** Rows per pass of networkSymptoms: one minibatch's (whose buffers the layers already have), or a chunk of forwardInChunks when that is more. */
export function symptomPassRows(network: Network, batchSize: number): number {
  return Math.max(batchSize, chunkRows(network, Number.MAX_SAFE_INTEGER));
}

export interface DiagnosisInput {
  /** The symptoms before the first update and after the last. */
  initial: NetworkSymptoms;
  final: NetworkSymptoms;
  classes: readonly string[];
  /** Which samples the symptoms were found on: "test", or "training" when the run has no test set. */
  setName: 'test' | 'training';
  learningRate: number;
}

/**
 * Turns the symptoms of a finished run into sentences with their likely cause. A dead layer that was dead before the
 * first update points at the initialisation; one that died during training, at a learning rate too large. A run that
 * predicts one class for every sample shares the cause of a dead layer when it has one, else the learning rate.
 */
export function diagnoseRun(input: DiagnosisInput): Diagnosis[] {
  const { initial, final, setName } = input;
  const diagnoses: Diagnosis[] = [];
  const causeOf = (layer: number) => (initial.deadLayers.includes(layer) ? 'initialisation' : 'learning-rate');
  for (const layer of final.deadLayers) {
    const cause = causeOf(layer);
    const why =
      cause === 'initialisation'
        ? 'they were dead before the first update, so the likely cause is the initialisation (or the initial weights): every unit starts with a negative input'
        : `they died during training, so the likely cause is a learning rate too large (${input.learningRate}): a step pushed every unit's input below zero; try a smaller one`;
    diagnoses.push({
      kind: 'dead-relu',
      cause,
      layer,
      message: `every unit of the ReLU at layer ${layer + 1} outputs 0 for every ${setName} sample (all dead, so no gradient flows through them): ${why}`,
    });
  }
  if (final.oneClass !== undefined) {
    const className = input.classes[final.oneClass] ?? String(final.oneClass);
    const dead = final.deadLayers[0];
    const why =
      dead !== undefined
        ? `because the ReLU at layer ${dead + 1} is dead; likely cause: ${causeOf(dead) === 'initialisation' ? 'the initialisation' : `a learning rate too large (${input.learningRate})`}`
        : `likely cause: a learning rate too large (${input.learningRate}), which throws the outputs to one side; try a smaller one`;
    diagnoses.push({
      kind: 'one-class',
      cause: dead !== undefined ? causeOf(dead) : 'learning-rate',
      message: `the network predicts class ${JSON.stringify(className)} for every ${setName} sample, ${why}`,
    });
  }
  return diagnoses;
}
