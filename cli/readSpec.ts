// Reads --net for any command: a NetworkSpec JSON file or the short form (Node, the CLI process).
import { existsSync, readFileSync } from 'node:fs';
import { describeIssue } from '../engine/protocol/index.js';
import { NetworkSpecSchema, type NetworkSpec } from '../engine/spec.js';
import { parseSpecText } from '../engine/specText.js';
import { UsageError } from './usageError.js';

/** Reads --net: a NetworkSpec JSON file (its input width may be left out) or the short form. */
export function readSpec(net: string, inputs: number): NetworkSpec {
  const looksLikeFile = net.endsWith('.json') || existsSync(net);
  if (!looksLikeFile) {
    try {
      return parseSpecText(net, inputs);
    } catch (error) {
      throw new UsageError(`--net: ${(error as Error).message}`);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(net, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new UsageError(`--net ${net}: ${reason}`);
  }
  if (typeof json === 'object' && json !== null && !('input' in json)) json = { ...json, input: inputs };
  const parsed = NetworkSpecSchema.safeParse(json);
  if (!parsed.success) throw new UsageError(`--net ${net}: not a NetworkSpec: ${describeIssue(parsed.error).message}`);
  return parsed.data;
}
