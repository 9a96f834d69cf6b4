// Compiles the WebAssembly kernels from their WAT source with wabt (Node): a plain SIMD128 build and a relaxed-SIMD (fused multiply-add)
// build, written next to the compiled engine; run as a script, it builds both.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import createWabt from 'wabt';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The WAT source of the kernels. */
export const kernelsSource = join(root, 'engine', 'kernels', 'wasm', 'simdKernels.wat');
/** Where the build writes each variant, beside the compiled engine (the process entries read them from there). */
export const kernelsOutputs = {
  simd: join(root, 'dist', 'engine', 'kernels', 'wasm', 'simdKernels.wasm'),
  relaxed: join(root, 'dist', 'engine', 'kernels', 'wasm', 'simdKernels.relaxed.wasm'),
};

/** The index just past the balanced S-expression or atom that starts at or after `start`. */
function skipOperand(text, start) {
  let i = start;
  while (/\s/.test(text[i])) i++;
  if (text[i] !== '(') {
    while (i < text.length && !/[\s()]/.test(text[i])) i++;
    return i;
  }
  for (let depth = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i + 1;
  }
  throw new Error('unbalanced parentheses in the kernels source');
}

/** Rewrites every folded `(f64x2.relaxed_madd x y acc)` as `(f64x2.add acc (f64x2.mul x y))`, innermost first. */
export function withoutRelaxedMadd(text) {
  const head = '(f64x2.relaxed_madd';
  for (let at = text.lastIndexOf(head); at !== -1; at = text.lastIndexOf(head, at - 1)) {
    const xEnd = skipOperand(text, at + head.length);
    const yEnd = skipOperand(text, xEnd);
    const accEnd = skipOperand(text, yEnd);
    let close = accEnd;
    while (/\s/.test(text[close])) close++;
    if (text[close++] !== ')') throw new Error('f64x2.relaxed_madd takes exactly three operands in the kernels source');
    const [x, y, acc] = [text.slice(at + head.length, xEnd), text.slice(xEnd, yEnd), text.slice(yEnd, accEnd)].map((part) => part.trim());
    text = `${text.slice(0, at)}(f64x2.add ${acc} (f64x2.mul ${x} ${y}))${text.slice(close)}`;
  }
  return text;
}

/** The binary of one variant ('simd' or 'relaxed'), compiled from the WAT source. */
export async function compileKernels(variant) {
  const wabt = await createWabt();
  const source = readFileSync(kernelsSource, 'utf8');
  const text = variant === 'relaxed' ? source : withoutRelaxedMadd(source);
  const features = { simd: true, threads: true, bulk_memory: true, relaxed_simd: variant === 'relaxed' };
  const module = wabt.parseWat(`${variant}Kernels.wat`, text, features);
  try {
    module.resolveNames();
    module.validate(features);
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}

/** Compiles both variants and writes them to their outputs. */
export async function buildWasmKernels() {
  for (const [variant, output] of Object.entries(kernelsOutputs)) {
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, await compileKernels(variant));
  }
}

if (process.argv[1] && fileURLToPath(new URL(import.meta.url)) === process.argv[1]) await buildWasmKernels();
