// Browser host (Node): reads the command line of `node dist/host/webHost.js [--port N]`.

export interface WebHostArgs {
  /** The port to listen on; 0 asks the system for a free one. */
  port: number;
}

/** Parses the host's arguments; throws an Error with a one-line message on anything it does not know. */
export function parseWebHostArgs(argv: readonly string[]): WebHostArgs {
  const args: WebHostArgs = { port: 0 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inlineValue] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name !== '--port') throw new Error(`unknown argument ${JSON.stringify(arg)}; usage: webHost.js [--port N]`);
    const value = inlineValue ?? argv[++i];
    if (value === undefined || !/^\d+$/.test(value) || Number(value) > 65535) {
      throw new Error(`--port needs a whole number from 0 to 65535 (0 picks a free port), not ${JSON.stringify(value ?? '')}`);
    }
    args.port = Number(value);
  }
  return args;
}
