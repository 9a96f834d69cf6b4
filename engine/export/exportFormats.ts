// The files the engine writes for a trained network or a run (plots are drawn by the renderer); pure, any process.
import { z } from 'zod';

export const EXPORT_FORMATS = ['weights.json', 'weights.npz', 'model.onnx', 'metrics.csv', 'train_run.py'] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;
