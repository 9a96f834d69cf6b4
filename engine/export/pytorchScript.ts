// A finished run as a self-contained PyTorch script (train_run.py) that builds the same network and trains it the same way; pure, any process.
import type { PreparedData } from '../data/dataSets.js';
import { definitionOf } from '../layers/registry.js';
import type { PytorchModule } from '../layers/layerDefinition.js';
import { MAX_SCRIPT_BYTES, formatSize } from '../limits.js';
import { defaultLossFor } from '../losses/lossRules.js';
import { inputShapeOf } from '../network/describeLayers.js';
import { fittedLayers } from '../network/fittedLayers.js';
import { resolveOptimizerConfig } from '../optimizers/optimizerConfig.js';
import type { NetworkSpec } from '../spec.js';
import { formatSpecText } from '../specText.js';
import type { Hyperparameters } from '../training/hyperparameters.js';
import type { TrainedWeights } from '../trainedWeights.js';
import { BCE_EPSILON } from '../losses/binaryCrossEntropy.js';
import { float64Base64 } from './base64.js';

/** What the script is made from: the run's network, settings and prepared data, and its weights before and after training. */
export interface PytorchRun {
  spec: NetworkSpec;
  hyper: Hyperparameters;
  data: PreparedData;
  /** Where the data came from, as the lab names it ("digits-binary", "toy:spiral", "my-table.csv"). */
  dataName: string;
  /** The weights the run started from (the seed's initialisation). */
  initial: TrainedWeights;
  trained: TrainedWeights;
  /** The parameters weight decay applies to (a Linear layer's W, not its b), by layer index and name. */
  decayed: readonly { layer: number; name: string }[];
  producer: string;
}

/** A number as a Python float literal (JavaScript's shortest round-trip form is one, exactly). */
function py(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "float('nan')" : value > 0 ? "float('inf')" : "float('-inf')";
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/** A Python string literal. */
function pyString(text: string): string {
  return JSON.stringify(text);
}

/** The base64 of `values`, split into lines of a readable width inside a parenthesised Python string. */
function pyArray(values: Float64Array, shape: readonly number[]): string {
  const text = float64Base64(values);
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 100) lines.push(`    "${text.slice(i, i + 100)}"`);
  return `array(\n${lines.join('\n') || '    ""'},\n    (${shape.join(', ')}${shape.length === 1 ? ',' : ''}),\n)`;
}

/** Each layer's module, or the message naming the first layer torch cannot build. */
function layerModules(spec: NetworkSpec): PytorchModule[] {
  const { layers } = fittedLayers(spec);
  return spec.layers.map((layer, index) => {
    const definition = definitionOf(layer);
    if (!definition.pytorch) throw new Error(`layer ${index + 1} (${layer.type}) has no PyTorch equivalent, so the run cannot be exported as a script`);
    return definition.pytorch(layer as never, layers[index]!.inputShape);
  });
}

/** The optimizer's construction, from the one optimizer config. */
function optimizerSource(hyper: Hyperparameters): string {
  const config = resolveOptimizerConfig(hyper.optimizer);
  const groups = 'parameter_groups(model)';
  switch (config.kind) {
    case 'sgd':
      return `torch.optim.SGD(${groups}, lr=LEARNING_RATE)`;
    case 'momentum':
      return `torch.optim.SGD(${groups}, lr=LEARNING_RATE, momentum=${py(config.momentum!)})`;
    case 'nesterov':
      return `torch.optim.SGD(${groups}, lr=LEARNING_RATE, momentum=${py(config.momentum!)}, nesterov=True)`;
    case 'rmsprop':
      return `torch.optim.RMSprop(${groups}, lr=LEARNING_RATE, alpha=${py(config.rho!)}, eps=${py(config.epsilon!)})`;
    case 'adam':
      return `torch.optim.Adam(${groups}, lr=LEARNING_RATE, betas=(${py(config.beta1!)}, ${py(config.beta2!)}), eps=${py(config.epsilon!)})`;
  }
}

/** The tensors of `weights` as a Python dict keyed by (layer, name). */
function weightsSource(name: string, weights: TrainedWeights): string {
  const entries = weights.parameters.map(
    (tensor) => `    (${tensor.layer}, ${pyString(tensor.name)}): ${pyArray(tensor.values, tensor.shape).replace(/\n/g, '\n    ')},`,
  );
  return `${name} = {\n${entries.join('\n')}\n}`;
}

/** How the lab prepared the features, in words, for the script's comment. */
function preparationText(data: PreparedData, hyper: Hyperparameters): string {
  const normalisation =
    data.normalisation === 'global'
      ? 'minus the mean and over the standard deviation of all values (the exercise)'
      : data.normalisation === 'standardize'
        ? 'each feature minus its mean and over its standard deviation, taken from the training rows'
        : 'not normalised';
  const extras = data.extraFeatures.length
    ? `, then the extra features ${data.featureNames.slice(-data.extraFeatures.length).join(', ')} computed from the normalised x and y`
    : '';
  return `shuffled with seed ${hyper.seed}, split ${data.train.size} for training and ${data.test.size} for testing (train fraction ${hyper.trainFraction}), ${normalisation}${extras}`;
}

/**
 * The text of train_run.py: the run's prepared data, initial and trained weights embedded (float64, base64), the same network
 * as torch modules, the lab's loss (its clamp and its reduction), the optimizer with the lab's step-size decay per update and
 * weight decay on the weights only, and the same minibatch order; it prints the per-epoch losses and accuracies the lab shows.
 * @throws Error when a layer has no PyTorch equivalent, or the script would pass MAX_SCRIPT_BYTES.
 */
export function pytorchScript(run: PytorchRun): string {
  const { spec, hyper, data } = run;
  const embedded = 8 * (data.train.features.length + data.train.targets.length + data.test.features.length + data.test.targets.length);
  const weightValues = 8 * run.trained.parameters.reduce((n, tensor) => n + 2 * tensor.values.length, 0);
  const estimate = Math.ceil(((embedded + weightValues) * 4) / 3);
  if (estimate > MAX_SCRIPT_BYTES) {
    throw new Error(
      `the script would embed ${formatSize(estimate)} of data and weights; at most ${formatSize(MAX_SCRIPT_BYTES)} are written — use a smaller data set`,
    );
  }
  const modules = layerModules(spec);
  const loss = hyper.loss ?? defaultLossFor(spec);
  const lastLayer = spec.layers.length - 1;
  const places = modules.flatMap((module, layer) =>
    (module.parameters ?? []).map((p) => `    (${layer}, ${pyString(p.name)}, ${pyString(p.attribute)}, ${p.transposed ? 'True' : 'False'}),`),
  );
  const helpers = [...new Map(modules.filter((m) => m.helper).map((m) => [m.helper!.name, m.helper!.source])).values()];
  const hasDropout = spec.layers.some((layer) => definitionOf(layer).trainingRandom);
  const title = `${formatSpecText(spec)} on ${run.dataName}`;
  const sampleShape = inputShapeOf(spec);

  return `#!/usr/bin/env python3
"""A Backprop Lab run as a PyTorch script: ${title}.

Written by ${run.producer}. It builds the same network with torch modules, starts from the run's initial weights
(or, with --from trained, from its trained weights), and trains in float64 on the same prepared data, in the same
minibatch order, with the same loss, reduction and optimizer, printing the loss and accuracy per epoch as the lab does:
its losses and accuracies agree with the lab's to within a few parts in 1e16 (rounding).${hasDropout ? "\nThis network has dropout: torch draws its own masks, so its curve differs from the lab's." : ''}

    python3 train_run.py                   # the run's ${hyper.epochs} epochs from its initial weights
    python3 train_run.py --epochs 5 --json # five epochs, the history as JSON
    python3 train_run.py --from trained --epochs 0   # only evaluate the trained weights

Needs numpy and torch.
"""
import argparse
import base64
import json
import math

import numpy as np
import torch
from torch import nn

torch.set_default_dtype(torch.float64)


def array(text, shape):
    """float64 values stored as little-endian bytes in base64, as a tensor of the given shape."""
    return torch.from_numpy(np.frombuffer(base64.b64decode(text), dtype="<f8").copy().reshape(shape))


# The data as the lab prepared it: ${preparationText(data, hyper)}.
# Targets: ${data.outputs === 1 ? `the probability of class ${pyString(data.classes[1] ?? '1')}` : `one-hot over ${data.outputs} classes`}.
CLASSES = ${JSON.stringify(data.classes)}
TRAIN_X = ${pyArray(data.train.features, [data.train.size, ...sampleShape])}
TRAIN_Y = ${pyArray(data.train.targets, [data.train.size, data.outputs])}
TEST_X = ${pyArray(data.test.features, [data.test.size, ...sampleShape])}
TEST_Y = ${pyArray(data.test.targets, [data.test.size, data.outputs])}

# The run's settings.
EPOCHS = ${hyper.epochs}
LEARNING_RATE = ${py(hyper.learningRate)}
DECAY = ${py(hyper.decay ?? 1)}  # the step size is multiplied by this before every update
WEIGHT_DECAY = ${py(hyper.weightDecay ?? 0)}  # L2 on the weights, not the biases
BATCH_SIZE = ${hyper.batchSize}
REDUCTION = ${pyString(hyper.reduction)}  # sum: the gradient of the summed loss (the exercise); mean: divided by the batch size
LOSS = ${pyString(loss)}
BCE_EPSILON = ${py(BCE_EPSILON)}
${helpers.length ? `\n\n${helpers.join('\n\n\n')}\n` : ''}

def build_network():
    return nn.Sequential(
${modules.map((m, i) => `        ${m.module},  # layer ${i + 1}: ${spec.layers[i]!.type}`).join('\n')}
    )


# Where each of the lab's parameters goes: (layer, lab name, torch attribute, transposed).
PLACES = [
${places.join('\n')}
]
DECAYED = {${run.decayed.map((d) => `(${d.layer}, ${pyString(d.name)})`).join(', ')}}

${weightsSource('INITIAL', run.initial)}

${weightsSource('TRAINED', run.trained)}


def load(model, weights):
    with torch.no_grad():
        for layer, name, attribute, transposed in PLACES:
            value = weights[(layer, name)]
            model[layer].get_parameter(attribute).copy_(value.T if transposed else value)


def parameter_groups(model):
    decayed = [model[layer].get_parameter(attribute) for layer, name, attribute, _ in PLACES if (layer, name) in DECAYED]
    others = [model[layer].get_parameter(attribute) for layer, name, attribute, _ in PLACES if (layer, name) not in DECAYED]
    return [{"params": decayed, "weight_decay": WEIGHT_DECAY}, {"params": others, "weight_decay": 0.0}]


class LabBinaryCrossEntropy(torch.autograd.Function):
    """The summed BCE with predictions clamped to [eps, 1 - eps] in the loss and in its gradient, as the lab does
    (torch's BCELoss clamps the logarithm at -100 instead)."""

    @staticmethod
    def forward(ctx, p, y):
        q = p.clamp(BCE_EPSILON, 1 - BCE_EPSILON)
        ctx.save_for_backward(q, y)
        return -(y * torch.log(q) + (1 - y) * torch.log(1 - q)).sum()

    @staticmethod
    def backward(ctx, grad):
        q, y = ctx.saved_tensors
        return grad * (-y / q + (1 - y) / (1 - q)), None


def forward(model, x):
    """The network's output, and what the loss takes: the output, or for cross-entropy after a softmax the logits."""
    if LOSS == "cce":
        logits = model[:${lastLayer}](x)
        return model[${lastLayer}](logits), logits
    output = model(x)
    return output, output


def summed_loss(y, loss_input):
    """The loss whose gradient the lab backpropagates (summed over the minibatch)."""
    if LOSS == "bce":
        return LabBinaryCrossEntropy.apply(loss_input, y)
    if LOSS == "cce":
        return (y * (torch.logsumexp(loss_input, dim=1, keepdim=True) - loss_input)).sum()
    return ((loss_input - y) ** 2).sum()


def reported_loss(y, loss_input):
    """The figure the lab reports per minibatch: BCE and MSE the mean per value, CCE the mean per sample."""
    total = summed_loss(y, loss_input).item()
    return total / y.shape[0] if LOSS == "cce" else total / y.numel()


def accuracy(y, output):
    if output.shape[1] == 1:
        return ((y > 0.5) == (output > 0.5)).double().mean().item()
    return (torch.argmax(output, dim=1) == torch.argmax(y, dim=1)).double().mean().item()


def run(epochs, start, quiet=False):
    """Trains as the lab does: each epoch the training minibatches in order, updating after each, then the test ones."""
    model = build_network()
    load(model, TRAINED if start == "trained" else INITIAL)
    optimizer = ${optimizerSource(hyper)}
    step_size = LEARNING_RATE
    history = []
    # A run with a train fraction of 1 has no test set, and so no test phase.
    phases = (("train", TRAIN_X, TRAIN_Y),) + ((("test", TEST_X, TEST_Y),) if TEST_X.shape[0] > 0 else ())
    for epoch in range(1, epochs + 1):
        row = {"epoch": epoch}
        for phase, xs, ys in phases:
            training = phase == "train"
            model.train(training)
            steps = xs.shape[0] // BATCH_SIZE
            loss_sum = accuracy_sum = 0.0
            for step in range(steps):
                x = xs[step * BATCH_SIZE : (step + 1) * BATCH_SIZE]
                y = ys[step * BATCH_SIZE : (step + 1) * BATCH_SIZE]
                with torch.set_grad_enabled(training):
                    output, loss_input = forward(model, x)
                    value = reported_loss(y, loss_input)
                    if not math.isfinite(value):
                        raise SystemExit(f"the loss became {value} in epoch {epoch}, minibatch {step + 1} of the {phase} phase")
                    loss_sum += value
                    accuracy_sum += accuracy(y, output)
                    if training:
                        optimizer.zero_grad()
                        scale = 1.0 if REDUCTION == "sum" else 1.0 / BATCH_SIZE
                        (scale * summed_loss(y, loss_input)).backward()
                        step_size *= DECAY
                        for group in optimizer.param_groups:
                            group["lr"] = step_size
                        optimizer.step()
            row[f"{phase}_loss"] = loss_sum / steps
            row[f"{phase}_accuracy"] = accuracy_sum / steps
        history.append(row)
        if not quiet:
            test = f"  |  test loss {row['test_loss']:.4f}  accuracy {row['test_accuracy']:.4f}" if "test_loss" in row else ""
            print(f"epoch {epoch:3d}  train loss {row['train_loss']:.4f}  accuracy {row['train_accuracy']:.4f}{test}")
    return model, history


def evaluate(start):
    """The test loss and accuracy of the starting weights (the training set's without a test set), in evaluation mode, over the same minibatches."""
    model = build_network()
    load(model, TRAINED if start == "trained" else INITIAL)
    model.eval()
    name, xs, ys = ("test", TEST_X, TEST_Y) if TEST_X.shape[0] > 0 else ("train", TRAIN_X, TRAIN_Y)
    steps = xs.shape[0] // BATCH_SIZE
    loss_sum = accuracy_sum = 0.0
    with torch.no_grad():
        for step in range(steps):
            x = xs[step * BATCH_SIZE : (step + 1) * BATCH_SIZE]
            y = ys[step * BATCH_SIZE : (step + 1) * BATCH_SIZE]
            output, loss_input = forward(model, x)
            loss_sum += reported_loss(y, loss_input)
            accuracy_sum += accuracy(y, output)
    return {f"{name}_loss": loss_sum / steps, f"{name}_accuracy": accuracy_sum / steps}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=EPOCHS, help=f"epochs to train (default {EPOCHS}, as the run)")
    parser.add_argument("--from", dest="start", choices=("initial", "trained"), default="initial", help="the weights to start from")
    parser.add_argument("--json", action="store_true", help="print the history (or, with --epochs 0, the evaluation) as JSON")
    arguments = parser.parse_args()
    if arguments.epochs == 0:
        result = evaluate(arguments.start)
        name = "test" if "test_loss" in result else "train"
        print(json.dumps(result) if arguments.json else f"{name} loss {result[name + '_loss']:.6f}  accuracy {result[name + '_accuracy']:.4f}")
    else:
        _, history = run(arguments.epochs, arguments.start, quiet=arguments.json)
        if arguments.json:
            print(json.dumps(history))
`;
}
