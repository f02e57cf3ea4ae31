import { describe, expect, it } from 'vitest';
import { barsSvg } from './barsSvg';
import { composeSvg, escapeXml, legendLayout } from './svgText';

describe('chart images as SVG text', () => {
  it('escapes names (user data) as text', () => {
    expect(escapeXml(`<b>"a" & 'b'</b>`)).toBe('&lt;b&gt;&quot;a&quot; &amp; &apos;b&apos;&lt;/b&gt;');
  });

  it('draws one bar per LLM, its width the share of the bar track', () => {
    const img = barsSvg(
      [
        { name: 'cheap<x>', costText: '0.1', share: 0.25, color: '#2563eb' },
        { name: 'dear', costText: '10', share: 0.75, color: '#2563eb' },
      ],
      'Shares',
    );
    expect(img.text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(img.text).toContain('cheap&lt;x&gt;');
    expect(img.text).not.toContain('cheap<x>');
    // Track 320 px: 25% and 75%.
    expect(img.text).toContain('width="80.00"');
    expect(img.text).toContain('width="240.00"');
    expect(img.text).toContain('>25.0%<');
    // Title row (24 px) above 2 rows of 22 px + 8.
    expect(img.height).toBe(24 + 2 * 22 + 8);
  });

  it('wraps legend entries into rows that fit the width and adds their height', () => {
    const entries = Array.from({ length: 6 }, (_, i) => ({ label: `curve number ${i}`, color: '#000', dash: '' }));
    const wide = legendLayout(entries, 2000);
    const narrow = legendLayout(entries, 300);
    expect(new Set(wide.at.map(([, y]) => y)).size).toBe(1);
    expect(narrow.height).toBeGreaterThan(wide.height);
    expect(composeSvg('', 300, 100, 't', entries).height).toBe(24 + 100 + narrow.height);
  });
});
