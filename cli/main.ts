// The command line's entry, run by bin/backprop-lab.js: runs the command and sets the exit status (Node, the CLI process).
import './jitlessZod.js';
import { runCli } from './runCli.js';
import type { Output } from './trainCommand.js';
import { writeAll } from './writeAll.js';

const output: Output = {
  out: (line) => writeAll(1, line + '\n'),
  err: (line) => writeAll(2, line + '\n'),
};

// No top-level await: the bundle is a CommonJS script, so that V8 can keep a code cache of it.
void runCli(process.argv.slice(2), output).then((status) => {
  process.exitCode = status;
});
