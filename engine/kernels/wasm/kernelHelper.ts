// The loop a helper thread runs: it waits for a matrix product to be shared, computes parts of it until none is left, and waits again; pure, any worker thread.
import { computeNextPart, CONTROL_SLOTS, jobState, sleepUntilNewJob, type PartExports } from './productJobs.js';

/** What a helper thread is given: the kernels' shared memory, their module's bytes, and the control block's byte address. */
export interface KernelHelperSetup {
  memory: object;
  bytes: Uint8Array;
  control: number;
}

interface HelperWebAssembly {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

/** How many times a helper looks for a new job before it sleeps (a training step's products come microseconds apart). */
const SPINS_BEFORE_SLEEP = 20000;

/** Runs forever on a helper thread (one that may block in Atomics.wait): instantiates the kernels on the shared memory and serves jobs. */
export function runKernelHelper(setup: KernelHelperSetup): never {
  const webAssembly = (globalThis as unknown as { WebAssembly: HelperWebAssembly }).WebAssembly;
  const instance = new webAssembly.Instance(new webAssembly.Module(setup.bytes), { env: { memory: setup.memory } });
  const exports = instance.exports as unknown as PartExports;
  const control = new Int32Array((setup.memory as { buffer: ArrayBufferLike }).buffer, setup.control, CONTROL_SLOTS);
  for (;;) {
    while (computeNextPart(control, exports));
    const seen = jobState(control);
    let spins = 0;
    while (jobState(control) === seen && spins++ < SPINS_BEFORE_SLEEP);
    if (jobState(control) === seen) sleepUntilNewJob(control, seen);
  }
}
