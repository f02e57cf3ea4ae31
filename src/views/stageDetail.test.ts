import { describe, expect, it } from 'vitest';
import { stageDetail } from './stageDetail';
import type { PipelineStage } from '../state/pipeline';

const stage = (patch: Partial<PipelineStage>): PipelineStage => ({
  id: 'embed',
  status: 'waiting',
  fraction: null,
  message: '',
  startedAt: null,
  endedAt: null,
  ...patch,
});

describe("a stage's progress text", () => {
  it('running with a fraction: its message and the time left from the elapsed time', () => {
    // 25% done after 2 s: 6 s left.
    expect(stageDetail(stage({ status: 'running', fraction: 0.25, message: 'embedding prompts', startedAt: 1000 }), 3000)).toBe(
      'embedding prompts · about 6 s left',
    );
    expect(stageDetail(stage({ status: 'running', fraction: 0.01, startedAt: 0 }), 500)).toBe('estimating time left…');
  });

  it('running without a fraction: how long it has run', () => {
    expect(stageDetail(stage({ status: 'running', message: 'PCA', startedAt: 0 }), 2500)).toBe('PCA · running for 2.5 s');
  });

  it('ended stages say how long they took, or why they did not run', () => {
    expect(stageDetail(stage({ status: 'done', startedAt: 0, endedAt: 12_400 }), 20_000)).toBe('done in 12 s');
    expect(stageDetail(stage({ status: 'stopped', startedAt: 0, endedAt: 800 }), 900)).toBe('stopped after 0.8 s');
    expect(stageDetail(stage({ status: 'skipped' }), 0)).toBe('not needed (already computed)');
    expect(stageDetail(stage({}), 0)).toBe('waiting');
  });
});
