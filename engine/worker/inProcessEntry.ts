// Engine entry for running the engine inside the current Node process (tests, the CLI): the service with the asset reader wired in.
import { nodeDataFiles, readAssetTableOrText } from '../data/assetFiles.js';
import { loadEngineKernels } from '../kernels/wasm/kernelFiles.js';
import type { EngineEvent } from '../protocol/index.js';
import { createEngineService, type EngineService, type EngineServiceOptions } from './engineService.js';

/** An engine service in this process that reads the data files from the assets folder and runs the WebAssembly kernels where they are built. */
export function createInProcessEngine(emit: (event: EngineEvent) => void, options: Omit<EngineServiceOptions, 'readAsset' | 'files'> = {}): EngineService {
  return createEngineService(emit, { kernels: loadEngineKernels(), ...options, readAsset: readAssetTableOrText, files: nodeDataFiles });
}
