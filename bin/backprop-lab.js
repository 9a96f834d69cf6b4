#!/usr/bin/env node
// The `backprop-lab` command: a shim that runs the command line bundled by `npm run build:node` (dist/bin) when it is at
// least as new as the last compile, else the compiled modules (as while `npm run dev` recompiles them).
import { existsSync, statSync } from 'node:fs';

const bundled = new URL('../dist/bin/backprop-lab.js', import.meta.url);
const compiled = new URL('../dist/tsconfig.node.tsbuildinfo', import.meta.url);
const bundleIsFresh = existsSync(bundled) && (!existsSync(compiled) || statSync(bundled).mtimeMs >= statSync(compiled).mtimeMs);
import(bundleIsFresh ? bundled.href : '../dist/cli/main.js').catch((error) => {
  const missing = error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist');
  process.stderr.write(
    missing
      ? 'backprop-lab: the command line is not built yet; run "npm run build:node" first\n'
      : `backprop-lab: ${error && error.message ? error.message.split('\n')[0] : error}\n`,
  );
  process.exitCode = 1;
});
