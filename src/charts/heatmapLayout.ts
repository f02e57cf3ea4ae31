/**
 * Layout maths of the error-profile heatmap (models x clusters of Psi, model-major psi[h * K + k]):
 * row order, cell sizes, hit testing, and which cells are low-evidence.
 */

/**
 * Row order of the heatmap: as given, by cost c(h) ascending, by accuracy (1 - mean Psi) descending,
 * or by the error on one cluster column ascending (`cluster:3`).
 */
export type ModelSort = 'input' | 'cost' | 'accuracy' | `cluster:${number}`;

/** The cluster column a sort orders by, or null for the other sorts. */
export function sortCluster(sortBy: ModelSort): number | null {
  const m = /^cluster:(\d+)$/.exec(sortBy);
  return m ? Number(m[1]) : null;
}

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
  const column = sortCluster(sortBy);
  if (column !== null) {
    // Lowest error on that cluster first; cells without data (NaN) last, ties in input order.
    const key = (h: number) =>
      column < clusterCount && Number.isFinite(psi[h * clusterCount + column]) ? psi[h * clusterCount + column] : Infinity;
    return order.sort((a, b) => key(a) - key(b) || a - b);
  }
  switch (sortBy as 'input' | 'cost' | 'accuracy') {
    case 'input':
      return order;
    case 'cost':
      return costOrder(costs);
    case 'accuracy': {
      const err = order.map((h) => meanError(psi, counts, h, clusterCount));
      const key = (h: number) => (Number.isFinite(err[h]) ? err[h] : Infinity);
      return order.sort((a, b) => key(a) - key(b) || a - b);
    }
    default:
      throw new Error(`unknown sort ${String(sortBy)}`);
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

/**
 * The best LLM of each cluster: for every column k, the rows with the lowest error Psi_k (all of them
 * on a tie), among the rows in `rows` (e.g. every LLM shown). best[k] is empty when the column has no data.
 */
export function bestPerCluster(psi: ArrayLike<number>, clusterCount: number, rows: readonly number[]): number[][] {
  const best: number[][] = [];
  for (let k = 0; k < clusterCount; k++) {
    let low = Infinity;
    let at: number[] = [];
    for (const h of rows) {
      const v = psi[h * clusterCount + k];
      if (!Number.isFinite(v)) continue;
      if (v < low) {
        low = v;
        at = [h];
      } else if (v === low) at.push(h);
    }
    best.push(at);
  }
  return best;
}

/**
 * Width of the heatmap's LLM label column: room for the longest name with its tags and cost (about
 * 6.2 px a character), within [minWidth, maxShare of the panel]; a longer name wraps to two lines.
 */
export function labelWidthFor(labels: readonly string[], panelWidth: number, minWidth = 180, maxShare = 0.4): number {
  const longest = labels.reduce((m, l) => Math.max(m, l.length), 0);
  const wanted = Math.ceil(longest * 6.2) + 28;
  const cap = Math.max(minWidth, Math.floor(panelWidth * maxShare));
  return Math.min(cap, Math.max(minWidth, wanted));
}
