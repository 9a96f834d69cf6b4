// A worker thread's entry that helps the engine's WebAssembly kernels with large matrix products (Node worker_threads).
import { workerData } from 'node:worker_threads';
import { runKernelHelper, type KernelHelperSetup } from '../kernels/wasm/kernelHelper.js';

runKernelHelper(workerData as KernelHelperSetup);
