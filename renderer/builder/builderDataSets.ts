// The data sets the builder checks a network against (renderer): the shipped ones and the image sets read from MNIST-format files, with their shapes and names.
import {
  DATA_SET_LABELS,
  DATA_SET_NAMES,
  IMAGE_DATA_SET_NAMES,
  IMAGE_DATA_SETS,
  type DataSetName,
  type ImageDataSetName,
} from '../../engine/data/dataSetNames.js';
import type { DataSource } from '../../engine/data/dataSource.js';
import type { Catalog } from '../../engine/protocol/catalog.js';

/** A shipped data set's name, or an image data set's ("fashion-mnist"). */
export type BuilderDataSet = DataSetName | ImageDataSetName;

/** What the builder's hint and input shape need of a data set. */
export interface BuilderDataInfo {
  inputs: number;
  classes: readonly string[];
  imageShape?: readonly number[] | undefined;
}

/** The builder's menu: the shipped data sets, then the image sets. */
export const BUILDER_DATA_MENU = {
  shipped: DATA_SET_NAMES.map((name) => ({ value: name as BuilderDataSet, label: DATA_SET_LABELS[name] })),
  images: IMAGE_DATA_SET_NAMES.map((name) => ({ value: name as BuilderDataSet, label: IMAGE_DATA_SETS[name].label })),
};

const isImageSet = (name: string): name is ImageDataSetName => (IMAGE_DATA_SET_NAMES as readonly string[]).includes(name);

/** Whether `name` is one of the builder's data sets (a project file may hold any text there). */
export function isBuilderDataSet(name: string): name is BuilderDataSet {
  return isImageSet(name) || (DATA_SET_NAMES as readonly string[]).includes(name);
}

/** The data source spec.check is asked about: the shipped set by name, or the image set's files. */
export function builderDataSource(name: BuilderDataSet): DataSource {
  return isImageSet(name) ? { kind: 'images', set: name } : name;
}

/** The data set's name for a reader ("Digits 0–9", "Fashion-MNIST (10 kinds of clothing)"). */
export function builderDataLabel(name: BuilderDataSet): string {
  return isImageSet(name) ? IMAGE_DATA_SETS[name].label : DATA_SET_LABELS[name];
}

/** Its width, classes and image shape: an image set's from its definition, a shipped one's from the engine's catalog once it has answered. */
export function builderDataInfo(name: BuilderDataSet, catalog: Catalog['dataSets']): BuilderDataInfo | undefined {
  if (isImageSet(name)) {
    const info = IMAGE_DATA_SETS[name];
    return { inputs: info.imageShape.reduce((a, b) => a * b, 1), classes: info.classes, imageShape: info.imageShape };
  }
  return catalog.find((info) => info.name === name);
}
