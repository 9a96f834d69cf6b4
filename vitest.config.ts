// Vitest: the plain-Node suites (engine, CLI, hosts, main's Electron-free parts) and the renderer's pure chart code.
import { defineConfig } from 'vitest/config';

/**
 * Node 20 runs relaxed-SIMD WebAssembly only behind a flag (later versions have it on): the kernel suite runs that variant too.
 * --expose-gc lets the kernels' memory test collect arrays it dropped.
 */
const relaxedSimdFlag = process.versions.node.split('.')[0] === '20' ? ['--experimental-wasm-relaxed-simd'] : [];

export default defineConfig({
  test: {
    include: ['test/engine/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/host/**/*.test.ts', 'test/main/**/*.test.ts', 'test/renderer/**/*.test.ts', 'test/plots/**/*.test.ts', 'test/lint/**/*.test.ts', 'test/scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
    execArgv: [...relaxedSimdFlag, '--expose-gc'],
  },
});
