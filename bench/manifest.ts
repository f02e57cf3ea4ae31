/**
 * The manifest of the bench problems (shapes, settings, float32 file names) and the rebuild of the
 * problems from it; pure TypeScript so the Chromium page can use it with fetch.
 */
import type { KMeansProblem, LearnedMapBenchProblem } from './problems';

export interface KMeansEntry {
  id: string;
  about?: string;
  n: number;
  d: number;
  k: number;
  iterations: number;
  points: string;
  init: string;
}

export interface LearnedMapEntry {
  id: string;
  n: number;
  d: number;
  k: number;
  h: number;
  batchSize: number;
  learningRate: number;
  l2: number;
  x: string;
  errors: string;
  psi: string;
  theta: string;
}

export interface Manifest {
  kmeans: KMeansEntry[];
  learnedMap: LearnedMapEntry[];
}

/** Rebuilds the problems from a manifest and a float32 reader (fetch in the page, fs in Node). */
export async function loadProblems(
  manifest: Manifest,
  read: (name: string) => Promise<Float32Array>,
): Promise<{ kmeans: KMeansProblem[]; learnedMap: LearnedMapBenchProblem[] }> {
  const kmeans = await Promise.all(
    manifest.kmeans.map(async (e) => ({
      id: e.id,
      about: e.about,
      n: e.n,
      d: e.d,
      k: e.k,
      iterations: e.iterations,
      points: { rows: e.n, cols: e.d, data: await read(e.points) },
      init: { rows: e.k, cols: e.d, data: await read(e.init) },
    })),
  );
  const learnedMap = await Promise.all(
    manifest.learnedMap.map(async (e) => ({
      ...e,
      x: { rows: e.n, cols: e.d, data: await read(e.x) },
      errors: await read(e.errors),
      psi: await read(e.psi),
      theta: await read(e.theta),
    })),
  );
  return { kmeans, learnedMap };
}
