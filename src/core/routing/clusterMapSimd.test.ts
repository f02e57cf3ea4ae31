import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import type { Matrix } from '../types';
import { clusterMapGradient, clusterMapLoss } from './clusterMapObjective';
import { createClusterMapSimd, type ClusterMapSimdProblem } from './clusterMapSimd';

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

/** Random problem with fractional scores, missing labels and a few clipped cells (psi 0 / 1). */
function randomProblem(n: number, d: number, k: number, h: number, seed: number): ClusterMapSimdProblem & { x: Matrix } {
  const rng = createRng(seed);
  const x = { rows: n, cols: d, data: Float32Array.from({ length: n * d }, () => rng.normal()) };
  const errors = Float64Array.from({ length: n * h }, () => {
    const u = rng.next();
    return u < 0.1 ? NaN : u < 0.5 ? 1 : u < 0.9 ? 0 : rng.next();
  });
  const psi = Float64Array.from({ length: h * k }, () => 0.05 + 0.9 * rng.next());
  psi[0] = 0; // LLM 0 never errs in cluster 0 ...
  psi[1] = 0; // ... nor in cluster 1: gamma can fall below the clip there
  const theta = Float32Array.from({ length: k * (d + 1) }, () => rng.normal() * 0.3);
  return { x, errors, psi, theta };
}

describe('learned map on the SIMD kernel', () => {
  it('reproduces a hand-worked gradient: K=2, D=1, two prompts, one LLM', async () => {
    // theta = 0 -> Phi = (0.5, 0.5) for both prompts; Psi = (0.2, 0.6) -> gamma = 0.4; both e = 1.
    // loss = -ln 0.4 = 0.916291; dL/dgamma = -1/0.4 / 2 labels = -1.25;
    // dL/dPhi = -1.25 (0.2, 0.6) = (-0.25, -0.75); Phi . dPhi = -0.5;
    // dz = 0.5 (-0.25 + 0.5, -0.75 + 0.5) = (0.125, -0.125) for each prompt;
    // bias grads = 2 x dz = (0.25, -0.25); weight grads = 0.125 * (0 + 2) = 0.25 and -0.25.
    const kernel = await createClusterMapSimd(
      { x: { rows: 2, cols: 1, data: Float32Array.from([0, 2]) }, errors: [1, 1], psi: [0.2, 0.6], theta: [0, 0, 0, 0] },
      { l2: 0 },
    );
    const { loss, gradient } = kernel.gradient();
    expect(loss).toBeCloseTo(-Math.log(0.4), 6);
    // theta layout K x (D+1): [w_0, b_0, w_1, b_1]
    [0.25, 0.25, -0.25, -0.25].forEach((v, i) => expect(gradient[i]).toBeCloseTo(v, 6)); // 0.2, 0.6 inexact in float32
    // One Adam step moves every parameter by lr (m/(1-b1) = g, sqrt(v/(1-b2)) = |g|) against its gradient's sign.
    await kernel.step();
    for (const [i, v] of [-0.01, -0.01, 0.01, 0.01].entries()) expect(kernel.getTheta()[i]).toBeCloseTo(v, 6);
  });

  it('matches clusterMapGradient (float64 reference) with missing labels, fractional scores and clipping', async () => {
    const p = randomProblem(37, 9, 6, 5, 1); // odd sizes: padding of D, K, H and a 1-row tail tile
    const kernel = await createClusterMapSimd(p, { batchSize: 64, l2: 1e-3 });
    const got = kernel.gradient();
    const want = clusterMapGradient(
      { x: p.x, errors: p.errors as Float64Array, psi: p.psi as Float64Array },
      { k: 6, dim: 9, theta: p.theta },
      1e-3,
    );
    expect(Math.abs(got.loss - want.loss)).toBeLessThan(1e-5);
    expect(maxDiff(got.gradient, want.gradient)).toBeLessThan(1e-5);
    expect(kernel.meanLoss()).toBeCloseTo(
      clusterMapLoss({ x: p.x, errors: p.errors as Float64Array, psi: p.psi as Float64Array }, { k: 6, dim: 9, theta: p.theta }),
      5,
    );
    // A gathered batch (rows 3, 30, 7) equals the reference on those rows alone.
    const rows = [3, 30, 7];
    const sub = {
      x: { rows: 3, cols: 9, data: Float32Array.from(rows.flatMap((r) => Array.from(p.x.data.subarray(r * 9, r * 9 + 9)))) },
      errors: Float64Array.from(rows.flatMap((r) => Array.from((p.errors as Float64Array).subarray(r * 5, r * 5 + 5)))),
      psi: p.psi as Float64Array,
    };
    const gathered = kernel.gradient(rows, 0, 3);
    expect(maxDiff(gathered.gradient, clusterMapGradient(sub, { k: 6, dim: 9, theta: p.theta }, 1e-3).gradient)).toBeLessThan(1e-5);
  });

  it('runs Adam exactly as written over an epoch of mini-batches (reference: clusterMapGradient + Adam in float64)', async () => {
    const p = randomProblem(50, 8, 4, 3, 2);
    const opts = { batchSize: 16, learningRate: 0.05, l2: 1e-4 };
    const kernel = await createClusterMapSimd(p, opts);
    const order = Array.from({ length: 50 }, (_, i) => (i * 17) % 50);
    const { meanBatchLoss, batches } = await kernel.epoch(order);
    expect(batches).toBe(4); // 16 + 16 + 16 + 2
    // Reference: the same batches, gradient in float64, Adam with tfjs's constants.
    const theta = Float64Array.from(p.theta);
    const m1 = new Float64Array(theta.length);
    const m2 = new Float64Array(theta.length);
    let lossSum = 0;
    for (let s = 0, t = 1; s < 50; s += 16, t++) {
      const rows = order.slice(s, s + 16);
      const x = {
        rows: rows.length,
        cols: 8,
        data: Float32Array.from(rows.flatMap((r) => Array.from(p.x.data.subarray(r * 8, r * 8 + 8)))),
      };
      const errors = Float64Array.from(rows.flatMap((r) => Array.from((p.errors as Float64Array).subarray(r * 3, r * 3 + 3))));
      const data = { x, errors, psi: p.psi as Float64Array };
      const { gradient } = clusterMapGradient(data, { k: 4, dim: 8, theta }, opts.l2);
      lossSum += clusterMapLoss(data, { k: 4, dim: 8, theta });
      for (let q = 0; q < theta.length; q++) {
        m1[q] = 0.9 * m1[q] + 0.1 * gradient[q];
        m2[q] = 0.999 * m2[q] + 0.001 * gradient[q] ** 2;
        theta[q] -= (opts.learningRate * (m1[q] / (1 - 0.9 ** t))) / (Math.sqrt(m2[q] / (1 - 0.999 ** t)) + 1e-7);
      }
    }
    expect(meanBatchLoss).toBeCloseTo(lossSum / 4, 5);
    expect(maxDiff(kernel.getTheta(), theta)).toBeLessThan(1e-4);
    // setTheta with a reset starts the same run again.
    kernel.setTheta(p.theta, true);
    await kernel.epoch(order);
    expect(maxDiff(kernel.getTheta(), theta)).toBeLessThan(1e-4);
  });

  it('rejects shapes that disagree and use after dispose', async () => {
    const x = { rows: 2, cols: 1, data: Float32Array.from([0, 1]) };
    await expect(createClusterMapSimd({ x, errors: [1, 1], psi: [0.5], theta: [0, 0, 0] })).rejects.toThrow('theta has 3 values');
    await expect(createClusterMapSimd({ x, errors: [1, 1, 1], psi: [0.5], theta: [0, 0] })).rejects.toThrow(
      'errors have 3 values, expected 2 x 1',
    );
    const kernel = await createClusterMapSimd({ x, errors: [1, 0], psi: [0.5], theta: [0, 0] });
    expect(() => kernel.gradient(undefined, 0, 0)).toThrow('a batch must hold 1..2 prompts, got 0');
    kernel.dispose();
    await expect(kernel.step()).rejects.toThrow('disposed');
  });
});
