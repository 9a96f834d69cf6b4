// The configure family of the protocol: the engine's memory budget for this connection's work, set by the renderer or the CLI; pure, any process.
import { z } from 'zod';
import { MemoryBudgetSchema } from '../budget/engineBudget.js';

/** Sets the memory budget every later request of this connection is costed against (DEFAULT_MEMORY_BUDGET until then). */
export const EngineConfigureSchema = z.object({ type: z.literal('engine.configure'), requestId: z.string().min(1), memoryBudget: MemoryBudgetSchema }).strict();
export type EngineConfigure = z.infer<typeof EngineConfigureSchema>;

/** The budget now in force. */
export const EngineConfiguredSchema = z.object({ type: z.literal('engine.configured'), requestId: z.string(), memoryBudget: z.number().int() }).strict();
export type EngineConfigured = z.infer<typeof EngineConfiguredSchema>;
