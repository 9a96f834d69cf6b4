// A training path (flattened parameters per epoch) projected onto the landscape's plane by least squares; pure, any process.

/**
 * For each point θ_t, the (α, β) minimising ‖θ_t − θ − α·δ − β·η‖: the solution of the 2×2 normal equations
 * [δ·δ δ·η; δ·η η·η]·[α; β] = [(θ_t − θ)·δ; (θ_t − θ)·η]. δ and η must not be parallel (nor zero).
 */
export function projectPath(
  path: readonly Float64Array[],
  theta: Float64Array,
  delta: Float64Array,
  eta: Float64Array,
): { alpha: Float64Array; beta: Float64Array } {
  let dd = 0;
  let de = 0;
  let ee = 0;
  for (let i = 0; i < theta.length; i++) {
    dd += delta[i]! * delta[i]!;
    de += delta[i]! * eta[i]!;
    ee += eta[i]! * eta[i]!;
  }
  const determinant = dd * ee - de * de;
  if (!(determinant > 0)) throw new RangeError('the two directions are parallel or zero, so a path cannot be projected onto them');
  const alpha = new Float64Array(path.length);
  const beta = new Float64Array(path.length);
  path.forEach((point, t) => {
    if (point.length !== theta.length) throw new RangeError(`path point ${t} has ${point.length} values but the network has ${theta.length} parameters`);
    let pd = 0;
    let pe = 0;
    for (let i = 0; i < theta.length; i++) {
      const displacement = point[i]! - theta[i]!;
      pd += displacement * delta[i]!;
      pe += displacement * eta[i]!;
    }
    alpha[t] = (ee * pd - de * pe) / determinant;
    beta[t] = (dd * pe - de * pd) / determinant;
  });
  return { alpha, beta };
}
