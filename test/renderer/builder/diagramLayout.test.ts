// The network diagram's geometry (plain Node): columns in order, heights ordered by width, labels, and a scrolling width when narrow.
import { describe, expect, it } from 'vitest';
import { boxHeight, columnsPerRow, diagramLayout, diagramNodes } from '../../../renderer/builder/diagramLayout.js';
import { layerName } from '../../../renderer/builder/layerCards.js';

const exercise = [
  { index: 0, type: 'linear', inputs: 64, outputs: 32, parameters: 2080 },
  { index: 1, type: 'relu', inputs: 32, outputs: 32, parameters: 0 },
  { index: 2, type: 'linear', inputs: 32, outputs: 1, parameters: 33 },
  { index: 3, type: 'sigmoid', inputs: 1, outputs: 1, parameters: 0 },
];

describe('diagramNodes', () => {
  it('starts with the input and marks the layers and input with problems', () => {
    const nodes = diagramNodes(exercise, layerName, new Set([2]), true);
    expect(nodes.map((n) => [n.name, n.kind, n.bad])).toEqual([
      ['Input', 'input', true],
      ['Linear', 'weights', false],
      ['ReLU', 'activation', false],
      ['Linear', 'weights', true],
      ['Sigmoid', 'activation', false],
    ]);
    expect(diagramNodes([], layerName, new Set(), false)).toEqual([]);
  });
});

describe('diagramLayout', () => {
  it('lays the boxes out left to right, labelled with their shapes and parameters, with an arrow between neighbours', () => {
    const layout = diagramLayout(diagramNodes(exercise, layerName, new Set(), false), 900);
    expect(layout.width).toBe(900);
    expect(layout.boxes.map((b) => b.shape)).toEqual(['64 features', '64 → 32', '32 → 32', '32 → 1', '1 → 1']);
    expect(layout.boxes[1]!.params).toBe('2,080 params');
    expect(layout.boxes[2]!.params).toBe('');
    expect(layout.arrows).toHaveLength(4);
    for (let i = 1; i < layout.boxes.length; i++) expect(layout.boxes[i]!.x).toBeGreaterThan(layout.boxes[i - 1]!.x + layout.boxes[i - 1]!.width);
    const last = layout.boxes.at(-1)!;
    expect(last.x + last.width).toBeLessThanOrEqual(layout.width);
  });

  it('draws wider layers taller, and every box at least a little tall', () => {
    expect(boxHeight(64, 64)).toBeGreaterThan(boxHeight(32, 64));
    expect(boxHeight(32, 64)).toBeGreaterThan(boxHeight(1, 64));
    expect(boxHeight(1, 64)).toBeGreaterThan(10);
  });

  it('wraps a long network into even rows, each arrow leading to the next box, one of them down to the next row', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ index: i, type: i % 2 ? 'relu' : 'linear', inputs: 8, outputs: 8, parameters: i % 2 ? 0 : 72 }));
    const layout = diagramLayout(diagramNodes(many, layerName, new Set(), false), 600);
    expect(columnsPerRow(9, 600)).toBe(5);
    expect(layout.boxes.map((b) => b.row)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1]);
    expect(layout.width).toBe(600);
    for (const box of layout.boxes) expect(box.x + box.width).toBeLessThanOrEqual(600);
    expect(layout.boxes[5]!.y).toBeGreaterThan(layout.boxes[4]!.y + layout.boxes[4]!.height);
    expect(layout.arrows).toHaveLength(8);
    expect(layout.arrows[4]).toMatch(/V.*H.*V/);
    expect(layout.arrows[3]).toMatch(/^M[\d.]+,[\d.]+H[\d.]+$/);
    expect(layout.height).toBeGreaterThan(2 * 150);
  });

  it('keeps columns readable in a very narrow space: one per row, and never narrower than its minimum', () => {
    expect(columnsPerRow(4, 50)).toBe(1);
    const layout = diagramLayout(diagramNodes(exercise, layerName, new Set(), false), 50);
    expect(layout.boxes[0]!.width).toBeGreaterThanOrEqual(60);
    expect(layout.width).toBeGreaterThanOrEqual(layout.boxes[0]!.width);
  });

  it('labels an image network with channels × height × width, the output alone where a column is too narrow for both', () => {
    const conv = [
      { index: 0, type: 'conv2d', inputs: 64, outputs: 512, inputShape: [1, 8, 8], outputShape: [8, 8, 8], parameters: 80 },
      { index: 1, type: 'maxpool2d', inputs: 512, outputs: 128, inputShape: [8, 8, 8], outputShape: [8, 4, 4], parameters: 0 },
      { index: 2, type: 'flatten', inputs: 128, outputs: 128, inputShape: [8, 4, 4], outputShape: [128], parameters: 0 },
    ];
    const wide = diagramLayout(diagramNodes(conv, layerName, new Set(), false), 900);
    expect(wide.boxes.map((b) => b.shape)).toEqual(['1×8×8 image', '1×8×8 → 8×8×8', '8×8×8 → 8×4×4', '8×4×4 → 128']);
    const narrow = diagramLayout(diagramNodes(conv, layerName, new Set(), false), 330);
    expect(narrow.boxes[1]!.shape).toBe('→ 8×8×8');
  });
});
