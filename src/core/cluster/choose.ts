/**
 * Which Lloyd engines k-means tries, and in what order: the one policy for every caller.
 *
 * A forced engine is that engine alone, with no fallback: forcing exists to compare engines, so
 * running another one instead would mislead. 'auto' lists, in order:
 *  1. the SIMD kernel where WebAssembly SIMD validates: with Elkan's bounds first from
 *     ELKAN_MIN_DIM dimensions ('wasm-simd-elkan-sharded', 'wasm-simd-elkan'), then plain
 *     ('wasm-simd-sharded', 'wasm-simd'); each sharded kind first where shard workers can be
 *     spawned, the machine has two or more cores and one step holds at least SHARD_MIN_WORK
 *     multiply-adds (below that, starting the workers costs more than the second core saves).
 *     Elkan's bounds give the same answer and skip most distances once the centroids settle; in
 *     few dimensions a distance costs about as much as checking its bound, so the plain kernel
 *     is as fast there (bench/RESULTS.md). After a failure the next kind differs in the failing
 *     part (shards that do not start: the single-thread bounds next; bounds memory: plain shards);
 *  2. 'tfjs' where its backend beats plain TypeScript: webgl on a hardware renderer (a GPU), or
 *     wasm when SIMD is missing. tfjs on cpu, and webgl on a software renderer, are slower than
 *     plain TS (bench/RESULTS.md), so they are left out;
 *  3. 'ts', which always builds.
 * Only on a GPU is anything timed: the single-thread kernel and tfjs each run a few steps on a
 * sample, and tfjs moves to the front when it is faster. A real GPU can beat the kernel; probing
 * a software renderer would only cost its shader compilation. The driver (driver.ts) builds the
 * first engine of the order and moves to the next when one fails to build or to step.
 */
import * as tf from '@tensorflow/tfjs';
import { simdSupported } from '../kernels/wasmKernels';
import { asRowSource, type RowSource } from '../kernels/rowSource';
import type { Matrix } from '../types';
import { buildLloydEngine, hostCores, type LloydHost } from './engines/build';
import type { LloydEngine, LloydEngineKind } from './engines/types';

/** 'auto' follows the policy above; the others force that engine. */
export type KMeansEngineChoice = 'auto' | LloydEngineKind;

/** The choices a caller without workers can make (the CLI's --kmeans-engine). */
export const KMEANS_ENGINES: readonly KMeansEngineChoice[] = ['auto', 'wasm-simd-elkan', 'wasm-simd', 'tfjs', 'ts'];

const ALL_CHOICES: readonly KMeansEngineChoice[] = [...KMEANS_ENGINES, 'wasm-simd-elkan-sharded', 'wasm-simd-sharded'];

/** One engine's probe: milliseconds of its best timed step on the sample, or why it could not run. */
export interface LloydProbe {
  kind: LloydEngineKind;
  ms?: number;
  error?: string;
}

/** Multiply-adds per step (N x K x D) from which the sharded engine is worth its workers. */
export const SHARD_MIN_WORK = 2 ** 26;

/** Dimensions from which Elkan's bounds pay for their bookkeeping (measured: bench/RESULTS.md). */
export const ELKAN_MIN_DIM = 32;

/** Points in the probe sample (evenly spaced rows) and timed steps per candidate after a warm-up. */
const PROBE_ROWS = 4096;
const PROBE_ROUNDS = 3;

/** The problem's shape, for the order. */
export interface LloydShape {
  n: number;
  dim: number;
  k: number;
}

/** The 'auto' order before any timing, and whether tfjs runs on a GPU (then the order is probed). */
export function autoOrder(shape: LloydShape, host: LloydHost = {}): { order: LloydEngineKind[]; gpu: boolean } {
  const simd = simdSupported();
  const backend = host.tfBackend?.name ?? tf.getBackend();
  const gpu = backend === 'webgl' && host.tfBackend?.softwareRenderer !== true;
  const order: LloydEngineKind[] = [];
  const sharded = host.spawnShard !== undefined && hostCores(host) >= 2 && shape.n * shape.k * shape.dim >= SHARD_MIN_WORK;
  const elkan = shape.dim >= ELKAN_MIN_DIM;
  if (simd && elkan && sharded) order.push('wasm-simd-elkan-sharded');
  if (simd && elkan) order.push('wasm-simd-elkan');
  if (simd && sharded) order.push('wasm-simd-sharded');
  if (simd) order.push('wasm-simd');
  if (gpu || (!simd && backend === 'wasm')) order.push('tfjs');
  order.push('ts');
  return { order, gpu: gpu && simd };
}

function sampleRows(points: Matrix | RowSource, rows: number): Matrix {
  const source = asRowSource(points);
  const { cols } = source;
  const take = Math.min(rows, source.rows);
  const data = new Float32Array(take * cols);
  for (let i = 0; i < take; i++) {
    const r = Math.floor((i * source.rows) / take);
    source.copyRows(data.subarray(i * cols, (i + 1) * cols), cols, r, r + 1);
  }
  return { rows: take, cols, data };
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const now = (): number => globalThis.performance?.now() ?? Date.now();

/**
 * Times PROBE_ROUNDS steps of each candidate on up to PROBE_ROWS points after one untimed warm-up
 * step (which compiles wasm / shaders) and keeps each one's best; fastest first, failures last.
 */
export async function probeLloydEngines(
  points: Matrix | RowSource,
  k: number,
  candidates: LloydEngineKind[],
  host: LloydHost = {},
): Promise<LloydProbe[]> {
  const sample = sampleRows(points, Math.max(PROBE_ROWS, k));
  const mu = sample.data.slice(0, k * sample.cols);
  const errors = new Map<LloydEngineKind, string>();
  const live: Array<{ kind: LloydEngineKind; engine: LloydEngine; best: number }> = [];
  try {
    for (const kind of candidates) {
      let engine: LloydEngine | undefined;
      try {
        engine = await buildLloydEngine(kind, sample, k, host);
        await engine.step(mu);
        live.push({ kind, engine, best: Infinity });
      } catch (e) {
        engine?.dispose();
        errors.set(kind, message(e));
      }
    }
    // Rounds interleave the candidates, so one engine's background compile does not land on
    // the timing of the next.
    for (let round = 0; round < PROBE_ROUNDS; round++) {
      for (const c of live) {
        if (errors.has(c.kind)) continue;
        try {
          const t0 = now();
          await c.engine.step(mu);
          c.best = Math.min(c.best, now() - t0);
        } catch (e) {
          errors.set(c.kind, message(e));
        }
      }
    }
  } finally {
    for (const c of live) c.engine.dispose();
  }
  const out: LloydProbe[] = candidates.map((kind) => {
    const error = errors.get(kind);
    return error !== undefined ? { kind, error } : { kind, ms: live.find((c) => c.kind === kind)?.best };
  });
  return out.sort((a, b) => (a.ms ?? Infinity) - (b.ms ?? Infinity));
}

/** Throws unless `choice` is an engine choice. */
export function checkEngineChoice(choice: KMeansEngineChoice): void {
  if (!ALL_CHOICES.includes(choice)) {
    throw new Error(`unknown k-means engine '${String(choice)}' (expected one of ${ALL_CHOICES.join(', ')})`);
  }
}

/**
 * The engines to try for `choice`, in order (see the policy above), with the probe's timings
 * when one ran. A candidate that failed its probe is left out of the order (the kernel that
 * failed is also the sharded engine's).
 */
export async function planKMeansEngines(
  points: Matrix | RowSource,
  k: number,
  choice: KMeansEngineChoice,
  host: LloydHost = {},
): Promise<{ order: LloydEngineKind[]; probes: LloydProbe[] }> {
  checkEngineChoice(choice);
  if (choice !== 'auto') return { order: [choice], probes: [] };
  const { order, gpu } = autoOrder({ n: points.rows, dim: points.cols, k }, host);
  if (!gpu) return { order, probes: [] };
  const probes = await probeLloydEngines(points, k, ['wasm-simd', 'tfjs'], host);
  const failed = new Set(probes.filter((p) => p.ms === undefined).map((p) => p.kind));
  // The same kernel runs in every shard, and under the bounds.
  if (failed.has('wasm-simd'))
    for (const kind of ['wasm-simd-sharded', 'wasm-simd-elkan', 'wasm-simd-elkan-sharded'] as const) failed.add(kind);
  const tfjsFirst = probes[0].kind === 'tfjs' && probes[0].ms !== undefined;
  const kept = order.filter((kind) => !failed.has(kind));
  return { order: tfjsFirst ? ['tfjs', ...kept.filter((kind) => kind !== 'tfjs')] : kept, probes };
}
