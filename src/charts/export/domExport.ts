/**
 * Saving a chart as an image in the browser: a drawn SVG (recharts) serialised with its computed
 * styles inlined, any SVG text rasterised to PNG on a canvas, and the download itself (a Blob URL,
 * no network request).
 */
import { composeSvg, type LegendEntry, type SvgImage } from './svgText';

/** Presentation properties copied from the computed style, so the file looks as the page does without its CSS. */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
] as const;

/**
 * The chart `svg` as a standalone image with a title and legend. Elements marked
 * `data-export="skip"` (hover layers, hit areas) are left out.
 */
export function serializeSvg(svg: SVGSVGElement, title: string, legend: readonly LegendEntry[] = []): SvgImage {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const target = [clone, ...Array.from(clone.querySelectorAll('*'))];
  source.forEach((el, i) => {
    const out = target[i] as SVGElement;
    const style = getComputedStyle(el);
    const inline = STYLE_PROPS.map((p) => `${p}:${style.getPropertyValue(p)}`)
      .filter((d) => !d.endsWith(':'))
      .join(';');
    out.setAttribute('style', inline);
    out.removeAttribute('class');
    out.removeAttribute('tabindex');
  });
  for (const el of Array.from(clone.querySelectorAll('[data-export="skip"]'))) el.remove();
  const box = svg.getBoundingClientRect();
  const width = Math.round(Number(svg.getAttribute('width')) || box.width);
  const height = Math.round(Number(svg.getAttribute('height')) || box.height);
  clone.removeAttribute('width');
  clone.removeAttribute('height');
  clone.removeAttribute('style');
  const body = new XMLSerializer().serializeToString(clone).replace(/^<svg/, `<svg width="${width}" height="${height}"`);
  return composeSvg(body, width, height, title, legend);
}

/** Rasterises SVG text to a PNG at `scale` x its size (2: sharp on high-density screens). */
export async function svgToPng(image: SvgImage, scale = 2): Promise<Blob> {
  const img = new Image();
  img.width = image.width;
  img.height = image.height;
  const loaded = new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('the chart image could not be drawn'));
  });
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(image.text)}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(image.width * scale);
  canvas.height = Math.round(image.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2-D canvas to draw the PNG on');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, image.width, image.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))), 'image/png'),
  );
}

/** Saves a Blob as a file through a Blob URL. */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name from a chart title: lower case, words joined by dashes. */
export function fileSlug(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'chart'
  );
}
