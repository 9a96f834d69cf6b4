// What each request would cost before it allocates or loops: memory, multiply-adds of network passes, expression evaluations; pure, any process.
import type { PreparedData } from '../data/dataSets.js';
import { definitionOf } from '../layers/registry.js';
import { formatCount, MAX_EXPRESSION_EVALUATIONS, MAX_PLACED_SAMPLES_BYTES, MAX_MINIBATCH_MULTIPLY_ADDS, MAX_REQUEST_MULTIPLY_ADDS } from '../limits.js';
import { OPTIMIZER_STATE_ARRAYS } from '../optimizers/optimizerConfig.js';
import type { GradcheckRun } from '../protocol/gradcheck.js';
import type { LandscapeRun } from '../protocol/landscape.js';
import type { SurfaceDescend, SurfaceEvaluate } from '../protocol/surfaces.js';
import type { TrainStart } from '../protocol/training.js';
import type { NetworkSpec } from '../spec.js';
import { findSurface } from '../surfaces/catalog.js';
import { parseExpression, type Expr } from '../surfaces/expression.js';
import { chunkRowsFor } from '../network/forwardInChunks.js';
import { blockBytes, networkCost } from './networkCost.js';

/** A request's cost, with the field a message about each part points at and what to change. */
export interface RequestCost {
  /** What is costed, as a message names it: "the network", "the gradient check". */
  what: string;
  memory: { bytes: number; field: string; detail: string; advice: string };
  work?: WorkCost;
}

/** The work part of a cost: how much, in which unit, against which limit ("for one request (about a minute)"). */
export interface WorkCost {
  amount: number;
  unit: 'multiply-adds' | "evaluations of the expression's terms";
  limit: number;
  /** How the limit is counted, as the message says it after the limit. */
  per: string;
  field: string;
  detail: string;
  advice: string;
}

const REQUEST_MULTIPLY_ADDS = { unit: 'multiply-adds', limit: MAX_REQUEST_MULTIPLY_ADDS, per: 'for one request (about a minute)' } as const;
const EXPRESSION_EVALUATIONS = {
  unit: "evaluations of the expression's terms",
  limit: MAX_EXPRESSION_EVALUATIONS,
  per: 'for one request (about ten seconds)',
} as const;

/** What a built-in surface counts as, in expression nodes, per evaluation. */
const BUILT_IN_SURFACE_NODES = 16;
/** Expression evaluations per descent step: the value, and the gradient by dual numbers (about three times the value). */
const EVALUATIONS_PER_STEP = 4;

function countNodes(expr: Expr): number {
  switch (expr.kind) {
    case 'num':
    case 'var':
      return 1;
    case 'neg':
    case 'call':
      return 1 + countNodes(expr.arg);
    case 'bin':
      return 1 + countNodes(expr.left) + countNodes(expr.right);
  }
}

/** The nodes of a surface's expression (a built-in counts as BUILT_IN_SURFACE_NODES); undefined when it does not parse (its handler says why). */
export function surfaceNodes(surface: string): number | undefined {
  if (findSurface(surface)) return BUILT_IN_SURFACE_NODES;
  try {
    return countNodes(parseExpression(surface));
  } catch {
    return undefined;
  }
}

const layerName = (spec: NetworkSpec, index: number) => `layer ${index + 1} (${spec.layers[index]?.type ?? 'none'})`;

/**
 * Bytes of the prepared data's arrays (features and targets of both sets), and of the copies a run places in the kernels'
 * memory (arrays of at most MAX_PLACED_SAMPLES_BYTES, in blocks).
 */
export function dataBytes(data: Pick<PreparedData, 'train' | 'test'>): number {
  const arrays = [data.train.features, data.train.targets, data.test.features, data.test.targets];
  const copies = arrays.reduce((sum, values) => sum + (8 * values.length <= MAX_PLACED_SAMPLES_BYTES ? blockBytes(values.length) : 0), 0);
  return 8 * arrays.reduce((sum, values) => sum + values.length, 0) + copies;
}

/**
 * A run's memory: each parameter with its gradient and the optimizer's state, the trained weights and their message,
 * every layer's output and gradient for a minibatch, the recorded path, and the data (once loaded).
 */
export function trainingCost(
  request: Pick<TrainStart, 'spec' | 'recordPath'> & { hyper: Pick<TrainStart['hyper'], 'batchSize' | 'epochs' | 'optimizer'> },
  loadedDataBytes = 0,
): RequestCost {
  const { spec, hyper } = request;
  const net = networkCost(spec);
  const slots = OPTIMIZER_STATE_ARRAYS[hyper.optimizer?.kind ?? 'sgd'];
  const parameterBytes = net.parameterBlockBytes * (2 + slots) + 2 * 8 * net.parameters;
  const activationBytes = net.activationBytesPerRow * hyper.batchSize;
  const pathBytes = request.recordPath ? 8 * net.parameters * (hyper.epochs + 1) : 0;
  const byActivations = activationBytes > parameterBytes;
  return {
    what: 'the network',
    memory: {
      bytes: parameterBytes + activationBytes + pathBytes + loadedDataBytes,
      field: byActivations ? 'hyper.batchSize' : `spec.layers.${net.largestLayer}`,
      detail:
        `${formatCount(net.parameters)} parameters` +
        (slots > 0 ? ` with ${slots} optimizer value${slots > 1 ? 's' : ''} each` : '') +
        `, ${formatCount(net.activationsPerRow * hyper.batchSize)} activations for a minibatch of ${hyper.batchSize}` +
        (pathBytes > 0 ? `, the recorded path` : '') +
        (loadedDataBytes > 0 ? `, the data` : ''),
      advice: byActivations ? 'use a smaller minibatch or fewer units' : `use fewer units in ${layerName(spec, net.largestLayer)}`,
    },
    work: {
      amount: 3 * hyper.batchSize * net.multiplyAddsPerRow,
      unit: 'multiply-adds',
      limit: MAX_MINIBATCH_MULTIPLY_ADDS,
      per: 'per minibatch, so that a run answers Stop within a second',
      field: 'hyper.batchSize',
      detail: `a forward and backward pass of ${formatCount(net.parameters)} parameters on ${hyper.batchSize} samples`,
      advice: 'use a smaller minibatch or fewer units',
    },
  };
}

/** The network a gradient check's subject is, for costing (a loss is costed on its own). */
function gradcheckNetwork(subject: GradcheckRun['subject']): NetworkSpec | undefined {
  if (subject.kind === 'layer') return { input: subject.inputs, ...(subject.inputShape ? { inputShape: subject.inputShape } : {}), layers: [subject.layer] };
  return subject.kind === 'network' ? subject.spec : undefined;
}

/**
 * A gradient check: two evaluations for every checked value (the input's and every parameter's), each a forward pass
 * of all rows (twice over for a layer checked in evaluation and in training, such as dropout); its memory holds the
 * layer or network, its activations and the analytic and numerical gradients.
 */
export function gradcheckCost(request: Pick<GradcheckRun, 'subject'>): RequestCost {
  const { subject } = request;
  const rows = subject.rows;
  const spec = gradcheckNetwork(subject);
  if (!spec) {
    const values = rows * (subject.kind === 'loss' ? subject.width : 0);
    return {
      what: 'the gradient check',
      memory: { bytes: 8 * 6 * values, field: 'subject.width', detail: `${formatCount(values)} loss inputs`, advice: 'use fewer rows or a smaller width' },
      work: {
        ...REQUEST_MULTIPLY_ADDS,
        amount: 2 * values * values,
        field: 'subject.width',
        detail: `2 × ${formatCount(values)} evaluations of the loss on ${formatCount(values)} inputs`,
        advice: 'use fewer rows or a smaller width',
      },
    };
  }
  const net = networkCost(spec);
  const passes = subject.kind === 'layer' && definitionOf(subject.layer).trainingCheck !== undefined ? 2 : 1;
  const checked = rows * spec.input + net.parameters;
  const evaluations = 2 * checked * passes;
  const field =
    subject.kind !== 'layer'
      ? `subject.spec.layers.${net.largestLayer}`
      : net.parameters >= rows * spec.input && 'units' in subject.layer
        ? 'subject.layer.units'
        : 'subject.rows';
  const advice = subject.kind === 'network' ? 'check a smaller network or fewer rows' : 'check a smaller layer, fewer inputs or fewer rows';
  return {
    what: 'the gradient check',
    memory: {
      bytes: 2 * net.parameterBlockBytes + rows * net.activationBytesPerRow + 3 * 8 * checked,
      field,
      detail: `${formatCount(net.parameters)} parameters and ${formatCount(rows * net.activationsPerRow)} activations, and the gradients of ${formatCount(checked)} values`,
      advice,
    },
    work: {
      ...REQUEST_MULTIPLY_ADDS,
      amount: evaluations * rows * net.multiplyAddsPerRow,
      field,
      detail: `${formatCount(evaluations)} evaluations on ${rows} row${rows === 1 ? '' : 's'}`,
      advice,
    },
  };
}

/** A surface's grid: every point one evaluation of the expression; its memory the values and their message. */
export function surfaceGridCost(request: Pick<SurfaceEvaluate, 'surface' | 'nx' | 'ny'>): RequestCost | undefined {
  const nodes = surfaceNodes(request.surface);
  if (nodes === undefined) return undefined;
  const points = request.nx * request.ny;
  const advice = 'use a smaller grid or a shorter expression';
  return {
    what: 'the grid',
    memory: { bytes: 2 * 8 * points, field: 'nx', detail: `${formatCount(points)} points`, advice },
    work: {
      ...EXPRESSION_EVALUATIONS,
      amount: points * nodes,
      field: 'surface',
      detail: `${formatCount(points)} points × ${formatCount(nodes)} terms of the expression`,
      advice,
    },
  };
}

/** A descent: every step the value and the gradient of the expression; its memory the path and its message. */
export function descentCost(request: Pick<SurfaceDescend, 'surface' | 'steps'>): RequestCost | undefined {
  const nodes = surfaceNodes(request.surface);
  if (nodes === undefined) return undefined;
  const advice = 'use fewer steps or a shorter expression';
  return {
    what: 'the descent',
    memory: { bytes: 2 * 3 * 8 * (request.steps + 1), field: 'steps', detail: `${formatCount(request.steps + 1)} points of the path`, advice },
    work: {
      ...EXPRESSION_EVALUATIONS,
      amount: request.steps * nodes * EVALUATIONS_PER_STEP,
      field: 'steps',
      detail: `${formatCount(request.steps)} steps × ${formatCount(nodes)} terms of the expression`,
      advice,
    },
  };
}

/**
 * An analysis of a trained network on `rows` samples: its memory two networks rebuilt from the weights (the predictions'
 * and the traced sample's), the activations of the passes over the samples in chunks (a last, shorter chunk has
 * buffers of its own), the traced sample's pass and saliency, and a prediction per sample; its work those passes.
 */
export function analysisCost(spec: NetworkSpec, rows: number): RequestCost {
  const net = networkCost(spec);
  const chunk = chunkRowsFor(spec, rows);
  const advice = 'use a smaller network';
  return {
    what: 'the analysis',
    memory: {
      bytes: 4 * net.parameterBlockBytes + 8 * net.parameters + (Math.min(rows, 2 * chunk) + 1) * net.activationBytesPerRow + 16 * rows,
      field: 'weights',
      detail: `${formatCount(net.parameters)} parameters twice over and ${formatCount(chunk * net.activationsPerRow)} activations for ${formatCount(chunk)} of its ${formatCount(rows)} samples at a time`,
      advice,
    },
    work: {
      ...REQUEST_MULTIPLY_ADDS,
      amount: (rows + 3) * net.multiplyAddsPerRow,
      field: 'weights',
      detail: `a forward pass of ${formatCount(rows)} samples`,
      advice,
    },
  };
}

/**
 * Feature maps (or one value's explanation) for one sample, with a gallery of `galleryRows` samples classified beside it:
 * its memory the network rebuilt from the weights (parameters and their gradients), the activations of a pass over the
 * sample and over the gallery, every layer's output for the sample, and the gallery's pixels; its work those passes.
 */
export function featureMapsCost(spec: NetworkSpec, galleryRows: number): RequestCost {
  const net = networkCost(spec);
  const rows = 1 + galleryRows;
  const samples = galleryRows > 0 ? `the chosen sample and a gallery of ${galleryRows}` : 'the chosen sample';
  const advice = 'use a network with fewer filters or units';
  return {
    what: 'drawing the feature maps',
    memory: {
      bytes: 2 * net.parameterBlockBytes + 8 * net.parameters + rows * net.activationBytesPerRow + 8 * net.activationsPerRow + 2 * 8 * spec.input * galleryRows,
      field: 'weights',
      detail: `${formatCount(net.parameters)} parameters and ${formatCount(rows * net.activationsPerRow)} activations for ${samples}`,
      advice,
    },
    work: {
      ...REQUEST_MULTIPLY_ADDS,
      amount: rows * net.multiplyAddsPerRow,
      field: 'weights',
      detail: `a forward pass of ${samples}`,
      advice,
    },
  };
}

/**
 * A loss landscape: resolution² forward passes of the whole training set; its memory the network, four vectors of
 * its parameters (θ, the point, δ, η) and the activations of the training set in one batch.
 */
export function landscapeCost(request: Pick<LandscapeRun, 'resolution'>, spec: NetworkSpec, trainRows: number): RequestCost {
  const net = networkCost(spec);
  const points = request.resolution * request.resolution;
  const advice = 'use a lower resolution or a smaller network';
  return {
    what: 'the landscape',
    memory: {
      bytes: 2 * net.parameterBlockBytes + 4 * 8 * net.parameters + 2 * trainRows * net.activationBytesPerRow,
      field: 'resolution',
      detail: `${formatCount(net.parameters)} parameters and ${formatCount(trainRows * net.activationsPerRow)} activations of the training set`,
      advice,
    },
    work: {
      ...REQUEST_MULTIPLY_ADDS,
      amount: points * trainRows * net.multiplyAddsPerRow,
      field: 'resolution',
      detail: `${formatCount(points)} points × ${formatCount(trainRows)} training samples`,
      advice,
    },
  };
}
