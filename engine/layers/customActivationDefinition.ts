// The user's own activation as one layer type: its name, f(x) and optional f′(x) typed as expressions in x and carried in the spec, so files and the short form stay self-contained; and the user's activation as the lab keeps it; pure, any process.
import { z } from 'zod';
import { checkTypedActivation, compileTypedActivation, TypedActivationError } from '../functions/typedActivation.js';
import { parseExpression } from '../surfaces/expression.js';
import { Elementwise, loopsOverPair } from './elementwise.js';
import { defineLayer } from './layerDefinition.js';
import { textSchema, type TextIssue, type TextSetting } from './layerSetting.js';
import { expressionNodes } from './onnxExpression.js';
import { activationModule } from './pytorchExpression.js';
import { shapeSize } from './shape.js';

const NAME_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;

function expressionIssue(text: string, field: 'f' | 'df'): TextIssue | undefined {
  try {
    compileTypedActivation(field === 'f' ? text : 'x', field === 'df' ? text : undefined);
    return undefined;
  } catch (error) {
    if (error instanceof TypedActivationError) return { message: error.message, column: error.column };
    throw error;
  }
}

const name: TextSetting = {
  name: 'name',
  label: 'Name',
  noun: 'the name',
  kind: 'text',
  optional: false,
  positional: true,
  example: 'swish',
  placeholder: 'NAME',
  check: (text) =>
    NAME_PATTERN.test(text) ? undefined : { message: 'the name must start with a small letter and hold only small letters, digits and _ (at most 32)' },
};

const f: TextSetting = {
  name: 'f',
  label: 'f(x)',
  noun: 'f(x)',
  kind: 'text',
  optional: false,
  positional: true,
  example: 'x/(1+exp(-x))',
  placeholder: 'F',
  check: (text) => expressionIssue(text, 'f'),
};

const df: TextSetting = {
  name: 'df',
  label: 'f′(x)',
  noun: 'f′(x)',
  kind: 'text',
  optional: true,
  positional: true,
  example: '(1+exp(-x)+x*exp(-x))/(1+exp(-x))^2',
  placeholder: 'DF',
  check: (text) => expressionIssue(text, 'df'),
};

/** The settings of a user's activation, as zod fields. */
export const USER_ACTIVATION_FIELDS = { name: textSchema(name), f: textSchema(f), df: textSchema(df).optional() };

/** Refuses a typed f′ that fails the gradient check against f, at the field df. */
export function refuseFailingDerivative(spec: { f: string; df?: string | undefined }, context: z.RefinementCtx): void {
  if (spec.df === undefined || expressionIssue(spec.f, 'f') || expressionIssue(spec.df, 'df')) return;
  const check = checkTypedActivation(compileTypedActivation(spec.f, spec.df));
  if (check.ok) return;
  const { worst } = check;
  const detail =
    check.problem ??
    `check_grad's error ${check.error.toExponential(1)}, worst at x = ${worst.x}: f′ ${worst.analytic.toPrecision(6)}, central difference ${worst.numerical.toPrecision(6)}`;
  context.addIssue({
    code: 'custom',
    path: ['df'],
    message: `f′(x) does not pass the gradient check against f(x) (ERROR: ${detail}); fix it, or leave it out to use the lab's own derivative`,
  });
}

export const CustomActivationSpecSchema = z
  .object({ type: z.literal('custom_activation'), ...USER_ACTIVATION_FIELDS })
  .strict()
  .superRefine(refuseFailingDerivative);

export const customActivationDefinition = defineLayer({
  type: 'custom_activation',
  title: 'Your activation',
  description: 'f(x) as you typed it, with your f′(x) once it passes the gradient check',
  family: 'activation',
  schema: CustomActivationSpecSchema,
  settings: [name, f, df],
  userDefined: true,
  titleOf: (spec) => `${spec.name}, your activation`,
  outputShape: (_spec, input) => input,
  misfitShapes: () => ({ parameterShapes: [] }),
  inputIssue: () => undefined,
  parameterShapes: () => [],
  onnx: (spec, names) => expressionNodes(parseExpression(spec.f, ['x']), names),
  pytorch: (spec) => activationModule(spec),
  build: (spec, input, context) => {
    const activation = compileTypedActivation(spec.f, spec.df);
    const derivative = activation.typed ?? activation.derivative;
    return new Elementwise(spec.type, shapeSize(input), loopsOverPair({ value: activation.value, derivative: (x) => derivative(x) }), context.kernels);
  },
});

/** A user's activation as the lab keeps it (the project file, the renderer's list): the layer's name, f(x) and f′(x), checked as the layer is. */
export const UserActivationSchema = z.object(USER_ACTIVATION_FIELDS).strict().superRefine(refuseFailingDerivative);
export type UserActivation = z.infer<typeof UserActivationSchema>;
export type CustomActivationSpec = z.infer<typeof CustomActivationSpecSchema>;

/** The layer a user's activation makes. */
export function activationLayer(activation: UserActivation): CustomActivationSpec {
  return { type: 'custom_activation', ...activation };
}

/** What is wrong with a name for a user's activation, or undefined when it can name one. */
export function activationNameIssue(text: string): string | undefined {
  return name.check(text)?.message;
}
