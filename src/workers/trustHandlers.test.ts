/**
 * The worker's trust handlers on their own: the shift preview embeds in chunks yet equals the core's
 * preview of the same texts, keeps the last prompts for a new lambda, refuses an external embedder
 * with a message, and stops on Cancel; progress reaches the page throttled.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { generateDemoDataset } from '../core/demo';
import { fitRouter } from '../core/routerFile/train';
import { shiftPreview } from '../core/insight';
import type { Router } from '../core/routerFile';
import type { TrialSetup } from '../core/eval';
import type { Dataset, Matrix } from '../core/types';
import type { EmbedderSettings } from '../core/embed';
import { datasetEmbeddings } from '../core/eval/pipeline';
import type { ProgressEvent } from './protocol';
import { createTrustHandlers } from './trustHandlers';

let dataset: Dataset;
let router: Router;
let embeddings: Matrix;
let settings: EmbedderSettings;
let setup: TrialSetup;

function handlers(stop = () => false) {
  return createTrustHandlers({
    dataset: () => dataset,
    embedded: () => ({ embeddings, settings }),
    shouldStop: stop,
    tfBackend: () => undefined,
  });
}

describe('trust handlers', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    dataset = generateDemoDataset({ prompts: 400 });
    const fitted = await fitRouter(dataset, { method: 'kmeans', k: 5, maxIterations: 20 });
    router = fitted.router;
    ({ embeddings, settings } = datasetEmbeddings(dataset));
    expect(embeddings.data).toEqual(fitted.embeddings.data);
    setup = fitted.setup;
  });

  const texts = Array.from({ length: 600 }, (_, i) => `prompt ${i}: ${i % 3 ? 'solve the equation' : 'translate the phrase'} number ${i}`);

  it('previews production prompts embedded in chunks exactly as the core previews their texts, and reuses them for a new lambda', async () => {
    const h = handlers();
    const events: ProgressEvent[] = [];
    const run = await h.runShift({ router, costPenalty: 0.01, file: { name: 'p.txt', text: texts.join('\n') } }, (e) => events.push(e));
    expect(run).toMatchObject({ ok: true, cancelled: false, file: 'p.txt' });
    if (!run.ok || run.cancelled) throw new Error('no preview');
    expect(run.preview).toEqual(shiftPreview(router, { texts }, 0.01));
    // Three chunks of 256 were embedded: the page heard of the first at once, then at most every 100 ms.
    expect(events.filter((e) => e.kind === 'stage' && e.stage === 'embed').length).toBeGreaterThanOrEqual(1);
    const again = await h.runShift({ router, costPenalty: 5 }, () => {});
    if (!again.ok || again.cancelled) throw new Error('no preview');
    expect(again.preview).toEqual(shiftPreview(router, { texts }, 5));
  });

  it('asks for a file first, lists a bad file with its row and column, and refuses text for an external embedder', async () => {
    const h = handlers();
    await expect(h.runShift({ router, costPenalty: 0 }, () => {})).rejects.toThrow('no production prompts are loaded');
    const bad = await h.runShift({ router, costPenalty: 0, file: { name: 'p.csv', text: 'id,text\n1,hello\n2,\n' } }, () => {});
    expect(bad).toEqual({ ok: false, issues: [{ file: 'p.csv', row: 3, column: 'text', message: 'empty prompt text' }] });
    const external = { ...router, embedder: { kind: 'external' as const, dim: router.embedder.dim } };
    await expect(h.runShift({ router: external, costPenalty: 0, file: { name: 'p.txt', text: 'hi\n' } }, () => {})).rejects.toThrow(
      'this router was trained on uploaded embeddings',
    );
  });

  it('stops embedding on Cancel and keeps the prompts previewed before', async () => {
    let stop = false;
    const h = handlers(() => stop);
    const first = await h.runShift({ router, costPenalty: 0, file: { name: 'a.txt', text: 'one\ntwo\n' } }, () => {});
    expect(first).toMatchObject({ ok: true, cancelled: false });
    stop = true;
    expect(await h.runShift({ router, costPenalty: 0, file: { name: 'b.txt', text: texts.join('\n') } }, () => {})).toEqual({
      ok: true,
      cancelled: true,
    });
    stop = false;
    const kept = await h.runShift({ router, costPenalty: 0 }, () => {});
    expect(kept).toMatchObject({ ok: true, file: 'a.txt' });
  });

  it('bootstraps the evidence it is sent; Cancel keeps the resamples done', async () => {
    const { buildSessionBase } = await import('../core/explorer/session');
    const { evaluatePool, sessionRouterFromRouter } = await import('../core/explorer');
    const { poolEvidence } = await import('../core/insight');
    const sr = sessionRouterFromRouter(router, dataset);
    if (!sr.ok) throw new Error('router does not fit');
    const base = buildSessionBase(dataset, embeddings, setup, sr.data);
    const evidence = poolEvidence(base, evaluatePool(base));
    const run = await handlers().runBootstrap({ evidence, resamples: 30, seed: 1 }, () => {});
    expect(run.cancelled).toBe(false);
    expect(run.summary.completed).toBe(30);
    // Cancel is polled after each resample: the one under way finishes and is kept.
    const stopped = await handlers(() => true).runBootstrap({ evidence, resamples: 30, seed: 1 }, () => {});
    expect(stopped.cancelled).toBe(true);
    expect(stopped.summary.completed).toBe(1);
  });
});
