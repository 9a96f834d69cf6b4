// The lab's LineChart rendered with Svelte's server renderer for fixed data (plain Node): the exact SVG it draws, and its parts.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { COLOURS } from '../../../plots/theme.js';
import LineChart from '../../../renderer/charts/LineChart.svelte';
import type { LineSeries } from '../../../renderer/charts/lineSeries.js';

const series: LineSeries[] = [
  {
    key: 'train',
    label: 'Train',
    colour: COLOURS.train,
    dots: true,
    points: [
      { x: 1, y: 0.5 },
      { x: 2, y: 0.25 },
      { x: 3, y: 0.125 },
    ],
  },
  {
    key: 'test',
    label: 'Test',
    colour: COLOURS.test,
    dash: '6 3',
    points: [
      { x: 1, y: 0.6 },
      { x: 2, y: 0.4 },
      { x: 3, y: 0.3 },
    ],
  },
  {
    key: 'past',
    label: 'Run 1 (train)',
    colour: '#2a9d55',
    overlay: true,
    points: [
      { x: 1, y: 0.55 },
      { x: 2, y: 0.45 },
    ],
  },
];

function drawn(props: Partial<Parameters<typeof LineChart>[1]> = {}): string {
  const { body } = render(LineChart, {
    props: {
      title: 'Loss per epoch',
      ariaLabel: 'Loss per epoch',
      xLabel: 'Epoch',
      yLabel: 'Loss',
      series,
      xDomain: [0, 4],
      yDomain: [0, 0.6],
      width: 400,
      height: 240,
      integerX: true,
      ...props,
    },
  });
  return body.replace(/<!--[\s\S]*?-->/g, '');
}

describe('LineChart', () => {
  it('draws the same SVG for the same data', () => {
    expect(drawn()).toMatchSnapshot();
  });

  it('draws one line per series, dots only where asked, and past runs as overlays left out of the legend', () => {
    const svg = drawn();
    expect(svg.match(/class="line line-train"/g)).toHaveLength(1);
    expect(svg.match(/class="line line-test"/g)).toHaveLength(1);
    expect(svg.match(/class="point point-train"/g)).toHaveLength(3);
    expect(svg).not.toContain('point-test');
    expect(svg.match(/class="line-overlay"/g)).toHaveLength(1);
    expect(svg).toContain('>Train</text>');
    expect(svg).not.toContain('>Run 1 (train)</text>');
  });

  it('writes its colours, dashes and font on the elements, so the svg needs no stylesheet', () => {
    const svg = drawn();
    expect(svg).toContain(`stroke="${COLOURS.test}" stroke-width="2" stroke-dasharray="6 3"`);
    expect(svg).toContain(`stroke="${COLOURS.axis}"`);
    expect(svg).toContain(`stroke="${COLOURS.grid}"`);
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*font-family="/);
    expect(svg).not.toContain('var(--');
  });

  it('labels both axes and says so in the middle when it has nothing to draw', () => {
    const svg = drawn({ series: [], empty: 'Nothing yet' });
    expect(svg).toContain('>Epoch</text>');
    expect(svg).toContain('>Loss</text>');
    expect(svg).toContain('>Nothing yet</text>');
  });
});
