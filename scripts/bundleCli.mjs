// `npm run build:node`'s last step (Node): bundles the compiled command line into one minified CommonJS script,
// dist/bin/backprop-lab.cjs, and writes V8's code cache of it after one training of the exercise, so that the `backprop-lab`
// command neither resolves some 250 modules nor parses and compiles what it runs. Packages other than zod stay external;
// those a training never uses (the exporters' encoders, the rasteriser, helper threads, the promise file API image folders
// are read with) are required on first use.
// The protocol's index is replaced by cli/cliProtocol.js: the commands' requests are parsed by a union of only the families
// they send, so the bundle builds no other family's schemas.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = fileURLToPath(new URL('..', import.meta.url));
const BUNDLED_PACKAGES = ['zod'];
/** External modules the bundle requires only when one of their functions is first used. */
const LAZY_MODULES = ['fflate', 'node:fs/promises', 'protobufjs/minimal.js', '@resvg/resvg-js', 'node:crypto', 'node:module', 'node:os', 'node:worker_threads'];
/** The run whose compiled functions the code cache keeps: the exercise's first network, as the benchmark runs it. */
const CACHE_RUN = ['train', '--net', 'linear:32,relu,linear:1,sigmoid', '--epochs', '25', '--json'];

/** The protocol's index, and what the bundle runs in its place: the same functions over the requests the commands send. */
const PROTOCOL_INDEX = join(root, 'dist/engine/protocol/index.js');
const CLI_PROTOCOL = join(root, 'dist/cli/cliProtocol.js');

const LAZY_HELPER = 'var __lazyModule = (load) => { let loaded; return new Proxy({}, { get: (_, key) => (loaded ??= load())[key] }); };\n';
const escaped = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Makes the bundle a script the shim runs: dynamic imports of what is not bundled go to the shim's `__importModule`, and
 * each lazy module's top-level `let x = require("m");` (and its `x = __toESM(x, 1);`) becomes an object that requires
 * the module when a property of it is first read (the bundle only reads its exports as properties).
 */
const cliScript = {
  name: 'cli-script',
  async resolveId(source, importer, options) {
    if (!source.endsWith('/protocol/index.js')) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return resolved && resolved.id === PROTOCOL_INDEX ? CLI_PROTOCOL : null;
  },
  transform(code) {
    // The bundle runs as a script, which has no import() of its own: the shim gives it one (a bundled module needs none).
    return code.replace(/\bimport\((?!['"`]\.)/g, '__importModule(');
  },
  renderChunk(code) {
    let rewritten = code;
    for (const id of LAZY_MODULES) {
      const required = `require(${JSON.stringify(id)})`;
      const match = new RegExp(`let (\\w+) = ${escaped(required)};\\n(?:\\1 = __toESM\\(\\1, 1\\);\\n)?`).exec(rewritten);
      if (!match) continue;
      const load = match[0].includes('__toESM') ? `__toESM(${required}, 1)` : required;
      rewritten = rewritten.replace(match[0], `let ${match[1]} = __lazyModule(() => ${load});\n`);
    }
    const eager = LAZY_MODULES.find((id) => new RegExp(`= ${escaped(`require(${JSON.stringify(id)})`)};`).test(rewritten));
    if (eager) throw new Error(`bundleCli: ${eager} is still required when the command line starts`);
    return rewritten.replace(/^("use strict";\n)?/, (head) => head + LAZY_HELPER);
  },
};

rmSync(join(root, 'dist/bin'), { recursive: true, force: true });
await build({
  cwd: root,
  input: 'dist/cli/main.js',
  platform: 'node',
  logLevel: 'warn',
  external: (id) =>
    !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !BUNDLED_PACKAGES.some((name) => id === name || id.startsWith(`${name}/`)),
  plugins: [cliScript],
  output: { file: 'dist/bin/backprop-lab.cjs', format: 'cjs', minify: true, codeSplitting: false },
});

// The command writes the code cache when it finds none (see bin/backprop-lab.js).
const run = spawnSync(process.execPath, [join(root, 'bin/backprop-lab.js'), ...CACHE_RUN], { cwd: root, encoding: 'utf8' });
if (run.status !== 0 || !existsSync(join(root, 'dist/bin/backprop-lab.cjs.cache'))) {
  throw new Error(`bundleCli: the run that writes the code cache failed: ${run.stderr.trim().split('\n').at(-1)}`);
}
