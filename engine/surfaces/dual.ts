// Compiles a parsed expression into a function giving its value and exact gradient by forward-mode automatic differentiation.
import type { Expr } from './expression.js';

/** A value with its partial derivatives by x and y. */
export interface Dual {
  v: number;
  dx: number;
  dy: number;
}

type DualFn = (x: number, y: number) => Dual;

const constant = (v: number): Dual => ({ v, dx: 0, dy: 0 });
/** Chain rule for a scalar function g with derivative dg at a. */
const chain = (a: Dual, value: number, derivative: number): Dual => ({ v: value, dx: derivative * a.dx, dy: derivative * a.dy });

function applyFunction(fn: string, a: Dual): Dual {
  const u = a.v;
  switch (fn) {
    case 'sin':
      return chain(a, Math.sin(u), Math.cos(u));
    case 'cos':
      return chain(a, Math.cos(u), -Math.sin(u));
    case 'tan': {
      const t = Math.tan(u);
      return chain(a, t, 1 + t * t);
    }
    case 'exp': {
      const e = Math.exp(u);
      return chain(a, e, e);
    }
    case 'log':
      return chain(a, Math.log(u), 1 / u);
    case 'sqrt': {
      const s = Math.sqrt(u);
      return chain(a, s, 0.5 / s);
    }
    case 'abs':
      return chain(a, Math.abs(u), Math.sign(u));
    case 'tanh': {
      const t = Math.tanh(u);
      return chain(a, t, 1 - t * t);
    }
    case 'sinh':
      return chain(a, Math.sinh(u), Math.cosh(u));
    case 'cosh':
      return chain(a, Math.cosh(u), Math.sinh(u));
    case 'atan':
      return chain(a, Math.atan(u), 1 / (1 + u * u));
    default:
      throw new Error(`unknown function ${fn}`);
  }
}

function power(a: Dual, b: Dual): Dual {
  const v = Math.pow(a.v, b.v);
  if (b.dx === 0 && b.dy === 0) {
    // constant exponent: d(a^n) = n a^(n-1) da, valid for negative bases too
    const d = b.v === 0 ? 0 : b.v * Math.pow(a.v, b.v - 1);
    return { v, dx: d * a.dx, dy: d * a.dy };
  }
  // general case: d(a^b) = a^b (b' ln a + b a'/a)
  const ln = Math.log(a.v);
  return { v, dx: v * (b.dx * ln + (b.v * a.dx) / a.v), dy: v * (b.dy * ln + (b.v * a.dy) / a.v) };
}

/** Turns a syntax tree into a closure computing value and gradient; built once, called per point. */
export function compileDual(expr: Expr): DualFn {
  switch (expr.kind) {
    case 'num': {
      const c = constant(expr.value);
      return () => c;
    }
    case 'var':
      return expr.name === 'x' ? (x) => ({ v: x, dx: 1, dy: 0 }) : (_x, y) => ({ v: y, dx: 0, dy: 1 });
    case 'neg': {
      const f = compileDual(expr.arg);
      return (x, y) => {
        const a = f(x, y);
        return { v: -a.v, dx: -a.dx, dy: -a.dy };
      };
    }
    case 'call': {
      const f = compileDual(expr.arg);
      const fn = expr.fn;
      return (x, y) => applyFunction(fn, f(x, y));
    }
    case 'bin': {
      const l = compileDual(expr.left);
      const r = compileDual(expr.right);
      switch (expr.op) {
        case '+':
          return (x, y) => {
            const a = l(x, y),
              b = r(x, y);
            return { v: a.v + b.v, dx: a.dx + b.dx, dy: a.dy + b.dy };
          };
        case '-':
          return (x, y) => {
            const a = l(x, y),
              b = r(x, y);
            return { v: a.v - b.v, dx: a.dx - b.dx, dy: a.dy - b.dy };
          };
        case '*':
          return (x, y) => {
            const a = l(x, y),
              b = r(x, y);
            return { v: a.v * b.v, dx: a.dx * b.v + a.v * b.dx, dy: a.dy * b.v + a.v * b.dy };
          };
        case '/':
          return (x, y) => {
            const a = l(x, y),
              b = r(x, y);
            return { v: a.v / b.v, dx: (a.dx * b.v - a.v * b.dx) / (b.v * b.v), dy: (a.dy * b.v - a.v * b.dy) / (b.v * b.v) };
          };
        case '^':
          return (x, y) => power(l(x, y), r(x, y));
      }
    }
  }
}
