import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import type { Matrix } from '../types';
import { sampleRows, umap2d, type UmapProgress } from './umap';
import { trustworthiness } from './trustworthiness';

/** `perBlob` points around each of `blobs` well-separated centres in `dim` dimensions (seeded). */
function blobs(blobCount: number, perBlob: number, dim: number, seed: number): { points: Matrix; label: Int32Array } {
  const rng = createRng(seed);
  const centres = Array.from({ length: blobCount }, () => Array.from({ length: dim }, () => rng.normal() * 6));
  const n = blobCount * perBlob;
  const data = new Float32Array(n * dim);
  const label = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    label[i] = i % blobCount;
    for (let c = 0; c < dim; c++) data[i * dim + c] = centres[label[i]][c] + rng.normal();
  }
  return { points: { rows: n, cols: dim, data }, label };
}

/** Share of points whose nearest map neighbour carries the same label. */
function neighbourAgreement(coords: Float32Array, label: Int32Array): number {
  const n = label.length;
  let same = 0;
  for (let i = 0; i < n; i++) {
    let best = -1;
    let bestD = Infinity;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const d = (coords[2 * i] - coords[2 * j]) ** 2 + (coords[2 * i + 1] - coords[2 * j + 1]) ** 2;
      if (d < bestD) [best, bestD] = [j, d];
    }
    if (label[best] === label[i]) same++;
  }
  return same / n;
}

const { points, label } = blobs(3, 40, 16, 5);

describe('umap2d', () => {
  it('gives the same map for the same seed and another for another seed', async () => {
    const a = await umap2d(points, { seed: 1, nEpochs: 60 });
    const b = await umap2d(points, { seed: 1, nEpochs: 60 });
    const c = await umap2d(points, { seed: 2, nEpochs: 60 });
    expect(a).not.toBeNull();
    expect(Array.from(a!.coords)).toEqual(Array.from(b!.coords));
    expect(Array.from(a!.coords)).not.toEqual(Array.from(c!.coords));
    expect(a).toMatchObject({ fitted: 120, placed: 0, epochs: 60, nNeighbors: 15, minDist: 0.1, seed: 1 });
  });

  it('keeps separated clusters apart and local neighbourhoods trustworthy', async () => {
    const r = await umap2d(points, { seed: 0, nEpochs: 100 });
    expect(neighbourAgreement(r!.coords, label)).toBe(1);
    expect(trustworthiness(points, r!.coords, 5)).toBeGreaterThan(0.9);
  });

  it('starts from the given coordinates (rescaled), which changes the result', async () => {
    const init = new Float32Array(points.rows * 2);
    for (let i = 0; i < points.rows; i++) [init[2 * i], init[2 * i + 1]] = [points.data[i * 16], points.data[i * 16 + 1]];
    const started = await umap2d(points, { seed: 1, nEpochs: 3, init });
    const random = await umap2d(points, { seed: 1, nEpochs: 3 });
    // After three epochs the points are still near their (rescaled) start, far nearer than from a random start.
    let scale = 0;
    for (const v of init) scale = Math.max(scale, Math.abs(v));
    const meanShift = (coords: Float32Array) => coords.reduce((a, v, i) => a + Math.abs(v - (init[i] / scale) * 10), 0) / coords.length;
    expect(meanShift(started!.coords)).toBeLessThan(1.5);
    expect(meanShift(started!.coords)).toBeLessThan(meanShift(random!.coords) / 3);
    await expect(umap2d(points, { init: new Float32Array(4) })).rejects.toThrow(/init holds 4 values, expected 120 x 2/);
  });

  it('past maxFitRows fits a seeded sample and places every other row by its nearest fitted rows, deterministically', async () => {
    const big = blobs(3, 100, 16, 9);
    const phases: UmapProgress[] = [];
    const opts = { seed: 3, nEpochs: 50, maxFitRows: 120 };
    const r = await umap2d(big.points, opts, { onProgress: (p) => phases.push(p) });
    expect(r).toMatchObject({ fitted: 120, placed: 180 });
    expect(r!.coords.every(Number.isFinite)).toBe(true);
    const again = await umap2d(big.points, opts);
    expect(Array.from(again!.coords)).toEqual(Array.from(r!.coords));
    // Rows placed by their nearest fitted prompts land with their own cluster.
    expect(neighbourAgreement(r!.coords, big.label)).toBeGreaterThan(0.97);
    // Progress: neighbours, then every epoch, then the placing (one batch of 256 holds all 180); the fraction never goes back.
    expect(phases.filter((p) => p.phase === 'epochs')).toHaveLength(50);
    expect(r!.epochs).toBe(50);
    expect(phases.filter((p) => p.phase === 'place').map((p) => p.done)).toEqual([0, 180]);
    for (let i = 1; i < phases.length; i++) expect(phases[i].fraction).toBeGreaterThanOrEqual(phases[i - 1].fraction);
    expect(phases[phases.length - 1].fraction).toBe(1);
  });

  it('stops when asked between epochs and resolves to null', async () => {
    let epochs = 0;
    const r = await umap2d(
      points,
      { seed: 0, nEpochs: 200 },
      {
        onProgress: (p) => {
          if (p.phase === 'epochs') epochs = p.done;
        },
        shouldStop: () => epochs >= 10,
        yieldEveryMs: 0,
      },
    );
    expect(r).toBeNull();
    expect(epochs).toBe(10);
  });

  it('refuses too few prompts with a clear message', async () => {
    const tiny = { rows: 3, cols: 2, data: new Float32Array(6) };
    await expect(umap2d(tiny)).rejects.toThrow(/UMAP needs more than 3 prompts, got 3/);
  });
});

describe('sampleRows', () => {
  it('is a seeded, sorted sample of distinct rows, or every row', () => {
    const a = sampleRows(1000, 50, createRng(1));
    expect(Array.from(a)).toEqual(Array.from(sampleRows(1000, 50, createRng(1))));
    expect(new Set(a).size).toBe(50);
    expect(Array.from(a)).toEqual(Array.from(a).sort((x, y) => x - y));
    expect(Array.from(sampleRows(4, 10, createRng(1)))).toEqual([0, 1, 2, 3]);
  });
});
