// Browser host (Node), entry point: `node dist/host/webHost.js [--port N] [--max-pages N]` serves the lab on 127.0.0.1 and prints its address.
import { fileURLToPath } from 'node:url';
import { parseWebHostArgs } from './args.js';
import { startWebHost } from './server.js';

async function main(): Promise<void> {
  const args = parseWebHostArgs(process.argv.slice(2));
  // Compiled to dist/host/: the renderer's build and the engine's entry sit beside it under dist/.
  const host = await startWebHost({
    port: args.port,
    ...(args.maxPages !== undefined ? { maxPages: args.maxPages } : {}),
    rendererRoot: fileURLToPath(new URL('../renderer/', import.meta.url)),
    enginePath: fileURLToPath(new URL('../engine/worker/childProcessEntry.js', import.meta.url)),
  });
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    host.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`Backprop Lab is running at ${host.url}`);
}

main().catch((error: unknown) => {
  console.error(`backprop-lab web: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
