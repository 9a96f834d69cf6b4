// `npm run build:node`'s last step (Node): bundles the compiled command line into dist/bin/backprop-lab.js, so the
// `backprop-lab` command loads one file instead of some 250 modules (zod included), minified so that it parses faster.
// Packages other than zod stay external and the exporters stay separate chunks, loaded only when a file of theirs is written.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = fileURLToPath(new URL('..', import.meta.url));
const BUNDLED_PACKAGES = ['zod'];

rmSync(join(root, 'dist/bin'), { recursive: true, force: true });
await build({
  cwd: root,
  input: 'dist/cli/main.js',
  platform: 'node',
  logLevel: 'warn',
  external: (id) =>
    !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !BUNDLED_PACKAGES.some((name) => id === name || id.startsWith(`${name}/`)),
  output: { dir: 'dist/bin', format: 'esm', minify: true, entryFileNames: 'backprop-lab.js', chunkFileNames: '[name]-[hash].js' },
});
