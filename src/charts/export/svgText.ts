/**
 * Pieces of SVG text for the exported chart images: escaping (LLM and cluster names are user data,
 * so they go in as text, never as markup), a title row and a legend row around a chart.
 */

/** Escapes text for SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** A chart image: SVG text and its size in px. */
export interface SvgImage {
  text: string;
  width: number;
  height: number;
}

export interface LegendEntry {
  label: string;
  color: string;
  /** SVG stroke-dasharray of a line entry ('' = solid); absent = a dot. */
  dash?: string;
}

export const FONT = "ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
const TITLE_HEIGHT = 24;
const LEGEND_ROW = 18;

/** Rough width of a label in 11 px text (no DOM needed). */
export function textWidth(text: string, px = 11): number {
  return Math.ceil(text.length * px * 0.56) + 2;
}

/** Legend entries laid out in rows that fit `width`: [x, y] per entry relative to the legend's top-left. */
export function legendLayout(entries: readonly LegendEntry[], width: number): { at: [number, number][]; height: number } {
  const at: [number, number][] = [];
  let x = 8;
  let y = 0;
  for (const e of entries) {
    const w = 28 + textWidth(e.label) + 14;
    if (x + w > width && x > 8) {
      x = 8;
      y += LEGEND_ROW;
    }
    at.push([x, y]);
    x += w;
  }
  return { at, height: entries.length ? y + LEGEND_ROW + 6 : 0 };
}

/**
 * Wraps an SVG body of `width` x `height` (drawn from the origin) with a white background, a title
 * row above and a legend below, as one standalone SVG document.
 */
export function composeSvg(body: string, width: number, height: number, title: string, legend: readonly LegendEntry[] = []): SvgImage {
  const { at, height: legendHeight } = legendLayout(legend, width);
  const total = TITLE_HEIGHT + height + legendHeight;
  const items = legend
    .map((e, i) => {
      const [x, y] = at[i];
      const mark =
        e.dash === undefined
          ? `<circle cx="${x + 10}" cy="${y + 8}" r="4.5" fill="${escapeXml(e.color)}"/>`
          : `<line x1="${x}" y1="${y + 8}" x2="${x + 22}" y2="${y + 8}" stroke="${escapeXml(e.color)}" stroke-width="2.5"${e.dash ? ` stroke-dasharray="${escapeXml(e.dash)}"` : ''}/>`;
      return `${mark}<text x="${x + 28}" y="${y + 12}" font-size="11" fill="#1f2933">${escapeXml(e.label)}</text>`;
    })
    .join('');
  const text =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="${escapeXml(FONT)}">` +
    `<title>${escapeXml(title)}</title>` +
    `<rect x="0" y="0" width="${width}" height="${total}" fill="#ffffff"/>` +
    `<text x="8" y="16" font-size="13" font-weight="600" fill="#1f2933">${escapeXml(title)}</text>` +
    `<g transform="translate(0 ${TITLE_HEIGHT})">${body}</g>` +
    (legend.length ? `<g transform="translate(0 ${TITLE_HEIGHT + height})">${items}</g>` : '') +
    `</svg>`;
  return { text, width, height: total };
}
