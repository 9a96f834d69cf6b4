// Seeded generators of 2D toy classification data (circles, XOR, spiral, two gaussians, moons); pure, any process.
import { TOY_DATA_NAMES, type ToyDataName } from './dataSetNames.js';
import { standardNormal, type Random } from '../random.js';

export { TOY_DATA_NAMES, type ToyDataName };

/** Two-class points: `features` is row-major size×2, `labels` 0 or 1. */
export interface ToyData {
  name: ToyDataName;
  size: number;
  features: Float64Array;
  labels: Int32Array;
}

/** A standard normal number (Box–Muller; draws two uniforms). */
export function gaussian(random: Random): number {
  const u = 1 - random.next(); // in (0, 1], so the log is finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

type Point = [x: number, y: number];
/** Places sample i (of n in its class) and returns its noiseless position. */
type Placer = (i: number, n: number, label: number, random: Random) => Point;

const placers: Record<ToyDataName, Placer> = {
  // sklearn's make_circles with factor 0.5: the outer ring is class 0, the inner one class 1.
  circles: (i, n, label) => {
    const t = (2 * Math.PI * i) / n;
    const r = label === 0 ? 1 : 0.5;
    return [r * Math.cos(t), r * Math.sin(t)];
  },
  // Uniform in [−1, 1]² away from the axes; class 1 where x and y share a sign.
  xor: (_i, _n, label, random) => {
    const a = 0.05 + 0.95 * random.next(),
      b = 0.05 + 0.95 * random.next();
    const sx = random.next() < 0.5 ? -1 : 1;
    return label === 1 ? [sx * a, sx * b] : [sx * a, -sx * b];
  },
  // Two interleaved arms, as in TensorFlow Playground, scaled to about [−1, 1].
  spiral: (i, n, label) => {
    const r = (i / n) * 1;
    const t = 1.75 * (i / n) * 2 * Math.PI + label * Math.PI;
    return [r * Math.sin(t), r * Math.cos(t)];
  },
  gaussians: (_i, _n, label, random) => {
    const centre = label === 1 ? 0.5 : -0.5;
    return [centre + 0.25 * standardNormal(random), centre + 0.25 * standardNormal(random)];
  },
  // sklearn's make_moons: an upper arc (class 0) and a lower arc shifted right (class 1), centred on the origin.
  moons: (i, n, label) => {
    const t = (Math.PI * i) / Math.max(1, n - 1);
    return label === 0 ? [Math.cos(t) - 0.5, Math.sin(t) - 0.25] : [0.5 - Math.cos(t), 0.25 - Math.sin(t)];
  },
};

/**
 * Generates `size` points, half of each class (class 0 first), each moved by Gaussian noise of standard deviation
 * `noise`. The same seed gives the same points.
 */
export function generateToyData(name: ToyDataName, size: number, noise: number, random: Random): ToyData {
  if (!placers[name]) throw new Error(`unknown toy data set "${name}"; known: ${TOY_DATA_NAMES.join(', ')}`);
  if (!Number.isInteger(size) || size < 4) throw new Error('a toy data set needs at least 4 points');
  if (!(noise >= 0 && Number.isFinite(noise))) throw new Error('noise must be a number, 0 or more');
  const features = new Float64Array(size * 2);
  const labels = new Int32Array(size);
  const perClass = [Math.ceil(size / 2), Math.floor(size / 2)];
  let row = 0;
  for (let label = 0; label < 2; label++) {
    for (let i = 0; i < perClass[label]!; i++, row++) {
      const [x, y] = placers[name](i, perClass[label]!, label, random);
      features[row * 2] = x + (noise > 0 ? noise * standardNormal(random) : 0);
      features[row * 2 + 1] = y + (noise > 0 ? noise * standardNormal(random) : 0);
      labels[row] = label;
    }
  }
  return { name, size, features, labels };
}
