import { describe, expect, it } from 'vitest';
import { MISSING_RGB, clusterColor, clusterPalette, errorGradientCss, errorRgb, oklchToRgb, rgbToHex, textColorOn } from './colorScale';

describe('errorRgb (sequential white -> red)', () => {
  it('hits the ColorBrewer Reds stops exactly', () => {
    expect(errorRgb(0)).toEqual([255, 245, 240]);
    expect(errorRgb(0.5)).toEqual([251, 106, 74]); // stop 4 of 0..8
    expect(errorRgb(1)).toEqual([103, 0, 13]);
  });
  it('interpolates between stops', () => {
    // 0.0625 * 8 = 0.5: halfway between [255,245,240] and [254,224,210] -> [254.5, 234.5, 225] rounded
    expect(errorRgb(0.0625)).toEqual([255, 235, 225]);
  });
  it('clamps out-of-range and greys out missing values', () => {
    expect(errorRgb(-1)).toEqual(errorRgb(0));
    expect(errorRgb(7)).toEqual(errorRgb(1));
    expect(errorRgb(NaN)).toEqual(MISSING_RGB);
  });
  it('gets darker (lower green channel) as error rises', () => {
    let prev = 256;
    for (let e = 0; e <= 1.0001; e += 0.05) {
      const g = errorRgb(e)[1];
      expect(g).toBeLessThanOrEqual(prev);
      prev = g;
    }
  });
  it('builds a CSS gradient from the same stops', () => {
    const css = errorGradientCss();
    expect(css.startsWith('linear-gradient(to right, rgb(255, 245, 240) 0%')).toBe(true);
    expect(css.endsWith('rgb(103, 0, 13) 100%)')).toBe(true);
  });
});

describe('textColorOn', () => {
  it('picks black on light cells and white on dark ones', () => {
    expect(textColorOn(errorRgb(0))).toBe('#000000');
    expect(textColorOn(errorRgb(1))).toBe('#ffffff');
  });
});

describe('oklchToRgb', () => {
  it('maps achromatic lightness to grey and rejects out-of-gamut colours', () => {
    expect(oklchToRgb(1, 0, 0)).toEqual([255, 255, 255]);
    expect(oklchToRgb(0, 0, 0)).toEqual([0, 0, 0]);
    expect(oklchToRgb(0.5, 0.4, 150)).toBeNull(); // far outside sRGB
  });
  it('reproduces a known colour: OKLCH(0.628, 0.2577, 29.23) is sRGB red', () => {
    const rgb = oklchToRgb(0.62796, 0.25768, 29.2339)!;
    expect(rgb[0]).toBeGreaterThanOrEqual(254);
    expect(rgb[1]).toBeLessThanOrEqual(1);
    expect(rgb[2]).toBeLessThanOrEqual(1);
  });
});

describe('cluster palette', () => {
  it('starts with Tableau 10 and is deterministic', () => {
    expect(clusterPalette(3)).toEqual(['#4e79a7', '#f28e2b', '#e15759']);
    expect(clusterColor(57)).toBe(clusterPalette(60)[57]);
    expect(clusterPalette(0)).toEqual([]);
  });
  it('gives 200 valid, distinct colours', () => {
    const p = clusterPalette(200);
    expect(p).toHaveLength(200);
    for (const c of p) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(p).size).toBe(200);
  });
  it('keeps neighbouring cluster ids visibly apart (RGB distance > 60)', () => {
    const p = clusterPalette(200);
    const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    for (let k = 1; k < p.length; k++) {
      const [a, b] = [rgb(p[k - 1]), rgb(p[k])];
      expect(Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])).toBeGreaterThan(60);
    }
  });
  it('hex-encodes with padding', () => {
    expect(rgbToHex([0, 15, 255])).toBe('#000fff');
  });
});
