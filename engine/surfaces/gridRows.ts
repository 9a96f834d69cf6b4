// Compiles a parsed expression into an evaluator of whole grid rows: each node becomes one loop over a row, nodes in x alone are computed once for the grid, nodes in y alone once per row; pure, any process.
import type { Expr, FunctionName } from './expression.js';

/**
 * The row of values f(x_i, y) for every x of the grid, written into `target` when given (and returned), else into a
 * buffer the evaluator reuses (copy it before the next call).
 */
export type RowEvaluator = (y: number, target?: Float64Array) => Float64Array;

/** A compiled node: a constant, values over the grid's x (computed once), a number per row (y alone), or a row (x and y). */
type Compiled =
  { kind: 'constant'; value: number } | { kind: 'x'; values: Float64Array } | { kind: 'y'; at: (y: number) => number } | { kind: 'row'; row: RowEvaluator };

type BinaryOperator = Extract<Expr, { kind: 'bin' }>['op'];

const SCALAR_FUNCTIONS: Record<FunctionName, (u: number) => number> = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  abs: Math.abs,
  tanh: Math.tanh,
  sinh: Math.sinh,
  cosh: Math.cosh,
  atan: Math.atan,
};

/** The scalar operation, as the pointwise evaluation (compileDual's value) computes it. */
function operate(op: BinaryOperator, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '^':
      return Math.pow(a, b);
  }
}

/** out[i] = fn(a[i]): one loop per function, so that each loop calls one known function. */
function mapFunction(fn: FunctionName, a: Float64Array, out: Float64Array): void {
  const n = out.length;
  switch (fn) {
    case 'sin':
      for (let i = 0; i < n; i++) out[i] = Math.sin(a[i]!);
      return;
    case 'cos':
      for (let i = 0; i < n; i++) out[i] = Math.cos(a[i]!);
      return;
    case 'tan':
      for (let i = 0; i < n; i++) out[i] = Math.tan(a[i]!);
      return;
    case 'exp':
      for (let i = 0; i < n; i++) out[i] = Math.exp(a[i]!);
      return;
    case 'log':
      for (let i = 0; i < n; i++) out[i] = Math.log(a[i]!);
      return;
    case 'sqrt':
      for (let i = 0; i < n; i++) out[i] = Math.sqrt(a[i]!);
      return;
    case 'abs':
      for (let i = 0; i < n; i++) out[i] = Math.abs(a[i]!);
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) out[i] = Math.tanh(a[i]!);
      return;
    case 'sinh':
      for (let i = 0; i < n; i++) out[i] = Math.sinh(a[i]!);
      return;
    case 'cosh':
      for (let i = 0; i < n; i++) out[i] = Math.cosh(a[i]!);
      return;
    case 'atan':
      for (let i = 0; i < n; i++) out[i] = Math.atan(a[i]!);
      return;
  }
}

/** out[i] = a[i] op b[i]. */
function combineRows(op: BinaryOperator, a: Float64Array, b: Float64Array, out: Float64Array): void {
  const n = out.length;
  switch (op) {
    case '+':
      for (let i = 0; i < n; i++) out[i] = a[i]! + b[i]!;
      return;
    case '-':
      for (let i = 0; i < n; i++) out[i] = a[i]! - b[i]!;
      return;
    case '*':
      for (let i = 0; i < n; i++) out[i] = a[i]! * b[i]!;
      return;
    case '/':
      for (let i = 0; i < n; i++) out[i] = a[i]! / b[i]!;
      return;
    case '^':
      for (let i = 0; i < n; i++) out[i] = Math.pow(a[i]!, b[i]!);
      return;
  }
}

/** out[i] = a[i] op b. */
function combineRowNumber(op: BinaryOperator, a: Float64Array, b: number, out: Float64Array): void {
  const n = out.length;
  switch (op) {
    case '+':
      for (let i = 0; i < n; i++) out[i] = a[i]! + b;
      return;
    case '-':
      for (let i = 0; i < n; i++) out[i] = a[i]! - b;
      return;
    case '*':
      for (let i = 0; i < n; i++) out[i] = a[i]! * b;
      return;
    case '/':
      for (let i = 0; i < n; i++) out[i] = a[i]! / b;
      return;
    case '^':
      for (let i = 0; i < n; i++) out[i] = Math.pow(a[i]!, b);
      return;
  }
}

/** out[i] = a op b[i]. */
function combineNumberRow(op: BinaryOperator, a: number, b: Float64Array, out: Float64Array): void {
  const n = out.length;
  switch (op) {
    case '+':
      for (let i = 0; i < n; i++) out[i] = a + b[i]!;
      return;
    case '-':
      for (let i = 0; i < n; i++) out[i] = a - b[i]!;
      return;
    case '*':
      for (let i = 0; i < n; i++) out[i] = a * b[i]!;
      return;
    case '/':
      for (let i = 0; i < n; i++) out[i] = a / b[i]!;
      return;
    case '^':
      for (let i = 0; i < n; i++) out[i] = Math.pow(a, b[i]!);
      return;
  }
}

/** A node's value for the row at y: a number, or values over the row. */
function rowOf(node: Compiled, y: number): number | Float64Array {
  switch (node.kind) {
    case 'constant':
      return node.value;
    case 'x':
      return node.values;
    case 'y':
      return node.at(y);
    case 'row':
      return node.row(y);
  }
}

function combine(op: BinaryOperator, a: number | Float64Array, b: number | Float64Array, out: Float64Array): void {
  if (typeof a === 'number') combineNumberRow(op, a, b as Float64Array, out);
  else if (typeof b === 'number') combineRowNumber(op, a, b, out);
  else combineRows(op, a, b, out);
}

function compile(expr: Expr, xs: Float64Array): Compiled {
  const n = xs.length;
  switch (expr.kind) {
    case 'num':
      return { kind: 'constant', value: expr.value };
    case 'var':
      return expr.name === 'x' ? { kind: 'x', values: xs } : { kind: 'y', at: (y) => y };
    case 'neg': {
      const arg = compile(expr.arg, xs);
      if (arg.kind === 'constant') return { kind: 'constant', value: -arg.value };
      if (arg.kind === 'x') return { kind: 'x', values: arg.values.map((v) => -v) };
      if (arg.kind === 'y') return { kind: 'y', at: (y) => -arg.at(y) };
      const own = new Float64Array(n);
      return {
        kind: 'row',
        row: (y, out = own) => {
          const a = arg.row(y);
          for (let i = 0; i < n; i++) out[i] = -a[i]!;
          return out;
        },
      };
    }
    case 'call': {
      const arg = compile(expr.arg, xs);
      const fn = expr.fn;
      const scalar = SCALAR_FUNCTIONS[fn];
      if (arg.kind === 'constant') return { kind: 'constant', value: scalar(arg.value) };
      if (arg.kind === 'y') return { kind: 'y', at: (y) => scalar(arg.at(y)) };
      const out = new Float64Array(n);
      if (arg.kind === 'x') {
        mapFunction(fn, arg.values, out);
        return { kind: 'x', values: out };
      }
      return {
        kind: 'row',
        row: (y, target = out) => {
          mapFunction(fn, arg.row(y), target);
          return target;
        },
      };
    }
    case 'bin': {
      const left = compile(expr.left, xs);
      const right = compile(expr.right, xs);
      const op = expr.op;
      if (left.kind === 'constant' && right.kind === 'constant') return { kind: 'constant', value: operate(op, left.value, right.value) };
      const inY = (node: Compiled): node is Extract<Compiled, { kind: 'constant' | 'y' }> => node.kind === 'constant' || node.kind === 'y';
      if (inY(left) && inY(right)) {
        const l = left.kind === 'constant' ? () => left.value : left.at;
        const r = right.kind === 'constant' ? () => right.value : right.at;
        return { kind: 'y', at: (y) => operate(op, l(y), r(y)) };
      }
      const out = new Float64Array(n);
      if ((left.kind === 'constant' || left.kind === 'x') && (right.kind === 'constant' || right.kind === 'x')) {
        combine(op, rowOf(left, 0), rowOf(right, 0), out);
        return { kind: 'x', values: out };
      }
      return {
        kind: 'row',
        row: (y, target = out) => {
          combine(op, rowOf(left, y), rowOf(right, y), target);
          return target;
        },
      };
    }
  }
}

/**
 * The evaluator of `expr` over rows at the grid's x values `xs`: each value equals the pointwise evaluation's (the same
 * operations on the same operands, in the same order), only computed once per row or once per grid where it allows.
 */
export function compileGridRows(expr: Expr, xs: Float64Array): RowEvaluator {
  const root = compile(expr, xs);
  if (root.kind === 'row') return root.row;
  const own = new Float64Array(xs.length);
  if (root.kind === 'x') {
    own.set(root.values);
    return (_y, target) => {
      if (!target) return own;
      target.set(root.values);
      return target;
    };
  }
  return (y, target = own) => target.fill(root.kind === 'constant' ? root.value : root.at(y));
}
