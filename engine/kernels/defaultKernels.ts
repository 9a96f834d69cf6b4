// The kernels the engine uses unless told otherwise: the fastest implementation that passes the kernel suite; pure, any process.
export { blockedKernels as defaultKernels } from './blockedKernels.js';
