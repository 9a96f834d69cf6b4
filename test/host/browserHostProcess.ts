// Test helper (Node): runs the real browser host, `node dist/host/webHost.js --port 0`, and reads the address it prints.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const HOST_ENTRY = fileURLToPath(new URL('../../dist/host/webHost.js', import.meta.url));
const ADDRESS_LINE = /^Backprop Lab is running at (http:\/\/127\.0\.0\.1:(\d+)\/)$/m;

export interface BrowserHostProcess {
  /** The printed address, e.g. http://127.0.0.1:41234/ */
  url: string;
  port: number;
  process: ChildProcess;
  /** Everything the host printed so far, on stdout and stderr. */
  output(): string;
}

/** Starts the host (on a free port unless one is given, with `env` as its environment) and resolves once it has printed its address. */
export function startBrowserHost(port = 0, env: NodeJS.ProcessEnv = process.env): Promise<BrowserHostProcess> {
  const child = spawn(process.execPath, [HOST_ENTRY, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = ADDRESS_LINE.exec(output);
      if (match) resolve({ url: match[1]!, port: Number(match[2]), process: child, output: () => output });
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`the browser host exited (code ${code}) before printing its address:\n${output}`)));
  });
}

/** Stops the host with SIGTERM, as a user's Ctrl-C or a service manager would, and resolves with its exit code. */
export async function stopBrowserHost(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

/** The ids of a process's direct children: from /proc where there is one (minimal Linux images lack `ps`), else from `ps`. */
export function childPidsOf(pid: number): number[] {
  if (existsSync('/proc/self/stat')) {
    return readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .flatMap((name) => {
        // /proc/PID/stat: "PID (command) STATE PPID …"; the command may itself hold spaces and parentheses.
        const stat = readTextOrEmpty(`/proc/${name}/stat`);
        const parentPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return stat && parentPid === pid ? [Number(name)] : [];
      });
  }
  return execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([childPid, parentPid]) => parentPid === pid && Number.isInteger(childPid))
    .map(([childPid]) => childPid!);
}

/** A process may exit between listing /proc and reading its file. */
function readTextOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
