// The kernel suite run against the plain TypeScript implementation.
import { plainKernels } from '../../engine/kernels/plainKernels.js';
import { describeKernels } from './support/kernelSuite.js';

describeKernels('plain TypeScript', plainKernels);
