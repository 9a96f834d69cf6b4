// A typed expression in x as ONNX nodes (opset 17) from basic operators, for the user's own activation; pure, any process.
import type { Expr, FunctionName } from '../surfaces/expression.js';
import type { OnnxNames, OnnxNode } from './layerDefinition.js';
import { scalarConstant } from './onnxConstant.js';

const BINARY = { '+': 'Add', '-': 'Sub', '*': 'Mul', '/': 'Div', '^': 'Pow' } as const;
/** The expression's functions that ONNX has as one operator. */
const UNARY: Partial<Record<FunctionName, string>> = { sin: 'Sin', cos: 'Cos', exp: 'Exp', log: 'Log', sqrt: 'Sqrt', abs: 'Abs', tanh: 'Tanh' };

/**
 * The nodes computing `expr` elementwise from `names.input` into `names.output`. tan, sinh and cosh are written with
 * Sin, Cos and Exp (ONNX Runtime has them for float32 only); atan is ONNX's Atan in a float32 model, and has no such form
 * in a float64 one, where it is refused.
 * @throws Error naming the function ONNX cannot be given.
 */
export function expressionNodes(expr: Expr, names: OnnxNames): OnnxNode[] {
  const nodes: OnnxNode[] = [];
  let count = 0;
  const fresh = () => names.intermediate(`t${count++}`);
  const constant = (value: number): string => {
    const node = scalarConstant(names, `c${count++}`, value);
    nodes.push(node);
    return node.output;
  };
  const emit = (opType: string, inputs: string[], output = fresh()): string => {
    nodes.push({ opType, inputs, output });
    return output;
  };
  const call = (fn: FunctionName, arg: string, output?: string): string => {
    const op = UNARY[fn] ?? (fn === 'atan' && names.precision === 'float32' ? 'Atan' : undefined);
    if (op !== undefined) return emit(op, [arg], output);
    if (fn === 'tan') return emit('Div', [emit('Sin', [arg]), emit('Cos', [arg])], output);
    if (fn === 'sinh' || fn === 'cosh') {
      const up = emit('Exp', [arg]);
      const down = emit('Exp', [emit('Neg', [arg])]);
      return emit('Div', [emit(fn === 'sinh' ? 'Sub' : 'Add', [up, down]), constant(2)], output);
    }
    throw new Error(
      `ONNX export: ${fn}(…) has no ONNX operator for float64 and no form in basic ones; write the activation without ${fn} to export it, or export the float32 model, which has it`,
    );
  };
  const value = (node: Expr, output?: string): string => {
    switch (node.kind) {
      case 'num':
        // A constant of the input's shape: x·0 + c.
        return emit('Add', [emit('Mul', [names.input, constant(0)]), constant(node.value)], output);
      case 'var':
        return output === undefined ? names.input : emit('Identity', [names.input], output);
      case 'neg':
        return emit('Neg', [value(node.arg)], output);
      case 'call':
        return call(node.fn, value(node.arg), output);
      case 'bin':
        return emit(BINARY[node.op], [value(node.left), value(node.right)], output);
    }
  };
  value(expr, names.output);
  return nodes;
}
