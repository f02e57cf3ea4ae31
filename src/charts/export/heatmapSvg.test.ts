import { describe, expect, it } from 'vitest';
import { heatmapSvg } from './heatmapSvg';

describe('heatmapSvg', () => {
  it('names every LLM in full with its test tag, prints each cell and marks the best of each cluster', () => {
    const img = heatmapSvg({
      title: 'Error profiles',
      models: [
        { name: 'mistralai/mixtral-8x7b-chat-very-long-name', cost: 0.6, isTest: true },
        { name: 'small', cost: 0.1 },
      ],
      order: [1, 0],
      clusterCount: 2,
      psi: [0.1, 0.5, 0.3, 0.2],
      counts: [10, 2, 10, 10],
      lowEvidenceThreshold: 5,
      best: [[0], [1]],
      clusterLabel: (k) => String(k),
      clusterDetail: (k) => (k === 0 ? 'math' : 'code'),
    });
    expect(img.text).toContain('mistralai/mixtral-8x7b-chat-very-long-name<tspan font-weight="600" fill="#5f6b7a"> (test)</tspan>');
    for (const v of ['>10%<', '>50%<', '>30%<', '>20%<']) expect(img.text).toContain(v);
    // One hatched cell (2 validation prompts) and one best mark per cluster.
    expect(img.text.match(/url\(#rl-hatch\)/g)).toHaveLength(1);
    expect(img.text.match(/<circle /g)).toHaveLength(2);
    expect(img.text).toContain('>math<');
  });
});
