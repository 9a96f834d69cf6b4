// An optimizer from its config, with the usual defaults filled in; pure, any process.
import type { Kernels } from '../kernels/kernels.js';
import { plainKernels } from '../kernels/plainKernels.js';
import type { Parameter } from '../layers/layer.js';
import { Adam } from './adam.js';
import { Momentum, Nesterov } from './momentum.js';
import type { Optimizer } from './optimizer.js';
import { resolveOptimizerConfig, type OptimizerConfig } from './optimizerConfig.js';
import { RmsProp } from './rmsprop.js';
import { Sgd } from './sgd.js';

/**
 * Creates the optimizer `config` describes (plain SGD when undefined) over `parameters`, any list of value/gradient
 * pairs: a network's weights, or one 2-element point on a surface. `decay` (default 1) multiplies the step size
 * before each update. Every optimizer updates through `kernels`, one call per parameter tensor, with the same
 * operations in the same order in every implementation (plain SGD: value + (−step)·gradient), so the results do not
 * depend on which kernels run.
 */
export function createOptimizer(
  config: OptimizerConfig | undefined,
  learningRate: number,
  decay: number | undefined,
  parameters: readonly Parameter[],
  kernels: Kernels = plainKernels,
): Optimizer {
  const resolved = resolveOptimizerConfig(config);
  const d = decay ?? 1;
  switch (resolved.kind) {
    case 'sgd':
      return new Sgd(parameters, learningRate, d, kernels);
    case 'momentum':
      return new Momentum(parameters, learningRate, d, resolved.momentum!, kernels);
    case 'nesterov':
      return new Nesterov(parameters, learningRate, d, resolved.momentum!, kernels);
    case 'rmsprop':
      return new RmsProp(parameters, learningRate, d, resolved.rho!, resolved.epsilon!, kernels);
    case 'adam':
      return new Adam(parameters, learningRate, d, resolved.beta1!, resolved.beta2!, resolved.epsilon!, kernels);
  }
}

export type { Optimizer } from './optimizer.js';
