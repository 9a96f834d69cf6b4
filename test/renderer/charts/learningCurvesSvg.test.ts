// Tests the learning-curves SVG document (the lab's LearningCurvesFigure, server-rendered) for fixed data: both panels, labels, one point per epoch and series, escaping, the theme's colours.
import { describe, expect, it } from 'vitest';
import { lineChartGeometry } from '../../../plots/chartGeometry.js';
import { COLOURS } from '../../../plots/theme.js';
import { learningCurvesSvg } from '../../../renderer/charts/chartFiles.js';

const history = [
  { epoch: 1, trainLoss: 0.5, trainAccuracy: 0.8, testLoss: 0.4, testAccuracy: 0.85 },
  { epoch: 2, trainLoss: 0.3, trainAccuracy: 0.9, testLoss: 0.35, testAccuracy: 0.88 },
  { epoch: 3, trainLoss: 0.2, trainAccuracy: 0.95, testLoss: 0.33, testAccuracy: 0.9 },
];

describe('learningCurvesSvg', () => {
  const svg = learningCurvesSvg(history, { lossLabel: 'Binary cross-entropy', caption: 'a <net> & "data"', plannedEpochs: 5 });

  it('draws a titled, labelled loss panel and accuracy panel side by side', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="960"')).toBe(true);
    for (const text of ['Loss per epoch', 'Accuracy per epoch', 'Binary cross-entropy', '>Accuracy<', '>Epoch<', '>Train<', '>Test<'])
      expect(svg).toContain(text);
  });

  it('draws one point per epoch and series, plus the legend markers', () => {
    expect(svg.match(/<circle /g)).toHaveLength(2 * 2 * 3 + 4);
  });

  it('uses the same paths as the live chart for the same frame and data', () => {
    const geometry = lineChartGeometry({
      frame: { width: 480, height: 300, margin: { top: 46, right: 28, bottom: 46, left: 62 } },
      xDomain: [0, 5],
      yDomain: [0, 0.5],
      integerX: true,
      series: [{ key: 'train', label: 'Train', points: history.map((m) => ({ x: m.epoch, y: m.trainLoss })) }],
    });
    expect(svg).toContain(`d="${geometry.series[0]!.path}"`);
  });

  it('escapes text so a caption cannot break the document', () => {
    expect(svg).toContain('a &lt;net> &amp; "data"');
    expect(svg).not.toContain('<net>');
  });

  it("paints train and test in the screen theme's colours, and names its font", () => {
    expect(svg).toContain(`stroke="${COLOURS.train}"`);
    expect(svg).toContain(`stroke="${COLOURS.test}"`);
    expect(svg).not.toContain('#1f5fbf');
    expect(svg).toMatch(/<svg [^>]*font-family="[^"]*'DejaVu Sans'/);
  });

  it("is a single svg element without the server renderer's hydration comments", () => {
    expect(svg).not.toContain('<!--');
    expect(svg.trim().endsWith('</svg>')).toBe(true);
  });
});
