// What a learning-curves file is drawn from, and the module that draws it (types only, any process): the renderer's chart entry implements it, the CLI loads it built.

/** The metrics of one epoch, as the engine reports them; the test figures are absent for a run without a test set. */
export interface CurvePoint {
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  testLoss?: number | undefined;
  testAccuracy?: number | undefined;
}

export interface LearningCurvesOptions {
  /** What the loss axis is called, e.g. "Binary cross-entropy". */
  lossLabel: string;
  /** A line above both charts, e.g. the network and data set. */
  caption?: string | undefined;
  /** The run's planned epochs (the x axis spans them); default: the last epoch. */
  plannedEpochs?: number | undefined;
}

/** The server-rendered chart entry (dist/charts/chartFiles.js): the same Svelte components the lab shows, as SVG text. */
export interface ChartFiles {
  /** An SVG document with the loss chart on the left and the accuracy chart on the right. */
  learningCurvesSvg(history: readonly CurvePoint[], options: LearningCurvesOptions): string;
}
