// The kernel suite run against every implementation: the plain TypeScript loops and the register-blocked products.
import { blockedKernels } from '../../engine/kernels/blockedKernels.js';
import { plainKernels } from '../../engine/kernels/plainKernels.js';
import { describeKernels } from './support/kernelSuite.js';

describeKernels('plain TypeScript', plainKernels);
describeKernels('register-blocked TypeScript', blockedKernels);
