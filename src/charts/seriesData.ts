/** Rows for the live training charts (loss per epoch, inertia per iteration). */

/** One row per step: `step` (1-based) and a column per series id; missing / non-finite values are null (a gap). */
export type StepRow = Record<string, number | null>;

/** One row per step with a column per series: the rows recharts draws (pure, exported for reuse). */
export function seriesRows(series: readonly { id: string; values: ArrayLike<number> }[]): StepRow[] {
  const n = Math.max(0, ...series.map((s) => s.values.length));
  const rows: StepRow[] = [];
  for (let i = 0; i < n; i++) {
    const row: StepRow = { step: i + 1 };
    for (const s of series) {
      const v = i < s.values.length ? s.values[i] : NaN;
      row[s.id] = Number.isFinite(v) ? v : null;
    }
    rows.push(row);
  }
  return rows;
}
