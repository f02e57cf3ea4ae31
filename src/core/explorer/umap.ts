/**
 * The 2-D UMAP projection of prompt embeddings phi(x) for the prompt map (umap-js, plain TS, no
 * tfjs). Seeded through rng.ts, started from given coordinates (the PCA map: a spectral-like
 * start keeps the global layout, where umap-js would start at random), stepped epoch by epoch with
 * progress and cancellation. Past `maxFitRows` prompts, UMAP is fitted on a seeded sample and
 * every other prompt is placed the way UMAP's transform starts a new point: at the
 * membership-weighted mean of its k nearest fitted prompts (umapPlace.ts), found by a seeded
 * random-projection forest with exact re-ranking (rpForest.ts). umap-js's own transform is not
 * used: its graph search starts from random fitted points and cannot leave a part of the
 * neighbour graph that no start fell in, so on data of many separate topics it put most new
 * prompts among the wrong ones (10-neighbour topic agreement 0.18 against 1.00 here).
 */
import { UMAP } from 'umap-js';
import type { Matrix } from '../types';
import { createRng, type Rng } from '../rng';
import type { KnnSearch } from './knn';
import { rpForestKnn } from './rpForest';
import { placeByNeighbours } from './umapPlace';

export interface UmapOptions {
  /** Seed of the sample, the neighbour search and the negative sampling (default 0). */
  seed?: number;
  /** Neighbours of the fuzzy graph (UMAP's n_neighbors, default 15). */
  nNeighbors?: number;
  /** Minimum distance between embedded points (default 0.1). */
  minDist?: number;
  /** Prompts UMAP is fitted on at most; the rest are placed by their nearest fitted prompts (default 5,000). */
  maxFitRows?: number;
  /** Epochs of the fit (default 240). */
  nEpochs?: number;
  /** Neighbour search for the prompts outside the sample (default: a random-projection forest seeded from `seed`). */
  neighbours?: KnnSearch;
  /** n x 2 starting coordinates of every row (e.g. the PCA map), rescaled to umap-js's [-10, 10] start. */
  init?: Float32Array;
}

export type UmapPhase = 'neighbours' | 'epochs' | 'place';

export interface UmapProgress {
  phase: UmapPhase;
  /** Units done and total in this phase (epochs, or prompts placed by their fitted neighbours). */
  done: number;
  total: number;
  /** Whole run in [0, 1], phases weighted by their expected share of the time. */
  fraction: number;
}

export interface UmapHooks {
  onProgress?: (progress: UmapProgress) => void;
  /** Polled between epochs and neighbour batches; true ends the run (the result is null). */
  shouldStop?: () => boolean;
  /** Yield a macrotask after this many ms of work, so a worker can read a cancel message (default 40). */
  yieldEveryMs?: number;
}

export interface UmapProjection {
  /** n x 2 row-major coordinates. */
  coords: Float32Array;
  /** Rows UMAP was fitted on (all of them when n <= maxFitRows). */
  fitted: number;
  /** Rows placed by their nearest fitted prompts. */
  placed: number;
  epochs: number;
  nNeighbors: number;
  minDist: number;
  seed: number;
}

export const UMAP_DEFAULTS = { seed: 0, nNeighbors: 15, minDist: 0.1, maxFitRows: 5000, nEpochs: 240 } as const;

const now = (): number => globalThis.performance?.now() ?? Date.now();
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** `count` distinct row indices out of n, seeded, ascending (all rows when count >= n). */
export function sampleRows(n: number, count: number, rng: Rng): Int32Array {
  if (count >= n) return Int32Array.from({ length: n }, (_, i) => i);
  // Partial Fisher-Yates over the index range: the first `count` slots are a uniform sample.
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + rng.int(n - i);
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
  return idx.slice(0, count).sort();
}

/** Rows of `points` as views (umap-js indexes rows like arrays; no copy of the n x D data). */
function rowViews(points: Matrix, rows: Int32Array): number[][] {
  const out: number[][] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    out[i] = points.data.subarray(r * points.cols, (r + 1) * points.cols) as unknown as number[];
  }
  return out;
}

/** Overwrites umap-js's random start with `init` (rows `rows`), scaled into its [-10, 10] box. */
function startFrom(embedding: number[][], init: Float32Array, rows: Int32Array): void {
  let scale = 0;
  for (let i = 0; i < rows.length; i++) {
    scale = Math.max(scale, Math.abs(init[2 * rows[i]]), Math.abs(init[2 * rows[i] + 1]));
  }
  if (!(scale > 0) || !Number.isFinite(scale)) return;
  // The embedding arrays are the optimiser's own (head and tail point at them), so this is its start.
  for (let i = 0; i < rows.length; i++) {
    embedding[i][0] = (init[2 * rows[i]] / scale) * 10;
    embedding[i][1] = (init[2 * rows[i] + 1] / scale) * 10;
  }
}

/**
 * Phase spans of the progress fraction, from measured shares of a run's time (so time left, read off
 * the fraction, is about right): with a 5,000-prompt sample of 36,000 prompts the neighbours, the
 * epochs and the placing of the rest took roughly a fifth, a quarter and the rest; the
 * 2,400-prompt demo spends about half on each of the first two.
 */
function phaseWeights(placing: boolean): Record<UmapPhase, [number, number]> {
  return placing
    ? { neighbours: [0, 0.2], epochs: [0.2, 0.45], place: [0.45, 1] }
    : { neighbours: [0, 0.45], epochs: [0.45, 1], place: [1, 1] };
}

/** The rows `rows` of `points` as a matrix of their own. */
function gather(points: Matrix, rows: Int32Array): Matrix {
  const d = points.cols;
  const data = new Float32Array(rows.length * d);
  for (let i = 0; i < rows.length; i++) data.set(points.data.subarray(rows[i] * d, (rows[i] + 1) * d), i * d);
  return { rows: rows.length, cols: d, data };
}

/**
 * UMAP of every row of `points` to 2-D. Resolves to null when `shouldStop` asked it to end.
 * Deterministic for a seed: the same points, options and seed give the same coordinates.
 */
export async function umap2d(points: Matrix, options: UmapOptions = {}, hooks: UmapHooks = {}): Promise<UmapProjection | null> {
  const o = { ...UMAP_DEFAULTS, ...options };
  const { rows: n, cols: d } = points;
  if (points.data.length !== n * d) throw new RangeError(`points hold ${points.data.length} values, expected ${n} x ${d}`);
  if (o.init && o.init.length !== 2 * n) throw new RangeError(`init holds ${o.init.length} values, expected ${n} x 2`);
  const nNeighbors = Math.min(o.nNeighbors, Math.max(2, n - 1));
  if (n <= nNeighbors + 1) throw new RangeError(`UMAP needs more than ${nNeighbors + 1} prompts, got ${n}`);
  const rng = createRng(o.seed);
  const fitRows = sampleRows(n, Math.max(nNeighbors + 2, o.maxFitRows), rng.fork());
  const placed = n - fitRows.length;
  const weights = phaseWeights(placed > 0);
  const yieldEvery = hooks.yieldEveryMs ?? 40;
  const report = (phase: UmapPhase, done: number, total: number) => {
    const [a, b] = weights[phase];
    hooks.onProgress?.({ phase, done, total, fraction: a + (b - a) * (total > 0 ? done / total : 1) });
  };
  let lastYield = now();
  /** True when the run should end; yields to the event loop first when it has held it long enough. */
  const pause = async (): Promise<boolean> => {
    if (now() - lastYield >= yieldEvery) {
      await yieldToEventLoop();
      lastYield = now();
    }
    return hooks.shouldStop?.() ?? false;
  };

  if (!Number.isInteger(o.nEpochs) || o.nEpochs < 1) throw new RangeError(`nEpochs must be a positive integer, got ${o.nEpochs}`);
  const umap = new UMAP({ random: rng.fork().next, nNeighbors, minDist: o.minDist, nEpochs: o.nEpochs });
  report('neighbours', 0, 1);
  await yieldToEventLoop();
  if (hooks.shouldStop?.()) return null;
  // The neighbour graph is one synchronous call (approximate neighbours by NN-descent on RP trees).
  const epochs = umap.initializeFit(rowViews(points, fitRows));
  lastYield = now();
  report('neighbours', 1, 1);
  if (o.init) startFrom(umap.getEmbedding(), o.init, fitRows);
  for (let e = 0; e < epochs; e++) {
    if (await pause()) return null;
    umap.step();
    report('epochs', e + 1, epochs);
  }
  const coords = new Float32Array(2 * n).fill(NaN);
  const fitted = umap.getEmbedding();
  for (let i = 0; i < fitRows.length; i++) {
    coords[2 * fitRows[i]] = fitted[i][0];
    coords[2 * fitRows[i] + 1] = fitted[i][1];
  }
  if (placed > 0) {
    const inFit = new Uint8Array(n);
    for (const r of fitRows) inFit[r] = 1;
    const rest = Int32Array.from({ length: n }, (_, i) => i).filter((i) => !inFit[i]);
    const fittedCoords = new Float32Array(2 * fitRows.length);
    for (let i = 0; i < fitRows.length; i++) [fittedCoords[2 * i], fittedCoords[2 * i + 1]] = [fitted[i][0], fitted[i][1]];
    report('place', 0, rest.length);
    const search = o.neighbours ?? rpForestKnn(Math.floor(rng.next() * 2 ** 31));
    const knn = await search(gather(points, rest), gather(points, fitRows), nNeighbors, {
      onProgress: (done, total) => report('place', done, total),
      shouldStop: hooks.shouldStop,
      between: async () => void (await pause()),
    });
    if (!knn || hooks.shouldStop?.()) return null;
    const placed = placeByNeighbours(knn, fittedCoords);
    for (let i = 0; i < rest.length; i++) [coords[2 * rest[i]], coords[2 * rest[i] + 1]] = [placed[2 * i], placed[2 * i + 1]];
  }
  return { coords, fitted: fitRows.length, placed, epochs, nNeighbors, minDist: o.minDist, seed: o.seed };
}
