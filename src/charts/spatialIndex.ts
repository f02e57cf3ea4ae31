/**
 * Uniform-grid spatial index over 2-D points (pixel space) for nearest-point hover on the cluster
 * scatter: O(N) to build with a counting sort, and a query only visits the cells within the radius.
 */

export interface GridIndex {
  cellSize: number;
  originX: number;
  originY: number;
  cols: number;
  rows: number;
  /** CSR layout: the points of cell c are items[cellStart[c] .. cellStart[c + 1]). */
  cellStart: Int32Array;
  items: Int32Array;
  px: Float32Array;
  py: Float32Array;
}

/** Index points (px[i], py[i]); non-finite points and those failing `include` are left out. */
export function buildGridIndex(px: Float32Array, py: Float32Array, cellSize: number, include?: (i: number) => boolean): GridIndex {
  const n = Math.min(px.length, py.length);
  const size = cellSize > 0 ? cellSize : 1;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const keep = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = px[i];
    const y = py[i];
    if (!Number.isFinite(x) || !Number.isFinite(y) || (include && !include(i))) continue;
    keep[i] = 1;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (minX === Infinity) {
    return { cellSize: size, originX: 0, originY: 0, cols: 0, rows: 0, cellStart: new Int32Array(1), items: new Int32Array(0), px, py };
  }
  const cols = Math.floor((maxX - minX) / size) + 1;
  const rows = Math.floor((maxY - minY) / size) + 1;
  const cellOf = new Int32Array(n).fill(-1);
  const cellStart = new Int32Array(cols * rows + 1);
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    const c = Math.floor((py[i] - minY) / size) * cols + Math.floor((px[i] - minX) / size);
    cellOf[i] = c;
    cellStart[c + 1]++;
  }
  for (let c = 0; c < cols * rows; c++) cellStart[c + 1] += cellStart[c];
  const fill = cellStart.slice(0, cols * rows);
  const items = new Int32Array(cellStart[cols * rows]);
  for (let i = 0; i < n; i++) if (cellOf[i] >= 0) items[fill[cellOf[i]]++] = i;
  return { cellSize: size, originX: minX, originY: minY, cols, rows, cellStart, items, px, py };
}

/** Index of the indexed point nearest (x, y) within maxDistance (ties: lower index), or -1. */
export function nearestPoint(index: GridIndex, x: number, y: number, maxDistance: number): number {
  if (index.cols === 0 || !Number.isFinite(x) || !Number.isFinite(y)) return -1;
  const { cellSize, originX, originY, cols, rows, cellStart, items, px, py } = index;
  const c0 = Math.max(0, Math.floor((x - maxDistance - originX) / cellSize));
  const c1 = Math.min(cols - 1, Math.floor((x + maxDistance - originX) / cellSize));
  const r0 = Math.max(0, Math.floor((y - maxDistance - originY) / cellSize));
  const r1 = Math.min(rows - 1, Math.floor((y + maxDistance - originY) / cellSize));
  let best = -1;
  let bestD2 = maxDistance * maxDistance;
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      const cell = r * cols + c;
      for (let j = cellStart[cell]; j < cellStart[cell + 1]; j++) {
        const i = items[j];
        const dx = px[i] - x;
        const dy = py[i] - y;
        const d2 = dx * dx + dy * dy;
        if (d2 < bestD2 || (d2 === bestD2 && (best === -1 || i < best))) {
          bestD2 = d2;
          best = i;
        }
      }
    }
  }
  return best;
}
