// The data sets shipped with the lab, the image data sets read from MNIST-format files, and the toy generators, by name, with the labels and class names every view shows; pure, any process.
import { z } from 'zod';

/** The data sets shipped with the lab. */
export const DATA_SET_NAMES = ['digits-binary', 'digits', 'iris', 'wine', 'breast-cancer'] as const;
export const DataSetNameSchema = z.enum(DATA_SET_NAMES, {
  error: (issue) => `unknown data set ${JSON.stringify(issue.input)}; known: ${DATA_SET_NAMES.join(', ')}`,
});
export type DataSetName = z.infer<typeof DataSetNameSchema>;

/** Each shipped data set's name for a reader, as menus and reports show it. */
export const DATA_SET_LABELS: Record<DataSetName, string> = {
  'digits-binary': 'Digits 0–4 vs 5–9',
  digits: 'Digits 0–9',
  iris: 'Iris (3 species)',
  wine: 'Wine (3 cultivars)',
  'breast-cancer': 'Breast cancer (malignant or benign)',
};

/** The generated 2D two-class data sets. */
export const TOY_DATA_NAMES = ['circles', 'xor', 'spiral', 'gaussians', 'moons'] as const;
export type ToyDataName = (typeof TOY_DATA_NAMES)[number];

/** Each toy data set's name for a reader. */
export const TOY_DATA_LABELS: Record<ToyDataName, string> = {
  circles: 'Circles',
  xor: 'XOR',
  spiral: 'Spiral',
  gaussians: 'Two Gaussians',
  moons: 'Moons',
};

/** The ten classes of Fashion-MNIST, in the order of its labels 0–9. */
export const FASHION_MNIST_CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'] as const;

/** The classes of a folder of MNIST-format files that is not a known image data set: its labels 0–9 as digits. */
export const DIGIT_CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** The four files of an MNIST-format folder, each found as it is or with `.gz` after it (gzip-compressed). */
export const IDX_FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

/** The image data sets the lab reads from MNIST-format files where a system package installs them. */
export const IMAGE_DATA_SET_NAMES = ['fashion-mnist'] as const;
export type ImageDataSetName = (typeof IMAGE_DATA_SET_NAMES)[number];

/** What an image data set is: where its files are installed, its classes and its images' shape. */
export interface ImageDataSetInfo {
  /** Its name for a reader, as menus and reports show it. */
  label: string;
  description: string;
  /** The folder its package installs the four IDX files to. */
  folder: string;
  /** What installs it there, as a message about missing files says. */
  installedBy: string;
  classes: readonly string[];
  /** One sample's channels × height × width. */
  imageShape: readonly [number, number, number];
  /** The images in its training and test files. */
  trainSize: number;
  testSize: number;
  /** The first labels of its training and test files: with the sizes, how a copy of its files elsewhere is recognised. */
  firstLabels: { train: readonly number[]; test: readonly number[] };
}

export const IMAGE_DATA_SETS: Record<ImageDataSetName, ImageDataSetInfo> = {
  'fashion-mnist': {
    label: 'Fashion-MNIST (10 kinds of clothing)',
    description: "Zalando's 28×28 greyscale images of clothing, 10 classes; 60,000 training and 10,000 test images",
    folder: '/usr/share/datasets/fashion-mnist',
    installedBy: "Debian's dataset-fashion-mnist package",
    classes: FASHION_MNIST_CLASSES,
    imageShape: [1, 28, 28],
    trainSize: 60000,
    testSize: 10000,
    firstLabels: { train: [9, 0, 0, 3, 0, 2, 7, 2, 5, 5, 0, 9, 5, 5, 7, 9], test: [9, 2, 1, 1, 6, 1, 4, 6, 5, 7, 4, 5, 7, 3, 4, 1] },
  },
};

/**
 * The known image data set whose files these labels are (the same counts, the same first labels in both files), so a
 * copy of Fashion-MNIST in another folder, or picked in the page, is shown with its class names; undefined for others.
 */
export function recogniseImageDataSet(trainLabels: Uint8Array, testLabels: Uint8Array): ImageDataSetName | undefined {
  const starts = (labels: Uint8Array, first: readonly number[]) => first.every((label, i) => labels[i] === label);
  return IMAGE_DATA_SET_NAMES.find((name) => {
    const info = IMAGE_DATA_SETS[name];
    return (
      trainLabels.length === info.trainSize &&
      testLabels.length === info.testSize &&
      starts(trainLabels, info.firstLabels.train) &&
      starts(testLabels, info.firstLabels.test)
    );
  });
}

/** The image data set whose files are installed in `folder`, if any (a trailing slash aside). */
export function imageDataSetInFolder(folder: string): ImageDataSetName | undefined {
  const trimmed = folder.replace(/[\\/]+$/, '');
  return IMAGE_DATA_SET_NAMES.find((name) => IMAGE_DATA_SETS[name].folder === trimmed);
}
