// Answers surface.evaluate (a contour grid) and surface.descend (an optimizer's path), both time-sliced and stoppable; pure.
import type { ErrorEvent } from '../protocol/errors.js';
import type { SurfaceDescend, SurfaceEvaluate, SurfaceGridEvent, SurfacePath } from '../protocol/surfaces.js';
import type { Surface } from '../surfaces/catalog.js';
import { descendSliced } from '../surfaces/descend.js';
import { ExpressionError } from '../surfaces/expression.js';
import { evaluateGridSliced } from '../surfaces/grid.js';
import { resolveSurface } from '../surfaces/userSurface.js';
import type { EngineContext } from './engineContext.js';
import { descentCost, surfaceGridCost, type RequestCost } from '../budget/requestCost.js';
import type { BudgetGuard } from '../budget/budgetGuard.js';

/** The surface a request names, or an error event pointing at the column of a typing mistake. */
function surfaceOf(request: SurfaceEvaluate | SurfaceDescend, bounds?: SurfaceEvaluate['bounds']): Surface | ErrorEvent {
  try {
    return resolveSurface(request.surface, bounds);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    return { type: 'error', requestId: request.requestId, field: 'surface', column: error.column, message: error.message };
  }
}

const isError = (value: Surface | ErrorEvent): value is ErrorEvent => 'type' in value && value.type === 'error';

/** Runs `work` with its cost held by the budget, or answers the budget's refusal. */
async function withinBudget<T>(budget: BudgetGuard, requestId: string, cost: RequestCost | undefined, work: () => Promise<T>): Promise<T | ErrorEvent> {
  if (!cost) return work();
  const admitted = budget.admit(cost);
  if ('issue' in admitted) return { type: 'error', requestId, code: 'over-budget', ...admitted.issue };
  try {
    return await work();
  } finally {
    admitted.release();
  }
}

/** The surface on the request's grid, or an error at the expression's column. */
export async function handleSurfaceEvaluate(request: SurfaceEvaluate, context: Pick<EngineContext, 'work' | 'budget'>): Promise<SurfaceGridEvent | ErrorEvent> {
  const surface = surfaceOf(request, request.bounds);
  if (isError(surface)) return surface;
  const bounds = request.bounds ?? surface.bounds;
  const grid = await withinBudget(context.budget, request.requestId, surfaceGridCost(request), () =>
    evaluateGridSliced(surface, bounds, request.nx, request.ny, context.work.slicer()),
  );
  if ('type' in grid) return grid;
  if (!Number.isFinite(grid.min)) {
    return { type: 'error', requestId: request.requestId, field: 'surface', message: 'the function has no finite value anywhere in this window' };
  }
  return {
    type: 'surface.grid',
    requestId: request.requestId,
    surface: request.surface,
    name: surface.name,
    bounds,
    nx: grid.nx,
    ny: grid.ny,
    values: grid.values,
    min: grid.min,
    max: grid.max,
  };
}

/** The optimizer's path from the start point, or an error at the field at fault. */
export async function handleSurfaceDescend(request: SurfaceDescend, context: Pick<EngineContext, 'work' | 'budget'>): Promise<SurfacePath | ErrorEvent> {
  const surface = surfaceOf(request);
  if (isError(surface)) return surface;
  if (!Number.isFinite(surface.value(request.start.x, request.start.y))) {
    return {
      type: 'error',
      requestId: request.requestId,
      field: 'start',
      message: `the function has no finite value at the start point (${request.start.x}, ${request.start.y})`,
    };
  }
  const path = await withinBudget(context.budget, request.requestId, descentCost(request), () =>
    descendSliced(surface, request.start, request, context.work.slicer()),
  );
  if ('type' in path) return path;
  return { type: 'surface.path', requestId: request.requestId, x: path.x, y: path.y, f: path.f, ...(path.diverged ? { diverged: path.diverged } : {}) };
}
