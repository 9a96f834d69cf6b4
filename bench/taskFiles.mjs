// Writes benchmark tasks to the files the Python peers read (bench/reference/taskFile.py): a JSON description and one
// float64 file per task, in this machine's byte order (little-endian on every platform Node runs on) (Node).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The layers of a built network as plain data: Linear weights (inputs×units, row-major) and the activations. */
export function layersOf(network) {
  return network.spec.layers.map((layer, index) => {
    if (layer.type !== 'linear') return { type: layer.type };
    const parameter = (name) => network.layers[index].parameters.find((p) => p.name === name);
    const W = parameter('W');
    return { type: 'linear', inputs: W.shape[0], units: W.shape[1], W: Float64Array.from(W.value), b: Float64Array.from(parameter('b').value) };
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
      const samples = (s) => ({ x: ref(s.features, [s.size, data.inputs]), y: ref(s.targets, [s.size, data.outputs]) });
      description = {
        id: task.id,
        kind: 'train',
        values: valuesPath,
        loss: task.loss,
        reduction: task.hyper.reduction,
        learningRate: task.hyper.learningRate,
        batch: task.hyper.batchSize,
        epochs: task.hyper.epochs,
        net: task.layers.map((layer) =>
          layer.type === 'linear' ? { type: 'linear', W: ref(layer.W, [layer.inputs, layer.units]), b: ref(layer.b, [layer.units]) } : { type: layer.type },
        ),
        train: samples(data.train),
        test: samples(data.test),
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
