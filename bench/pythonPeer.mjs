// NumPy or PyTorch as a benchmark peer: a long-lived Python process (bench/reference/server.py) fed tasks as files (Node).
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('./reference/server.py', import.meta.url));

/** The first interpreter of `candidates` that can import `module`, or undefined. */
export function findPython(candidates, module) {
  return candidates.find((python) => spawnSync(python, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0);
}

/** Starts the peer ('numpy' or 'torch') on `python` and loads the task files; resolves to the peer. */
export async function pythonPeer(name, python, taskPaths) {
  const child = spawn(python, [SERVER, name], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const waiting = [];
  lines.on('line', (line) => waiting.shift()?.resolve(JSON.parse(line)));
  child.on('exit', (code) => { for (const w of waiting.splice(0)) w.reject(new Error(`${name} peer exited with ${code}`)); });
  const ask = (command) => new Promise((resolve, reject) => {
    waiting.push({ resolve, reject });
    child.stdin.write(JSON.stringify(command) + '\n');
  });
  for (const path of taskPaths.values()) {
    const answer = await ask({ cmd: 'load', path });
    if (answer.error) throw new Error(answer.error);
  }
  const versions = await ask({ cmd: 'info' });
  return {
    name,
    kind: 'python',
    async info() { return { interpreter: python, ...versions }; },
    supports: () => true,
    async run(task) {
      const answer = await ask({ cmd: 'run', id: task.id });
      if (answer.error) throw new Error(answer.error);
      return answer;
    },
    async close() { child.stdin.end(); await new Promise((resolve) => child.once('exit', resolve)); },
  };
}
