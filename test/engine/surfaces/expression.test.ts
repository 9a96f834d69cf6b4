// Tests the expression parser and its automatic differentiation against analytic values and central differences.
import { describe, expect, it } from 'vitest';
import { ExpressionError, parseExpression } from '../../../engine/surfaces/expression.js';
import { compileDual } from '../../../engine/surfaces/dual.js';

const evaluate = (text: string, x: number, y: number) => compileDual(parseExpression(text))(x, y);

describe('parseExpression', () => {
  it('follows the usual precedence: powers before unary minus before products before sums', () => {
    expect(evaluate('-x^2', 3, 0).v).toBe(-9);
    expect(evaluate('2 + 3*x^2', 2, 0).v).toBe(14);
    expect(evaluate('2^3^2', 0, 0).v).toBe(512);
    expect(evaluate('x**2 - y', 3, 1).v).toBe(8);
    expect(evaluate('(1 - x)/(2 + y)', 3, 2).v).toBe(-0.5);
  });

  it('reads implicit products, constants and functions', () => {
    expect(evaluate('3x', 2, 0).v).toBe(6);
    expect(evaluate('2(x + 1)', 2, 0).v).toBe(6);
    expect(evaluate('cos(pi)', 0, 0).v).toBe(-1);
    expect(evaluate('log(e)', 0, 0).v).toBe(1);
    expect(evaluate('1.5e2 + .5', 0, 0).v).toBe(150.5);
  });

  it('points at the column of an unknown name', () => {
    expect(() => parseExpression('x + foo(y)')).toThrow(
      new ExpressionError("unknown name 'foo' (use x, y, pi, e or sin, cos, tan, exp, log, sqrt, abs, tanh, sinh, cosh, atan)", 5),
    );
  });

  it('points at a missing closing parenthesis', () => {
    try {
      parseExpression('cos(3*x');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ExpressionError);
      expect((e as ExpressionError).column).toBe(8);
      expect((e as Error).message).toBe("expected ')' but found end of input at column 8");
    }
  });

  it('rejects stray characters, dangling operators and empty input', () => {
    expect(() => parseExpression('x $ y')).toThrow("unexpected character '$' at column 3");
    expect(() => parseExpression('x +')).toThrow('unexpected end of input at column 4');
    expect(() => parseExpression('x )')).toThrow("unexpected ')' at column 3");
    expect(() => parseExpression('   ')).toThrow('the expression is empty');
  });

  it('never evaluates JavaScript', () => {
    expect(() => parseExpression('process.exit(1)')).toThrow(ExpressionError);
    expect(() => parseExpression('constructor')).toThrow("unknown name 'constructor'");
  });
});

describe('compileDual', () => {
  const expressions = [
    'x^2 + y^2 + x*(y + 2) + cos(3*x)',
    'sin(x) * exp(y / 3) - sqrt(x^2 + 1)',
    'tanh(x*y) + log(2 + cos(x)) + atan(y) / (1 + x^2)',
    'x^y + sinh(y) - cosh(x/2) + abs(x - 3)',
    '(1.5 - x + x*y)^2 + tan(y/4)',
  ];
  for (const text of expressions) {
    it(`gives the exact gradient of ${text}, matching central differences`, () => {
      const f = compileDual(parseExpression(text));
      const h = 1e-6;
      for (const [x, y] of [
        [0.7, 1.3],
        [1.9, -0.4],
        [2.5, 0.8],
      ] as const) {
        const d = f(x, y);
        const numX = (f(x + h, y).v - f(x - h, y).v) / (2 * h);
        const numY = (f(x, y + h).v - f(x, y - h).v) / (2 * h);
        expect(Math.abs(d.dx - numX)).toBeLessThan(1e-6 * Math.max(1, Math.abs(numX)));
        expect(Math.abs(d.dy - numY)).toBeLessThan(1e-6 * Math.max(1, Math.abs(numY)));
      }
    });
  }
});
