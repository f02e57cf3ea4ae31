/**
 * Picks and builds a Lloyd engine for k-means (centroids mu): 'wasm-simd' (hand-written SIMD
 * kernel), 'tfjs' (current tfjs backend) or 'ts' (plain TypeScript); 'auto' times the candidates
 * on a small sample and keeps the fastest, so a software WebGL renderer loses to wasm while a real
 * GPU can win.
 */
import * as tf from '@tensorflow/tfjs';
import type { Matrix } from '../types';
import type { LloydEngine, LloydEngineKind } from './lloydTypes';
import { createParallelLloydEngine, type SpawnLloydShard } from './lloydParallel';
import { createTfLloydEngine } from './lloydTf';
import { createTsLloydEngine } from './lloydTs';
import { createWasmLloydEngine, type WasmLloydOptions } from './lloydWasm';
import { simdSupported } from './wasmAssembler';

export type LloydEngineChoice = LloydEngineKind | 'auto';

export interface LloydEngineOptions {
  /** Default 'auto'. */
  kind?: LloydEngineChoice;
  /** Kernel tuning of 'wasm-simd'. */
  wasm?: WasmLloydOptions;
  /** Candidates 'auto' probes (default: defaultCandidates()). */
  candidates?: LloydEngineKind[];
  /** initTf's verdict on the WebGL renderer: true drops 'tfjs' on webgl from the default candidates. */
  softwareRenderer?: boolean;
  /** Points in the probe sample (evenly spaced rows). */
  probeRows?: number;
  /** The sample's size instead when 'wasm-simd-x2' is a candidate (see probeLloydEngines). */
  parallelProbeRows?: number;
  /** Starts a shard worker: enables 'wasm-simd-x2' (and adds it to 'auto''s default candidates). */
  spawnShard?: SpawnLloydShard;
}

/** One engine's probe: milliseconds of one step on the sample, or why it could not run. */
export interface LloydProbe {
  kind: LloydEngineKind;
  ms?: number;
  error?: string;
}

/** Timed steps per candidate (after one untimed warm-up step); the best one counts. */
const PROBE_ROUNDS = 3;

const DEFAULTS = { kind: 'auto' as LloydEngineChoice, probeRows: 4096, parallelProbeRows: 16384 };

/**
 * The engines worth probing: 'wasm-simd' where SIMD validates, else 'ts'; plus 'tfjs' only on
 * webgl with a renderer not known to be software. tfjs on cpu or wasm runs on the same CPU core
 * as the SIMD kernel with more overhead (measured in bench/RESULTS.md), and probing a webgl
 * backend costs its shader compilation (~2 s on SwiftShader), so neither is probed needlessly.
 */
export function defaultCandidates(softwareRenderer?: boolean, parallel = false): LloydEngineKind[] {
  const out: LloydEngineKind[] = [simdSupported() ? 'wasm-simd' : 'ts'];
  if (parallel && simdSupported()) out.push('wasm-simd-x2');
  if (tf.getBackend() === 'webgl' && softwareRenderer !== true) out.push('tfjs');
  return out;
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}

/** Builds an engine of the given kind (no probing); 'wasm-simd-x2' needs `spawnShard`. */
export async function buildLloydEngine(
  points: Matrix,
  k: number,
  kind: LloydEngineKind,
  wasm?: WasmLloydOptions,
  spawnShard?: SpawnLloydShard,
): Promise<LloydEngine> {
  switch (kind) {
    case 'wasm-simd':
      return createWasmLloydEngine(points, k, wasm);
    case 'wasm-simd-x2':
      if (spawnShard === undefined) throw new Error("the 'wasm-simd-x2' k-means engine needs workers (spawnShard)");
      return createParallelLloydEngine(points, k, spawnShard, { wasm });
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

function sampleRows(points: Matrix, rows: number): Matrix {
  if (points.rows <= rows) return points;
  const { cols } = points;
  const data = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const r = Math.floor((i * points.rows) / rows);
    data.set(points.data.subarray(r * cols, (r + 1) * cols), i * cols);
  }
  return { rows, cols, data };
}

/**
 * Times PROBE_ROUNDS steps of each candidate on up to probeRows points (after one untimed warm-up
 * step, which compiles wasm / shaders) and keeps each one's best; fastest first, failures last. With 'wasm-simd-x2' among the
 * candidates the sample is parallelProbeRows: on 4096 rows a step takes ~2 ms and the workers'
 * message round trip (~0.5 ms) hides the second core, so the probe would misjudge a full-size
 * problem (in Chromium at N = 20000, K = 32: probe 2.3 vs 2.7 ms, full run 237 vs 132 ms).
 */
export async function probeLloydEngines(points: Matrix, k: number, options: LloydEngineOptions = {}): Promise<LloydProbe[]> {
  const o = { ...DEFAULTS, ...options };
  const candidates = o.candidates ?? defaultCandidates(o.softwareRenderer, o.spawnShard !== undefined);
  const rows = candidates.includes('wasm-simd-x2') ? o.parallelProbeRows : o.probeRows;
  const sample = sampleRows(points, Math.max(rows, k));
  const mu = sample.data.slice(0, k * sample.cols);
  const errors = new Map<LloydEngineKind, string>();
  const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
  const live: Array<{ kind: LloydEngineKind; engine: LloydEngine; best: number }> = [];
  try {
    for (const kind of candidates) {
      if ((kind === 'wasm-simd' || kind === 'wasm-simd-x2') && !simdSupported()) {
        errors.set(kind, 'WebAssembly SIMD is not available');
        continue;
      }
      let engine: LloydEngine | undefined;
      try {
        engine = await buildLloydEngine(sample, k, kind, o.wasm, o.spawnShard);
        await engine.step(mu);
        live.push({ kind, engine, best: Infinity });
      } catch (e) {
        engine?.dispose();
        errors.set(kind, message(e));
      }
    }
    // Timed rounds interleave the candidates: the engine's background tier-up compile of one
    // kernel (a second core's worth of work right after its warm-up) must not land on the timing
    // of the next, which mattered for the 2-worker kernel on a 2-core machine.
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

/**
 * Builds the engine asked for; with 'auto', probes the candidates and builds the fastest that ran
 * (the probe results come back with it so the UI can show why).
 */
export async function createLloydEngine(
  points: Matrix,
  k: number,
  options: LloydEngineOptions = {},
): Promise<{ engine: LloydEngine; probes: LloydProbe[] }> {
  const o = { ...DEFAULTS, ...options };
  if (o.kind !== 'auto') return { engine: await buildLloydEngine(points, k, o.kind, o.wasm, o.spawnShard), probes: [] };
  const probes = await probeLloydEngines(points, k, o);
  const winner = probes.find((p) => p.ms !== undefined);
  if (winner === undefined) throw new Error(`no Lloyd engine works: ${probes.map((p) => `${p.kind}: ${p.error}`).join('; ')}`);
  return { engine: await buildLloydEngine(points, k, winner.kind, o.wasm, o.spawnShard), probes };
}
