import { describe, expect, it } from 'vitest';
import type { Comparison } from '../core/eval';
import { sideName, verdictSentence } from './verdictText';

const base: Comparison = { a: 'uniroute-learnedmap', b: 'knn', deltaArea: 0.0281, ci: [0.0107, 0.0493], winShare: 1, verdict: 'better' };

describe('verdict sentences', () => {
  it('says who is better, by how much, how sure and how often', () => {
    expect(verdictSentence(base, 200)).toBe(
      'UniRoute (learned map) is better than K-NN: its Area is 0.028 higher (95% interval 0.011 to 0.049, all above 0); UniRoute (learned map) wins 100% of 200 resamples of the test prompts.',
    );
  });

  it('a tie names the interval that contains 0 and the best single LLM by name', () => {
    const tied: Comparison = {
      ...base,
      a: 'uniroute-kmeans',
      b: 'best-single',
      bModels: ['atlas-ultra'],
      deltaArea: 0.0024,
      ci: [-0.0199, 0.0244],
      winShare: 0.655,
      verdict: 'tied',
    };
    expect(verdictSentence(tied, 200)).toBe(
      'UniRoute (K-means) and the best single LLM (atlas-ultra) cannot be told apart on these test prompts: the Area difference is +0.002 and its 95% interval −0.020 to 0.024 contains 0; UniRoute (K-means) wins 66% of 200 resamples of the test prompts.',
    );
  });

  it('worse reads as lower Area', () => {
    const worse: Comparison = { ...base, b: 'zero-router', deltaArea: -0.031, ci: [-0.05, -0.012], winShare: 0.01, verdict: 'worse' };
    expect(verdictSentence(worse, 50)).toMatch(
      /^UniRoute \(learned map\) is worse than ZeroRouter: its Area is 0\.031 lower \(95% interval −0\.050 to −0\.012, all below 0\); .* wins 1% of 50 resamples/,
    );
    expect(sideName('best-single')).toBe('the best single LLM');
  });
});
