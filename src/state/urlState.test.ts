import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, formatUrlState, hasTrainingParams, linkFits, namesDataset, parseUrlState } from './urlState';

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

describe('the dataset a link names', () => {
  it('reads and writes data and datahash (a hash prefix of 4 to 16 hex digits)', () => {
    expect(parseUrlState('?data=RouteLab+synthetic+demo&datahash=C524A6E25EA9106E')).toEqual({
      data: 'RouteLab synthetic demo',
      datahash: 'c524a6e25ea9106e',
    });
    expect(parseUrlState('?data=&datahash=xyz1')).toEqual({});
    expect(parseUrlState('?datahash=abc')).toEqual({});
    const qs = formatUrlState({ ...DEFAULT_URL_STATE, lambda: 0.5, data: 'llm sample', datahash: '0123456789abcdef' });
    expect(qs).toBe('?lambda=0.5&data=llm+sample&datahash=0123456789abcdef');
    expect(namesDataset(parseUrlState(qs))).toBe(true);
    expect(namesDataset(parseUrlState('?lambda=0.5'))).toBe(false);
  });

  it('fits a dataset by content hash when the link has one (names can be shared), else by name; otherwise any', () => {
    expect(linkFits({ datahash: '0123' }, 'dataset', '0123456789abcdef')).toBe(true);
    expect(linkFits({ datahash: '0124', data: 'dataset' }, 'dataset', '0123456789abcdef')).toBe(false);
    expect(linkFits({ datahash: '0123' }, 'dataset', null)).toBe(false);
    expect(linkFits({ data: 'routerbench_subset' }, 'RouteLab synthetic demo', 'ff')).toBe(false);
    expect(linkFits({ data: 'routerbench_subset' }, 'routerbench_subset', 'ff')).toBe(true);
    expect(linkFits({ lambda: 1 }, 'anything', null)).toBe(true);
  });
});
