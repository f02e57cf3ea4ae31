import { describe, expect, it } from 'vitest';
import { createElkanKernel, ELKAN_HISTORY } from '../kernels/elkanKernel';
import { createLloydKernel, type LloydKernel } from '../kernels/lloydKernel';
import { allRows, chunkSums, SUM_CHUNK_ROWS, type ChunkSums } from '../kernels/rowSource';
import { createRng } from '../rng';
import type { Matrix } from '../types';
import { centreLater, centredRows, centredSource, centringOf } from './centre';
import { KMeansInputError } from './options';

/** n x d float32 values of very different sizes, so that float64 sums depend on their order. */
function ragged(n: number, d: number, seed: number): Matrix {
  const rng = createRng(seed);
  const data = Float32Array.from({ length: n * d }, () => rng.normal() * 10 ** rng.int(7));
  return { rows: n, cols: d, data };
}

const bits = (a: ArrayLike<number>): string[] => Array.from(a, (v) => (Object.is(v, -0) ? '-0' : v.toString()));

/** The same step from two kernels, compared bit for bit. */
function expectSameStep(a: LloydKernel, b: LloydKernel, mu: Float32Array): void {
  const x = a.step(mu);
  const y = b.step(mu);
  expect(Array.from(x.assignments)).toEqual(Array.from(y.assignments));
  expect(bits(x.sums)).toEqual(bits(y.sums));
  expect(x.inertia).toBe(y.inertia);
}

describe('centring by chunk sums', () => {
  it('works the hand-checkable mean and threshold out of two chunks', () => {
    // Columns (1, 3, 5) and (2, 2, 2): means 3 and 2; variances 8/3 and 0; threshold t * (8/3 + 0) / 2.
    const points: Matrix = { rows: 3, cols: 2, data: Float32Array.from([1, 2, 3, 2, 5, 2]) };
    const { mean, threshold } = centringOf(points, [chunkSums(points)], 0.5);
    expect(Array.from(mean)).toEqual([3, 2]);
    expect(threshold).toBeCloseTo((0.5 * 8) / 3 / 2, 12);
  });

  it('gives the bits of one pass whatever the blocks, when they start on chunk boundaries', () => {
    const n = 3 * SUM_CHUNK_ROWS + 77;
    const points = ragged(n, 7, 1);
    const whole = centringOf(points, [chunkSums(points)], 1e-4);
    const cut = 2 * SUM_CHUNK_ROWS;
    const block = (from: number, to: number): Matrix => ({ rows: to - from, cols: 7, data: points.data.subarray(from * 7, to * 7) });
    const split = centringOf(points, [chunkSums(block(0, cut)), chunkSums(block(cut, n))], 1e-4);
    expect(bits(split.mean)).toEqual(bits(whole.mean));
    expect(split.threshold).toBe(whole.threshold);
    // The chunks really are added in their own order: a plain left-to-right sum of these values differs.
    let plain = 0;
    for (let i = 0; i < n; i++) plain += points.data[i * 7];
    expect(plain / n).not.toBe(whole.mean[0]);
  });

  it('fails on a non-finite value, naming it, from the sums alone', () => {
    const points = ragged(2500, 5, 2);
    points.data[1234 * 5 + 3] = Number.NaN;
    points.data[2000 * 5 + 1] = Number.POSITIVE_INFINITY;
    const blocks = [chunkSums(points)];
    expect(() => centringOf(points, blocks, 0)).toThrow(KMeansInputError);
    expect(() => centringOf(points, blocks, 0)).toThrow('points contain a non-finite value at row 1234, column 3');
    // +Infinity and -Infinity in one column still make its sums non-finite.
    const both: Matrix = { rows: 2, cols: 1, data: Float32Array.from([Infinity, -Infinity]) };
    expect(() => centringOf(both, [chunkSums(both)], 0)).toThrow('row 0, column 0');
    // The largest float32 values stay finite in float64 sums of squares.
    const big: Matrix = { rows: 2, cols: 1, data: Float32Array.from([3.4e38, -3.4e38]) };
    expect(centringOf(big, [chunkSums(big)], 1).threshold).toBeGreaterThan(1e76);
  });

  it('is worked out once, here or from blocks summed elsewhere (adopt), never both', () => {
    const points = ragged(1500, 4, 3);
    const here = centreLater(points, 1e-3);
    expect(here.known).toBe(false);
    const stats = here.stats();
    expect(here.known).toBe(true);
    expect(() => here.adopt([chunkSums(points)])).toThrow('known already');
    const there = centreLater(points, 1e-3);
    const adopted = there.adopt([
      chunkSums({ rows: 1024, cols: 4, data: points.data.subarray(0, 4096) }),
      chunkSums({ rows: 476, cols: 4, data: points.data.subarray(4096) }),
    ]);
    expect(bits(adopted.mean)).toEqual(bits(stats.mean));
    expect(bits(allRows(there).data)).toEqual(bits(allRows(here).data));
    expect(bits(centredRows(points, 1e-3).mean)).toEqual(bits(stats.mean));
  });
});

describe('centring in the kernels (SIMD) and in the shards', () => {
  it("a kernel's SIMD centring writes copyRows's values: the same steps bit for bit (D = 7: padded rows)", async () => {
    const points = ragged(2100, 7, 4);
    const { mean } = centredRows(points, 0);
    const source = centredSource(points, mean); // raw + mean: the kernel centres in SIMD
    const copied = allRows(source); // centred in JavaScript
    const mu = copied.data.slice(0, 5 * 7);
    for (const build of [(p: Matrix | typeof source) => createLloydKernel(p, 5), (p: Matrix | typeof source) => createElkanKernel(p, 5)]) {
      const simd = await build(source);
      const plain = await build(copied);
      expectSameStep(simd, plain, mu);
      simd.dispose();
      plain.dispose();
    }
  });

  it('a kernel given its rows raw hands out their chunk sums (as chunkSums adds them), then centres by the mean it gets back', async () => {
    const points = ragged(2 * SUM_CHUNK_ROWS + 300, 6, 5);
    const { mean } = centredRows(points, 0);
    let handed: ChunkSums | undefined;
    const staged = await createElkanKernel(points, 4, ELKAN_HISTORY, {
      centreBy: async (sums) => {
        handed = sums;
        return mean;
      },
    });
    const want = chunkSums(points);
    expect(handed?.chunks).toBe(3);
    expect(bits(handed!.sums)).toEqual(bits(want.sums));
    expect(bits(handed!.squares)).toEqual(bits(want.squares));
    const centred = await createElkanKernel(allRows(centredSource(points, mean)), 4);
    expectSameStep(staged, centred, allRows(centredSource(points, mean)).data.slice(0, 24));
  });
});
