// What the command line's bundle runs in place of the protocol's index (scripts/bundleCli.mjs): the same functions, with a
// request union of only the families the commands send, so that a command's start builds no other family's schemas (Node, the CLI process).
import { z } from 'zod';
import { AnalysisRunSchema } from '../engine/protocol/analysis.js';
import { EpochEstimateRequestSchema } from '../engine/protocol/epochEstimate.js';
import { ExportBuildSchema } from '../engine/protocol/export.js';
import { GradcheckRunSchema } from '../engine/protocol/gradcheck.js';
import { requestParser } from '../engine/protocol/requestParser.js';
import { SurfaceDescendSchema } from '../engine/protocol/surfaces.js';
import { TrainStartSchema, TrainStopSchema } from '../engine/protocol/training.js';

export { describeIssue } from '../engine/protocol/describeIssue.js';
export { requestIds } from '../engine/protocol/requestIds.js';

/** Every request the commands send their in-process engine: train, gradcheck and descend, and what train asks after a run. */
const CliRequestSchema = z.discriminatedUnion('type', [
  TrainStartSchema,
  TrainStopSchema,
  EpochEstimateRequestSchema,
  AnalysisRunSchema,
  ExportBuildSchema,
  GradcheckRunSchema,
  SurfaceDescendSchema,
]);

/** Parses a command's request as the protocol's parseRequest does; a request of another family is answered with an error. */
export const parseRequest = requestParser(CliRequestSchema);
