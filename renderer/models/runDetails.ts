// What the run history says of each run (renderer, pure): data, network, optimizer and its constants, learning rate, minibatch, reduction, epochs, seed, final losses and accuracies, duration.
import { format } from 'd3';
import { dataSourceName, type DataSource } from '../../engine/data/dataSource.js';
import { formatSpecText } from '../../engine/specText.js';
import { formatSeconds } from '../../engine/training/epochTime.js';
import type { FinishedRun } from './finishedRun.js';

export interface RunDetail {
  term: string;
  value: string;
}

const OPTIMIZER_TITLES = { sgd: 'SGD', momentum: 'Momentum', nesterov: 'Nesterov', rmsprop: 'RMSProp', adam: 'Adam' } as const;
const CONSTANT_SYMBOLS = { momentum: 'μ', rho: 'ρ', beta1: 'β1', beta2: 'β2', epsilon: 'ε' } as const;
const number = format('~g');

/** How a run's data was split: its train fraction, or for image files their own split and the subsets taken of it. */
function splitText(source: DataSource, trainFraction: number): string {
  if (typeof source !== 'object' || source.kind !== 'images') return `train fraction ${number(trainFraction)}`;
  const count = (size: number | undefined, all: string) => (size === undefined ? all : size.toLocaleString('en-US'));
  return `the files' split: ${count(source.trainSize, 'all')} training and ${count(source.testSize, 'all')} test images`;
}

/** "Adam (β1 0.9, β2 0.999, ε 1e-8)", "SGD". */
export function optimizerText(optimizer: FinishedRun['settings']['optimizer']): string {
  const constants = (Object.keys(CONSTANT_SYMBOLS) as (keyof typeof CONSTANT_SYMBOLS)[])
    .filter((key) => optimizer[key] !== undefined)
    .map((key) => `${CONSTANT_SYMBOLS[key]} ${number(optimizer[key]!)}`);
  return constants.length ? `${OPTIMIZER_TITLES[optimizer.kind]} (${constants.join(', ')})` : OPTIMIZER_TITLES[optimizer.kind];
}

const loss = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(4));
const percent = (value: number | undefined) => (value === undefined ? '–' : `${(value * 100).toFixed(1)}%`);

/** The run's record as terms and values, in the order the history lists them; test figures say "no test set" when the run had none. */
export function runDetails(run: FinishedRun): RunDetail[] {
  const last = run.history.at(-1);
  const noTest = run.hyper.trainFraction === 1;
  const { hyper } = run;
  return [
    { term: 'Data', value: `${dataSourceName(run.dataSet)}, ${splitText(run.dataSet, hyper.trainFraction)}` },
    { term: 'Network', value: formatSpecText(run.spec) },
    { term: 'Optimizer', value: optimizerText(run.settings.optimizer) },
    { term: 'Learning rate', value: number(hyper.learningRate) + (hyper.decay !== undefined && hyper.decay !== 1 ? `, decay ${number(hyper.decay)}` : '') },
    { term: 'Minibatch', value: String(hyper.batchSize) },
    { term: 'Reduction', value: hyper.reduction },
    { term: 'Epochs', value: last && last.epoch !== hyper.epochs ? `${last.epoch} of ${hyper.epochs}` : String(hyper.epochs) },
    { term: 'Seed', value: String(run.settings.seed) },
    { term: 'Train loss, accuracy', value: `${loss(last?.trainLoss)}, ${percent(last?.trainAccuracy)}` },
    { term: 'Test loss, accuracy', value: noTest ? 'no test set' : `${loss(last?.testLoss)}, ${percent(last?.testAccuracy)}` },
    { term: 'Duration', value: run.seconds === undefined ? '–' : formatSeconds(run.seconds) },
  ];
}
