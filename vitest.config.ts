// Vitest: the plain-Node suites (engine, CLI, hosts, main's Electron-free parts), the renderer's pure chart code and its chart components rendered on the server.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { relaxedSimdExecArgv } from './node/relaxedSimdFlags.js';

export default defineConfig({
  // Compiles the chart components for Svelte's server renderer, as the CLI's chart build does.
  plugins: [svelte()],
  test: {
    include: [
      'test/engine/**/*.test.ts',
      'test/cli/**/*.test.ts',
      'test/host/**/*.test.ts',
      'test/main/**/*.test.ts',
      'test/node/**/*.test.ts',
      'test/renderer/**/*.test.ts',
      'test/plots/**/*.test.ts',
      'test/lint/**/*.test.ts',
      'test/scripts/**/*.test.ts',
      'test/bench/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
    // Relaxed SIMD, so the kernel suite runs that variant too; --expose-gc lets the kernels' memory test collect arrays it dropped.
    execArgv: [...relaxedSimdExecArgv, '--expose-gc'],
  },
});
