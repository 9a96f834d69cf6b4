// The MaxPool2D layer type: each channel's windows reduced to their largest value; pure, any process.
import { z } from 'zod';
import { MaxPool2D } from './pool2d.js';
import { definePool, poolFields } from './poolSettings.js';

export const MaxPool2DSpecSchema = z.object({ type: z.literal('maxpool2d'), ...poolFields }).strict();

export const maxpool2dDefinition = definePool({
  type: 'maxpool2d',
  title: 'Max pool',
  description: 'the largest value of each window',
  schema: MaxPool2DSpecSchema,
  onnxOperator: 'MaxPool',
  onnxReduce: 'ReduceMax',
  torchModule: 'MaxPool2d',
  layer: MaxPool2D,
});
