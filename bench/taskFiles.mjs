// Writes benchmark tasks to the files the Python peers read (bench/reference/taskFile.py): a JSON description and one
// float64 file per task and one per set of samples, in this machine's byte order (little-endian on every platform Node runs on) (Node).
import { closeSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A layer's window as the Python peers need it: size, stride and the zero padding before and after each axis. */
function windowOf({ window, stride, rows, columns }) {
  return { size: window, stride, padding: [rows.before, rows.after, columns.before, columns.after] };
}

/**
 * The layers of a built network as plain data: Linear weights (inputs×units, row-major), Conv2D weights
 * (filters×channels×k×k) with their window, the poolings' windows, and the rest by type.
 */
export function layersOf(network) {
  return network.spec.layers.map((layer, index) => {
    const built = network.layers[index];
    const parameter = (name) => built.parameters.find((p) => p.name === name);
    if (layer.type === 'linear') {
      const W = parameter('W');
      return { type: 'linear', inputs: W.shape[0], units: W.shape[1], W: Float64Array.from(W.value), b: Float64Array.from(parameter('b').value) };
    }
    if (layer.type === 'conv2d') {
      const W = parameter('W');
      return { type: 'conv2d', shape: [...W.shape], W: Float64Array.from(W.value), b: Float64Array.from(parameter('b').value), ...windowOf(built.geometry) };
    }
    if (layer.type === 'maxpool2d' || layer.type === 'avgpool2d') return { type: layer.type, ...windowOf(built.geometry) };
    return { type: layer.type };
  });
}

/** The formula in NumPy's and PyTorch's spelling. */
function pythonFormula(formula, module) {
  return formula.replace(/\^/g, '**').replace(/\b(sin|cos|tan|exp|log|sqrt|abs|tanh|sinh|cosh|atan)\(/g, `${module}.$1(`);
}

/** Writes every task as JSON plus one float64 file into a fresh temporary folder; returns the JSON paths by task id. */
export function writeTaskFiles(tasks) {
  const folder = mkdtempSync(join(tmpdir(), 'backprop-lab-bench-'));
  const paths = new Map();
  // Samples shared by several tasks (the Fashion-MNIST images of the MLP and the convnet) are written, and read, once.
  const sampleFiles = new Map();
  const samples = (s, inputs, outputs) => {
    if (!sampleFiles.has(s)) {
      const file = join(folder, `samples${sampleFiles.size}.f64`);
      const fd = openSync(file, 'w');
      for (const values of [s.features, s.targets]) writeSync(fd, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
      closeSync(fd);
      const features = s.size * inputs;
      sampleFiles.set(s, {
        x: { file, offset: 0, length: features, shape: [s.size, inputs] },
        y: { file, offset: s.features.length, length: s.size * outputs, shape: [s.size, outputs] },
      });
    }
    return sampleFiles.get(s);
  };
  tasks.forEach((task, index) => {
    const chunks = [];
    let offset = 0;
    const ref = (values, shape) => {
      chunks.push(values);
      const entry = { offset, length: values.length, shape };
      offset += values.length;
      return entry;
    };
    const valuesPath = join(folder, `task${index}.f64`);
    let description;
    if (task.kind === 'grid') {
      description = {
        id: task.id,
        kind: 'grid',
        nx: task.nx,
        ny: task.ny,
        bounds: task.bounds,
        typed: task.typed,
        formulaPython: pythonFormula(task.formula, 'np'),
        formulaTorch: pythonFormula(task.formula, 'torch'),
      };
    } else {
      const { data } = task;
      description = {
        id: task.id,
        kind: 'train',
        values: valuesPath,
        loss: task.loss,
        reduction: task.hyper.reduction,
        learningRate: task.hyper.learningRate,
        batch: task.hyper.batchSize,
        epochs: task.hyper.epochs,
        inputShape: task.spec?.inputShape,
        net: task.layers.map((layer) => {
          if (layer.type === 'linear') return { type: 'linear', W: ref(layer.W, [layer.inputs, layer.units]), b: ref(layer.b, [layer.units]) };
          if (layer.type === 'conv2d') return { ...layer, W: ref(layer.W, layer.shape), b: ref(layer.b, [layer.shape[0]]) };
          return layer;
        }),
        train: samples(data.train, data.inputs, data.outputs),
        test: samples(data.test, data.inputs, data.outputs),
      };
      const all = new Float64Array(offset);
      let at = 0;
      for (const chunk of chunks) {
        all.set(chunk, at);
        at += chunk.length;
      }
      writeFileSync(valuesPath, new Uint8Array(all.buffer));
    }
    const path = join(folder, `task${index}.json`);
    writeFileSync(path, JSON.stringify(description));
    paths.set(task.id, path);
  });
  return { folder, paths };
}
