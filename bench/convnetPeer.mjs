// ConvNetJS as a benchmark peer in this Node process: its Net and SGD Trainer, one sample at a time as it works (Node).
import { createRequire } from 'node:module';
import { cpuSecondsSince } from './stats.mjs';

/** A loss layer ConvNetJS lacks: binary cross-entropy on the sigmoid's output, in its layer interface. */
function bceLayer(convnetjs) {
  return {
    layer_type: 'bce',
    forward(V) {
      this.in_act = V;
      this.out_act = V;
      return V;
    },
    backward(y) {
      const p = this.in_act.w[0];
      this.in_act.dw = convnetjs.zeros(1);
      this.in_act.dw[0] = -y / p + (1 - y) / (1 - p);
      return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
    },
    getParamsAndGrads() {
      return [];
    },
  };
}

/** Loads ConvNetJS; resolves to the peer, or throws when the package is missing. */
export async function convnetPeer() {
  const require = createRequire(import.meta.url);
  const convnetjs = require('convnetjs');
  const version = require('convnetjs/package.json').version;
  const prepared = new Map();
  const volumes = (task) => {
    let sets = prepared.get(task.id);
    if (!sets) {
      const { data } = task;
      const set = (s) =>
        Array.from({ length: s.size }, (_, r) => {
          const v = new convnetjs.Vol(1, 1, data.inputs, 0);
          for (let i = 0; i < data.inputs; i++) v.w[i] = s.features[r * data.inputs + i];
          return v;
        });
      sets = { train: set(data.train), test: set(data.test) };
      prepared.set(task.id, sets);
    }
    return sets;
  };
  return {
    name: 'ConvNetJS',
    kind: 'js',
    async info() {
      return { convnetjs: version, dtype: 'float64' };
    },
    supports: (task) => task.kind === 'train',
    async run(task) {
      const { data } = task;
      const softmax = task.loss === 'softmax-ce';
      const linear = task.layers.filter((l) => l.type === 'linear');
      const definitions = [{ type: 'input', out_sx: 1, out_sy: 1, out_depth: data.inputs }];
      task.layers.forEach((layer, index) => {
        const isLast = index === task.layers.length - 2 && softmax;
        if (layer.type === 'linear' && !isLast) definitions.push({ type: 'fc', num_neurons: layer.units });
        else if (layer.type === 'relu' || layer.type === 'sigmoid') definitions.push({ type: layer.type });
        else if (layer.type === 'softmax') definitions.push({ type: 'softmax', num_classes: data.outputs });
      });
      const net = new convnetjs.Net();
      net.makeLayers(definitions);
      if (!softmax) net.layers.push(bceLayer(convnetjs));
      net.layers
        .filter((l) => l.layer_type === 'fc')
        .forEach((fc, k) => {
          const { W, b, units } = linear[k];
          fc.filters.forEach((filter, j) => {
            for (let i = 0; i < filter.w.length; i++) filter.w[i] = W[i * units + j];
          });
          for (let j = 0; j < units; j++) fc.biases.w[j] = b[j];
        });
      const { batchSize: mb, learningRate, reduction, epochs } = task.hyper;
      const trainer = new convnetjs.Trainer(net, {
        method: 'sgd',
        batch_size: mb,
        learning_rate: reduction === 'sum' ? learningRate * mb : learningRate,
        momentum: 0,
        l2_decay: 0,
      });
      const sets = volumes(task);
      const started = performance.now();
      const cpu = process.cpuUsage();
      let last;
      for (let epoch = 0; epoch < epochs; epoch++) {
        last = {};
        for (const phase of ['train', 'test']) {
          const samples = data[phase];
          const count = Math.floor(samples.size / mb) * mb;
          let lossSum = 0;
          let correct = 0;
          for (let r = 0; r < count; r++) {
            const x = sets[phase][r];
            if (softmax) {
              const label = samples.labels[r];
              let probabilities;
              if (phase === 'train') {
                lossSum += trainer.train(x, label).cost_loss;
                probabilities = net.layers.at(-1).out_act.w;
              } else {
                probabilities = net.forward(x, false).w;
                lossSum -= Math.log(probabilities[label]);
              }
              let best = 0;
              for (let j = 1; j < probabilities.length; j++) if (probabilities[j] > probabilities[best]) best = j;
              if (best === label) correct++;
            } else {
              const y = samples.targets[r];
              let p;
              if (phase === 'train') {
                lossSum += trainer.train(x, y).cost_loss;
                p = net.layers.at(-1).in_act.w[0];
              } else {
                p = net.forward(x, false).w[0];
                lossSum -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
              }
              if (y > 0.5 === p > 0.5) correct++;
            }
          }
          last[`${phase}Loss`] = lossSum / count;
          last[`${phase}Accuracy`] = correct / count;
        }
      }
      return { seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSecondsSince(cpu), result: last };
    },
    async close() {
      prepared.clear();
    },
  };
}
