/**
 * Seeded synthetic problems for `npm run bench` (pure TypeScript: the Node driver generates them
 * once and writes raw float32 files that the Python comparators and the Chromium page read, so
 * every comparator sees the same bytes).
 */
import { kmeansPlusPlus } from '../src/core/cluster/initialization';
import { generateDemoDataset } from '../src/core/demo';
import { embedTexts, fitEmbedder } from '../src/core/embed';
import { defaultTau, initClusterMap } from '../src/core/routing/clusterMapInit';
import { createRng } from '../src/core/rng';
import type { Matrix } from '../src/core/types';

/** K-means: N points of D dims, K clusters, the k-means++ start every comparator uses. */
export interface KMeansProblem {
  id: string;
  /** What the points are, for the report. */
  about?: string;
  n: number;
  d: number;
  k: number;
  iterations: number;
  points: Matrix;
  init: Matrix;
}

/**
 * Heavily overlapping Gaussian blobs (centres N(0,1) per dim, noise sd 6), so Lloyd keeps moving
 * points for all the requested iterations (scikit-learn stops early once no label changes, which
 * would make the comparison unequal). Every point is nearly as far from every centre: the hardest
 * case for bounds that skip distances (Elkan's), kept as such.
 */
export function kmeansProblem(id: string, n: number, d: number, k: number, iterations: number, seed: number): KMeansProblem {
  const rng = createRng(seed);
  const centres = Float32Array.from({ length: k * d }, () => rng.normal());
  const data = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    const c = i % k;
    for (let j = 0; j < d; j++) data[i * d + j] = centres[c * d + j] + 6 * rng.normal();
  }
  const points = { rows: n, cols: d, data };
  const about = `overlapping Gaussian blobs (${k} centres N(0,1), noise sd 6): every point nearly as far from every centre`;
  return { id, about, n, d, k, iterations, points, init: kmeansPlusPlus(points, k, rng.fork()) };
}

/** K-means on prompt texts as the app clusters them: the built-in 256-d embedder fitted on them. */
export function embeddedProblem(id: string, about: string, texts: string[], k: number, iterations: number, seed: number): KMeansProblem {
  const points = embedTexts(texts, fitEmbedder(texts));
  return { id, about, n: points.rows, d: points.cols, k, iterations, points, init: kmeansPlusPlus(points, k, createRng(seed)) };
}

/** `n` synthetic prompt texts from the demo generator (templates over 11 task families). */
export function demoPromptTexts(n: number, seed: number): string[] {
  return generateDemoDataset({ prompts: n, seed }).prompts.map((p) => p.text);
}

/** One epoch of the learned map: prompts x (N x D), errors (N x H), Psi (H x K), theta (K x (D+1)). */
export interface LearnedMapBenchProblem {
  id: string;
  n: number;
  d: number;
  k: number;
  h: number;
  batchSize: number;
  learningRate: number;
  l2: number;
  x: Matrix;
  errors: Float32Array;
  psi: Float32Array;
  theta: Float32Array;
}

/**
 * Prompts from a k-means problem's points (scaled to unit-ish norm), Psi uniform in [0.05, 0.95],
 * e(x,h) ~ Bernoulli(Psi_{blob(x)}(h)), theta = the soft K-means initialisation from the first K
 * points (UNIROUTE.md), as trainClusterMap starts.
 */
export function learnedMapProblem(id: string, base: KMeansProblem, h: number, seed: number): LearnedMapBenchProblem {
  const rng = createRng(seed);
  const { n, d, k } = base;
  const scale = 1 / Math.sqrt(37 * d); // noise variance 36 + centre variance 1 per dim
  const x = { rows: n, cols: d, data: base.points.data.map((v) => v * scale) };
  const psi = Float32Array.from({ length: h * k }, () => 0.05 + 0.9 * rng.next());
  const errors = new Float32Array(n * h);
  for (let i = 0; i < n; i++) for (let m = 0; m < h; m++) errors[i * h + m] = rng.next() < psi[m * k + (i % k)] ? 1 : 0;
  const centroids = { rows: k, cols: d, data: x.data.slice(0, k * d) };
  const theta = initClusterMap(centroids, defaultTau(x, centroids)).theta;
  return { id, n, d, k, h, batchSize: 512, learningRate: 0.01, l2: 1e-6, x, errors, psi, theta };
}
