// Shared option parsing for the commands: node:util parseArgs with negative numbers allowed, numbers checked (Node, the CLI process).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usageError.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type ParsedValues<T extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: false }>>['values'];

/** Joins "--lr -1" into "--lr=-1", so a negative number reaches the range check instead of looking like an option. */
function joinNegativeValues(argv: string[], options: Options): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]!.replace(/^--/, '');
    const next = argv[i + 1];
    if (argv[i]!.startsWith('--') && options[name]?.type === 'string' && next !== undefined && /^-\d|^-\.\d|^-Infinity$/.test(next)) {
      joined.push(`${argv[i]}=${next}`);
      i++;
    } else {
      joined.push(argv[i]!);
    }
  }
  return joined;
}

/** Parses `argv` strictly; an unknown option or a missing value is a UsageError in one line. */
export function parseOptions<T extends Options>(argv: string[], options: T): ParsedValues<T> {
  try {
    return parseArgs({ args: joinNegativeValues(argv, options), options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!);
  }
}

/** The number an option gives, or `fallback` when it is absent. */
export function toNumber(flag: string, text: string | undefined, fallback: number): number;
export function toNumber(flag: string, text: string | undefined, fallback?: undefined): number | undefined;
export function toNumber(flag: string, text: string | undefined, fallback?: number): number | undefined {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || Number.isNaN(value)) throw new UsageError(`${flag}: ${JSON.stringify(text)} is not a number`);
  return value;
}

/** One of `choices`, or a UsageError listing them. */
export function toChoice<C extends string>(flag: string, text: string | undefined, choices: readonly C[]): C | undefined {
  if (text === undefined) return undefined;
  if (!(choices as readonly string[]).includes(text)) throw new UsageError(`${flag}: ${JSON.stringify(text)} is not one of ${choices.join(', ')}`);
  return text as C;
}
