// The standard normal CDF Φ(x) as ONNX nodes of float64 elementary operators, for exports that need erf (GELU); pure, any process.
import type { OnnxNames, OnnxNode } from './layerDefinition.js';
import { scalarConstant } from './onnxConstant.js';

/**
 * Chebyshev coefficients (in u = 2t − 1) of g(t) = ln(erfc(z) / t) + z², t = 2 / (2 + z), on z ≥ 0, so that
 * erfc(z) = t·e^(g(t) − z²); interpolated at 27 Chebyshev points with 50-digit arithmetic (mpmath); erfc's relative
 * error is below 1e-16 wherever it is above float64's underflow.
 */
const ERFC_CHEBYSHEV = [
  -0.6513268598908547, 0.6419697923564902, 0.019476473204185836, -0.009561514786808632, -0.0009465953444820369, 0.00036683949785276145, 4.252332480690777e-5,
  -2.0278578112534242e-5, -1.6242900046470256e-6, 1.3036558355805232e-6, 1.5626441722066142e-8, -8.523809591492654e-8, 6.529054439098852e-9,
  5.0593434955514685e-9, -9.913641564930386e-10, -2.2736512229315695e-10, 9.646791102011655e-11, 2.394038082903079e-12, -6.886027525619135e-12,
  8.944879256705278e-13, 3.130921365446622e-13, -1.1270819569035919e-13, 3.810308294386971e-16, 7.106023845200304e-15, -1.5221835936888534e-15,
  -9.690304997086527e-17, 1.2097368886683343e-16,
] as const;

/**
 * Nodes that write Φ(`x`) = erfc(−x/√2) / 2 into the intermediate "cdf" (returned with its name). ONNX Runtime has no
 * float64 Erf kernel, so erfc comes from the series above by Clenshaw's recurrence, Exp, Mul and Add: valid on any runtime,
 * and within about 1e-16 of the exact value.
 */
export function normalCdfNodes(names: OnnxNames, x: string): { nodes: OnnxNode[]; cdf: string } {
  const at = (name: string) => names.intermediate(`cdf_${name}`);
  const constant = (name: string, value: number) => scalarConstant({ ...names, intermediate: at }, name, value);
  const nodes: OnnxNode[] = [
    constant('zero', 0),
    constant('half', 0.5),
    constant('one', 1),
    constant('two', 2),
    constant('sqrt2', Math.SQRT2),
    ...ERFC_CHEBYSHEV.map((c, k) => constant(`c${k}`, c)),
    { opType: 'Abs', inputs: [x], output: at('abs') },
    { opType: 'Div', inputs: [at('abs'), at('sqrt2')], output: at('z') },
    { opType: 'Add', inputs: [at('z'), at('two')], output: at('denominator') },
    { opType: 'Div', inputs: [at('two'), at('denominator')], output: at('t') },
    { opType: 'Mul', inputs: [at('t'), at('two')], output: at('twice_t') },
    { opType: 'Sub', inputs: [at('twice_t'), at('one')], output: at('u') },
    { opType: 'Mul', inputs: [at('u'), at('two')], output: at('twice_u') },
  ];
  // Clenshaw: b_k = 2u·b_(k+1) − b_(k+2) + c_k from the top, then g = u·b_1 − b_2 + c_0.
  const last = ERFC_CHEBYSHEV.length - 1;
  let next = at(`c${last}`);
  let afterNext: string | undefined;
  for (let k = last - 1; k >= 1; k--) {
    nodes.push({ opType: 'Mul', inputs: [at('twice_u'), next], output: at(`m${k}`) });
    let sum = at(`m${k}`);
    if (afterNext !== undefined) {
      nodes.push({ opType: 'Sub', inputs: [sum, afterNext], output: at(`s${k}`) });
      sum = at(`s${k}`);
    }
    nodes.push({ opType: 'Add', inputs: [sum, at(`c${k}`)], output: at(`b${k}`) });
    afterNext = next;
    next = at(`b${k}`);
  }
  nodes.push(
    { opType: 'Mul', inputs: [at('u'), next], output: at('m0') },
    { opType: 'Sub', inputs: [at('m0'), afterNext!], output: at('s0') },
    { opType: 'Add', inputs: [at('s0'), at('c0')], output: at('g') },
    { opType: 'Mul', inputs: [at('z'), at('z')], output: at('square') },
    { opType: 'Sub', inputs: [at('g'), at('square')], output: at('exponent') },
    { opType: 'Exp', inputs: [at('exponent')], output: at('exp') },
    { opType: 'Mul', inputs: [at('t'), at('exp')], output: at('erfc') },
    { opType: 'Mul', inputs: [at('erfc'), at('half')], output: at('lower') },
    { opType: 'Sub', inputs: [at('one'), at('lower')], output: at('upper') },
    { opType: 'Less', inputs: [x, at('zero')], output: at('negative') },
    { opType: 'Where', inputs: [at('negative'), at('lower'), at('upper')], output: at('value') },
  );
  return { nodes, cdf: at('value') };
}
