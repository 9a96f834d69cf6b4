// Parses a user-typed expression in x and y (or in x alone) into a small syntax tree, safely (no eval); errors point at a column.

/** A node of a parsed expression. */
export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'var'; name: 'x' | 'y' }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/' | '^'; left: Expr; right: Expr }
  | { kind: 'call'; fn: FunctionName; arg: Expr };

export const FUNCTION_NAMES = ['sin', 'cos', 'tan', 'exp', 'log', 'sqrt', 'abs', 'tanh', 'sinh', 'cosh', 'atan'] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];
const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E };

/** A parse error; `column` counts from 1 within the typed text. */
export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(`${message} at column ${column}`);
    this.name = 'ExpressionError';
  }
}

interface Token {
  type: 'num' | 'name' | 'op' | 'lparen' | 'rparen' | 'end';
  text: string;
  pos: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const number = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i));
    if (number) {
      tokens.push({ type: 'num', text: number[0], pos: i });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_]\w*/.exec(text.slice(i));
    if (name) {
      tokens.push({ type: 'name', text: name[0], pos: i });
      i += name[0].length;
      continue;
    }
    if (text.startsWith('**', i)) {
      tokens.push({ type: 'op', text: '^', pos: i });
      i += 2;
      continue;
    }
    if ('+-*/^'.includes(c)) {
      tokens.push({ type: 'op', text: c, pos: i });
      i++;
      continue;
    }
    if (c === '(') {
      tokens.push({ type: 'lparen', text: c, pos: i });
      i++;
      continue;
    }
    if (c === ')') {
      tokens.push({ type: 'rparen', text: c, pos: i });
      i++;
      continue;
    }
    throw new ExpressionError(`unexpected character '${c}'`, i + 1);
  }
  tokens.push({ type: 'end', text: '', pos: text.length });
  return tokens;
}

/** The variables an expression may use: x and y for a surface, x alone for an activation. */
export type Variables = readonly ('x' | 'y')[];

/**
 * Parses an expression such as `x^2 + y^2 + x*(y + 2) + cos(3*x)`; a name outside `variables` is an error at its column.
 * Grammar: sum := product (('+'|'-') product)*; product := unary (('*'|'/'|implicit) unary)*;
 * unary := '-' unary | power; power := atom ('^' unary)?  (right-associative, binds tighter than unary minus on its left).
 */
export function parseExpression(text: string, variables: Variables = ['x', 'y']): Expr {
  if (text.trim() === '') throw new ExpressionError('the expression is empty', 1);
  const tokens = tokenize(text);
  let at = 0;
  const peek = () => tokens[at]!;
  const next = () => tokens[at++]!;
  const describe = (t: Token) => (t.type === 'end' ? 'end of input' : `'${t.text}'`);

  function sum(): Expr {
    let left = product();
    while (peek().type === 'op' && (peek().text === '+' || peek().text === '-')) {
      const op = next().text as '+' | '-';
      left = { kind: 'bin', op, left, right: product() };
    }
    return left;
  }
  function product(): Expr {
    let left = unary();
    for (;;) {
      const t = peek();
      if (t.type === 'op' && (t.text === '*' || t.text === '/')) {
        next();
        left = { kind: 'bin', op: t.text as '*' | '/', left, right: unary() };
      } else if (t.type === 'num' || t.type === 'name' || t.type === 'lparen') {
        left = { kind: 'bin', op: '*', left, right: unary() }; // implicit product: 3x, 2(x+1), x y
      } else return left;
    }
  }
  function unary(): Expr {
    if (peek().type === 'op' && peek().text === '-') {
      next();
      return { kind: 'neg', arg: unary() };
    }
    if (peek().type === 'op' && peek().text === '+') {
      next();
      return unary();
    }
    return power();
  }
  function power(): Expr {
    const base = atom();
    if (peek().type === 'op' && peek().text === '^') {
      next();
      return { kind: 'bin', op: '^', left: base, right: unary() };
    }
    return base;
  }
  function atom(): Expr {
    const t = next();
    if (t.type === 'num') return { kind: 'num', value: Number(t.text) };
    if (t.type === 'lparen') {
      const inner = sum();
      const close = next();
      if (close.type !== 'rparen') throw new ExpressionError(`expected ')' but found ${describe(close)}`, close.pos + 1);
      return inner;
    }
    if (t.type === 'name') {
      const name = t.text.toLowerCase();
      if ((name === 'x' || name === 'y') && variables.includes(name)) return { kind: 'var', name };
      if (Object.hasOwn(CONSTANTS, name)) return { kind: 'num', value: CONSTANTS[name]! };
      if ((FUNCTION_NAMES as readonly string[]).includes(name)) {
        const open = next();
        if (open.type !== 'lparen') throw new ExpressionError(`expected '(' after ${name}`, open.pos + 1);
        const arg = sum();
        const close = next();
        if (close.type !== 'rparen') throw new ExpressionError(`expected ')' but found ${describe(close)}`, close.pos + 1);
        return { kind: 'call', fn: name as FunctionName, arg };
      }
      throw new ExpressionError(`unknown name '${t.text}' (use ${variables.join(', ')}, pi, e or ${FUNCTION_NAMES.join(', ')})`, t.pos + 1);
    }
    throw new ExpressionError(`unexpected ${describe(t)}`, t.pos + 1);
  }

  const tree = sum();
  const rest = peek();
  if (rest.type !== 'end') throw new ExpressionError(`unexpected ${describe(rest)}`, rest.pos + 1);
  return tree;
}
