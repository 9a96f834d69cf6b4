// The liveness family of the protocol: a host's heartbeat to its engine and the engine's answer; pure, any process.
import { z } from 'zod';

/** Sent by a host about once a second; an engine that answers none for a few seconds while it has work is reported as not answering. */
export const EnginePingSchema = z.object({ type: z.literal('engine.ping'), requestId: z.string().min(1) }).strict();
export type EnginePing = z.infer<typeof EnginePingSchema>;

/** The answer to a ping: `busy` counts the requests and training runs in progress. */
export const EnginePongSchema = z.object({ type: z.literal('engine.pong'), requestId: z.string(), busy: z.number().int().nonnegative() }).strict();
export type EnginePong = z.infer<typeof EnginePongSchema>;
