/**
 * Colour scales: a sequential white -> red scale for error rates (Psi in [0,1]) and a categorical
 * palette for cluster ids, generated in OKLCH (a perceptual HCL) so up to 200 clusters stay distinct.
 */

export type Rgb = readonly [number, number, number];

/** ColorBrewer "Reds" (9 classes): white for error 0, dark red for error 1. */
const REDS: readonly Rgb[] = [
  [255, 245, 240],
  [254, 224, 210],
  [252, 187, 161],
  [252, 146, 114],
  [251, 106, 74],
  [239, 59, 44],
  [203, 24, 29],
  [165, 15, 21],
  [103, 0, 13],
];

/** Colour of a missing error rate (no validation prompt behind the cell). */
export const MISSING_RGB: Rgb = [226, 229, 234];

/** Error rate in [0,1] -> RGB on the sequential scale (clamped; NaN -> MISSING_RGB). */
export function errorRgb(error: number): Rgb {
  if (!Number.isFinite(error)) return MISSING_RGB;
  const t = Math.min(1, Math.max(0, error)) * (REDS.length - 1);
  const i = Math.min(REDS.length - 2, Math.floor(t));
  const f = t - i;
  const a = REDS[i];
  const b = REDS[i + 1];
  return [Math.round(a[0] + (b[0] - a[0]) * f), Math.round(a[1] + (b[1] - a[1]) * f), Math.round(a[2] + (b[2] - a[2]) * f)];
}

export function rgbToCss(rgb: Rgb): string {
  return `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`;
}

export function rgbToHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** Black or white, whichever reads better on `rgb` (WCAG relative luminance). */
export function textColorOn(rgb: Rgb): '#000000' | '#ffffff' {
  const lin = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  return luminance > 0.4 ? '#000000' : '#ffffff';
}

/** CSS linear-gradient stops for the error legend, left (0) to right (1). */
export function errorGradientCss(): string {
  const stops = REDS.map((_, i) => {
    const t = i / (REDS.length - 1);
    return `${rgbToCss(errorRgb(t))} ${(t * 100).toFixed(0)}%`;
  });
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/** OKLCH (L in [0,1], C >= 0, h in degrees) -> sRGB in [0,255], or null when outside the sRGB gamut. */
export function oklchToRgb(l: number, c: number, hDeg: number): Rgb | null {
  const h = (hDeg * Math.PI) / 180;
  const a = c * Math.cos(h);
  const b = c * Math.sin(h);
  // OKLab -> LMS (cube roots) -> linear sRGB, matrices from Björn Ottosson's definition of OKLab.
  const l_ = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m_ = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s_ = (l - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const lin = [
    4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_,
    -1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_,
    -0.0041960863 * l_ - 0.7034186147 * m_ + 1.707614701 * s_,
  ];
  if (lin.some((v) => v < -1e-4 || v > 1 + 1e-4)) return null;
  const gamma = (v: number) => {
    const x = Math.min(1, Math.max(0, v));
    return x <= 0.0031308 ? 12.92 * x : 1.055 * x ** (1 / 2.4) - 0.055;
  };
  return [Math.round(gamma(lin[0]) * 255), Math.round(gamma(lin[1]) * 255), Math.round(gamma(lin[2]) * 255)];
}

/** Tableau 10: the first ten clusters get these well-known, well-separated colours. */
const TABLEAU10 = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

const GOLDEN_ANGLE = 137.50776405003785;
/** Lightness / chroma bands cycled so that hues that come round again differ in brightness too. */
const BANDS: readonly (readonly [number, number])[] = [
  [0.66, 0.15],
  [0.52, 0.13],
  [0.78, 0.12],
  [0.44, 0.11],
];

const cache: string[] = [...TABLEAU10];

function generated(k: number): string {
  const j = k - TABLEAU10.length;
  const hue = (30 + j * GOLDEN_ANGLE) % 360;
  const [l, c0] = BANDS[Math.floor(j / 7) % BANDS.length];
  // Reduce chroma until the colour fits in sRGB, so it is never clipped into a neighbour's colour.
  for (let c = c0; c >= 0; c -= 0.01) {
    const rgb = oklchToRgb(l, c, hue);
    if (rgb) return rgbToHex(rgb);
  }
  return rgbToHex(oklchToRgb(l, 0, hue) ?? [128, 128, 128]);
}

/** Colour of cluster k (deterministic, the same in every chart; any k >= 0). */
export function clusterColor(k: number): string {
  const i = Math.max(0, Math.floor(k));
  while (cache.length <= i) cache.push(generated(cache.length));
  return cache[i];
}

/** The first n cluster colours. */
export function clusterPalette(n: number): string[] {
  return Array.from({ length: Math.max(0, n) }, (_, k) => clusterColor(k));
}
