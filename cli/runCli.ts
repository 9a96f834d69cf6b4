// Dispatches a command line and turns every failure into one line and an exit status (Node, the CLI process).
// Each command's module is loaded only when that command runs.
import type { Output } from './trainCommand.js';
import { UsageError } from './usageError.js';
import { MAIN_USAGE } from './usage.js';

/** Runs `backprop-lab` with `argv` (without node and the script); resolves to the exit status. */
export async function runCli(argv: string[], output: Output): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      output.out(MAIN_USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === 'train') return await (await import('./trainCommand.js')).trainCommand(rest, output);
    if (command === 'gradcheck') return await (await import('./gradcheckCommand.js')).gradcheckCommand(rest, output);
    if (command === 'descend') return await (await import('./descendCommand.js')).descendCommand(rest, output);
    throw new UsageError(`unknown command ${JSON.stringify(command)}; known: train, gradcheck, descend (see backprop-lab --help)`);
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`backprop-lab${command && command !== '--help' ? ` ${command}` : ''}: ${error.message}`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    output.err(`backprop-lab: ${message.split('\n')[0]}`);
    return 1;
  }
}
