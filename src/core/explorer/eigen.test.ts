import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { jacobiEigen, leadingEigenpairs } from './eigen';

/** A symmetric d x d matrix Q diag(values) Q^T with a seeded random orthogonal Q (Gram-Schmidt). */
function withSpectrum(values: number[], seed: number): { c: Float64Array; q: Float64Array[] } {
  const d = values.length;
  const rng = createRng(seed);
  const q: Float64Array[] = [];
  for (let j = 0; j < d; j++) {
    const v = Float64Array.from({ length: d }, () => rng.normal());
    for (const u of q) {
      const r = v.reduce((s, x, i) => s + x * u[i], 0);
      for (let i = 0; i < d; i++) v[i] -= r * u[i];
    }
    const n = Math.hypot(...v);
    q.push(v.map((x) => x / n));
  }
  const c = new Float64Array(d * d);
  for (let j = 0; j < d; j++) for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) c[a * d + b] += values[j] * q[j][a] * q[j][b];
  return { c, q };
}

const residual = (c: Float64Array, d: number, value: number, v: Float64Array): number => {
  let worst = 0;
  for (let i = 0; i < d; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += c[i * d + k] * v[k];
    worst = Math.max(worst, Math.abs(s - value * v[i]));
  }
  return worst;
};

const alignment = (a: Float64Array, b: Float64Array): number => Math.abs(a.reduce((s, x, i) => s + x * b[i], 0));

describe('jacobiEigen', () => {
  it('diagonalises a hand-checkable 2 x 2 and 3 x 3', () => {
    const two = jacobiEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect(two.values[0]).toBeCloseTo(3, 12);
    expect(two.values[1]).toBeCloseTo(1, 12);
    expect(Math.abs(two.vectors[0][0])).toBeCloseTo(Math.SQRT1_2, 12);
    const diag = jacobiEigen(Float64Array.from([1, 0, 0, 0, 5, 0, 0, 0, 3]), 3);
    expect(diag.values).toEqual([5, 3, 1]);
  });
});

describe('leadingEigenpairs', () => {
  it('finds the top two of a flat spectrum (the case power iteration is slow on) to the tolerance', () => {
    const d = 96;
    const values = Array.from({ length: d }, (_, i) => (i === 0 ? 1.12 : i === 1 ? 1.1 : 1.09 - 0.005 * i));
    const { c, q } = withSpectrum(values, 3);
    const start = Float64Array.from({ length: d }, (_, i) => Math.sin(i + 1));
    const top = leadingEigenpairs(c, d, 2, start);
    expect(top.values[0]).toBeCloseTo(1.12, 9);
    expect(top.values[1]).toBeCloseTo(1.1, 9);
    expect(alignment(top.vectors[0], q[0])).toBeCloseTo(1, 6);
    expect(alignment(top.vectors[1], q[1])).toBeCloseTo(1, 6);
    for (let j = 0; j < 2; j++) expect(residual(c, d, top.values[j], top.vectors[j])).toBeLessThan(1e-7);
  });

  it('goes on past an invariant start (a start that is an eigenvector) and finds the second pair', () => {
    const d = 40;
    const values = Array.from({ length: d }, (_, i) => 10 - i * 0.2);
    const { c, q } = withSpectrum(values, 5);
    const top = leadingEigenpairs(c, d, 2, Float64Array.from(q[0]));
    expect(top.values[0]).toBeCloseTo(10, 9);
    expect(top.values[1]).toBeCloseTo(9.8, 9);
    expect(alignment(top.vectors[1], q[1])).toBeCloseTo(1, 6);
  });

  it('handles a rank-one matrix, a zero matrix and d = 1', () => {
    const u = Float64Array.from([0.6, 0.8, 0]);
    const rankOne = Float64Array.from({ length: 9 }, (_, i) => 2 * u[Math.floor(i / 3)] * u[i % 3]);
    const r = leadingEigenpairs(rankOne, 3, 2, Float64Array.from([1, 0, 0]));
    expect(r.values[0]).toBeCloseTo(2, 12);
    expect(r.values[1]).toBeCloseTo(0, 12);
    expect(alignment(r.vectors[0], u)).toBeCloseTo(1, 12);
    const zero = leadingEigenpairs(new Float64Array(4), 2, 2, Float64Array.from([1, 1]));
    expect(zero.values).toEqual([0, 0]);
    expect(leadingEigenpairs(Float64Array.from([7]), 1, 2, Float64Array.from([3])).values).toEqual([7]);
  });
});
