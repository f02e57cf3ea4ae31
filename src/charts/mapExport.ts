/**
 * PNG of the prompt map as shown: the canvas (at its device resolution) on white, with a title and
 * the legend drawn beside it, so the saved picture explains itself. Canvas text only, so prompt
 * text never reaches HTML.
 */
import type { LegendEntry } from './MapLegend';

const LEGEND_WIDTH = 260;
const LINE = 18;
const MAX_ENTRIES = 40;

/** Composes the map canvas, a title and the legend into one PNG. */
export function mapPng(canvas: HTMLCanvasElement, title: string, entries: readonly LegendEntry[]): Promise<Blob> {
  const scale = canvas.width / Math.max(1, canvas.clientWidth || canvas.width);
  const shown = entries.slice(0, MAX_ENTRIES);
  const head = 40 * scale;
  const out = document.createElement('canvas');
  out.width = canvas.width + LEGEND_WIDTH * scale;
  out.height = Math.max(canvas.height + head, head + (shown.length + 2) * LINE * scale);
  const ctx = out.getContext('2d');
  if (!ctx) return Promise.reject(new Error('this browser cannot draw the map picture'));
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.fillStyle = '#1f2933';
  ctx.font = '600 15px system-ui, sans-serif';
  ctx.fillText(title, 12, 26);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(canvas, 0, head);
  ctx.setTransform(scale, 0, 0, scale, canvas.width, head);
  ctx.font = '12px system-ui, sans-serif';
  shown.forEach((e, i) => {
    const y = 10 + i * LINE;
    ctx.fillStyle = e.colour;
    ctx.fillRect(8, y, 10, 10);
    ctx.fillStyle = '#1f2933';
    const label = e.label.length > 30 ? `${e.label.slice(0, 29)}…` : e.label;
    ctx.fillText(`${label} (${e.count.toLocaleString('en-US')})`, 24, y + 9);
  });
  if (entries.length > shown.length) {
    ctx.fillStyle = '#5f6b7a';
    ctx.fillText(`… and ${entries.length - shown.length} more`, 24, 10 + shown.length * LINE + 9);
  }
  return new Promise((resolve, reject) =>
    out.toBlob((b) => (b ? resolve(b) : reject(new Error('the map picture could not be encoded'))), 'image/png'),
  );
}
