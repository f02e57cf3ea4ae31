/**
 * The error-profile heatmap as a vector image: LLM names in full (the unseen test pool tagged
 * "(test)"), costs, a cell per LLM and cluster coloured by its error rate with the value printed,
 * low-evidence cells hatched, and a dot on the best LLM of each cluster.
 */
import { clusterColor, errorRgb, rgbToCss, textColorOn } from '../colorScale';
import { formatCost } from '../format';
import { composeSvg, escapeXml, textWidth, type SvgImage } from './svgText';

export interface HeatmapSvgInput {
  title: string;
  models: readonly { name: string; cost: number; isTest?: boolean; isNew?: boolean }[];
  /** Display order of the rows (model indices). */
  order: readonly number[];
  clusterCount: number;
  psi: ArrayLike<number>;
  counts?: ArrayLike<number>;
  lowEvidenceThreshold: number;
  /** best[k] = the rows marked best in column k. */
  best: readonly (readonly number[])[];
  clusterLabel: (k: number) => string;
  clusterDetail?: (k: number) => string;
}

const CELL_W = 44;
const CELL_H = 22;
const HEADER = 34;

export function heatmapSvg(input: HeatmapSvgInput): SvgImage {
  const { models, order, clusterCount: K, psi, counts, lowEvidenceThreshold, best } = input;
  const nameOf = (h: number) => `${models[h].name}${models[h].isTest ? ' (test)' : ''}${models[h].isNew ? ' (new)' : ''}`;
  const labelWidth = Math.max(140, ...order.map((h) => textWidth(nameOf(h)) + textWidth(formatCost(models[h].cost)) + 24));
  const width = labelWidth + K * CELL_W + 8;
  const height = HEADER + order.length * CELL_H + 22;
  const parts: string[] = [
    '<defs><pattern id="rl-hatch" width="6" height="6" patternUnits="userSpaceOnUse"><path d="M0 6 L6 0" stroke="rgba(17,24,39,0.55)" stroke-width="1"/></pattern></defs>',
  ];
  for (let k = 0; k < K; k++) {
    const x = labelWidth + k * CELL_W;
    parts.push(
      `<text x="${x + CELL_W / 2}" y="13" font-size="11" font-weight="600" text-anchor="middle" fill="#1f2933">${escapeXml(input.clusterLabel(k))}</text>`,
      `<rect x="${x + 2}" y="${HEADER - 4}" width="${CELL_W - 4}" height="3" fill="${clusterColor(k)}"/>`,
    );
    const detail = input.clusterDetail?.(k);
    if (detail)
      parts.push(
        `<text x="${x + CELL_W / 2}" y="26" font-size="8" text-anchor="middle" fill="#5f6b7a">${escapeXml(detail.length > 10 ? `${detail.slice(0, 9)}…` : detail)}<title>${escapeXml(detail)}</title></text>`,
      );
  }
  order.forEach((h, r) => {
    const y = HEADER + r * CELL_H;
    parts.push(
      `<text x="6" y="${y + 15}" font-size="11" fill="#1f2933">${escapeXml(models[h].name)}` +
        (models[h].isTest ? '<tspan font-weight="600" fill="#5f6b7a"> (test)</tspan>' : '') +
        (models[h].isNew ? '<tspan font-weight="600" fill="#a21caf"> (new)</tspan>' : '') +
        `</text>`,
      `<text x="${labelWidth - 8}" y="${y + 15}" font-size="11" text-anchor="end" fill="#5f6b7a">${escapeXml(formatCost(models[h].cost))}</text>`,
    );
    for (let k = 0; k < K; k++) {
      const i = h * K + k;
      const x = labelWidth + k * CELL_W;
      const rgb = errorRgb(psi[i]);
      parts.push(`<rect x="${x}" y="${y}" width="${CELL_W - 1}" height="${CELL_H - 1}" fill="${rgbToCss(rgb)}"/>`);
      if (!Number.isFinite(psi[i]) || (counts !== undefined && counts[i] < lowEvidenceThreshold))
        parts.push(`<rect x="${x}" y="${y}" width="${CELL_W - 1}" height="${CELL_H - 1}" fill="url(#rl-hatch)"/>`);
      if (Number.isFinite(psi[i]))
        parts.push(
          `<text x="${x + CELL_W / 2}" y="${y + 15}" font-size="10" text-anchor="middle" fill="${textColorOn(rgb)}">${Math.round(Math.min(1, Math.max(0, psi[i])) * 100)}%</text>`,
        );
      if (best[k]?.includes(h))
        parts.push(`<circle cx="${x + CELL_W - 6}" cy="${y + 5}" r="3" fill="#111827" stroke="#ffffff" stroke-width="1"/>`);
    }
  });
  const foot = HEADER + order.length * CELL_H + 15;
  parts.push(
    `<text x="6" y="${foot}" font-size="10" fill="#5f6b7a">Cells: error rate Ψ on the cluster's validation prompts; hatched: fewer than ${lowEvidenceThreshold} prompts; ● best LLM of the cluster</text>`,
  );
  return composeSvg(parts.join(''), width, height, input.title);
}
