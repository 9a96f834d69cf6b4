// Browser host (Node): reads the command line of `node dist/host/webHost.js [--port N] [--max-pages N]`.

export interface WebHostArgs {
  /** The port to listen on; 0 asks the system for a free one. */
  port: number;
  /** The most pages served an engine at once; absent for the server's default. */
  maxPages?: number;
}

const USAGE = 'usage: webHost.js [--port N] [--max-pages N]';

/** Parses the host's arguments; throws an Error with a one-line message on anything it does not know. */
export function parseWebHostArgs(argv: readonly string[]): WebHostArgs {
  const args: WebHostArgs = { port: 0 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inlineValue] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name !== '--port' && name !== '--max-pages') throw new Error(`unknown argument ${JSON.stringify(arg)}; ${USAGE}`);
    const value = inlineValue ?? argv[++i];
    if (name === '--max-pages') {
      if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 64) {
        throw new Error(`--max-pages needs a whole number from 1 to 64, not ${JSON.stringify(value ?? '')}`);
      }
      args.maxPages = Number(value);
      continue;
    }
    if (value === undefined || !/^\d+$/.test(value) || Number(value) > 65535) {
      throw new Error(`--port needs a whole number from 0 to 65535 (0 picks a free port), not ${JSON.stringify(value ?? '')}`);
    }
    args.port = Number(value);
  }
  return args;
}
