// The Training form's data choice (renderer): a shipped data set, image files, a toy generator or a CSV file, its shape, and the DataSource sent.
import { outputsForClasses } from '../../engine/data/classOutputs.js';
import {
  DATA_SET_LABELS,
  DATA_SET_NAMES,
  DIGIT_CLASSES,
  IMAGE_DATA_SET_NAMES,
  IMAGE_DATA_SETS,
  TOY_DATA_LABELS,
  TOY_DATA_NAMES,
  type DataSetName,
  type ImageDataSetName,
} from '../../engine/data/dataSetNames.js';
import { ImageDataSourceSchema, ToyDataSourceSchema, type DataSource, type PickedImages } from '../../engine/data/dataSource.js';
import type { Catalog } from '../../engine/protocol/catalog.js';
import type { CsvPreview } from './csvPreview.js';
import type { FieldErrors } from './hyperparameterFields.js';

/** The value of the "Data set" menu for a CSV file. */
export const CSV_CHOICE = 'csv';
const TOY_PREFIX = 'toy:';
const IMAGE_PREFIX = 'images:';
/** The value of the "Data set" menu for a folder of MNIST-format files the user names. */
export const IMAGE_FOLDER_CHOICE = `${IMAGE_PREFIX}folder`;

/** The menu's entries, grouped as the menu shows them. */
export const DATA_MENU = {
  shipped: DATA_SET_NAMES.map((name) => ({ value: name as string, label: DATA_SET_LABELS[name] })),
  images: [
    ...IMAGE_DATA_SET_NAMES.map((name) => ({ value: imageChoiceOf(name), label: IMAGE_DATA_SETS[name].label })),
    { value: IMAGE_FOLDER_CHOICE, label: 'Open image files… (a folder)' },
  ],
  toy: TOY_DATA_NAMES.map((name) => ({ value: `${TOY_PREFIX}${name}`, label: `${TOY_DATA_LABELS[name]} (2D toy)` })),
  csv: { value: CSV_CHOICE, label: 'Your CSV file…' },
};

export type DataKind = 'shipped' | 'images' | 'toy' | 'csv';

export function dataKindOf(choice: string): DataKind {
  if (choice === CSV_CHOICE) return 'csv';
  if (choice.startsWith(IMAGE_PREFIX)) return 'images';
  return choice.startsWith(TOY_PREFIX) ? 'toy' : 'shipped';
}

/** The menu value of a known image data set ("images:fashion-mnist"). */
export function imageChoiceOf(name: ImageDataSetName): string {
  return `${IMAGE_PREFIX}${name}`;
}

/** The known image data set a menu value names (undefined for a folder or any other choice). */
export function imageSetOf(choice: string): ImageDataSetName | undefined {
  const name = choice.slice(IMAGE_PREFIX.length);
  return choice.startsWith(IMAGE_PREFIX) && (IMAGE_DATA_SET_NAMES as readonly string[]).includes(name) ? (name as ImageDataSetName) : undefined;
}

/** The shape a folder of MNIST-format files is taken to have until the engine reads it: MNIST's 1×28×28 images of 10 classes. */
export const IMAGE_FOLDER_SHAPE = { inputs: 28 * 28, classes: DIGIT_CLASSES.length } as const;

/** What the form holds about the data. */
export interface DataInput {
  choice: string;
  toySize: number | null;
  toyNoise: number | null;
  csv: { fileName: string; text: string } | null;
  labelColumn: string | null;
  /**
   * For image files: the folder of "Open image files…" (its path), or the files picked in the browser (which never tells
   * the page a path), and the subset sizes (null: every image).
   */
  images?: { folder: string | null; picked?: PickedImages | null; pickedName?: string | null; trainSize: number | null; testSize: number | null } | undefined;
}

/** A network's view of a data set: how many features it reads and how many classes it tells apart. */
export interface DataShape {
  name: string;
  inputs: number;
  classes: number;
}

/** The width a network's output must have for the data's classes. */
export function outputsFor(shape: DataShape): number {
  return outputsForClasses(shape.classes);
}

/** A short name for labels: "iris", "toy moons", "fashion-mnist", the folder's last name, the CSV file's name. */
export function dataName(input: Pick<DataInput, 'choice' | 'csv' | 'images'>): string {
  const kind = dataKindOf(input.choice);
  if (kind === 'csv') return input.csv?.fileName ?? 'CSV file';
  if (kind === 'images')
    return imageSetOf(input.choice) ?? input.images?.picked?.name ?? (input.images?.folder?.split(/[\\/]/).filter(Boolean).pop() || 'image files');
  return kind === 'toy' ? `toy ${input.choice.slice(TOY_PREFIX.length)}` : input.choice;
}

/** The data's shape: shipped sets from the engine's catalog, toys are 2D two-class, a CSV from its preview. */
export function dataShapeOf(
  input: Pick<DataInput, 'choice' | 'csv' | 'images'>,
  catalog: Catalog['dataSets'] | null,
  preview: CsvPreview | null,
): DataShape | null {
  const name = dataName(input);
  switch (dataKindOf(input.choice)) {
    case 'toy':
      return { name, inputs: 2, classes: 2 };
    case 'images': {
      const set = imageSetOf(input.choice);
      if (!set) return { name, ...IMAGE_FOLDER_SHAPE };
      const [channels, height, width] = IMAGE_DATA_SETS[set].imageShape;
      return { name, inputs: channels * height * width, classes: IMAGE_DATA_SETS[set].classes.length };
    }
    case 'csv':
      return preview ? { name, inputs: preview.header.length - 1, classes: preview.classes } : null;
    case 'shipped': {
      const info = catalog?.find((d) => d.name === input.choice);
      return info ? { name, inputs: info.inputs, classes: info.classes.length } : null;
    }
  }
}

export type DataValidation = { ok: true; source: DataSource; errors: FieldErrors } | { ok: false; errors: FieldErrors };

/** The DataSource to send, or the messages of the data fields at fault. */
export function dataSourceOf(input: DataInput): DataValidation {
  const kind = dataKindOf(input.choice);
  if (kind === 'shipped') {
    return (DATA_SET_NAMES as readonly string[]).includes(input.choice)
      ? { ok: true, source: input.choice as DataSetName, errors: {} }
      : { ok: false, errors: { dataSet: `Unknown data set ${JSON.stringify(input.choice)}` } };
  }
  if (kind === 'images') return imageSourceOf(input);
  if (kind === 'csv') {
    if (!input.csv) return { ok: false, errors: { csvFile: 'Choose a CSV file' } };
    return {
      ok: true,
      errors: {},
      source: { kind: 'csv', fileName: input.csv.fileName, text: input.csv.text, ...(input.labelColumn ? { labelColumn: input.labelColumn } : {}) },
    };
  }
  const errors: FieldErrors = {};
  if (input.toySize === null || Number.isNaN(input.toySize)) errors.toySize = 'Enter a number for the size';
  if (input.toyNoise === null || Number.isNaN(input.toyNoise)) errors.toyNoise = 'Enter a number for the noise';
  const parsed = ToyDataSourceSchema.safeParse({ kind: 'toy', name: input.choice.slice(TOY_PREFIX.length), size: input.toySize, noise: input.toyNoise });
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = issue.path[0] === 'size' ? 'toySize' : issue.path[0] === 'noise' ? 'toyNoise' : 'dataSet';
    errors[field] ??= capitalize(issue.message);
  }
  return parsed.success && !Object.keys(errors).length ? { ok: true, source: parsed.data, errors } : { ok: false, errors };
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The image data source of a known set or a named folder, with its subset sizes, or the messages of its fields. */
function imageSourceOf(input: DataInput): DataValidation {
  const set = imageSetOf(input.choice);
  const { folder = null, picked = null, pickedName = null, trainSize = null, testSize = null } = input.images ?? {};
  const errors: FieldErrors = {};
  if (!set && !picked && !folder?.trim()) {
    errors.imageFolder = pickedName
      ? `Choose the files of ${pickedName} again: a saved project keeps only their name`
      : 'Enter the folder that holds the image files';
  }
  if (trainSize !== null && Number.isNaN(trainSize)) errors.trainSize = 'Enter a number of images, or leave it empty for all';
  if (testSize !== null && Number.isNaN(testSize)) errors.testSize = 'Enter a number of images, or leave it empty for all';
  const parsed = ImageDataSourceSchema.safeParse({
    kind: 'images',
    ...(set ? { set } : picked ? { picked } : { folder: folder?.trim() }),
    ...(trainSize !== null && !Number.isNaN(trainSize) ? { trainSize } : {}),
    ...(testSize !== null && !Number.isNaN(testSize) ? { testSize } : {}),
  });
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = issue.path[0] === 'trainSize' ? 'trainSize' : issue.path[0] === 'testSize' ? 'testSize' : 'imageFolder';
    errors[field] ??= capitalize(issue.message);
  }
  return parsed.success && !Object.keys(errors).length ? { ok: true, source: parsed.data, errors } : { ok: false, errors };
}
