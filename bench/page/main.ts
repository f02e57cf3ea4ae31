/// <reference types="vite/client" />
/**
 * The Chromium side of `npm run bench`: loads the problems the driver wrote (bench/out/data, over
 * HTTP), picks tfjs backends with initTf, and runs the shared tasks (bench/tasks.ts) on request
 * through window.routelabBench. Float32Array outputs go back as plain arrays.
 */
import { simdSupported } from '../../src/core/kernels/wasmKernels';
import { initTf, type BackendName } from '../../src/core/tf';
import { WASM_PATHS } from '../../src/workers/wasmPaths';
import { loadProblems, type Manifest } from '../manifest';
import type { KMeansProblem, LearnedMapBenchProblem } from '../problems';
import { liveRoutingHook } from '../otherTargets';
import { sessionPoolHook } from '../sessionTargets';
import { bootstrapHook } from '../trustTargets';
import * as tasks from '../tasks';
import { MAX_SHARDS, shardPool, type LloydEngineKind, type LloydShardPort } from '../../src/core/cluster';
import type { MapPeerPort } from '../../src/core/routing/clusterMapPeer';

/** Module-worker shards of the sharded engines, pooled and started up front as the app's training worker keeps them. */
const spawnShard = shardPool(
  () => new Worker(new URL('../../src/workers/lloydShard.worker.ts', import.meta.url), { type: 'module' }) as unknown as LloydShardPort,
  Math.min(navigator.hardwareConcurrency || 1, MAX_SHARDS) - 1, // the calling thread holds one block itself
);
spawnShard.warm();

type Problems = { kmeans: KMeansProblem[]; learnedMap: LearnedMapBenchProblem[] };
let problems: Promise<Problems> | undefined;

async function readF32(name: string): Promise<Float32Array> {
  const r = await fetch(`../data/${name}`);
  if (!r.ok) throw new Error(`GET ../data/${name}: ${r.status}`);
  return new Float32Array(await r.arrayBuffer());
}

function load(): Promise<Problems> {
  problems ??= fetch('../data/manifest.json')
    .then((r) => r.json() as Promise<Manifest>)
    .then((m) => loadProblems(m, readF32));
  return problems;
}

async function kmeansProblem(id: string): Promise<KMeansProblem> {
  const p = (await load()).kmeans.find((q) => q.id === id);
  if (!p) throw new Error(`no k-means problem ${id}`);
  return p;
}

async function learnedMapProblem(id: string): Promise<LearnedMapBenchProblem> {
  const p = (await load()).learnedMap.find((q) => q.id === id);
  if (!p) throw new Error(`no learned-map problem ${id}`);
  return p;
}

function plain(r: tasks.TaskResult): Omit<tasks.TaskResult, 'output'> & { output?: number[] } {
  return { ...r, output: r.output ? Array.from(r.output) : undefined };
}

const api = {
  async env() {
    const info = await initTf({ prefer: ['webgl', 'wasm', 'cpu'], probe: true, wasmPaths: WASM_PATHS });
    return {
      userAgent: navigator.userAgent,
      hardwareConcurrency: navigator.hardwareConcurrency,
      crossOriginIsolated: globalThis.crossOriginIsolated ?? false,
      wasmSimd: simdSupported(),
      tf: info,
    };
  },
  async backend(name: BackendName) {
    return initTf({ prefer: [name], wasmPaths: WASM_PATHS });
  },
  async kmeansEngine(id: string, request: tasks.KMeansEngineRequest, repeats: number) {
    return plain(await tasks.kmeansEngineTask(await kmeansProblem(id), request, {}, repeats));
  },
  /** One kmeans() run as the app's training worker makes it (shard workers available). */
  async kmeansRun(id: string, engine: tasks.KMeansEngineRequest) {
    return plain(await tasks.kmeansRunTask(await kmeansProblem(id), engine.kind, { spawnShard, tfBackend: engine.tfBackend }));
  },
  async kmeansShare(id: string, kind: LloydEngineKind) {
    return tasks.kmeansDistanceShare(await kmeansProblem(id), kind, { spawnShard });
  },
  async kmeansTfjs(id: string, repeats: number) {
    return plain(await tasks.kmeansTfjsTask(await kmeansProblem(id), repeats));
  },
  /** Epochs on the kernel; `threads` 2: a pooled shard worker computes half of each batch, as in the app. */
  async learnedMapKernel(id: string, repeats: number, threads: 1 | 2 = 2) {
    const peer = threads === 2 ? () => spawnShard() as unknown as MapPeerPort : undefined;
    return plain(await tasks.learnedMapKernelTask(await learnedMapProblem(id), repeats, peer));
  },
  async learnedMapTf(id: string, repeats: number) {
    return plain(await tasks.learnedMapTfTask(await learnedMapProblem(id), repeats));
  },
  async trainClusterMap(id: string, repeats: number) {
    return plain(await tasks.trainClusterMapTask(await learnedMapProblem(id), repeats));
  },
  async liveRouting() {
    return liveRoutingHook();
  },
  async bootstrap(repeats: number) {
    return bootstrapHook(repeats);
  },
  async sessionPool(repeats: number) {
    return sessionPoolHook(repeats);
  },
};

export type BenchApi = typeof api;
(globalThis as unknown as { routelabBench: BenchApi }).routelabBench = api;
document.body.dataset.ready = 'true';
