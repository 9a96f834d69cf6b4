// A typed expression in x as PyTorch source, and the user's activation as a torch module (its typed f′ as the backward pass when there is one), for the exported script; pure, any process.
import { parseExpression, type Expr } from '../surfaces/expression.js';
import type { PytorchModule } from './layerDefinition.js';

const OPERATORS = { '+': '+', '-': '-', '*': '*', '/': '/' } as const;

/** The torch expression computing `expr` from the float64 tensor `x`; every constant a 0-d tensor like x, so every operation is torch's. */
export function torchSource(expr: Expr): string {
  switch (expr.kind) {
    case 'num':
      return `x.new_tensor(${String(expr.value)})`;
    case 'var':
      return 'x';
    case 'neg':
      return `(-${torchSource(expr.arg)})`;
    case 'call':
      return `torch.${expr.fn}(${torchSource(expr.arg)})`;
    case 'bin':
      return expr.op === '^'
        ? `torch.pow(${torchSource(expr.left)}, ${torchSource(expr.right)})`
        : `(${torchSource(expr.left)} ${OPERATORS[expr.op]} ${torchSource(expr.right)})`;
  }
}

/** The whole of f as x's shape: a constant f is broadcast by adding a zero tensor like x. */
function shapedSource(text: string): string {
  const expr = parseExpression(text, ['x']);
  return expr.kind === 'num' ? `${torchSource(expr)} + torch.zeros_like(x)` : torchSource(expr);
}

/** A short stable tag of the expressions, so two activations of one name but different formulas get different classes. */
function tag(text: string): string {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
  return hash.toString(36);
}

/** The user's activation as a module: f by autograd, or with a typed f′ an autograd Function whose backward is dy · f′(x), as the lab trains it. */
export function activationModule(spec: { name: string; f: string; df?: string | undefined }): PytorchModule {
  const className = `Activation_${spec.name}_${tag(`${spec.f}|${spec.df ?? ''}`)}`;
  const f = shapedSource(spec.f);
  const doc = `    """${spec.name}: f(x) = ${spec.f}${spec.df ? `, f′(x) = ${spec.df}` : ', f′ by autograd'}, as typed in the lab."""`;
  const source = spec.df
    ? [
        `class ${className}Function(torch.autograd.Function):`,
        '    @staticmethod',
        '    def forward(ctx, x):',
        '        ctx.save_for_backward(x)',
        `        return ${f}`,
        '',
        '    @staticmethod',
        '    def backward(ctx, dy):',
        '        (x,) = ctx.saved_tensors',
        `        return dy * (${shapedSource(spec.df)})`,
        '',
        '',
        `class ${className}(nn.Module):`,
        doc,
        '',
        '    def forward(self, x):',
        `        return ${className}Function.apply(x)`,
      ]
    : [`class ${className}(nn.Module):`, doc, '', '    def forward(self, x):', `        return ${f}`];
  return { module: `${className}()`, helper: { name: className, source: source.join('\n') } };
}
