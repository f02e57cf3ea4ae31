/** Pure geometry of the trust charts: a band's SVG outline and nice axis ticks (tested without a DOM). */

/** The band's outline: along the upper ends left to right, back along the lower ends; '' when empty. */
export function bandPath(
  band: { cost: readonly number[]; lo: readonly number[]; hi: readonly number[] },
  x: (v: number) => number | undefined,
  y: (v: number) => number | undefined,
  clampY: (v: number) => number,
): string {
  const upper: string[] = [];
  const lower: string[] = [];
  for (let i = 0; i < band.cost.length; i++) {
    const [c, lo, hi] = [band.cost[i], band.lo[i], band.hi[i]];
    if (!Number.isFinite(c) || !Number.isFinite(lo) || !Number.isFinite(hi)) continue;
    const px = x(c);
    const top = y(hi);
    const bottom = y(lo);
    if (px === undefined || top === undefined || bottom === undefined) continue;
    upper.push(`${px.toFixed(1)},${clampY(top).toFixed(1)}`);
    lower.push(`${px.toFixed(1)},${clampY(bottom).toFixed(1)}`);
  }
  if (upper.length < 2) return '';
  return `M${upper.join('L')}L${lower.reverse().join('L')}Z`;
}

/** Nice ticks of [lo, hi]: about five steps of 1, 2 or 5 times a power of ten. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * p).find((s) => s >= raw) ?? 10 * p;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.push(Number(t.toPrecision(12)));
  return out;
}
