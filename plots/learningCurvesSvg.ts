// Writes a run's learning curves (loss and accuracy, train and test) as a standalone SVG document; pure, any process.
import { accuracyDomain, epochDomain, lineChartGeometry, lossDomain, type ChartFrame, type LineChartGeometry, type SeriesInput } from './chartGeometry.js';

/** The metrics of one epoch, as the engine reports them. */
export interface CurvePoint { epoch: number; trainLoss: number; trainAccuracy: number; testLoss: number; testAccuracy: number }

export interface LearningCurvesOptions {
  /** What the loss axis is called, e.g. "Binary cross-entropy". */
  lossLabel: string;
  /** A line above both charts, e.g. the network and data set. */
  caption?: string;
  /** The run's planned epochs (the x axis spans them); default: the last epoch. */
  plannedEpochs?: number;
}

const COLOURS = { train: '#1f5fbf', test: '#d9661f', text: '#1d2330', muted: '#5b6475', grid: '#e3e7ee', axis: '#9aa3b2' };
const PANEL = { width: 480, height: 300 };
const MARGIN = { top: 46, right: 28, bottom: 46, left: 62 };
const FONT = "font-family=\"'DejaVu Sans', Verdana, sans-serif\"";

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

function panel(geometry: LineChartGeometry, frame: ChartFrame, title: string, yLabel: string, offsetX: number, offsetY: number): string {
  const { innerWidth, innerHeight } = geometry;
  const m = frame.margin;
  const parts: string[] = [`<g transform="translate(${offsetX},${offsetY})">`];
  parts.push(`<text x="${m.left}" y="20" font-size="14" font-weight="bold" fill="${COLOURS.text}">${escapeXml(title)}</text>`);
  geometry.series.forEach((s, i) => {
    const x = frame.width - m.right - geometry.series.length * 78 + 8 + i * 78;
    const colour = COLOURS[s.key as 'train' | 'test'] ?? COLOURS.text;
    const dash = s.key === 'test' ? ' stroke-dasharray="6 3"' : '';
    parts.push(`<g transform="translate(${x},12)"><line x1="0" x2="20" y1="8" y2="8" stroke="${colour}" stroke-width="2"${dash}/><circle cx="10" cy="8" r="3" fill="${colour}"/><text x="26" y="12" font-size="12" fill="${COLOURS.text}">${escapeXml(s.label)}</text></g>`);
  });
  parts.push(`<g transform="translate(${m.left},${m.top})">`);
  for (const tick of geometry.yTicks) parts.push(`<line x1="0" x2="${innerWidth}" y1="${tick.offset}" y2="${tick.offset}" stroke="${COLOURS.grid}"/>`);
  parts.push(`<line x1="0" x2="0" y1="0" y2="${innerHeight}" stroke="${COLOURS.axis}"/>`);
  for (const tick of geometry.yTicks) {
    parts.push(`<line x1="-5" x2="0" y1="${tick.offset}" y2="${tick.offset}" stroke="${COLOURS.axis}"/><text x="-8" y="${tick.offset + 4}" text-anchor="end" font-size="12" fill="${COLOURS.muted}">${escapeXml(tick.label)}</text>`);
  }
  parts.push(`<text transform="translate(${-m.left + 14},${innerHeight / 2}) rotate(-90)" text-anchor="middle" font-size="12.5" fill="${COLOURS.text}">${escapeXml(yLabel)}</text>`);
  parts.push(`<line x1="0" x2="${innerWidth}" y1="${innerHeight}" y2="${innerHeight}" stroke="${COLOURS.axis}"/>`);
  for (const tick of geometry.xTicks) {
    parts.push(`<line x1="${tick.offset}" x2="${tick.offset}" y1="${innerHeight}" y2="${innerHeight + 5}" stroke="${COLOURS.axis}"/><text x="${tick.offset}" y="${innerHeight + 18}" text-anchor="middle" font-size="12" fill="${COLOURS.muted}">${escapeXml(tick.label)}</text>`);
  }
  parts.push(`<text x="${innerWidth / 2}" y="${innerHeight + 38}" text-anchor="middle" font-size="12.5" fill="${COLOURS.text}">Epoch</text>`);
  for (const s of geometry.series) {
    const colour = COLOURS[s.key as 'train' | 'test'] ?? COLOURS.text;
    const dash = s.key === 'test' ? ' stroke-dasharray="6 3"' : '';
    parts.push(`<path d="${s.path}" fill="none" stroke="${colour}" stroke-width="2"${dash}/>`);
    for (const p of s.points) parts.push(`<circle cx="${p.cx}" cy="${p.cy}" r="3" fill="${colour}" stroke="#ffffff" stroke-width="1"/>`);
  }
  parts.push('</g></g>');
  return parts.join('\n');
}

/** An SVG document with the loss chart on the left and the accuracy chart on the right, drawn with the app's chart geometry. */
export function learningCurvesSvg(history: readonly CurvePoint[], options: LearningCurvesOptions): string {
  const frame: ChartFrame = { width: PANEL.width, height: PANEL.height, margin: MARGIN };
  const captionHeight = options.caption ? 28 : 0;
  const xDomain = epochDomain(options.plannedEpochs ?? 0, history.at(-1)?.epoch ?? 0);
  const series = (train: (m: CurvePoint) => number, test: (m: CurvePoint) => number): SeriesInput[] => [
    { key: 'train', label: 'Train', points: history.map((m) => ({ x: m.epoch, y: train(m) })) },
    { key: 'test', label: 'Test', points: history.map((m) => ({ x: m.epoch, y: test(m) })) },
  ];
  const loss = lineChartGeometry({ frame, xDomain, integerX: true, yDomain: lossDomain(history.flatMap((m) => [m.trainLoss, m.testLoss])), series: series((m) => m.trainLoss, (m) => m.testLoss) });
  const accuracy = lineChartGeometry({ frame, xDomain, integerX: true, yDomain: accuracyDomain(history.flatMap((m) => [m.trainAccuracy, m.testAccuracy])), series: series((m) => m.trainAccuracy, (m) => m.testAccuracy) });
  const width = PANEL.width * 2;
  const height = PANEL.height + captionHeight;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT}>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    options.caption ? `<text x="16" y="20" font-size="13" fill="${COLOURS.muted}">${escapeXml(options.caption)}</text>` : '',
    panel(loss, frame, 'Loss per epoch', options.lossLabel, 0, captionHeight),
    panel(accuracy, frame, 'Accuracy per epoch', 'Accuracy', PANEL.width, captionHeight),
    '</svg>',
    '',
  ].join('\n');
}
