/**
 * Builds a Lloyd engine of a given kind over (centred) points; what each kind needs from the
 * caller's environment comes in a LloydHost.
 */
import type { RowSource } from '../../kernels/rowSource';
import type { Matrix } from '../../types';
import { createElkanLloydEngine } from './elkan';
import { createShardedLloydEngine, type SpawnLloydShard } from './sharded';
import { createTfLloydEngine } from './tfjs';
import { createTsLloydEngine } from './ts';
import type { LloydEngine, LloydEngineKind } from './types';
import { createWasmLloydEngine } from './wasm';

/** The tfjs backend the app runs on, as initTf reports it (BackendInfo.backend / softwareRenderer). */
export interface TfBackendHint {
  name: string;
  /** The WebGL renderer is a CPU emulation (SwiftShader, llvmpipe). */
  softwareRenderer: boolean;
}

/** What the caller's environment offers the engines. */
export interface LloydHost {
  /** The tfjs backend in use (default: read from tfjs, renderer unknown). */
  tfBackend?: TfBackendHint;
  /** Starts a shard worker: without it there is no 'wasm-simd-sharded'. */
  spawnShard?: SpawnLloydShard;
  /**
   * Cores the shards may use: navigator.hardwareConcurrency in a browser or worker (read when
   * not given), os.availableParallelism() passed in by a Node caller; 1 when unknown.
   */
  cores?: number;
}

/** Cores available: host.cores, else navigator.hardwareConcurrency where there is one, else 1. */
export function hostCores(host: Pick<LloydHost, 'cores'> = {}): number {
  const given = host.cores ?? (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  return given !== undefined && Number.isInteger(given) && given >= 1 ? given : 1;
}

/**
 * Shards beyond this many bring little: each adds a worker start-up and a message per step while
 * the remaining distance work per shard shrinks.
 */
export const MAX_SHARDS = 8;

/** Builds an engine of the given kind (no probing, no fallback: the driver does that). */
export async function buildLloydEngine(
  kind: LloydEngineKind,
  points: Matrix | RowSource,
  k: number,
  host: LloydHost = {},
): Promise<LloydEngine> {
  switch (kind) {
    case 'wasm-simd':
      return createWasmLloydEngine(points, k);
    case 'wasm-simd-elkan':
      return createElkanLloydEngine(points, k);
    case 'wasm-simd-sharded':
    case 'wasm-simd-elkan-sharded': {
      if (host.spawnShard === undefined) throw new Error(`the '${kind}' k-means engine needs workers (spawnShard)`);
      const shards = Math.min(hostCores(host), MAX_SHARDS);
      return createShardedLloydEngine(points, k, host.spawnShard, { shards, bounds: kind === 'wasm-simd-elkan-sharded' });
    }
    case 'tfjs':
      return createTfLloydEngine(points, k);
    case 'ts':
      return createTsLloydEngine(points, k);
    default: {
      const never: never = kind;
      throw new Error(`unknown Lloyd engine '${String(never)}'`);
    }
  }
}
