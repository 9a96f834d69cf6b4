// TF.js (CPU or WebAssembly backend, float32 — TF.js has no float64) as a benchmark peer in this Node process (Node).
// The sigmoid and its cross-entropy are computed together from the logits, as TF.js users write it: in float32 a
// saturated sigmoid reaches exactly 1 and ln(1 − p) would make the run diverge.
import { cpuSecondsSince } from './stats.mjs';

/** Loads TF.js with `backend` ('cpu' or 'wasm'); resolves to the peer, or throws when the package is missing. */
export async function tfjsPeer(backend) {
  const tf = await import('@tensorflow/tfjs');
  tf.enableProdMode();
  if (backend === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  const select = async () => {
    if (tf.getBackend() !== backend) {
      await tf.setBackend(backend);
      await tf.ready();
    }
  };
  await select();
  const prepared = new Map();
  const prepare = (task) => {
    let tensors = prepared.get(task.id);
    if (!tensors) {
      const { data } = task;
      const set = (s) => ({
        size: s.size,
        x: tf.tensor2d(Float32Array.from(s.features), [s.size, data.inputs], 'float32'),
        y: tf.tensor2d(Float32Array.from(s.targets), [s.size, data.outputs], 'float32'),
      });
      tensors = { train: set(data.train), test: set(data.test) };
      prepared.set(task.id, tensors);
    }
    return tensors;
  };
  return {
    name: backend === 'wasm' ? 'TF.js wasm' : 'TF.js cpu',
    kind: 'js',
    async info() {
      return { tfjs: tf.version.tfjs, backend, simd: backend === 'wasm' ? tf.env().getBool('WASM_HAS_SIMD_SUPPORT') : undefined, dtype: 'float32' };
    },
    supports: (task) => task.kind === 'train',
    async run(task) {
      await select();
      const tensors = prepare(task);
      const softmax = task.loss === 'softmax-ce';
      const { batchSize: mb, learningRate, reduction, epochs } = task.hyper;
      const variables = task.layers
        .filter((l) => l.type === 'linear')
        .flatMap((l) => [
          tf.variable(tf.tensor2d(Float32Array.from(l.W), [l.inputs, l.units], 'float32')),
          tf.variable(tf.tensor1d(Float32Array.from(l.b), 'float32')),
        ]);
      const optimizer = tf.train.sgd(learningRate);
      const forward = (x) => {
        let v = 0;
        for (const layer of task.layers) {
          if (layer.type === 'linear') {
            x = tf.add(tf.matMul(x, variables[v]), variables[v + 1]);
            v += 2;
          } else if (layer.type === 'relu') x = tf.relu(x);
        }
        return x;
      };
      /** The summed loss of a minibatch from its logits, and its reported loss (the mean per sample) and accuracy. */
      const measure = (out, y) => {
        if (softmax) {
          const total = tf.neg(tf.sum(tf.mul(y, tf.logSoftmax(out))));
          return { total, reported: tf.div(total, mb), accuracy: tf.mean(tf.cast(tf.equal(tf.argMax(out, 1), tf.argMax(y, 1)), 'float32')) };
        }
        const total = tf.sum(tf.add(tf.sub(tf.relu(out), tf.mul(out, y)), tf.log1p(tf.exp(tf.neg(tf.abs(out))))));
        return { total, reported: tf.div(total, y.size), accuracy: tf.mean(tf.cast(tf.equal(tf.greater(y, 0.5), tf.greater(out, 0)), 'float32')) };
      };
      const started = performance.now();
      const cpu = process.cpuUsage();
      let last;
      for (let epoch = 0; epoch < epochs; epoch++) {
        last = {};
        for (const phase of ['train', 'test']) {
          const { size, x: xAll, y: yAll } = tensors[phase];
          const steps = Math.floor(size / mb);
          let sums = tf.tensor1d([0, 0]);
          for (let step = 0; step < steps; step++) {
            const next = tf.tidy(() => {
              const x = tf.slice(xAll, [step * mb, 0], [mb, -1]);
              const y = tf.slice(yAll, [step * mb, 0], [mb, -1]);
              let figures;
              if (phase === 'train') {
                const { value, grads } = tf.variableGrads(() => {
                  const m = measure(forward(x), y);
                  figures = [tf.keep(m.reported), tf.keep(m.accuracy)];
                  return reduction === 'mean' ? tf.div(m.total, mb) : m.total;
                }, variables);
                optimizer.applyGradients(grads);
                value.dispose();
              } else {
                const m = measure(forward(x), y);
                figures = [m.reported, m.accuracy];
              }
              const added = tf.add(sums, tf.stack(figures));
              if (phase === 'train') figures.forEach((t) => t.dispose());
              return added;
            });
            sums.dispose();
            sums = next;
          }
          const [lossSum, accuracySum] = sums.dataSync();
          sums.dispose();
          last[`${phase}Loss`] = lossSum / steps;
          last[`${phase}Accuracy`] = accuracySum / steps;
        }
      }
      const seconds = (performance.now() - started) / 1000;
      const cpuSeconds = cpuSecondsSince(cpu);
      variables.forEach((v) => v.dispose());
      optimizer.dispose();
      return { seconds, cpuSeconds, result: last };
    },
    async close() {
      for (const t of prepared.values())
        for (const s of Object.values(t)) {
          s.x.dispose();
          s.y.dispose();
        }
      prepared.clear();
    },
  };
}
