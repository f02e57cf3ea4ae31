import { describe, expect, it } from 'vitest';
import { computeErrorProfiles, profileOfModel } from './errorProfile';
import { SAMPLE_DIR, itShared, loadScores, sharedDir } from '../../testing/datasets.node';
import { createRng } from '../rng';

// 5 validation prompts in K = 3 clusters (cluster 2 is empty), M = 3 models.
// errors (rows = prompts, cols = models; NaN = not scored):
//   p0 c0: [1, NaN, NaN]
//   p1 c0: [0, 1,   NaN]
//   p2 c0: [1, 1,   NaN]
//   p3 c1: [0, 0,   NaN]
//   p4 c1: [0, NaN, NaN]
const clusters = Int32Array.from([0, 0, 0, 1, 1]);
const N = NaN;
const errors = Float64Array.from([1, N, N, 0, 1, N, 1, 1, N, 0, 0, N, 0, N, N]);

describe('computeErrorProfiles (Psi with shrinkage)', () => {
  it('shrinks each cell towards the overall error with pseudo-count a = 1', () => {
    const p = computeErrorProfiles(clusters, errors, 3, 3);
    // model 0: overall = 2/5 = 0.4
    //   c0: (2 + 1*0.4) / (3 + 1) = 0.6;  c1: (0 + 0.4) / (2 + 1) = 0.1333..;  c2 empty: 0.4
    // model 1: scored p1, p2, p3 -> overall = 2/3
    //   c0: (2 + 2/3) / (2 + 1) = 8/9;  c1: (0 + 2/3) / (1 + 1) = 1/3;  c2 empty: 2/3
    // model 2: never scored -> overall 0.5 (our choice), every cell 0.5
    const want = [0.6, 0.4 / 3, 0.4, 8 / 9, 1 / 3, 2 / 3, 0.5, 0.5, 0.5];
    want.forEach((w, i) => expect(p.psi[i]).toBeCloseTo(w, 15));
    expect(Array.from(p.counts)).toEqual([3, 2, 0, 2, 1, 0, 0, 0, 0]);
    expect(p.overall[0]).toBeCloseTo(0.4, 15);
    expect(p.overall[1]).toBeCloseTo(2 / 3, 15);
    expect(p.overall[2]).toBe(0.5);
    expect(p.k).toBe(3);
    expect(p.m).toBe(3);
  });

  it('uses the plain cluster mean with a = 0, yet never 0 for an empty cluster', () => {
    const p = computeErrorProfiles(clusters, errors, 3, 3, 0);
    // model 0: c0 = 2/3, c1 = 0/2 = 0 (real evidence), c2 empty -> overall 0.4 (not 0, not NaN)
    expect(p.psi[0]).toBeCloseTo(2 / 3, 15);
    expect(p.psi[1]).toBe(0);
    expect(p.psi[2]).toBeCloseTo(0.4, 15);
    // model 1: c0 = 2/2 = 1, c1 = 0/1 = 0, c2 -> 2/3
    expect(p.psi[3]).toBe(1);
    expect(p.psi[4]).toBe(0);
    expect(p.psi[5]).toBeCloseTo(2 / 3, 15);
  });

  it('a = 2: model 0 cluster 0 is (2 + 2 * 0.4) / (3 + 2) = 0.56', () => {
    const p = computeErrorProfiles(clusters, errors, 3, 3, 2);
    expect(p.psi[0]).toBeCloseTo(0.56, 15);
  });

  it('profileOfModel (adding an unseen LLM) gives the same numbers as the pool computation', () => {
    const pool = computeErrorProfiles(clusters, errors, 3, 3);
    const col1 = Float64Array.from([N, 1, 1, 0, N]);
    const one = profileOfModel(clusters, col1, 3);
    expect(Array.from(one.psi)).toEqual(Array.from(pool.psi.subarray(3, 6)));
    expect(Array.from(one.counts)).toEqual([2, 1, 0]);
    expect(one.overall).toBe(pool.overall[1]);
  });

  it('rejects clusters outside [0, K), wrong shapes and negative pseudo-counts', () => {
    expect(() => computeErrorProfiles(Int32Array.from([0, 3]), new Float64Array(2), 1, 3)).toThrow(
      'cluster 3 of validation prompt 1 is outside [0, 3)',
    );
    expect(() => computeErrorProfiles(clusters, new Float64Array(4), 1, 3)).toThrow(
      'errors has 4 values, expected 5 prompts x 1 models = 5',
    );
    expect(() => computeErrorProfiles(clusters, errors, 3, 3, -1)).toThrow('pseudoCount must be a finite number >= 0, got -1');
    expect(() => profileOfModel(clusters, new Float64Array(3), 3)).toThrow('errors has 3 values, expected 5 (one per validation prompt)');
  });

  /** Count-weighted Psi with a = 0 averages back to each LLM's overall error. */
  function recoversOverall(dir: string): void {
    const { scores, modelNames } = loadScores(dir);
    const m = modelNames.length;
    const n = scores.length / m;
    const k = 7;
    const rng = createRng(3);
    const cl = Int32Array.from({ length: n }, () => rng.int(k));
    const err = scores.map((s) => 1 - s);
    const p = computeErrorProfiles(cl, err, m, k, 0);
    for (let h = 0; h < m; h++) {
      let weighted = 0;
      let total = 0;
      for (let c = 0; c < k; c++) {
        weighted += p.counts[h * k + c] * p.psi[h * k + c];
        total += p.counts[h * k + c];
      }
      let direct = 0;
      for (let i = 0; i < n; i++) direct += err[i * m + h];
      expect(total).toBe(n);
      expect(weighted / total).toBeCloseTo(direct / n, 12);
      expect(p.overall[h]).toBeCloseTo(direct / n, 12);
    }
  }

  it('real data (in-repo LLMRouter sample): count-weighted Psi (a = 0) recovers each LLM overall error', () => recoversOverall(SAMPLE_DIR));
  itShared('routerbench_subset', 'real data: count-weighted Psi (a = 0) recovers each LLM overall error', () =>
    recoversOverall(sharedDir('routerbench_subset')),
  );
});
