// The command line's help texts (Node, the CLI process).
import { OPTIMIZER_DEFAULTS } from '../engine/optimizers/optimizerConfig.js';
import { SHORT_FORMS } from '../engine/specText.js';
import { EXERCISE_HYPERPARAMETERS } from '../engine/training/hyperparameters.js';
import { DEFAULT_MEMORY_BUDGET } from '../engine/limits.js';
import { NETWORK_PRESETS } from '../engine/network/networkPresets.js';

/** The --memory-limit line of every command's help. */
export const MEMORY_LIMIT_USAGE = `  --memory-limit MB   the engine's memory budget in megabytes, default ${DEFAULT_MEMORY_BUDGET / (1024 * 1024)}; a request that needs
                      more is refused before it runs, with what it needs`;

/** The column option descriptions start at, and the width help lines are wrapped to. */
const DESCRIPTION_COLUMN = 22;
const LINE_WIDTH = 112;

/** `text` wrapped at spaces into lines that start at the description column (the first line continues the option's own). */
export function wrapDescription(text: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && DESCRIPTION_COLUMN + line.length + 1 + word.length > LINE_WIDTH) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(DESCRIPTION_COLUMN)}`);
}

export const MAIN_USAGE = `backprop-lab — train and check small neural networks from the command line

usage: backprop-lab <command> [options]

commands:
  train       train a network on a data set; print or save its learning curves, weights and model
  gradcheck   check a layer's, a loss's or a network's backward pass against central differences
  descend     run an optimizer on a 2D surface and print its path

run "backprop-lab <command> --help" for a command's options`;

export const TRAIN_USAGE = `usage: backprop-lab train [options]

Trains a network with minibatch gradient descent as the exercise does and reports, per epoch, the train and
test loss and accuracy.

network:
  --net SPEC          ${wrapDescription(`a NetworkSpec JSON file, or the short form, e.g. linear:32,relu,linear:1,sigmoid (layers: ${SHORT_FORMS}; the input width comes from the data). Default: 32 ReLU units, then linear:1,sigmoid for two classes or linear:K,softmax for K classes`)}
  --preset ID         ${wrapDescription(`a preset network with the data and settings it is tuned for, each overridden by its option: ${NETWORK_PRESETS.map((p) => p.id).join(', ')}`)}
  --init SCHEME       initialisation of every linear layer: xavier (default), he, or exercise (its
                      too-small scale sqrt(6/(n_in*n_out)))
  --init-from FILE    start from saved weights: a weights.json (it carries its network) or a weights.npz
                      (for the network --net gives); with --epochs 0 the file's weights are written again

data:
  --data NAME         digits-binary (digit < 5, the exercise), digits (10 classes), iris, wine,
                      breast-cancer, fashion-mnist (read where Debian's dataset-fashion-mnist installs it),
                      idx:DIR (a folder of MNIST-format files: train-images-idx3-ubyte,
                      train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, each
                      plain or .gz), toy:NAME (circles, xor, spiral, gaussians, moons) or a CSV file
                      (a header row, numeric features, a label column); default digits-binary
  --train-size N      image data: a seeded subset of N training images (default: all of them)
  --test-size N       image data: a seeded subset of N test images (default: the whole test file)
  --label-column COL  the CSV file's label column (default: the last)
  --toy-size N        points of a toy data set (default 400)
  --noise SD          noise of a toy data set (default 0.1)
  --normalise MODE    none, global (the mean and std of all values, as the exercise) or standardize (per
                      feature, from the training rows); default global for the digits, none for image
                      files (pixels scaled to [0, 1]; global and standardize use the training images only),
                      else standardize
  --split FRACTION    the share of samples used for training (1: every row, no test set), default ${EXERCISE_HYPERPARAMETERS.trainFraction};
                      image files keep their own training and test split
  --features LIST     for data with 2 features x and y: extra features appended to them, computed from the
                      normalised x and y, any of x2, y2, xy, sinx, siny (e.g. --features x2,y2); the
                      network's input widens by one per feature

training:
  --epochs N          default ${EXERCISE_HYPERPARAMETERS.epochs} (0 writes the initial weights)
  --lr RATE           learning rate (step size), default ${EXERCISE_HYPERPARAMETERS.learningRate}
  --batch N           minibatch size, default ${EXERCISE_HYPERPARAMETERS.batchSize}
  --reduction MODE    sum (the exercise: gradients summed over a minibatch) or mean; default ${EXERCISE_HYPERPARAMETERS.reduction}
  --loss NAME         bce, cce or mse; default cce after a softmax, bce after a sigmoid, else mse
  --optimizer NAME    sgd (default), momentum, nesterov, rmsprop or adam
  --momentum M, --rho R, --beta1 B1, --beta2 B2   the optimizer's constants (defaults ${OPTIMIZER_DEFAULTS.momentum}, ${OPTIMIZER_DEFAULTS.rho}, ${OPTIMIZER_DEFAULTS.beta1}, ${OPTIMIZER_DEFAULTS.beta2})
  --decay D           the step size is multiplied by D before each update (the exercise's decay); default 1
  --weight-decay L    L2 penalty on the weights, default 0
  --seed N            seed of the split, the initialisation and dropout (0 .. 2^32-1), default ${EXERCISE_HYPERPARAMETERS.seed}

output:
  --out DIR           write metrics.csv, metrics.json, weights.json, weights.npz, two ONNX models,
                      learning-curves.svg and learning-curves.png into DIR: model.onnx in float64
                      (the engine's outputs exactly; convolutions and average pools unrolled, as
                      ONNX Runtime has neither in float64) and model-float32.onnx (the standard
                      Conv and pooling operators, for other runtimes and tools)
  --json              print one JSON object (with "history") instead of the table
${MEMORY_LIMIT_USAGE}
  -h, --help          show this help

exit status: 0 when the run completes, 1 when it diverges or is interrupted, 2 for bad arguments`;

export const DESCEND_USAGE = `usage: backprop-lab descend [options]

Runs gradient descent (or another optimizer) on a function of x and y from a start point, as the
exercise's optimize_f does, and prints the path and the value reached.

options:
  --surface F         exercise (x^2 + y^2 + x*(y + 2) + cos(3*x), the default), rosenbrock, beale,
                      himmelblau, saddle, bowl, or an expression in x and y, e.g. "sin(x)*cos(y) + x^2/10"
  --x X, --y Y        the start point, default 3, 2
  --lr STEP           the step size, default 0.1
  --steps N           default 10
  --decay D           the step size is multiplied by D before each step, default 1
  --optimizer NAME    sgd (default), momentum, nesterov, rmsprop or adam
  --momentum M, --rho R, --beta1 B1, --beta2 B2   the optimizer's constants
  --json              print one JSON object: the final x, y, f and the path
${MEMORY_LIMIT_USAGE}
  -h, --help          show this help

exit status: 0 on success, 1 when the path left the finite numbers, 2 for bad arguments`;
