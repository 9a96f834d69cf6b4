// The files the engine writes for a trained network or a run (plots are drawn by the renderer); pure, any process.
import { z } from 'zod';

/**
 * Every export file, by its usual name: model.onnx is the float64 ONNX model (the engine's outputs exactly; Conv and
 * AveragePool unrolled), model-float32.onnx the float32 one (the standard operators throughout).
 */
export const EXPORT_FORMATS = ['weights.json', 'weights.npz', 'model.onnx', 'model-float32.onnx', 'metrics.csv', 'split.csv', 'train_run.py'] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;
