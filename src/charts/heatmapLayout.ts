/**
 * Layout maths of the error-profile heatmap (models x clusters of Psi, model-major psi[h * K + k]):
 * row order, cell sizes, hit testing, and which cells are low-evidence.
 */

/** Row order of the heatmap: as given, by cost c(h) ascending, or by accuracy (1 - mean Psi) descending. */
export type ModelSort = 'input' | 'cost' | 'accuracy';

/** Mean error of model h over clusters, weighted by validation counts when given; NaN cells skipped. */
export function meanError(psi: ArrayLike<number>, counts: ArrayLike<number> | undefined, h: number, clusterCount: number): number {
  let sum = 0;
  let weight = 0;
  for (let k = 0; k < clusterCount; k++) {
    const v = psi[h * clusterCount + k];
    if (!Number.isFinite(v)) continue;
    const w = counts ? counts[h * clusterCount + k] : 1;
    if (!(w > 0)) continue;
    sum += v * w;
    weight += w;
  }
  return weight > 0 ? sum / weight : NaN;
}

/** Indices by cost c(h) ascending, ties (and NaN costs, last) in input order. */
export function costOrder(costs: ArrayLike<number>): number[] {
  const key = (h: number) => (Number.isFinite(costs[h]) ? costs[h] : Infinity);
  return Array.from({ length: costs.length }, (_, h) => h).sort((a, b) => key(a) - key(b) || a - b);
}

/** Model indices in display order; ties (and NaN accuracies, which go last) keep the input order. */
export function modelOrder(
  costs: ArrayLike<number>,
  psi: ArrayLike<number>,
  counts: ArrayLike<number> | undefined,
  clusterCount: number,
  sortBy: ModelSort,
): number[] {
  const order = Array.from({ length: costs.length }, (_, h) => h);
  switch (sortBy) {
    case 'input':
      return order;
    case 'cost':
      return costOrder(costs);
    case 'accuracy': {
      const err = order.map((h) => meanError(psi, counts, h, clusterCount));
      const key = (h: number) => (Number.isFinite(err[h]) ? err[h] : Infinity);
      return order.sort((a, b) => key(a) - key(b) || a - b);
    }
    default: {
      const never: never = sortBy;
      throw new Error(`unknown sort ${String(never)}`);
    }
  }
}

/** Cell size that fits `count` cells into `available` pixels, clamped to [min, max] (then the grid scrolls). */
export function fitCellSize(available: number, count: number, min: number, max: number): number {
  if (count <= 0) return max;
  return Math.min(max, Math.max(min, Math.floor(available / count)));
}

/** The (display row, column) under a point in grid-local pixels, or null outside the grid. */
export function cellAt(
  x: number,
  y: number,
  cellWidth: number,
  cellHeight: number,
  rows: number,
  cols: number,
): { row: number; col: number } | null {
  if (!(x >= 0) || !(y >= 0)) return null;
  const col = Math.floor(x / cellWidth);
  const row = Math.floor(y / cellHeight);
  return row < rows && col < cols ? { row, col } : null;
}

/** Show every n-th column label so labels of `labelPx` pixels never overlap at this cell width. */
export function labelStep(cellWidth: number, labelPx = 20): number {
  if (cellWidth >= labelPx) return 1;
  // Round up to 1, 2, 5, 10, 20, 50... so the labelled clusters are easy numbers.
  const raw = labelPx / Math.max(1, cellWidth);
  for (let decade = 1; ; decade *= 10) {
    for (const m of [1, 2, 5]) if (m * decade >= raw) return m * decade;
  }
}

/** Whether the cell rests on fewer than `threshold` validation prompts (unknown counts are never low). */
export function isLowEvidence(counts: ArrayLike<number> | undefined, index: number, threshold: number): boolean {
  return counts !== undefined && counts[index] < threshold;
}

/** Row height for `rows` LLMs: roomy for a handful, denser for many (the grid scrolls past maxHeight). */
export function rowHeightFor(rows: number): number {
  if (rows <= 16) return 28;
  if (rows <= 32) return 22;
  return 18;
}

/** How a cell shows its value as text: '23%' when wide enough, '23' when narrower, nothing when tiny. */
export function cellValueLabel(error: number, cellWidth: number, rowHeight: number): string {
  if (!Number.isFinite(error) || rowHeight < 16 || cellWidth < 24) return '';
  const pct = Math.round(Math.min(1, Math.max(0, error)) * 100);
  return cellWidth >= 36 ? `${pct}%` : String(pct);
}
