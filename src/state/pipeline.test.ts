import { describe, expect, it } from 'vitest';
import { advancePipeline, beginPipeline, emptyPipeline, endPipeline, finishStage, pipelineStageOf, runningStage } from './pipeline';

const statuses = (p: ReturnType<typeof emptyPipeline>) => Object.fromEntries(p.stages.map((s) => [s.id, s.status]));

describe('the job pipeline', () => {
  it('keeps the stages in order and starts them waiting', () => {
    const p = beginPipeline(emptyPipeline(), 'Preparing x', ['projection', 'parse', 'embed']);
    expect(p.stages.map((s) => s.id)).toEqual(['parse', 'embed', 'projection']);
    expect(p).toMatchObject({ title: 'Preparing x', active: true, outcome: null });
    expect(runningStage(p)).toBeNull();
  });

  it('a stage that starts closes the earlier ones: done if they ran, skipped if they never did', () => {
    let p = beginPipeline(emptyPipeline(), 't', ['parse', 'embed', 'projection', 'kmeans']);
    p = advancePipeline(p, 'parse', 0.5, 'reading', 100);
    expect(p.stages[0]).toMatchObject({ status: 'running', fraction: 0.5, startedAt: 100 });
    p = advancePipeline(p, 'parse', 0.9, 'reading', 150);
    expect(p.stages[0].startedAt).toBe(100); // a later event of the same stage keeps its start
    p = advancePipeline(p, 'projection', null, 'PCA', 300);
    expect(statuses(p)).toEqual({ parse: 'done', embed: 'skipped', projection: 'running', kmeans: 'waiting' });
    expect(p.stages[0]).toMatchObject({ fraction: 1, endedAt: 300 });
    expect(runningStage(p)?.id).toBe('projection');
  });

  it('clamps fractions to [0, 1] and keeps an unknown one null', () => {
    let p = beginPipeline(emptyPipeline(), 't', ['embed']);
    p = advancePipeline(p, 'embed', 1.7, '', 0);
    expect(p.stages[0].fraction).toBe(1);
    p = advancePipeline(p, 'embed', Number.NaN, '', 1);
    expect(p.stages[0].fraction).toBeNull();
  });

  it('an active pipeline is extended by the next job (a load then its training), an ended one is replaced', () => {
    let p = beginPipeline(emptyPipeline(), 'Preparing a.csv', ['parse', 'embed', 'projection']);
    p = advancePipeline(p, 'embed', 0.2, '', 10);
    p = finishStage(p, 'projection', 20);
    p = beginPipeline(p, 'Training on a', ['embed', 'kmeans', 'session']);
    expect(p.title).toBe('Preparing a.csv');
    expect(p.stages.map((s) => s.id)).toEqual(['parse', 'embed', 'projection', 'kmeans', 'session']);
    expect(statuses(p)).toMatchObject({ embed: 'done', projection: 'skipped', kmeans: 'waiting' });
    p = endPipeline(p, 'done', 30);
    const q = beginPipeline(p, 'Training on a', ['embed', 'kmeans']);
    expect(q.title).toBe('Training on a');
    expect(statuses(q)).toEqual({ embed: 'waiting', kmeans: 'waiting' });
  });

  it('ends: done closes every stage; cancel stops the running one and leaves the rest waiting', () => {
    const started = advancePipeline(beginPipeline(emptyPipeline(), 't', ['embed', 'kmeans', 'learnedmap']), 'kmeans', 0.4, '', 5);
    const done = endPipeline(started, 'done', 9);
    expect(done).toMatchObject({ active: false, outcome: 'done' });
    expect(statuses(done)).toEqual({ embed: 'skipped', kmeans: 'done', learnedmap: 'skipped' });
    const cancelled = endPipeline(started, 'cancelled', 9);
    expect(statuses(cancelled)).toEqual({ embed: 'skipped', kmeans: 'stopped', learnedmap: 'waiting' });
    expect(cancelled.stages[1]).toMatchObject({ fraction: 0.4, endedAt: 9 });
    // Events after the end change nothing.
    expect(advancePipeline(done, 'learnedmap', 0.5, '', 10)).toBe(done);
  });

  it('maps the worker stage names onto stages and ignores the rest', () => {
    expect(pipelineStageOf('load')).toBe('parse');
    expect(pipelineStageOf('pca')).toBe('projection');
    expect(pipelineStageOf('k-selection')).toBe('kmeans');
    expect(pipelineStageOf('learned-map')).toBe('learnedmap');
    expect(pipelineStageOf('note')).toBeNull();
    expect(pipelineStageOf('start')).toBeNull();
  });
});
