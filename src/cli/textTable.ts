/** Plain-text tables for the readable (non --json) output of the onboard and route --summary commands. */

/** Columns padded to their widest cell: the first left-aligned, the rest right-aligned, a rule under the header. */
export function textTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [
    fmt(header),
    widths
      .map((w) => '-'.repeat(w))
      .join('  ')
      .trimEnd(),
    ...rows.map(fmt),
  ];
}

export const fixed4 = (x: number): string => (Number.isFinite(x) ? x.toFixed(4) : 'n/a');
export const percent = (x: number | null, digits = 1): string =>
  x === null || !Number.isFinite(x) ? 'n/a' : `${(100 * x).toFixed(digits).replace(/^-(0\.?0*)$/, '$1')}%`;
/** QNC and other costs that may never be reached. */
export const percentOrNotReached = (x: number | null): string => (x === null ? 'not reached' : percent(x));
