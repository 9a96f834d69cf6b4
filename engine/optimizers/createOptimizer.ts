// An optimizer from its protocol config, with the usual defaults filled in; pure, any process.
import type { Parameter } from '../layers/layer.js';
import type { OptimizerConfig } from '../protocol.js';
import { Adam, DEFAULT_BETA1, DEFAULT_BETA2 } from './adam.js';
import { DEFAULT_MOMENTUM, Momentum, Nesterov } from './momentum.js';
import type { Optimizer } from './optimizer.js';
import { DEFAULT_EPSILON, DEFAULT_RHO, RmsProp } from './rmsprop.js';
import { Sgd } from './sgd.js';

/** The config with every constant its kind uses set (plain SGD when none is given), as a run's record shows it. */
export function resolveOptimizerConfig(config: OptimizerConfig | undefined): OptimizerConfig {
  const kind = config?.kind ?? 'sgd';
  switch (kind) {
    case 'sgd': return { kind };
    case 'momentum': case 'nesterov': return { kind, momentum: config?.momentum ?? DEFAULT_MOMENTUM };
    case 'rmsprop': return { kind, rho: config?.rho ?? DEFAULT_RHO, epsilon: config?.epsilon ?? DEFAULT_EPSILON };
    case 'adam': return { kind, beta1: config?.beta1 ?? DEFAULT_BETA1, beta2: config?.beta2 ?? DEFAULT_BETA2, epsilon: config?.epsilon ?? DEFAULT_EPSILON };
  }
}

/**
 * Creates the optimizer `config` describes (plain SGD when undefined) over `parameters`, any list of value/gradient
 * pairs: a network's weights, or one 2-element point on a surface. `decay` (default 1) multiplies the step size
 * before each update.
 */
export function createOptimizer(config: OptimizerConfig | undefined, learningRate: number, decay: number | undefined, parameters: readonly Parameter[]): Optimizer {
  const resolved = resolveOptimizerConfig(config);
  const d = decay ?? 1;
  switch (resolved.kind) {
    case 'sgd': return new Sgd(parameters, learningRate, d);
    case 'momentum': return new Momentum(parameters, learningRate, d, resolved.momentum);
    case 'nesterov': return new Nesterov(parameters, learningRate, d, resolved.momentum);
    case 'rmsprop': return new RmsProp(parameters, learningRate, d, resolved.rho, resolved.epsilon);
    case 'adam': return new Adam(parameters, learningRate, d, resolved.beta1, resolved.beta2, resolved.epsilon);
  }
}

export type { Optimizer } from './optimizer.js';
