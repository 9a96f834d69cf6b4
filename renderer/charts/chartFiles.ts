// The charts as SVG text without a page (Node, built by Vite for the server into dist/charts/ for the CLI): Svelte's server renderer draws the same components the lab shows.
import { render } from 'svelte/server';
import type { ChartFiles, CurvePoint, LearningCurvesOptions } from '../../plots/learningCurves.js';
import LearningCurvesFigure from './LearningCurvesFigure.svelte';

/** The markup of a component that draws one svg, as a standalone SVG document (Svelte's hydration comments removed). */
function svgDocumentOf(body: string): string {
  return `${body.replace(/<!--[\s\S]*?-->/g, '').trim()}\n`;
}

/** The learning-curves file: the LearningCurvesFigure component rendered on the server. */
export function learningCurvesSvg(history: readonly CurvePoint[], options: LearningCurvesOptions): string {
  const { body } = render(LearningCurvesFigure, {
    props: { history, lossLabel: options.lossLabel, caption: options.caption, plannedEpochs: options.plannedEpochs },
  });
  return svgDocumentOf(body);
}

export const chartFiles: ChartFiles = { learningCurvesSvg };
