# A benchmark peer process: reads one JSON command a line on stdin, answers one JSON line on stdout (NumPy, or PyTorch in float64 or, as 'torch-f32', float32); Python.
# Commands: {"cmd": "info"}, {"cmd": "load", "path": ...} and {"cmd": "run", "id": ...}; a run is timed here, around
# the work alone, as the lab's benchmark times the engine in its own process.
import json
import platform
import resource
import sys
import time

import numpy as np
from taskFile import read_task


def versions(peer):
    info = {'python': platform.python_version(), 'numpy': np.__version__}
    try:
        from threadpoolctl import threadpool_info
        info['blas'] = [{k: p.get(k) for k in ('internal_api', 'version', 'num_threads')} for p in threadpool_info()]
    except Exception:
        try:
            config = np.show_config(mode='dicts')
            blas = config.get('Build Dependencies', {}).get('blas', {})
            info['blas'] = [{'internal_api': blas.get('name'), 'version': blas.get('version')}]
        except Exception:
            info['blas'] = 'unknown'
    if peer.startswith('torch'):
        import torch
        info['dtype'] = 'float32' if peer == 'torch-f32' else 'float64'
        info['torch'] = torch.__version__
        info['torchThreads'] = torch.get_num_threads()
    return info


def main():
    peer = sys.argv[1]
    if peer.startswith('torch'):
        import torch
        import torchNets as nets
        if peer == 'torch-f32':
            nets.DTYPE = torch.float32
    else:
        import numpyNets as nets
    tasks = {}
    for line in sys.stdin:
        command = json.loads(line)
        try:
            if command['cmd'] == 'info':
                answer = versions(peer)
            elif command['cmd'] == 'load':
                task = read_task(command['path'])
                tasks[task['id']] = task
                answer = {'loaded': task['id']}
            else:
                task = tasks[command['id']]
                started = time.perf_counter()
                cpu = time.process_time()
                if task['kind'] == 'grid':
                    values = nets.grid(task, task['typed'])
                    seconds = time.perf_counter() - started
                    answer = {'seconds': seconds, 'cpuSeconds': time.process_time() - cpu, 'result': {'sum': float(values.sum())}}
                else:
                    history = nets.fit(task)
                    seconds = time.perf_counter() - started
                    answer = {'seconds': seconds, 'cpuSeconds': time.process_time() - cpu, 'result': history[-1]}
                answer['peakMemoryBytes'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        except Exception as error:
            answer = {'error': f'{type(error).__name__}: {error}'}
        sys.stdout.write(json.dumps(answer) + '\n')
        sys.stdout.flush()


if __name__ == '__main__':
    main()
