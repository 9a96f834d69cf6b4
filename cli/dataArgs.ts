// Turns --data and its companions into a data source, and tells its shape for the default network (Node, the CLI process).
import { readFileSync } from 'node:fs';
import { outputsForClasses } from '../engine/data/classOutputs.js';
import { DATA_SET_INFO } from '../engine/data/dataSets.js';
import { parseLabelledCsv } from '../engine/data/labelledCsv.js';
import { DATA_SET_NAMES, DataSetNameSchema, TOY_DATA_NAMES } from '../engine/data/dataSetNames.js';
import { ToyDataSourceSchema, type DataSource } from '../engine/data/dataSource.js';
import { describeIssue } from '../engine/protocol/index.js';
import { DIGIT_CLASSES, IMAGE_DATA_SET_NAMES, IMAGE_DATA_SETS } from '../engine/data/dataSetNames.js';
import { isImageData, parseImageDataArgs } from './imageDataArgs.js';
import { UsageError } from './usageError.js';

/** The input width and output width a network needs for a data source. */
export interface DataShape {
  inputs: number;
  outputs: number;
  /** For image data: channels × height × width. */
  imageShape?: readonly number[];
  /** For image files: their class names (as the data set defines them). */
  classes?: readonly string[];
}

export interface DataArgs {
  data?: string | undefined;
  labelColumn?: string | undefined;
  toySize?: number | undefined;
  noise?: number | undefined;
  trainSize?: string | undefined;
  testSize?: string | undefined;
}

const KNOWN = `${DATA_SET_NAMES.join(', ')}, toy:NAME (${TOY_DATA_NAMES.join(', ')}), ${IMAGE_DATA_SET_NAMES.join(', ')}, idx:DIR (a folder of MNIST-format files) or a .csv file`;

/** The data source --data names (a shipped set, image files, toy:NAME, or a CSV file), with its shape. */
export async function parseDataArgs(args: DataArgs): Promise<{ source: DataSource; shape: DataShape }> {
  const data = args.data ?? 'digits-binary';
  if (isImageData(data)) {
    const { source, imageShape } = await parseImageDataArgs(data, { trainSize: args.trainSize, testSize: args.testSize });
    const classes = source.set ? IMAGE_DATA_SETS[source.set].classes : DIGIT_CLASSES;
    return { source, shape: { inputs: imageShape[0] * imageShape[1] * imageShape[2], outputs: classes.length, imageShape, classes } };
  }
  const subsetFlag = args.trainSize !== undefined ? '--train-size' : args.testSize !== undefined ? '--test-size' : undefined;
  if (subsetFlag) throw new UsageError(`${subsetFlag}: only image data (${IMAGE_DATA_SET_NAMES.join(', ')}, idx:DIR) is sized so; use --split for ${data}`);
  if (data.startsWith('toy:')) {
    const parsed = ToyDataSourceSchema.safeParse({ kind: 'toy', name: data.slice(4), size: args.toySize ?? 400, noise: args.noise ?? 0.1 });
    if (!parsed.success) {
      const { message, field } = describeIssue(parsed.error);
      const flag = field === 'size' ? '--toy-size' : field === 'noise' ? '--noise' : '--data';
      throw new UsageError(`${flag}: ${message.replace(/^\w+: /, '')}`);
    }
    return { source: parsed.data, shape: { inputs: 2, outputs: 1 } };
  }
  if (data.toLowerCase().endsWith('.csv')) {
    let text: string;
    try {
      text = readFileSync(data, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(`--data ${data}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    }
    let table;
    try {
      table = parseLabelledCsv(text, args.labelColumn);
    } catch (error) {
      throw new UsageError(`--data ${data}: ${(error as Error).message}`);
    }
    const source: DataSource = { kind: 'csv', fileName: data, text, ...(args.labelColumn ? { labelColumn: args.labelColumn } : {}) };
    return { source, shape: { inputs: table.featureNames.length, outputs: outputsForClasses(table.classes.length) } };
  }
  const name = DataSetNameSchema.safeParse(data);
  if (!name.success) throw new UsageError(`--data: unknown data set ${JSON.stringify(data)}; known: ${KNOWN}`);
  const info = DATA_SET_INFO[name.data];
  return { source: name.data, shape: { inputs: info.inputs, outputs: info.outputs, ...(info.imageShape ? { imageShape: info.imageShape } : {}) } };
}

/** The network a data set gets when --net is not given: 32 ReLU units, then a sigmoid (two classes) or a softmax. */
export function defaultNet(shape: DataShape): string {
  return shape.outputs === 1 ? 'linear:32,relu,linear:1,sigmoid' : `linear:32,relu,linear:${shape.outputs},softmax`;
}
