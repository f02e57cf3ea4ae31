/**
 * Which implementation runs the Lloyd steps of k-means (centroids mu): the hand-written
 * WebAssembly SIMD kernel, tfjs on the current backend, or plain TypeScript (../kernels).
 */
import * as tf from '@tensorflow/tfjs';
import { probeLloydEngines, type LloydProbe } from '../kernels/lloydEngine';
import type { SpawnLloydShard } from '../kernels/lloydParallel';
import type { LloydEngineKind } from '../kernels/lloydTypes';
import { simdSupported } from '../kernels/wasmAssembler';
import type { Matrix } from '../types';

/** 'auto' picks one (see chooseKMeansEngine); the others force that implementation. */
export type KMeansEngineChoice = 'auto' | LloydEngineKind;

export const KMEANS_ENGINES: readonly KMeansEngineChoice[] = ['auto', 'wasm-simd', 'tfjs', 'ts'];

/** The tfjs backend the app runs on, as initTf reports it (BackendInfo.backend / softwareRenderer). */
export interface TfBackendHint {
  name: string;
  /** The WebGL renderer is a CPU emulation (SwiftShader, llvmpipe). */
  softwareRenderer: boolean;
}

/**
 * The engine for `choice`. 'auto': the wasm SIMD kernel where WebAssembly SIMD validates, else
 * tfjs. Only on webgl with a renderer not known to be software does it time both on a sample
 * first: a real GPU can beat the kernel, while tfjs on cpu / wasm runs on the same core with more
 * overhead (bench/RESULTS.md) and probing SwiftShader costs ~2 s of shader compilation. Without a
 * hint the current tfjs backend is read and its renderer counts as unknown (so webgl is probed).
 * The kernel also tracks the float64 reference more closely (its sums accumulate in float64): on
 * 12,360 real prompt embeddings at K = 50 it repeated all 75 steps of kmeansReference, while tfjs
 * on wasm drifted from step 8 on. With `spawnShard` (the caller can start workers) 'auto' also
 * probes 'wasm-simd-x2' (the kernel with the rows split across 2 workers) and takes it only when
 * the probe times it faster: in Chromium on 2 cores it ran 20 steps at N = 20000, K = 32 in
 * 137 ms against 232 ms (bench/RESULTS.md). 'wasm-simd-x2' is not in KMEANS_ENGINES (the CLI has
 * no workers to give it).
 */
export async function chooseKMeansEngine(
  points: Matrix,
  k: number,
  choice: KMeansEngineChoice,
  tfBackend?: TfBackendHint,
  spawnShard?: SpawnLloydShard,
): Promise<{ kind: LloydEngineKind; probes: LloydProbe[] }> {
  switch (choice) {
    case 'wasm-simd':
    case 'wasm-simd-x2':
    case 'tfjs':
    case 'ts':
      return { kind: choice, probes: [] };
    case 'auto':
      break;
    default: {
      const never: never = choice;
      throw new Error(`unknown k-means engine '${String(never)}' (expected one of ${KMEANS_ENGINES.join(', ')})`);
    }
  }
  if (!simdSupported()) return { kind: 'tfjs', probes: [] };
  const backend = tfBackend?.name ?? tf.getBackend();
  const parallel: LloydEngineKind[] = spawnShard !== undefined ? ['wasm-simd-x2'] : [];
  const tfjs: LloydEngineKind[] = backend !== 'webgl' || tfBackend?.softwareRenderer === true ? [] : ['tfjs'];
  if (parallel.length + tfjs.length === 0) return { kind: 'wasm-simd', probes: [] };
  // Workers are opt-in (spawnShard): the sharded kernel runs only where the probe times it faster.
  const probes = await probeLloydEngines(points, k, { candidates: ['wasm-simd', ...parallel, ...tfjs], spawnShard });
  return { kind: probes[0]?.ms !== undefined ? probes[0].kind : 'wasm-simd', probes };
}
