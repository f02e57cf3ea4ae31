/** Layout maths of the cluster scatter: data bounds, data -> pixel projection, points grouped by cluster. */

export interface Bounds {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** Bounds of the finite points; a zero-width range is widened by 1 so the projection never divides by 0. */
export function dataBounds(x: ArrayLike<number>, y: ArrayLike<number>): Bounds {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const a = x[i];
    const b = y[i];
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    if (a < minX) minX = a;
    if (a > maxX) maxX = a;
    if (b < minY) minY = b;
    if (b > maxY) maxY = b;
  }
  if (minX === Infinity) return { minX: -1, maxX: 1, minY: -1, maxY: 1 };
  if (maxX - minX === 0) [minX, maxX] = [minX - 0.5, maxX + 0.5];
  if (maxY - minY === 0) [minY, maxY] = [minY - 0.5, maxY + 0.5];
  return { minX, maxX, minY, maxY };
}

/**
 * Data -> CSS pixels inside a width x height box with `padding` on every side; y grows upwards in
 * data and downwards on screen, so it is flipped. Non-finite points map to NaN (never drawn or hit).
 */
export function projectToPixels(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  bounds: Bounds,
  width: number,
  height: number,
  padding: number,
): { px: Float32Array; py: Float32Array } {
  const n = Math.min(x.length, y.length);
  const px = new Float32Array(n);
  const py = new Float32Array(n);
  const sx = Math.max(1, width - 2 * padding) / (bounds.maxX - bounds.minX);
  const sy = Math.max(1, height - 2 * padding) / (bounds.maxY - bounds.minY);
  for (let i = 0; i < n; i++) {
    px[i] = Number.isFinite(x[i]) && Number.isFinite(y[i]) ? padding + (x[i] - bounds.minX) * sx : NaN;
    py[i] = Number.isFinite(x[i]) && Number.isFinite(y[i]) ? height - padding - (y[i] - bounds.minY) * sy : NaN;
  }
  return { px, py };
}

/** Point indices grouped by cluster id (CSR): cluster k owns order[start[k] .. start[k + 1]); ids outside [0, k) are dropped. */
export function groupByCluster(cluster: Int32Array, clusterCount: number): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(clusterCount + 1);
  for (let i = 0; i < cluster.length; i++) {
    const k = cluster[i];
    if (k >= 0 && k < clusterCount) start[k + 1]++;
  }
  for (let k = 0; k < clusterCount; k++) start[k + 1] += start[k];
  const fill = start.slice(0, clusterCount);
  const order = new Int32Array(start[clusterCount]);
  for (let i = 0; i < cluster.length; i++) {
    const k = cluster[i];
    if (k >= 0 && k < clusterCount) order[fill[k]++] = i;
  }
  return { start, order };
}

/** Number of clusters implied by the ids (max id + 1; 0 when empty). */
export function clusterCountOf(cluster: Int32Array): number {
  let max = -1;
  for (let i = 0; i < cluster.length; i++) if (cluster[i] > max) max = cluster[i];
  return max + 1;
}

/** Smaller points for bigger clouds, so 40,000 points stay readable. */
export function defaultPointRadius(n: number): number {
  return n > 20000 ? 1.2 : n > 5000 ? 1.6 : n > 1000 ? 2.2 : 3;
}
