// The command line's help texts (Node, the CLI process).

export const MAIN_USAGE = `backprop-lab — train and check small neural networks from the command line

usage: backprop-lab <command> [options]

commands:
  train     train a network on a data set; print or save its learning curves and weights

run "backprop-lab <command> --help" for a command's options`;

export const TRAIN_USAGE = `usage: backprop-lab train [options]

Trains a network with minibatch SGD as the exercise does and reports, per epoch, the train and test loss
(binary cross-entropy) and accuracy.

options:
  --net SPEC          the network: a NetworkSpec JSON file, or the short form, e.g.
                      linear:32,relu,linear:1,sigmoid (the input width comes from the data)
                      default: linear:32,relu,linear:1,sigmoid (64-32-ReLU-1-Sigmoid); for --data digits,
                      linear:32,relu,linear:10,sigmoid
  --data NAME         digits-binary (digit < 5, 1 output) or digits (10 classes, 10 outputs); default digits-binary
  --epochs N          default 25
  --lr RATE           learning rate, default 0.01
  --batch N           minibatch size, default 10
  --seed N            seed of the split and the initialisation (0 .. 2^32-1), default 1
  --reduction MODE    sum (the exercise: gradients summed over a minibatch) or mean; default sum
  --split FRACTION    the share of samples used for training, default 0.5
  --out DIR           write metrics.csv, metrics.json, weights.json and weights.npz into DIR
  --json              print one JSON object (with "history") instead of the table
  -h, --help          show this help

exit status: 0 when the run completes, 1 when it diverges or is interrupted, 2 for bad arguments`;
