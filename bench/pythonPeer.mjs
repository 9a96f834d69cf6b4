// NumPy or PyTorch as a benchmark peer: a long-lived Python process (bench/reference/server.py) fed tasks as files (Node).
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('./reference/server.py', import.meta.url));

/** The first interpreter of `candidates` that can import `module`, or undefined. */
export function findPython(candidates, module) {
  return candidates.find((python) => spawnSync(python, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0);
}

/** Thread settings that make OpenBLAS, MKL, OpenMP and PyTorch use one core. */
const ONE_THREAD = { OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };

/**
 * Starts the peer ('numpy', 'torch' or 'torch-f32', PyTorch in float32) on `python` and loads the task files; resolves to
 * the peer, which runs the tasks of `taskPaths` (task id → file). With `oneThread` its BLAS runs on one core, as the engine does.
 */
export async function pythonPeer(name, python, taskPaths, { oneThread = false } = {}) {
  const env = oneThread ? { ...process.env, ...ONE_THREAD } : process.env;
  const child = spawn(python, [SERVER, name], { stdio: ['pipe', 'pipe', 'inherit'], env });
  const lines = createInterface({ input: child.stdout });
  const waiting = [];
  lines.on('line', (line) => waiting.shift()?.resolve(JSON.parse(line)));
  child.on('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`${name} peer exited with ${code}`));
  });
  const ask = (command) =>
    new Promise((resolve, reject) => {
      waiting.push({ resolve, reject });
      child.stdin.write(JSON.stringify(command) + '\n');
    });
  for (const path of taskPaths.values()) {
    const answer = await ask({ cmd: 'load', path });
    if (answer.error) throw new Error(answer.error);
  }
  const versions = await ask({ cmd: 'info' });
  return {
    name: oneThread ? `${name}-1t` : name,
    kind: 'python',
    async info() {
      return { interpreter: python, ...versions, ...(oneThread ? { threads: 1 } : {}) };
    },
    supports: (task) => taskPaths.has(task.id),
    async run(task) {
      const answer = await ask({ cmd: 'run', id: task.id });
      if (answer.error) throw new Error(answer.error);
      return answer;
    },
    async close() {
      child.stdin.end();
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
