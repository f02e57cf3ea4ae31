import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, formatUrlState, hasTrainingParams, parseUrlState } from './urlState';

describe('URL state', () => {
  it('writes only non-default fields and reads them back exactly', () => {
    expect(formatUrlState(DEFAULT_URL_STATE)).toBe('');
    const state = {
      ...DEFAULT_URL_STATE,
      k: 'auto' as const,
      seed: 7,
      test: ['gpt a', 'b,c'.replace(',', '')],
      split: { train: 0.5, val: 0.2, test: 0.3 },
      lambda: 0.0123456789,
      cluster: 3,
      view: 'curves' as const,
    };
    const qs = formatUrlState(state);
    expect(qs).toBe('?k=auto&seed=7&test=gpt+a%2Cbc&split=50-20-30&lambda=0.0123456789&cluster=3&view=curves');
    expect({ ...DEFAULT_URL_STATE, ...parseUrlState(qs) }).toEqual(state);
  });

  it('ignores invalid values instead of throwing', () => {
    expect(parseUrlState('?k=0&seed=1.5&method=svm&split=50-50-10&lambda=-1&cluster=x&view=nope&route=magic&test=')).toEqual({});
    expect(parseUrlState('?k=25&lambda=1e-3&method=kmeans')).toEqual({ k: 25, lambda: 0.001, method: 'kmeans' });
  });

  it('says whether a link asks for a particular training run', () => {
    expect(hasTrainingParams(parseUrlState('?lambda=0.1&view=routing'))).toBe(false);
    expect(hasTrainingParams(parseUrlState('?seed=3'))).toBe(true);
  });
});
