// The AvgPool2D layer type: each channel's windows reduced to their mean; pure, any process.
import { z } from 'zod';
import { AvgPool2D } from './pool2d.js';
import { definePool, poolFields } from './poolSettings.js';

export const AvgPool2DSpecSchema = z.object({ type: z.literal('avgpool2d'), ...poolFields }).strict();

export const avgpool2dDefinition = definePool({
  type: 'avgpool2d',
  title: 'Average pool',
  description: 'the mean of each window',
  schema: AvgPool2DSpecSchema,
  onnxOperator: 'AveragePool',
  onnxReduce: 'ReduceMean',
  torchModule: 'AvgPool2d',
  layer: AvgPool2D,
});
