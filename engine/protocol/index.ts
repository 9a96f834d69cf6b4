// The one typed protocol between the renderer, the hosts and the engine: the unions of every family's messages; pure, any process.
// Each family's requests and events live in its own file; the side that receives a message validates it with these unions.
import { z } from 'zod';
import { AnalysisReportSchema, AnalysisRunSchema } from './analysis.js';
import { CatalogSchema, DescribeSchema } from './catalog.js';
import { DataPreviewSchema, DataPreviewedSchema } from './dataPreview.js';
import { EngineConfigureSchema, EngineConfiguredSchema } from './configure.js';
import { EpochEstimatedSchema, EpochEstimateRequestSchema } from './epochEstimate.js';
import { CompareFinishedSchema, CompareProgressSchema, CompareRunSchema, CompareStartSchema, CompareStopSchema } from './compare.js';
import { ErrorEventSchema, type ErrorEvent } from './errors.js';
import { ExportBuildSchema, ExportFileSchema } from './export.js';
import { FeatureMapsExplainedSchema, FeatureMapsExplainSchema, FeatureMapsReportSchema, FeatureMapsRunSchema } from './featureMaps.js';
import { FunctionSamplesSchema, FunctionsCheckTypedSchema, FunctionsSampleSchema, FunctionsTypedCheckedSchema } from './functions.js';
import { GradcheckReportSchema, GradcheckRunSchema } from './gradcheck.js';
import { LandscapeGridSchema, LandscapeRunSchema } from './landscape.js';
import { EnginePingSchema, EnginePongSchema } from './liveness.js';
import { SpecCheckSchema, SpecReportSchema } from './specCheck.js';
import { SurfaceMapProgressSchema, SurfaceMapResultSchema, SurfaceMapSchema } from './stepDecayMap.js';
import { SurfaceDescendSchema, SurfaceEvaluateSchema, SurfaceGridSchema, SurfacePathSchema } from './surfaces.js';
import {
  TrainBatchesSchema,
  TrainBoundarySchema,
  TrainEpochSchema,
  TrainFinishedSchema,
  TrainLearningRateSchema,
  TrainPauseSchema,
  TrainResumeSchema,
  TrainSetLearningRateSchema,
  TrainStartSchema,
  TrainStartedSchema,
  TrainStateSchema,
  TrainStepSchema,
  TrainStopSchema,
} from './training.js';
import { WorkStopSchema } from './work.js';

/** Every request the renderer (or the CLI) sends the engine. */
export const RequestSchema = z.discriminatedUnion('type', [
  TrainStartSchema,
  TrainStopSchema,
  TrainPauseSchema,
  TrainResumeSchema,
  TrainStepSchema,
  TrainSetLearningRateSchema,
  DescribeSchema,
  FunctionsSampleSchema,
  FunctionsCheckTypedSchema,
  SurfaceEvaluateSchema,
  SurfaceDescendSchema,
  SurfaceMapSchema,
  GradcheckRunSchema,
  AnalysisRunSchema,
  FeatureMapsRunSchema,
  FeatureMapsExplainSchema,
  LandscapeRunSchema,
  SpecCheckSchema,
  EpochEstimateRequestSchema,
  DataPreviewSchema,
  ExportBuildSchema,
  WorkStopSchema,
  EnginePingSchema,
  EngineConfigureSchema,
  CompareStartSchema,
  CompareStopSchema,
]);
export type EngineRequest = z.infer<typeof RequestSchema>;
export type RequestType = EngineRequest['type'];
/** The request of type `T`. */
export type RequestOf<T extends RequestType> = Extract<EngineRequest, { type: T }>;

/** Every event the engine sends back. */
export const EngineEventSchema = z.discriminatedUnion('type', [
  TrainStartedSchema,
  TrainEpochSchema,
  TrainBatchesSchema,
  TrainStateSchema,
  TrainBoundarySchema,
  TrainLearningRateSchema,
  TrainFinishedSchema,
  CatalogSchema,
  FunctionSamplesSchema,
  FunctionsTypedCheckedSchema,
  SurfaceGridSchema,
  SurfacePathSchema,
  SurfaceMapProgressSchema,
  SurfaceMapResultSchema,
  GradcheckReportSchema,
  AnalysisReportSchema,
  FeatureMapsReportSchema,
  FeatureMapsExplainedSchema,
  LandscapeGridSchema,
  SpecReportSchema,
  EpochEstimatedSchema,
  DataPreviewedSchema,
  ExportFileSchema,
  EnginePongSchema,
  EngineConfiguredSchema,
  CompareProgressSchema,
  CompareRunSchema,
  CompareFinishedSchema,
  ErrorEventSchema,
]);
export type EngineEvent = z.infer<typeof EngineEventSchema>;

type Issue = z.core.$ZodIssue;

/**
 * Of a union's failure, the issue of the branch the input was meant for: the one that did not fail on its
 * discriminator ("kind" or "type"), e.g. a toy data set with an unknown name rather than "not a data set name".
 */
function branchIssue(issue: Issue): Issue {
  if (issue.code !== 'invalid_union') return issue;
  const meant = issue.errors.find(
    (branch) => branch.length > 0 && branch[0]!.path.length > 0 && !branch.some((i) => i.path.length === 1 && (i.path[0] === 'kind' || i.path[0] === 'type')),
  );
  return meant ? { ...meant[0]!, path: [...issue.path, ...meant[0]!.path] } : issue;
}

/** Describes what is wrong with a zod error in one line, naming the field. */
export function describeIssue(error: z.ZodError): { message: string; field?: string } {
  const first = error.issues[0];
  if (!first) return { message: 'invalid message' };
  const issue = branchIssue(first);
  const field = issue.path.length ? issue.path.join('.') : undefined;
  return { message: field ? `${field}: ${issue.message}` : issue.message, field };
}

/** Parses an incoming request; a bad one gives an error event that names what is wrong. */
export function parseRequest(data: unknown): { ok: true; request: EngineRequest } | { ok: false; error: ErrorEvent } {
  const result = RequestSchema.safeParse(data);
  if (result.success) return { ok: true, request: result.data };
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const requestId = typeof record.requestId === 'string' ? record.requestId : undefined;
  const runId = requestId === undefined && typeof record.runId === 'string' ? record.runId : undefined;
  const { message, field } = describeIssue(result.error);
  return { ok: false, error: { type: 'error', runId, requestId, message: `bad request: ${message}`, field } };
}

/** The id an answer to `request` carries: a training request's runId, any other request's requestId. */
export function requestIds(request: EngineRequest): { runId?: string; requestId?: string } {
  return 'requestId' in request ? { requestId: request.requestId } : { runId: request.runId };
}
