// The user's own activation as a layer: refused while its f′ fails the check, gradient-checked, trained, and carried whole by the short form, weights.json, the project file and ONNX.
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { encodeOnnxModel } from '../../../engine/export/onnx.js';
import { fromWeightsDocument } from '../../../engine/export/readWeights.js';
import { weightsJsonText } from '../../../engine/export/weightsJson.js';
import { runGradcheck } from '../../../engine/gradcheck/runGradcheck.js';
import { parseProjectFile, projectFileText, type Project } from '../../../engine/projectFile.js';
import { buildNetwork } from '../../../engine/network/network.js';
import { createRandom } from '../../../engine/random.js';
import { NetworkSpecSchema, type NetworkSpec } from '../../../engine/spec.js';
import { formatSpecText, parseSpecText } from '../../../engine/specText.js';
import { FLOAT32_TOLERANCE, relativeToScale, runFloat32 } from '../support/float32Outputs.js';

ort.env.wasm.numThreads = 1;

const softsign = { type: 'custom_activation', name: 'softsign', f: 'x/(1+abs(x))', df: '1/(1+abs(x))^2' } as const;
const network = (layer: object): NetworkSpec =>
  NetworkSpecSchema.parse({ input: 3, layers: [{ type: 'linear', units: 4 }, layer, { type: 'linear', units: 2 }] });

describe('the custom_activation layer', () => {
  it('refuses an f′ that fails the gradient check, at the field df with the worst point', () => {
    const parsed = NetworkSpecSchema.safeParse({ input: 2, layers: [{ type: 'custom_activation', name: 'cube', f: 'x^3', df: '3*x' }] });
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues[0]!;
    expect(issue.path).toEqual(['layers', 0, 'df']);
    expect(issue.message).toMatch(/^f′\(x\) does not pass the gradient check against f\(x\) \(ERROR: check_grad's error .*, worst at x = -4\.875/);
  });

  it('takes the same f without its f′, differentiated by the lab', () => {
    expect(NetworkSpecSchema.safeParse({ input: 2, layers: [{ type: 'custom_activation', name: 'cube', f: 'x^3' }] }).success).toBe(true);
  });

  it('refuses an f that does not parse, naming the column', () => {
    const parsed = NetworkSpecSchema.safeParse({ input: 2, layers: [{ type: 'custom_activation', name: 'bad', f: 'x +' }] });
    expect(parsed.error!.issues[0]!.message).toBe('f(x): unexpected end of input at column 4');
  });

  it("uses the typed f′ in its backward pass, and passes the layer's gradient check", () => {
    const layer = buildNetwork(network(softsign), createRandom(1)).layers[1]!;
    const x = Float64Array.of(-2, -0.5, 0.25, 3);
    layer.forward(x, 1);
    const dx = layer.backward(x, Float64Array.of(1, 1, 1, 1), 1);
    expect(Array.from(dx)).toEqual(Array.from(x, (v) => 1 / (1 + Math.abs(v)) ** 2));
    const result = runGradcheck({ subject: { kind: 'layer', layer: softsign, inputs: 5, rows: 3 }, seed: 2 });
    expect(result.checks.map((c) => [c.name, c.ok])).toEqual([['dx', true]]);
  });

  it('passes a whole network check between two linear layers', () => {
    const result = runGradcheck({ subject: { kind: 'network', spec: network(softsign), loss: 'mse', rows: 3 }, seed: 3 });
    for (const check of result.checks) expect(check.relativeError, check.name).toBeLessThan(1e-6);
  });

  it('round-trips through the short form and weights.json with its name and expressions', () => {
    const spec = network(softsign);
    const text = formatSpecText(spec);
    expect(text).toBe('linear:4,custom_activation:softsign:x/(1+abs(x)):1/(1+abs(x))^2,linear:2');
    expect(parseSpecText(text, 3)).toEqual(spec);
    const weights = buildNetwork(spec, createRandom(4)).trainedWeights();
    const back = fromWeightsDocument(JSON.parse(weightsJsonText(weights)));
    expect(back.spec).toEqual(spec);
  });

  it("exports to ONNX from basic operators and gives the engine's outputs, tan, sinh and cosh included", async () => {
    const layer = { type: 'custom_activation', name: 'mix', f: 'tan(x/4) + sinh(x/3) - cosh(x/5)*2 + abs(x)^1.5 + sqrt(x^2 + 1) + 0.5' };
    const built = buildNetwork(network(layer), createRandom(5));
    const rows = 6;
    const x = Float64Array.from({ length: rows * 3 }, (_, i) => Math.sin(1.3 * i) * 2);
    const expected = built.forward(x, rows);
    const session = await ort.InferenceSession.create(encodeOnnxModel(built.trainedWeights(), 'test'));
    const got = (await session.run({ input: new ort.Tensor('float64', x, [rows, 3]) })).output!.data as Float64Array;
    for (let i = 0; i < expected.length; i++) expect(Math.abs(got[i]! - expected[i]!)).toBeLessThan(1e-12);
  });

  it('refuses an ONNX export of atan with a message that says why', () => {
    const built = buildNetwork(network({ type: 'custom_activation', name: 'arc', f: 'atan(x)' }), createRandom(6));
    expect(() => encodeOnnxModel(built.trainedWeights(), 'test')).toThrow(
      'ONNX export: atan(…) has no ONNX operator for float64 and no form in basic ones; write the activation without atan to export it',
    );
  });

  it("exports atan in the float32 model as ONNX's Atan, which gives the engine's outputs there", async () => {
    const built = buildNetwork(network({ type: 'custom_activation', name: 'arc', f: '2*atan(x) + x' }), createRandom(6));
    const rows = 5;
    const x = Float64Array.from({ length: rows * 3 }, (_, i) => Math.sin(0.8 * i) * 3);
    const expected = built.forward(x, rows);
    const got = await runFloat32(encodeOnnxModel(built.trainedWeights(), 'test', 'float32'), x, [rows, 3]);
    expect(relativeToScale(got.data, expected)).toBeLessThan(FLOAT32_TOLERANCE);
  });

  it("keeps the user's activations and a network using one in the project file, and refuses a saved f′ that fails the check", () => {
    const spec = network(softsign);
    const project: Project = {
      format: 'backprop-lab-project',
      version: 3,
      savedAt: '2026-01-02T03:04:05.000Z',
      network: { name: 'Built network', spec },
      runs: [],
      activations: [
        { name: 'softsign', f: softsign.f, df: softsign.df },
        { name: 'cube', f: 'x^3' },
      ],
    };
    const back = parseProjectFile(projectFileText(project));
    expect(back.activations).toEqual(project.activations);
    expect(back.network.spec).toEqual(spec);
    const tampered = JSON.parse(projectFileText(project)) as { activations: { df?: string }[] };
    tampered.activations[1]!.df = '3*x';
    expect(() => parseProjectFile(JSON.stringify(tampered))).toThrow(/activations\.1\.df.*does not pass the gradient check/);
  });
});
