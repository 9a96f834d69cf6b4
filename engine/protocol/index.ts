// The one typed protocol between the renderer, the hosts and the engine: the unions of every family's messages; pure, any process.
// Each family's requests and events live in its own file; the side that receives a message validates it with these unions.
import { z } from 'zod';
import { AnalysisReportSchema, AnalysisRunSchema } from './analysis.js';
import { CatalogSchema, DescribeSchema } from './catalog.js';
import { DataPreviewSchema, DataPreviewedSchema } from './dataPreview.js';
import { EngineConfigureSchema, EngineConfiguredSchema } from './configure.js';
import { EpochEstimatedSchema, EpochEstimateRequestSchema } from './epochEstimate.js';
import { CompareFinishedSchema, CompareProgressSchema, CompareRunSchema, CompareStartSchema, CompareStopSchema } from './compare.js';
import { ErrorEventSchema } from './errors.js';
import { ExportBuildSchema, ExportFileSchema } from './export.js';
import { requestParser } from './requestParser.js';
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

export { describeIssue } from './describeIssue.js';
export { requestIds } from './requestIds.js';

/** Parses an incoming request; a bad one gives an error event that names what is wrong. */
export const parseRequest = requestParser(RequestSchema);
