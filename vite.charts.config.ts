// Vite build of the charts for Node (Svelte's server renderer): dist/charts/chartFiles.js, which the CLI imports to draw the same charts as the lab.
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  plugins: [svelte()],
  logLevel: 'warn',
  build: {
    ssr: fileURLToPath(new URL('./renderer/charts/chartFiles.ts', import.meta.url)),
    outDir: fileURLToPath(new URL('./dist/charts', import.meta.url)),
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { entryFileNames: 'chartFiles.js', format: 'es' } },
  },
  // Svelte and D3 are bundled in, so the built CLI needs neither at run time.
  ssr: { noExternal: true },
});
