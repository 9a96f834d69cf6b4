// Turns a typed expression in x and y into a Surface whose gradient is exact (automatic differentiation).
import { parseExpression } from './expression.js';
import { compileDual } from './dual.js';
import { findSurface, type Bounds, type Surface } from './catalog.js';

const DEFAULT_BOUNDS: Bounds = { xMin: -5, xMax: 5, yMin: -5, yMax: 5 };

/** Builds a surface from an expression such as `sin(x) * cos(y)`; throws ExpressionError with a column on bad input. */
export function surfaceFromExpression(text: string, bounds: Bounds = DEFAULT_BOUNDS): Surface {
  const f = compileDual(parseExpression(text));
  return {
    id: 'custom',
    name: text,
    formula: text,
    value: (x, y) => f(x, y).v,
    gradient: (x, y, out) => {
      const d = f(x, y);
      out[0] = d.dx;
      out[1] = d.dy;
    },
    bounds,
    start: { x: (bounds.xMin + bounds.xMax) / 2 + (bounds.xMax - bounds.xMin) / 4, y: (bounds.yMin + bounds.yMax) / 2 + (bounds.yMax - bounds.yMin) / 4 },
    minima: [],
  };
}

/** A built-in surface by id, or else the text parsed as an expression. */
export function resolveSurface(idOrExpression: string, bounds?: Bounds): Surface {
  return findSurface(idOrExpression) ?? surfaceFromExpression(idOrExpression, bounds);
}
