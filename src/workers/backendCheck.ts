/**
 * "Check backends" (correct on every backend): the tfjs Lloyd of k-means run on each tfjs
 * backend (webgl, wasm, cpu) on one small seeded problem and compared with the plain-TS engine
 * (float64 sums, no tfjs; tested against the float64 reference); afterwards tfjs goes back to the backend the app chose. Runs in the worker.
 */
import { kmeans } from '../core/cluster';
import { createRng } from '../core/rng';
import { currentBackend, initTf, type BackendName } from '../core/tf';
import type { Matrix } from '../core/types';
import type { BackendCheckResult, BackendCheckRow } from './protocol';

/** The seeded problem: `points` points around `k` well-separated centres in `dim` dimensions. */
export const CHECK_PROBLEM = { points: 600, dim: 12, k: 6, seed: 11 } as const;
/** Largest |centroid - reference| accepted: float32 means of ~100 points of magnitude <= ~5. */
export const CENTROID_TOLERANCE = 1e-3;
export const CHECK_BACKENDS: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];
const MAX_ITERATIONS = 100;

const now = (): number => globalThis.performance?.now() ?? Date.now();

/**
 * Gaussian blobs (unit spread) around centres drawn uniformly in [-2.5, 2.5]^dim, from one seeded
 * Rng: they overlap, so Lloyd takes a dozen steps (12 for the default seed) and every step must agree.
 */
export function checkPoints(problem: { points: number; dim: number; k: number; seed: number } = CHECK_PROBLEM): Matrix {
  const { points: n, dim: d, k, seed } = problem;
  const rng = createRng(seed);
  const centres = Float64Array.from({ length: k * d }, () => 5 * rng.next() - 2.5);
  const data = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    const c = i % k;
    for (let j = 0; j < d; j++) data[i * d + j] = centres[c * d + j] + rng.normal();
  }
  return { rows: n, cols: d, data };
}

/** Mismatched assignments and the largest centroid difference between a run and the reference. */
export function compareRuns(
  got: { assignments: Int32Array; centroids: Matrix },
  want: { assignments: Int32Array; centroids: Matrix },
): { mismatches: number; maxCentroidDelta: number } {
  let mismatches = 0;
  for (let i = 0; i < want.assignments.length; i++) if (got.assignments[i] !== want.assignments[i]) mismatches++;
  let maxCentroidDelta = got.centroids.data.length === want.centroids.data.length ? 0 : Infinity;
  for (let i = 0; i < want.centroids.data.length && Number.isFinite(maxCentroidDelta); i++) {
    const delta = Math.abs(got.centroids.data[i] - want.centroids.data[i]);
    // NaN (a broken backend) must fail the check, so compare with !(<=).
    if (!(delta <= maxCentroidDelta)) maxCentroidDelta = Number.isNaN(delta) ? Infinity : delta;
  }
  return { mismatches, maxCentroidDelta };
}

/**
 * Runs the check on `backends` and switches tfjs back to the backend in use before it (also when a
 * run throws). A backend that does not start is reported as unavailable, not as a failure of the rest.
 */
export async function checkBackends(
  options: { backends?: readonly BackendName[]; wasmPaths?: Record<string, string> } = {},
): Promise<BackendCheckResult> {
  const { backends = CHECK_BACKENDS, wasmPaths } = options;
  const t0 = now();
  const chosen = currentBackend();
  const points = checkPoints();
  const settings = { k: CHECK_PROBLEM.k, seed: CHECK_PROBLEM.seed, maxIterations: MAX_ITERATIONS };
  const reference = await kmeans(points, { ...settings, engine: 'ts' });
  const rows: BackendCheckRow[] = [];
  try {
    for (const backend of backends) {
      const row: BackendCheckRow = { backend, available: false, ok: false, mismatches: NaN, maxCentroidDelta: NaN, iterations: 0, ms: NaN };
      try {
        await initTf({ prefer: [backend], wasmPaths });
      } catch (e) {
        rows.push({ ...row, error: e instanceof Error ? e.message : String(e) });
        continue;
      }
      row.available = true;
      try {
        const started = now();
        const run = await kmeans(points, { ...settings, engine: 'tfjs' });
        row.ms = now() - started;
        if (run.engine !== 'tfjs') throw new Error(`k-means ran on the ${run.engine} engine, not tfjs`);
        Object.assign(row, compareRuns(run, reference), { iterations: run.iterations });
        row.ok = row.mismatches === 0 && row.maxCentroidDelta <= CENTROID_TOLERANCE;
      } catch (e) {
        row.error = e instanceof Error ? e.message : String(e);
      }
      rows.push(row);
    }
  } finally {
    await initTf({ prefer: [chosen], wasmPaths });
  }
  return {
    problem: { ...CHECK_PROBLEM },
    referenceIterations: reference.iterations,
    tolerance: CENTROID_TOLERANCE,
    rows,
    restored: currentBackend(),
    ms: now() - t0,
  };
}
