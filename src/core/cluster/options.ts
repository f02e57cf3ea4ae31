/**
 * K-means options, results and the checks shared by the driver (driver.ts) and the tests'
 * float64 reference (reference.test-util.ts), so both stop by exactly the same rule.
 *
 * Lloyd iteration t (1-based) = one assignment step (each point to its nearest centroid, ties to
 * the lower index) + one update step (each centroid to the mean of its points; a cluster that
 * lost all its points keeps its previous centroid). `iterations` counts these steps.
 * After step t it stops, `converged` = true, when (like scikit-learn)
 *   - no assignment changed compared with step t-1 (step 1 counts every point as changed), or
 *   - shift = sum over centroids of |new - old|^2 <= tolerance * mean over dimensions of the
 *     per-dimension variance of the points,
 * and otherwise, `converged` = false, after maxIterations steps (or when asked to stop).
 * The returned assignments and inertia are those of the returned centroids: when the last step
 * moved them, one more assignment step (not counted in `iterations`) brings them up to date.
 */
import type { Matrix } from '../types';

export interface KMeansOptions {
  /** Number of clusters K. */
  k: number;
  /** Seed of the k-means++ seeding (ignored with initialCentroids). Default 0. */
  seed?: number;
  /** Most Lloyd steps. Default 100. */
  maxIterations?: number;
  /** Relative tolerance on the centroid shift (see above). Default 1e-4. */
  tolerance?: number;
  /** Start from these K x D centroids instead of k-means++. */
  initialCentroids?: Matrix;
}

/** Progress of one Lloyd step. */
export interface KMeansIteration {
  /** 1-based step number. */
  iteration: number;
  /** Sum of squared distances of the points to their nearest centroid at the start of this step (before its update). */
  inertia: number;
  /** Sum over centroids of the squared distance each moved in this step's update. */
  shift: number;
  /** Points whose assignment differs from the previous step (all points in step 1). */
  changed: number;
}

export interface KMeansResult {
  k: number;
  dim: number;
  /** K x D centroids mu_1..mu_K. */
  centroids: Matrix;
  /** Nearest centroid of every point (with respect to `centroids`). */
  assignments: Int32Array;
  /** Sum of squared distances of the points to their nearest centroid in `centroids`. */
  inertia: number;
  /** Lloyd steps performed (= history.length). */
  iterations: number;
  converged: boolean;
  history: KMeansIteration[];
}

export interface ResolvedKMeansOptions {
  k: number;
  seed: number;
  maxIterations: number;
  tolerance: number;
  initialCentroids?: Matrix;
}

const DEFAULTS = { seed: 0, maxIterations: 100, tolerance: 1e-4 };

/**
 * Bad input, not a failing engine: the driver passes it on instead of trying the next engine (the
 * values are checked while an engine is built: centre.ts).
 */
export class KMeansInputError extends Error {}

/** Throws unless `m` is a well-formed matrix with at least one row and column (values not read). */
export function checkShape(m: Matrix, what: string): void {
  if (!Number.isInteger(m.rows) || !Number.isInteger(m.cols) || m.rows < 1 || m.cols < 1) {
    throw new Error(`${what} must have at least one row and one column, got ${m.rows} x ${m.cols}`);
  }
  if (m.data.length !== m.rows * m.cols) {
    throw new Error(`${what} hold ${m.data.length} values, expected ${m.rows} x ${m.cols} = ${m.rows * m.cols}`);
  }
}

/** Throws unless `m` is a well-formed matrix with at least one row and column and finite values. */
export function checkMatrix(m: Matrix, what: string): void {
  checkShape(m, what);
  for (let i = 0; i < m.data.length; i++) {
    if (!Number.isFinite(m.data[i])) {
      throw new KMeansInputError(`${what} contain a non-finite value at row ${Math.floor(i / m.cols)}, column ${i % m.cols}`);
    }
  }
}

/** Throws unless k is an integer in [1, n]. */
export function checkK(k: number, n: number): void {
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be an integer >= 1, got ${k}`);
  if (k > n) throw new Error(`k = ${k} exceeds the number of points (${n})`);
}

/**
 * Validates the points and options and merges the defaults (once). With `values` false the
 * points' values are not read here: the caller checks them in a pass it makes anyway
 * (centre.ts's mean pass, which fails exactly when checkMatrix would).
 */
export function resolveKMeansOptions(points: Matrix, options: KMeansOptions, values = true): ResolvedKMeansOptions {
  if (values) checkMatrix(points, 'points');
  else checkShape(points, 'points');
  const o = { ...DEFAULTS, ...options };
  checkK(o.k, points.rows);
  if (!Number.isInteger(o.maxIterations) || o.maxIterations < 1) {
    throw new Error(`maxIterations must be an integer >= 1, got ${o.maxIterations}`);
  }
  if (!Number.isFinite(o.tolerance) || o.tolerance < 0) throw new Error(`tolerance must be a number >= 0, got ${o.tolerance}`);
  if (!Number.isFinite(o.seed)) throw new Error(`seed must be a finite number, got ${o.seed}`);
  const init = o.initialCentroids;
  if (init !== undefined) {
    if (init.rows !== o.k || init.cols !== points.cols) {
      throw new Error(`initialCentroids must be k x dim = ${o.k} x ${points.cols}, got ${init.rows} x ${init.cols}`);
    }
    checkMatrix(init, 'initialCentroids');
  }
  return { k: o.k, seed: o.seed, maxIterations: o.maxIterations, tolerance: o.tolerance, initialCentroids: init };
}

/** The stopping rule above, after a step with these numbers. */
export function hasConverged(it: KMeansIteration, threshold: number): boolean {
  return it.changed === 0 || it.shift <= threshold;
}
