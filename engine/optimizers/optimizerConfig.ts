// The optimizers by kind, their constants and the constants' defaults, written once; pure, any process.
import { z } from 'zod';

/** Optimizers in order of increasing complexity. */
export const OPTIMIZER_KINDS = ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam'] as const;

/**
 * The usual constants, used when a config leaves one unset: momentum and nesterov's velocity decay, rmsprop's
 * squared-gradient decay, adam's first- and second-moment decays, and the denominator's ε of rmsprop and adam.
 */
export const OPTIMIZER_DEFAULTS = { momentum: 0.9, rho: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;
export type OptimizerConstant = keyof typeof OPTIMIZER_DEFAULTS;

/** Which constants each optimizer uses. */
export const OPTIMIZER_CONSTANTS: Record<(typeof OPTIMIZER_KINDS)[number], readonly OptimizerConstant[]> = {
  sgd: [],
  momentum: ['momentum'],
  nesterov: ['momentum'],
  rmsprop: ['rho', 'epsilon'],
  adam: ['beta1', 'beta2', 'epsilon'],
};

/** How many arrays of each parameter's size each optimizer keeps beside the parameter (velocity, moments), for costing a run. */
export const OPTIMIZER_STATE_ARRAYS: Record<(typeof OPTIMIZER_KINDS)[number], number> = { sgd: 0, momentum: 1, nesterov: 1, rmsprop: 1, adam: 2 };

/** An optimizer and its constants; unset constants take OPTIMIZER_DEFAULTS. */
export const OptimizerSchema = z
  .object({
    kind: z.enum(OPTIMIZER_KINDS, { error: (issue) => `unknown optimizer ${JSON.stringify(issue.input)}; known: ${OPTIMIZER_KINDS.join(', ')}` }),
    momentum: z.number().min(0).lt(1, 'momentum must be below 1').optional(),
    rho: z.number().min(0).lt(1, 'rho must be below 1').optional(),
    beta1: z.number().min(0).lt(1, 'beta1 must be below 1').optional(),
    beta2: z.number().min(0).lt(1, 'beta2 must be below 1').optional(),
    epsilon: z.number().positive().optional(),
  })
  .strict();
export type OptimizerConfig = z.infer<typeof OptimizerSchema>;
export type OptimizerKind = OptimizerConfig['kind'];

/** The config with every constant its kind uses set (plain SGD when none is given), as a run's record shows it. */
export function resolveOptimizerConfig(config: OptimizerConfig | undefined): OptimizerConfig {
  const kind = config?.kind ?? 'sgd';
  const resolved: OptimizerConfig = { kind };
  for (const constant of OPTIMIZER_CONSTANTS[kind]) resolved[constant] = config?.[constant] ?? OPTIMIZER_DEFAULTS[constant];
  return resolved;
}
