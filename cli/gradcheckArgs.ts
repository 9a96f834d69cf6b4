// Parses and checks the options of `backprop-lab gradcheck` into a gradient check request, and its help text (Node, the CLI process).
import { GradcheckVariantSchema, type GradcheckVariant } from '../engine/gradcheck/gradcheckVariants.js';
import { LOSS_NAMES, type LossName } from '../engine/losses/lossNames.js';
import type { GradcheckRun, GradcheckSubject } from '../engine/protocol/gradcheck.js';
import { parseSpecText, SHORT_FORMS } from '../engine/specText.js';
import { parseOptions, toChoice, toNumber } from './parseOptions.js';
import { readSpec } from './readSpec.js';
import { MEMORY_LIMIT_USAGE, wrapDescription } from './usage.js';
import { MEMORY_LIMIT_OPTION, toMemoryBudget } from './memoryLimit.js';
import { UsageError } from './usageError.js';
import type { EngineBudget } from '../engine/budget/engineBudget.js';
import { formatShape, parseImageShape, shapeSize } from '../engine/layers/shape.js';
import { MAX_GRADCHECK_ROWS, MAX_GRADCHECK_WIDTH } from '../engine/limits.js';

export const GRADCHECK_USAGE = `usage: backprop-lab gradcheck (--layer LAYER | --loss LOSS | --net SPEC) [options]

Checks a backward pass against central differences, as the exercise does with scipy's check_grad, on seeded
random inputs; prints per gradient the error ‖g − g_num‖₂ (what check_grad returns) and the relative error
‖g − g_num‖ / (‖g‖ + ‖g_num‖); a check is OK when the relative error is below 1e-6.

subjects (one of):
  --layer LAYER       ${wrapDescription(`one layer in the short form: ${SHORT_FORMS}; checks dx, and the gradient of each parameter (dW and db for linear)`)}
      --inputs N      the layer's input width, default 5
      --input-shape CxHxW  an image input instead (e.g. 2x6x6), for conv2d, maxpool2d, avgpool2d and flatten
  --loss LOSS         bce, cce or mse alone: its gradient w.r.t. its input (for cce: the logits of the fused softmax)
      --width N       values per sample, default 4
  --net SPEC          a whole network: a NetworkSpec JSON file or the short form, e.g. linear:32,relu,linear:1,sigmoid;
                      checks every dW and db and the input; --loss then picks its loss (default: cce after a softmax,
                      bce after a sigmoid, else mse)
      --input N       the network's input width for the short form, default 8
      --input-shape CxHxW  its input as an image instead (e.g. 1x8x8), for a network that starts with a convolution

options:
  --rows N            samples in the batch, default 3
  --variant NAME      correct (default), or one of the exercise's wrong backward passes: exercise-db
                      (db = sum(dy) / len(dy)) or exercise-sigmoid-grad (grad_h = sigmoid_grad(grad_y_hat))
  --seed N            seed of the random inputs and weights, default 1
  --epsilon E         central-difference step, default 1e-6
  --json              print the report as one JSON object
${MEMORY_LIMIT_USAGE}
  -h, --help          show this help

exit status: 0 when every check is OK, 1 when one fails, 2 for bad arguments`;

export interface GradcheckSettings {
  help: boolean;
  json: boolean;
  /** A short description of the subject for the table's heading. */
  title: string;
  /** --memory-limit: the engine's memory budget (its default when absent). */
  budget: EngineBudget | undefined;
  request: Pick<GradcheckRun, 'subject' | 'variant' | 'seed' | 'epsilon'>;
}

function positiveInteger(flag: string, text: string | undefined, fallback: number): number {
  const value = toNumber(flag, text, fallback);
  if (!Number.isInteger(value) || value <= 0) throw new UsageError(`${flag}: must be a positive whole number`);
  return value;
}

function readInputShape(text: string): number[] {
  const reading = parseImageShape(text);
  if (!reading.ok) throw new UsageError(`--input-shape: ${reading.message}`);
  return reading.shape;
}

function readLayer(text: string, inputs: number) {
  if (text.includes(',')) throw new UsageError('--layer: give one layer (use --net for several)');
  try {
    return parseSpecText(text, inputs).layers[0]!;
  } catch (error) {
    throw new UsageError(`--layer: ${(error as Error).message.replace(/^layer 1 /, '')}`);
  }
}

/** Parses `gradcheck`'s arguments; every problem is a UsageError naming the option. */
export function parseGradcheckArgs(argv: string[]): GradcheckSettings {
  const values = parseOptions(argv, {
    layer: { type: 'string' },
    inputs: { type: 'string' },
    'input-shape': { type: 'string' },
    loss: { type: 'string' },
    width: { type: 'string' },
    net: { type: 'string' },
    input: { type: 'string' },
    rows: { type: 'string' },
    variant: { type: 'string' },
    seed: { type: 'string' },
    epsilon: { type: 'string' },
    json: { type: 'boolean' },
    ...MEMORY_LIMIT_OPTION,
    help: { type: 'boolean', short: 'h' },
  });
  const budget = toMemoryBudget(values['memory-limit']);
  const help = values.help ?? false;
  const json = values.json ?? false;
  const rows = positiveInteger('--rows', values.rows, 3);
  if (rows > MAX_GRADCHECK_ROWS) throw new UsageError(`--rows: at most ${MAX_GRADCHECK_ROWS}`);
  const seed = toNumber('--seed', values.seed, 1);
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) throw new UsageError('--seed: must be a whole number from 0 to 2^32-1');
  const epsilon = toNumber('--epsilon', values.epsilon);
  if (epsilon !== undefined && !(epsilon > 0 && Number.isFinite(epsilon))) throw new UsageError('--epsilon: must be a positive number');
  const variant: GradcheckVariant = toChoice('--variant', values.variant, GradcheckVariantSchema.options) ?? 'correct';
  const loss: LossName | undefined = toChoice('--loss', values.loss, LOSS_NAMES);
  const subjects = [values.layer !== undefined, values.net !== undefined, values.loss !== undefined && values.net === undefined].filter(Boolean).length;
  if (subjects !== 1 && !help) {
    throw new UsageError(
      subjects === 0
        ? 'say what to check: --layer LAYER, --loss LOSS or --net SPEC'
        : 'check one subject at a time: --layer, --loss alone, or --net (with an optional --loss)',
    );
  }
  let subject: GradcheckSubject;
  let title: string;
  if (values.layer !== undefined) {
    const inputShape = values['input-shape'] === undefined ? undefined : readInputShape(values['input-shape']);
    if (inputShape && values.inputs !== undefined) throw new UsageError('--input-shape: give it or --inputs, not both');
    const inputs = inputShape ? inputShape.reduce((a, b) => a * b, 1) : positiveInteger('--inputs', values.inputs, 5);
    if (inputs > MAX_GRADCHECK_WIDTH) throw new UsageError(`--input-shape: ${inputs} inputs; at most ${MAX_GRADCHECK_WIDTH}`);
    subject = { kind: 'layer', layer: readLayer(values.layer, inputs), inputs, ...(inputShape ? { inputShape } : {}), rows };
    title = `layer ${values.layer} (${inputShape ? `input ${inputShape.join('×')}` : `${inputs} inputs`}, ${rows} rows)`;
  } else if (values.net !== undefined) {
    const inputShape = values['input-shape'] === undefined ? undefined : readInputShape(values['input-shape']);
    if (inputShape && values.input !== undefined) throw new UsageError('--input-shape: give it or --input, not both');
    const width = inputShape ? shapeSize(inputShape) : positiveInteger('--input', values.input, 8);
    const read = readSpec(values.net, width);
    const spec = inputShape ? { ...read, input: width, inputShape } : read;
    subject = { kind: 'network', spec, rows, ...(loss ? { loss } : {}) };
    title = `network ${values.net} (${inputShape ? `input ${formatShape(inputShape)}` : `${spec.input} inputs`}, ${rows} rows${loss ? `, loss ${loss}` : ''})`;
  } else {
    const width = positiveInteger('--width', values.width, 4);
    subject = { kind: 'loss', loss: loss ?? 'bce', width, rows };
    title = `loss ${loss} (width ${width}, ${rows} rows)`;
  }
  return { help, json, title, budget, request: { subject, variant, seed, ...(epsilon !== undefined ? { epsilon } : {}) } };
}
