/** The share-of-prompts bars as a vector image (the on-screen bars are plain DOM, not SVG). */
import { composeSvg, escapeXml, textWidth, type SvgImage } from './svgText';

export interface BarRow {
  name: string;
  /** Cost label shown beside the name. */
  costText: string;
  /** Fraction in [0, 1]. */
  share: number;
  color: string;
}

const ROW = 22;
const BAR_WIDTH = 320;

/** Rows in the given order: name and cost at the left, the bar, the percentage at the right. */
export function barsSvg(rows: readonly BarRow[], title: string): SvgImage {
  const labelWidth = Math.max(120, ...rows.map((r) => textWidth(`${r.name}  ${r.costText}`) + 16));
  const width = labelWidth + BAR_WIDTH + 64;
  const height = rows.length * ROW + 8;
  const body = rows
    .map((r, i) => {
      const y = 4 + i * ROW;
      const s = Number.isFinite(r.share) ? Math.min(1, Math.max(0, r.share)) : 0;
      const pct = `${(s * 100).toFixed(1)}%`;
      return (
        `<text x="8" y="${y + 14}" font-size="11" fill="#1f2933">${escapeXml(r.name)}` +
        `<tspan fill="#5f6b7a"> ${escapeXml(r.costText)}</tspan></text>` +
        `<rect x="${labelWidth}" y="${y + 4}" width="${BAR_WIDTH}" height="12" fill="#f1f3f5"/>` +
        `<rect x="${labelWidth}" y="${y + 4}" width="${(BAR_WIDTH * s).toFixed(2)}" height="12" fill="${escapeXml(r.color)}"/>` +
        `<text x="${labelWidth + BAR_WIDTH + 6}" y="${y + 14}" font-size="11" fill="#1f2933">${pct}</text>`
      );
    })
    .join('');
  return composeSvg(body, width, height, title);
}
