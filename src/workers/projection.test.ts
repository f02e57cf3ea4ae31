import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../core/demo';
import { UMAP_DEFAULTS } from '../core/explorer/umap';
import { handlerHarness } from './handlerHarness.test-util';
import { UMAP_SETTINGS_ID, projectionKey } from './projectionKey';
import { TRUST_K, TRUST_SAMPLE } from './projection';
import { localPort, type LocalPort } from './localPort.test-util';
import { createUmapShardHandler, type UmapShardReply, type UmapShardRequest } from './umapShardHandler';

/** UMAP workers on this thread, as the training worker would spawn them. */
function umapWorkers(): { spawn: () => LocalPort<UmapShardRequest, UmapShardReply>; ports: LocalPort<UmapShardRequest, UmapShardReply>[] } {
  const ports: LocalPort<UmapShardRequest, UmapShardReply>[] = [];
  return {
    ports,
    spawn: () => {
      const p = localPort<UmapShardRequest, UmapShardReply>(createUmapShardHandler);
      ports.push(p);
      return p;
    },
  };
}
const epochStarted = (events: { kind: string; message?: string }[]) =>
  events.some((e) => e.kind === 'stage' && e.message?.startsWith('UMAP: epoch'));

/** The handlers on this thread, with a promise per request and its progress events. */
const harness = () => ({ send: handlerHarness() });

describe('the prompt map in the worker', () => {
  it('keys a map by the UMAP settings it was made with', () => {
    const o = UMAP_DEFAULTS;
    expect(UMAP_SETTINGS_ID).toContain(`k=${o.nNeighbors},min_dist=${o.minDist},fit=${o.maxFitRows},epochs=${o.nEpochs}`);
    expect(projectionKey('abc', 'def', 3)).toBe(`abc|def|umap|seed=3|${UMAP_SETTINGS_ID}`);
  });

  it('prepares PCA, projects with UMAP (progress, trustworthiness of both maps), answers again from memory', async () => {
    const w = harness();
    await w.send({ type: 'init', prefer: ['cpu'] }).result;
    const d = generateDemoDataset({ prompts: 300 });
    await w.send({ type: 'setDataset', dataset: d }).result;
    const prepared = await w.send({ type: 'prepare' }).result;
    expect(prepared.coords.length).toBe(600);
    expect(prepared.embedder).toMatchObject({ kind: 'builtin-hashed-tfidf', dim: 256 });
    const { result, progress } = w.send({ type: 'project', seed: 0 });
    const map = await result;
    expect(map.cancelled).toBe(false);
    expect(map.key).toBe(projectionKey(prepared.dataHash, prepared.embedder.key, 0));
    expect(map.coords!.length).toBe(600);
    expect(map.coords!.every(Number.isFinite)).toBe(true);
    expect(map.umap).toMatchObject({ fitted: 300, placed: 0, epochs: 240, nNeighbors: 15, seed: 0 });
    expect(map.quality!.umap).toMatchObject({ k: TRUST_K, sample: Math.min(300, TRUST_SAMPLE) });
    // The hashed embedder's first two principal axes keep far fewer true neighbours than UMAP.
    expect(map.quality!.umap.value).toBeGreaterThan(map.quality!.pca.value);
    const fractions = progress.flatMap((e) =>
      e.kind === 'stage' && e.stage === 'projection' && e.fraction !== undefined ? [e.fraction] : [],
    );
    expect(fractions.length).toBeGreaterThan(2);
    expect(fractions[fractions.length - 1]).toBe(1);
    const again = await w.send({ type: 'project', seed: 0 }).result;
    expect(again.cached).toBe(true);
    expect(Array.from(again.coords!)).toEqual(Array.from(map.coords!));
  }, 120_000);

  it('a new dataset stops a running map and is not held up by it; cancelProjection stops one too', async () => {
    const w = harness();
    await w.send({ type: 'init', prefer: ['cpu'] }).result;
    await w.send({ type: 'setDataset', dataset: generateDemoDataset({ prompts: 300 }) }).result;
    await w.send({ type: 'prepare' }).result;
    const running = w.send({ type: 'project', seed: 1 });
    const order: string[] = [];
    void running.result.then(() => order.push('project'));
    // Let UMAP start its epochs, then load other data.
    while (!running.progress.some((e) => e.kind === 'stage' && e.message.startsWith('UMAP: epoch')))
      await new Promise((r) => setTimeout(r, 5));
    await w
      .send({ type: 'setDataset', dataset: generateDemoDataset({ prompts: 200, seed: 9 }) })
      .result.then(() => order.push('setDataset'));
    expect((await running.result).cancelled).toBe(true);
    expect(order).toEqual(['setDataset', 'project']);

    const second = w.send({ type: 'project', seed: 1 });
    while (!second.progress.some((e) => e.kind === 'stage' && e.message.startsWith('UMAP: epoch')))
      await new Promise((r) => setTimeout(r, 5));
    expect(await w.send({ type: 'cancelProjection' }).result).toEqual({ cancelled: true });
    expect((await second.result).cancelled).toBe(true);
    expect(await w.send({ type: 'cancelProjection' }).result).toEqual({ cancelled: false });
  }, 120_000);

  it('lists a prompt’s nearest neighbours in embedding space, itself left out, and refuses a row outside the data', async () => {
    const w = harness();
    await w.send({ type: 'init', prefer: ['cpu'] }).result;
    const d = generateDemoDataset({ prompts: 120 });
    await w.send({ type: 'setDataset', dataset: d }).result;
    const r = await w.send({ type: 'neighbours', row: 5, k: 4 }).result;
    expect(r.row).toBe(5);
    expect(r.rows.length).toBe(4);
    expect(Array.from(r.rows)).not.toContain(5);
    for (let j = 1; j < 4; j++) expect(r.distances[j]).toBeGreaterThanOrEqual(r.distances[j - 1]);
    await expect(w.send({ type: 'neighbours', row: 120, k: 4 }).result).rejects.toThrow('prompt row 120 is outside the dataset (0..119)');
  }, 60_000);

  it('on a nested UMAP worker: the same map and quality as on this thread, with its progress, and the worker ends', async () => {
    const d = generateDemoDataset({ prompts: 300 });
    const here = harness();
    const workers = umapWorkers();
    const there = { send: handlerHarness(undefined, { spawnUmapShard: workers.spawn }) };
    const maps = [];
    for (const w of [here, there]) {
      await w.send({ type: 'init', prefer: ['cpu'] }).result;
      await w.send({ type: 'setDataset', dataset: d }).result;
      await w.send({ type: 'prepare' }).result;
      const run = w.send({ type: 'project', seed: 2 });
      maps.push({ map: await run.result, messages: run.progress.map((e) => (e.kind === 'stage' ? e.message : '')) });
    }
    expect(workers.ports.length).toBe(1);
    expect(workers.ports[0].terminated).toBe(1);
    expect(workers.ports[0].requests[0].seed).toBe(2);
    const [a, b] = maps;
    expect(b.map.cancelled).toBe(false);
    expect(Buffer.from(b.map.coords!.buffer).equals(Buffer.from(a.map.coords!.buffer))).toBe(true);
    expect(b.map.quality).toEqual(a.map.quality);
    expect(b.map.umap).toEqual(a.map.umap);
    expect(b.messages.some((m) => m.startsWith('UMAP: epoch'))).toBe(true);
    expect(b.messages).toContain(`trustworthiness of both maps on ${TRUST_SAMPLE} prompts`);
  }, 120_000);

  it('a cancel or a new dataset terminates the UMAP worker at once', async () => {
    const workers = umapWorkers();
    const w = { send: handlerHarness(undefined, { spawnUmapShard: workers.spawn }) };
    await w.send({ type: 'init', prefer: ['cpu'] }).result;
    await w.send({ type: 'setDataset', dataset: generateDemoDataset({ prompts: 300 }) }).result;
    await w.send({ type: 'prepare' }).result;
    const first = w.send({ type: 'project', seed: 1 });
    while (!epochStarted(first.progress)) await new Promise((r) => setTimeout(r, 5));
    expect(await w.send({ type: 'cancelProjection' }).result).toEqual({ cancelled: true });
    expect(workers.ports[0].terminated).toBe(1);
    expect((await first.result).cancelled).toBe(true);

    const second = w.send({ type: 'project', seed: 1 });
    while (!epochStarted(second.progress)) await new Promise((r) => setTimeout(r, 5));
    await w.send({ type: 'setDataset', dataset: generateDemoDataset({ prompts: 200, seed: 9 }) }).result;
    expect(workers.ports[1].terminated).toBe(1);
    expect((await second.result).cancelled).toBe(true);
  }, 120_000);

  it('a UMAP worker that fails leaves the map to this thread (the same map)', async () => {
    const d = generateDemoDataset({ prompts: 300 });
    const here = harness();
    const broken = () => {
      const port = localPort<UmapShardRequest, UmapShardReply>(createUmapShardHandler);
      port.postMessage = () => void setTimeout(() => port.onerror?.({ message: 'the script did not load' }), 0);
      return port;
    };
    const there = { send: handlerHarness(undefined, { spawnUmapShard: broken }) };
    const coords = [];
    for (const w of [here, there]) {
      await w.send({ type: 'init', prefer: ['cpu'] }).result;
      await w.send({ type: 'setDataset', dataset: d }).result;
      await w.send({ type: 'prepare' }).result;
      const map = await w.send({ type: 'project', seed: 4 }).result;
      expect(map.cancelled).toBe(false);
      coords.push(map.coords!);
    }
    expect(Buffer.from(coords[1].buffer).equals(Buffer.from(coords[0].buffer))).toBe(true);
  }, 120_000);
});
