// The 2D test functions of the optimizer lab, each with its analytic gradient, a view window and known minima.

/** A rectangle of the (x, y) plane. */
export interface Bounds {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** The least and greatest finite values seen so far. */
export interface ValueRange {
  min: number;
  max: number;
}

/** Writes one grid row: f(x_i, y) into target[i] for each x of the grid, a non-finite value as NaN, and widens `range` to the row's finite values. */
export type GridRowFill = (y: number, target: Float64Array, range: ValueRange) => void;

/** A differentiable function of two variables that an optimizer can descend. */
export interface Surface {
  id: string;
  name: string;
  /** The formula as a user would type it (parseable by parseExpression). */
  formula: string;
  value(x: number, y: number): number;
  /** Writes ∂f/∂x and ∂f/∂y into out[0] and out[1]. */
  gradient(x: number, y: number, out: Float64Array): void;
  /**
   * The formula's grid rows in one loop per row, written by hand, at the grid's x values `xs`: the same operations in the
   * same order as compileGridRows of the parsed formula (so equal to it bit for bit), only without a pass per term.
   */
  gridRows?(xs: Float64Array): GridRowFill;
  bounds: Bounds;
  /** A start point that shows the surface's character. */
  start: { x: number; y: number };
  /** Known local or global minima, the global one first (saddle points are listed as such in `name`). */
  minima: Array<{ x: number; y: number }>;
}

const exercise: Surface = {
  id: 'exercise',
  name: 'The exercise: x² + y² + x(y + 2) + cos 3x',
  formula: 'x^2 + y^2 + x*(y + 2) + cos(3*x)',
  value: (x, y) => x ** 2 + y ** 2 + x * (y + 2) + Math.cos(3 * x),
  gradient: (x, y, out) => {
    out[0] = 2 * x - 3 * Math.sin(3 * x) + y + 2;
    out[1] = x + 2 * y;
  },
  gridRows: (xs) => {
    // The terms in x alone, once for the grid, as the compiled formula computes them (x^2 is Math.pow(x, 2)).
    const squares = xs.map((x) => Math.pow(x, 2));
    const cosines = xs.map((x) => Math.cos(3 * x));
    return (y, target, range) => {
      const ySquared = Math.pow(y, 2);
      const yPlusTwo = y + 2;
      let { min, max } = range;
      for (let i = 0; i < target.length; i++) {
        const v = squares[i]! + ySquared + xs[i]! * yPlusTwo + cosines[i]!;
        // v − v is 0 exactly when v is finite.
        if (v - v === 0) {
          target[i] = v;
          if (v < min) min = v;
          if (v > max) max = v;
        } else target[i] = NaN;
      }
      range.min = min;
      range.max = max;
    };
  },
  bounds: { xMin: -5, xMax: 5, yMin: -5, yMax: 5 },
  start: { x: 3, y: 2 },
  // On the line y = −x/2 where ∂f/∂y vanishes, the roots of 1.5x + 2 − 3 sin 3x with 1.5 − 9 cos 3x > 0; the first is the global one.
  minima: [
    { x: -1.08816240984, y: 0.54408120492 },
    { x: -2.853721942622, y: 1.426860971311 },
    { x: 0.605946337162, y: -0.302973168581 },
  ],
};

const rosenbrock: Surface = {
  id: 'rosenbrock',
  name: 'Rosenbrock: (1 − x)² + 100(y − x²)²',
  formula: '(1 - x)^2 + 100*(y - x^2)^2',
  value: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
  gradient: (x, y, out) => {
    out[0] = -2 * (1 - x) - 400 * x * (y - x * x);
    out[1] = 200 * (y - x * x);
  },
  bounds: { xMin: -2, xMax: 2, yMin: -1, yMax: 3 },
  start: { x: -1.5, y: 2 },
  minima: [{ x: 1, y: 1 }],
};

const beale: Surface = {
  id: 'beale',
  name: 'Beale',
  formula: '(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2',
  value: (x, y) => (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y ** 3) ** 2,
  gradient: (x, y, out) => {
    const a = 1.5 - x + x * y,
      b = 2.25 - x + x * y * y,
      c = 2.625 - x + x * y ** 3;
    out[0] = 2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y ** 3 - 1);
    out[1] = 2 * a * x + 2 * b * 2 * x * y + 2 * c * 3 * x * y * y;
  },
  bounds: { xMin: -4.5, xMax: 4.5, yMin: -4.5, yMax: 4.5 },
  start: { x: 1, y: 1.5 },
  minima: [{ x: 3, y: 0.5 }],
};

const himmelblau: Surface = {
  id: 'himmelblau',
  name: 'Himmelblau: (x² + y − 11)² + (x + y² − 7)²',
  formula: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
  value: (x, y) => (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
  gradient: (x, y, out) => {
    const a = x * x + y - 11,
      b = x + y * y - 7;
    out[0] = 4 * x * a + 2 * b;
    out[1] = 2 * a + 4 * y * b;
  },
  bounds: { xMin: -5, xMax: 5, yMin: -5, yMax: 5 },
  start: { x: 0, y: 0 },
  minima: [
    { x: 3, y: 2 },
    { x: -2.805118, y: 3.131312 },
    { x: -3.77931, y: -3.283186 },
    { x: 3.584428, y: -1.848126 },
  ],
};

const saddle: Surface = {
  id: 'saddle',
  name: 'Saddle: x² − y²',
  formula: 'x^2 - y^2',
  value: (x, y) => x * x - y * y,
  gradient: (x, y, out) => {
    out[0] = 2 * x;
    out[1] = -2 * y;
  },
  bounds: { xMin: -2, xMax: 2, yMin: -2, yMax: 2 },
  start: { x: 1.5, y: 0.001 },
  minima: [],
};

const bowl: Surface = {
  id: 'bowl',
  name: 'Ill-conditioned bowl: (x² + 25y²) / 2',
  formula: '(x^2 + 25*y^2) / 2',
  value: (x, y) => (x * x + 25 * y * y) / 2,
  gradient: (x, y, out) => {
    out[0] = x;
    out[1] = 25 * y;
  },
  bounds: { xMin: -5, xMax: 5, yMin: -5, yMax: 5 },
  start: { x: -4.5, y: 1.5 },
  minima: [{ x: 0, y: 0 }],
};

/** Every built-in surface, in the order a menu lists them. */
export const SURFACES: readonly Surface[] = [exercise, rosenbrock, beale, himmelblau, saddle, bowl];
export const SURFACE_IDS = SURFACES.map((s) => s.id);

/** The built-in surface with this id, or undefined. */
export function findSurface(id: string): Surface | undefined {
  return SURFACES.find((s) => s.id === id);
}
