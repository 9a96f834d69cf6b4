# Reads a benchmark task written by the lab's benchmark (a JSON description and little-endian float64 files); Python.
import json
import numpy as np

# Sample files shared by several tasks, read once per process.
_sample_files = {}


def _samples_file(path):
    if path not in _sample_files:
        _sample_files[path] = np.fromfile(path, dtype='<f8')
    return _sample_files[path]


def read_task(path):
    """The task's description with every array reference replaced by a NumPy float64 array: [offset, length] into the
    task's own values (copied), or into a shared sample file (a view of the one copy this process holds)."""
    with open(path) as f:
        task = json.load(f)
    values = np.fromfile(task['values'], dtype='<f8') if 'values' in task else None

    def resolve(node):
        if isinstance(node, dict):
            keys = set(node)
            if keys == {'offset', 'length', 'shape'}:
                return values[node['offset']:node['offset'] + node['length']].reshape(node['shape']).copy()
            if keys == {'file', 'offset', 'length', 'shape'}:
                return _samples_file(node['file'])[node['offset']:node['offset'] + node['length']].reshape(node['shape'])
            return {key: resolve(value) for key, value in node.items()}
        if isinstance(node, list):
            return [resolve(value) for value in node]
        return node

    return resolve(task)
