// The Node flags that let WebAssembly relaxed SIMD validate, where this Node needs them (plain Node: the browser host, scripts, tests).

/** Node 20's V8 validates relaxed-SIMD modules only behind this flag; later versions have them on (and need no flag). */
export const relaxedSimdExecArgv: readonly string[] = process.versions.node.split('.')[0] === '20' ? ['--experimental-wasm-relaxed-simd'] : [];

/** The flags to start a Node child process with: this process's own, plus the relaxed-SIMD ones it lacks. */
export function childExecArgv(): string[] {
  return [...process.execArgv, ...relaxedSimdExecArgv.filter((flag) => !process.execArgv.includes(flag))];
}
