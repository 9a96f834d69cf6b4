#!/usr/bin/env node
// The `backprop-lab` command: a shim that runs the command line bundled by `npm run build:node` (dist/bin), with V8's code
// cache of it, when it is at least as new as the last compile, else the compiled modules (as while `npm run dev` recompiles
// them). It is CommonJS (bin/package.json says so): Node starts a CommonJS entry a few milliseconds sooner than a module.
'use strict';
const { existsSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { setFlagsFromString } = require('node:v8');
const vm = require('node:vm');

// A command that trains for a fraction of a second spent more CPU time in V8's optimising compiler threads than in its
// own thread (about 50 ms of 100), compiling functions whose code came too late to pay. Four times V8's default budget
// before a function is optimised leaves that to functions that run long (a longer run's epochs are as fast as before).
// Node 20's V8 validates WebAssembly relaxed SIMD only behind a flag (node/relaxedSimdFlags.ts gives it to the engine's
// child processes and the tests): with it the command runs the kernels the app's engine runs, with fused multiply-adds.
// Both are set before the bundle is compiled: V8's code cache records the flags it was made with.
setFlagsFromString('--interrupt-budget=270336');
if (process.versions.node.split('.')[0] === '20') setFlagsFromString('--experimental-wasm-relaxed-simd');

const dist = join(__dirname, '..', 'dist');
const bundled = join(dist, 'bin', 'backprop-lab.cjs');
const compiled = join(dist, 'tsconfig.node.tsbuildinfo');
const bundleIsFresh = existsSync(bundled) && (!existsSync(compiled) || statSync(bundled).mtimeMs >= statSync(compiled).mtimeMs);

function fail(error) {
  const missing = error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist');
  process.stderr.write(
    missing
      ? 'backprop-lab: the command line is not built yet; run "npm run build:node" first\n'
      : `backprop-lab: ${error && error.message ? error.message.split('\n')[0] : error}\n`,
  );
  process.exitCode = 1;
}

/**
 * Runs the bundle as Node runs a CommonJS module, compiled from its code cache (written by the build). A cache this V8 rejects
 * (another Node version), or none, is written anew as the process exits: the file holds every function the run compiled.
 */
function runBundle() {
  const cacheFile = `${bundled}.cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const source = `(function (exports, require, module, __filename, __dirname, __importModule) {${readFileSync(bundled, 'utf8')}\n})`;
  const script = new vm.Script(source, { filename: bundled, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once('exit', () => {
      const written = `${cacheFile}.${process.pid}`;
      try {
        writeFileSync(written, script.createCachedData());
        renameSync(written, cacheFile);
      } catch {
        // A folder that cannot be written (an installed copy) keeps running without the cache.
      }
    });
  }
  const module = { exports: {} };
  // A script has no import() of its own: the bundle imports the packages and files it does not hold through this file's.
  const importModule = (specifier) => import(specifier);
  script.runInThisContext()(module.exports, createRequire(bundled), module, bundled, dirname(bundled), importModule);
}

if (bundleIsFresh) {
  try {
    runBundle();
  } catch (error) {
    fail(error);
  }
} else {
  import(pathToFileURL(join(dist, 'cli', 'main.js')).href).catch(fail);
}
