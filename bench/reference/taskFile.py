# Reads a benchmark task written by the lab's benchmark (a JSON description and one little-endian float64 file); Python.
import json
import numpy as np


def read_task(path):
    """The task's description with every [offset, length] array reference replaced by a NumPy float64 array."""
    with open(path) as f:
        task = json.load(f)
    values = np.fromfile(task['values'], dtype='<f8') if 'values' in task else None

    def resolve(node):
        if isinstance(node, dict):
            if set(node) == {'offset', 'length', 'shape'}:
                return values[node['offset']:node['offset'] + node['length']].reshape(node['shape']).copy()
            return {key: resolve(value) for key, value in node.items()}
        if isinstance(node, list):
            return [resolve(value) for value in node]
        return node

    return resolve(task)
