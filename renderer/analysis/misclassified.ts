// The misclassified test samples of an analysis report (renderer), most confident mistakes first, with their captions; pure, no DOM.
import type { AnalysisReport } from '../../engine/protocol/analysis.js';

export interface Mistake {
  /** Index into the test set (what analysis.run's sampleIndex takes). */
  index: number;
  truth: number;
  predicted: number;
  /** The probability the network gave its (wrong) predicted class. */
  confidence: number;
}

/** Every test sample whose prediction is wrong, the most confident first (ties by test index). */
export function mistakes(predictions: AnalysisReport['predictions']): Mistake[] {
  const { truth, predicted, confidence } = predictions;
  const found: Mistake[] = [];
  for (let i = 0; i < truth.length; i++) {
    if (truth[i] !== predicted[i]) found.push({ index: i, truth: truth[i]!, predicted: predicted[i]!, confidence: confidence[i]! });
  }
  return found.sort((a, b) => b.confidence - a.confidence || a.index - b.index);
}

/** A probability as a whole percentage, "71%" (one decimal below 1% and above 99%). */
export function percent(p: number): string {
  if (!Number.isFinite(p)) return '—';
  const value = p * 100;
  return (value > 99 && value < 100) || (value > 0 && value < 1) ? `${value.toFixed(1)}%` : `${Math.round(value)}%`;
}

/** "true 3 → predicted 8, 71%". */
export function mistakeCaption(mistake: Mistake, classes: readonly string[]): string {
  return `true ${classes[mistake.truth] ?? mistake.truth} → predicted ${classes[mistake.predicted] ?? mistake.predicted}, ${percent(mistake.confidence)}`;
}

/** What the network made of test sample `index` (right or wrong), in the shape of a mistake. */
export function predictionAt(predictions: AnalysisReport['predictions'], index: number): Mistake {
  return { index, truth: predictions.truth[index]!, predicted: predictions.predicted[index]!, confidence: predictions.confidence[index]! };
}
