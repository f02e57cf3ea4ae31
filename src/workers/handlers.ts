/**
 * The training worker's switch over core calls, shared by the Web Worker (training.worker.ts) and
 * the main-thread fallback in client.ts. It keeps the current dataset and its embeddings phi(x) so
 * a retrain does not re-embed; everything it posts is plain data.
 */
import { initTf, type BackendName } from '../core/tf';
import { SHARD_MIN_WORK, type SpawnLloydShard } from '../core/cluster';
import { loadDataset } from '../core/data';
import { defaultTestPool, demoNewcomerFor, generateDemoDataset, isDemoDataset, newcomerScoresFile, type DemoNewcomer } from '../core/demo';
import { datasetEmbeddings } from '../core/eval/pipeline';
import { datasetHash } from '../core/routerFile';
import { fitRouter, type TrainRouterOptions } from '../core/routerFile/train';
import { fileHeaders, sessionRouterFromRouter } from '../core/explorer';
import { buildSessionBase } from '../core/explorer/session';
import type { Dataset, Matrix } from '../core/types';
import type { EmbedderSettings } from '../core/embed';
import { checkBackends } from './backendCheck';
import type { KeyValueStore } from './idb';
import { createPhiCache, phiKey } from './phiCache';
import { embedDataset, startEmbedShard, type EmbedShardStart, type SpawnEmbedShard } from './embedShard';
import { knnElsewhere, type SpawnKnnShard } from './knnShard';
import type { SpawnUmapShard } from './umapShard';
import { createProjectionJobs } from './projection';
import { createTrustHandlers } from './trustHandlers';
import { headOf } from './protocol';
import type {
  BackendReport,
  DemoInfo,
  ProgressEvent,
  RequestType,
  ResultOf,
  TrainResult,
  TrainSettings,
  WorkerRequest,
  WorkerResponse,
} from './protocol';

export interface HandlerContext {
  post: (message: WorkerResponse) => void;
  thread: 'worker' | 'main';
  wasmPaths?: Record<string, string>;
  /** Starts a k-means shard worker (two-thread Lloyd steps); absent where workers cannot start. */
  spawnShard?: SpawnLloydShard;
  /**
   * Starts the shard workers ahead of a training run that may split its Lloyd steps (a pool:
   * cluster/engines/pool.ts), so they are up by the time k-means starts.
   */
  warmShards?: () => void;
  /** Starts a nested worker embedding half of a large dataset's prompts; absent: one thread embeds them all. */
  spawnEmbedShard?: SpawnEmbedShard;
  /** Starts a nested worker finding the k-NN baseline's lists while training goes on; absent: found in turn. */
  spawnKnnShard?: SpawnKnnShard;
  /** Starts a nested worker making the prompt map's UMAP; absent: UMAP runs on this thread between requests. */
  spawnUmapShard?: SpawnUmapShard;
  /** Where phi(x) and the PCA map of a dataset are kept across reloads (IndexedDB); absent: recomputed each time. */
  store?: () => KeyValueStore | null;
}

const now = (): number => globalThis.performance?.now() ?? Date.now();

/** Prompts from which a training run may split k-means over the cores: SHARD_MIN_WORK / (64 clusters x 256 dimensions). */
const SHARD_WARM_PROMPTS = SHARD_MIN_WORK / (64 * 256);

/**
 * The Train view's settings as options of the core training entry; `routelab train` takes each
 * as a flag (--method, --k, --seed, --test-models, --fractions, --epochs, --max-iterations).
 */
export function trainOptions(settings: TrainSettings): TrainRouterOptions {
  return {
    method: settings.method,
    k: settings.k,
    seed: settings.seed,
    testModels: settings.testModels,
    fractions: settings.fractions,
    epochs: settings.epochs,
    maxIterations: settings.maxIterations,
  };
}

/** Chooses the tfjs backend: webgl, then wasm, then cpu; a software WebGL renderer gives way to wasm. */
async function chooseBackend(prefer: BackendName[] | undefined, ctx: HandlerContext): Promise<BackendReport> {
  const first = await initTf({ prefer: prefer ?? ['webgl', 'wasm', 'cpu'], wasmPaths: ctx.wasmPaths });
  if (first.backend === 'webgl' && first.softwareRenderer && !prefer) {
    try {
      const second = await initTf({ prefer: ['wasm'], wasmPaths: ctx.wasmPaths });
      return {
        ...second,
        renderer: first.renderer,
        softwareRenderer: true,
        tried: [...first.tried, ...second.tried],
        reason: `WebGL runs on a software renderer (${first.renderer ?? 'unknown'}), which is slower than wasm on this CPU, so tfjs uses wasm.`,
        thread: ctx.thread,
      };
    } catch (e) {
      return {
        ...first,
        reason: `WebGL runs on a software renderer and wasm failed (${e instanceof Error ? e.message : String(e)}), so tfjs stays on WebGL.`,
        thread: ctx.thread,
      };
    }
  }
  const failed = first.tried.filter((t) => !t.ok).map((t) => `${t.name} (${t.error ?? 'failed'})`);
  const reason =
    first.backend === 'webgl'
      ? `tfjs uses WebGL on ${first.renderer ?? 'an unnamed GPU'}.`
      : `tfjs uses ${first.backend}${failed.length ? `: ${failed.join('; ')} did not start` : ''}.`;
  return { ...first, reason, thread: ctx.thread };
}

/** Creates the request handler; `handle` answers every request with one result or error message. */
export function createHandler(ctx: HandlerContext): (request: WorkerRequest) => Promise<void> {
  let dataset: Dataset | null = null;
  let phi: { embeddings: Matrix; settings: EmbedderSettings } | null = null;
  let cancelRequested = false;
  // The tfjs backend in use, so k-means probes WebGL only on a hardware renderer.
  let backendHint: { name: string; softwareRenderer: boolean } | undefined;
  /** The demo newcomer of the current dataset: undefined = not looked up yet, null = none. */
  let newcomer: DemoNewcomer | null | undefined;
  // The data hash is read by prepare, the embeddings cache and the prompt map: computed once per dataset.
  const hashes = new WeakMap<Dataset, string>();
  const hashOf = (d: Dataset): string => {
    let h = hashes.get(d);
    if (h === undefined) hashes.set(d, (h = datasetHash(d)));
    return h;
  };
  const projection = createProjectionJobs(hashOf, ctx.spawnUmapShard);
  const phiCache = createPhiCache(ctx.store ?? (() => null));

  const needDataset = (): Dataset => {
    if (!dataset) throw new Error('no dataset is loaded');
    return dataset;
  };
  /** The embedding shard set going on the dataset just parsed (see startEmbedShard), until used. */
  let shardStart: EmbedShardStart | null = null;
  const dropShard = (): void => {
    shardStart?.port.terminate();
    shardStart = null;
  };
  const setDataset = (d: Dataset): void => {
    dropShard();
    dataset = d;
    phi = null;
    newcomer = undefined;
    projection.datasetChanged();
  };
  const newcomerOf = (d: Dataset): DemoNewcomer | null => (newcomer ??= demoNewcomerFor(d));
  const demoInfo = (d: Dataset): DemoInfo | null => {
    if (!isDemoDataset(d)) return null;
    const n = newcomerOf(d);
    return { testPool: defaultTestPool(d), newcomer: n ? { name: n.name, cost: n.cost, strengths: n.strengths } : null };
  };
  const embeddingsOf = (d: Dataset, progress: (e: ProgressEvent) => void): { embeddings: Matrix; settings: EmbedderSettings } => {
    if (!phi) {
      progress({
        kind: 'stage',
        stage: 'embed',
        message: d.embeddings ? 'using the uploaded embeddings' : 'embedding prompts (built-in hashed TF-IDF)',
        fraction: 0,
      });
      const e = datasetEmbeddings(d, (f) => progress({ kind: 'stage', stage: 'embed', message: 'embedding prompts', fraction: f }));
      phi = { embeddings: e.embeddings, settings: e.settings };
    }
    return phi;
  };

  /** embeddingsOf, on two threads for a large dataset (the same phi(x)); later calls find it in memory. */
  const ensureEmbeddings = async (d: Dataset, progress: (e: ProgressEvent) => void): Promise<void> => {
    if (phi || d.embeddings) {
      dropShard();
      return;
    }
    progress({ kind: 'stage', stage: 'embed', message: 'embedding prompts (built-in hashed TF-IDF)', fraction: 0 });
    const started = shardStart;
    shardStart = null;
    const e = await embedDataset(
      d,
      ctx.spawnEmbedShard,
      (f) => progress({ kind: 'stage', stage: 'embed', message: 'embedding prompts', fraction: f }),
      started,
    );
    // A dataset replaced meanwhile keeps its own (not yet computed) phi.
    if (dataset === d) phi = e;
  };

  const trust = createTrustHandlers({
    dataset: needDataset,
    embedded: (progress) => embeddingsOf(needDataset(), progress),
    shouldStop: () => cancelRequested,
    tfBackend: () => backendHint,
    spawnShard: ctx.spawnShard,
  });
  /** A long request Cancel can stop: the flag is cleared when it starts. */
  const cancellable = <T>(run: () => Promise<T>): Promise<T> => {
    cancelRequested = false;
    return run();
  };

  async function train(settings: TrainSettings, progress: (e: ProgressEvent) => void): Promise<TrainResult> {
    const d = needDataset();
    const t0 = now();
    cancelRequested = false;
    await ensureEmbeddings(d, progress);
    // Started once the embedding (two threads) is done, so they take no core from it or from the page
    // while an upload arrives; smaller datasets never split (SHARD_MIN_WORK at K <= 64, D = 256).
    if (d.prompts.length >= SHARD_WARM_PROMPTS) {
      try {
        ctx.warmShards?.();
      } catch {
        // Workers that cannot start now fail again in the engine's build, which falls back to one thread.
      }
    }
    // The one training path, the same call as `routelab train` with these settings as flags.
    const { router, setup, trial, embeddings } = await fitRouter(
      d,
      {
        ...trainOptions(settings),
        onProgress: (stage, message, fraction) => progress({ kind: 'stage', stage, message, fraction }),
        shouldStop: () => cancelRequested,
      },
      {
        embeddings: () => embeddingsOf(d, progress),
        onKMeansIteration: (it) => progress({ kind: 'inertia', iteration: it.iteration, inertia: it.inertia }),
        onEpoch: (e) => progress({ kind: 'epoch', epoch: e.epoch, trainLoss: e.trainLoss, valLoss: e.valLoss }),
        tfBackend: backendHint,
        spawnShard: ctx.spawnShard,
        dataHash: hashOf(d),
        neighboursElsewhere: knnElsewhere(ctx.spawnKnnShard),
      },
    );
    if (!trial.fitted) throw new Error('training fitted no router');
    progress({ kind: 'stage', stage: 'session', message: 'routing the test prompts with every method', fraction: undefined });
    const sr = sessionRouterFromRouter(router, d);
    if (!sr.ok) throw new Error(sr.issues[0].message);
    const base = buildSessionBase(d, embeddings, setup, sr.data, {
      knnNeighbours: trial.knnNeighbours,
      learnedMapTestPhi: trial.learnedMapTestPhi,
    });
    return {
      router,
      setup,
      base,
      kmeansHistory: trial.fitted.kmeansHistory,
      lossHistory: trial.fitted.clusterMapHistory,
      chosen: trial.chosen,
      engines: trial.fitted.engines,
      notes: trial.notes,
      ms: now() - t0,
      cancelled: cancelRequested,
    };
  }

  async function answer(request: WorkerRequest, progress: (e: ProgressEvent) => void): Promise<ResultOf[RequestType]> {
    switch (request.type) {
      case 'init': {
        const report = await chooseBackend(request.prefer, ctx);
        backendHint = { name: report.backend, softwareRenderer: report.softwareRenderer };
        return report;
      }
      case 'demo': {
        // Only the options given: an explicit undefined would override the generator's defaults.
        const d = generateDemoDataset({
          ...(request.seed !== undefined && { seed: request.seed }),
          ...(request.prompts !== undefined && { prompts: request.prompts }),
        });
        setDataset(d);
        return d;
      }
      case 'load': {
        const t0 = now();
        // Files come as Files (read here, off the page) or as text. A File the browser can no longer
        // read (changed or moved since it was picked) is named, and its header row still offered.
        const read = await Promise.all(
          request.files.map(async (f) => {
            if (!('blob' in f)) return { file: f, issue: null };
            try {
              return { file: { name: f.name, text: await f.blob.text() }, issue: null };
            } catch (e) {
              const why = e instanceof Error ? e.message : String(e);
              return {
                file: headOf(f),
                issue: {
                  file: f.name,
                  message: `could not read this file (${why}): it may have changed or moved since it was picked; choose it again`,
                },
              };
            }
          }),
        );
        const unread = read.flatMap((r) => (r.issue ? [r.issue] : []));
        if (unread.length) return { ok: false, issues: unread, headers: fileHeaders(read.map((r) => r.file)), unreadable: true };
        const files = read.map((r) => r.file);
        const res = loadDataset(files, {
          name: request.name,
          mapping: request.mapping,
          mappings: request.mappings,
          onProgress: (f) => progress({ kind: 'stage', stage: 'load', message: 'parsing and validating', fraction: f }),
        });
        if (!res.ok) return { ok: false, issues: res.issues, headers: fileHeaders(files) };
        setDataset(res.data);
        const loaded = res.data;
        // The nested embedding worker starts now and counts its half's document frequencies while
        // this thread hashes the data (the cache key 'prepare' reads first) and the page takes up
        // the parsed dataset, in the gap before its 'prepare' request arrives.
        shardStart = startEmbedShard(loaded, ctx.spawnEmbedShard);
        setTimeout(() => {
          if (dataset === loaded) hashOf(loaded);
        }, 0);
        return { ok: true, dataset: res.data, warnings: res.warnings, ms: now() - t0 };
      }
      case 'rename': {
        // The name is the user's label for the data (the router's provenance); the data hash ignores it.
        // Same prompts and scores: the embeddings phi(x) and the demo newcomer stay valid.
        dataset = { ...needDataset(), name: request.name };
        return { name: request.name };
      }
      case 'setDataset':
        setDataset(request.dataset);
        if (request.hash) hashes.set(request.dataset, request.hash);
        return { prompts: request.dataset.prompts.length, models: request.dataset.models.length };
      case 'storeDataset': {
        // The same record the page would write (src/state/persist.ts), cloned here instead of on the page.
        const store = ctx.store?.();
        if (!store || !dataset || hashOf(dataset) !== request.hash) return { stored: false };
        await store.set(request.key, { id: request.recordId, dataset, hash: request.hash });
        return { stored: true };
      }
      case 'prepare': {
        const d = needDataset();
        const t0 = now();
        const dataHash = hashOf(d);
        // phi(x) and the PCA map of this very data, stored by an earlier visit: neither is computed again.
        const key = phi ? null : phiKey(d, dataHash);
        const stored = key ? await phiCache.load(key, d.prompts.length) : null;
        if (stored) {
          phi = { embeddings: stored.embeddings, settings: stored.settings };
          projection.restorePca(stored.embeddings, stored.pca);
          progress({ kind: 'stage', stage: 'embed', message: "embeddings and PCA map read from this browser's cache", fraction: 1 });
        }
        await ensureEmbeddings(d, progress);
        const { embeddings, settings } = embeddingsOf(d, progress);
        progress({ kind: 'stage', stage: 'pca', message: 'projecting prompts to 2-D (PCA in tfjs)' });
        const pca = await projection.pca({ dataset: d, embeddings, settings });
        if (key && !stored) void phiCache.save({ key, settings, embeddings, pca: { coords: pca.coords, explained: pca.explained } });
        return {
          coords: pca.coords,
          explained: pca.explained,
          embedder: { kind: settings.kind, dim: embeddings.cols, key: pca.embedderKey, cached: stored !== null },
          dataHash,
          demo: demoInfo(d),
          ms: now() - t0,
        };
      }
      case 'project':
        // Only reading the dataset and phi(x) waits in the queue; UMAP's epochs then run beside it.
        return projection.project(request.seed, () => inQueue(() => projectionInputs(progress)), progress);
      case 'cancelProjection':
        return { cancelled: projection.cancel() };
      case 'neighbours':
        return projection.neighbours(
          phi && dataset ? { dataset, ...phi } : await inQueue(() => projectionInputs(progress)),
          request.row,
          request.k,
        );
      case 'train':
        return train(request.settings, progress);
      case 'rebuild': {
        const d = needDataset();
        const t0 = now();
        const sr = sessionRouterFromRouter(request.router, d);
        if (!sr.ok) throw new Error(sr.issues[0].message);
        const { embeddings } = embeddingsOf(d, progress);
        const base = buildSessionBase(d, embeddings, request.setup, sr.data, { knnNeighbours: request.knnNeighbours });
        return { base, ms: now() - t0 };
      }
      case 'demoNewcomerFile': {
        const d = needDataset();
        const n = newcomerOf(d);
        if (!n) throw new Error('the loaded dataset is not the default demo, so it has no demo newcomer');
        if (request.rows.some((r) => !Number.isInteger(r) || r < 0 || r >= d.prompts.length))
          throw new Error('a prompt row is outside the dataset');
        return newcomerScoresFile(d, n, request.rows);
      }
      case 'checkBackends':
        return checkBackends({ wasmPaths: ctx.wasmPaths });
      case 'bootstrap':
        return cancellable(() => trust.runBootstrap(request, progress));
      case 'repeatSplits':
        return cancellable(() => trust.runSplits(request, progress));
      case 'onboard':
        return cancellable(() => trust.runOnboard(request, progress));
      case 'shiftPreview':
        return cancellable(() => trust.runShift(request, progress));
      case 'cancel':
        cancelRequested = true;
        return { cancelled: true };
      default: {
        const never: never = request;
        throw new Error(`unknown request ${JSON.stringify(never)}`);
      }
    }
  }

  const projectionInputs = (progress: (e: ProgressEvent) => void) => {
    const d = needDataset();
    return { dataset: d, ...embeddingsOf(d, progress) };
  };

  const run = async (request: WorkerRequest): Promise<void> => {
    const progress = (event: ProgressEvent): void => ctx.post({ id: request.id, type: 'progress', event });
    try {
      const result = await answer(request, progress);
      ctx.post({ id: request.id, type: 'result', result });
    } catch (e) {
      ctx.post({ id: request.id, type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };
  // One request at a time, in arrival order (init before anything uses tfjs); a cancel jumps the queue, and
  // the prompt map's requests wait in it only for what they read (inQueue), so a long UMAP never holds up training.
  let queue: Promise<void> = Promise.resolve();
  function inQueue<T>(fn: () => T | Promise<T>): Promise<T> {
    const turn = queue.then(fn);
    queue = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }
  return (request) => {
    if (request.type === 'cancel' || request.type === 'cancelProjection' || request.type === 'project' || request.type === 'neighbours')
      return run(request);
    queue = queue.then(() => run(request));
    return queue;
  };
}
