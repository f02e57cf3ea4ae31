/**
 * Picks and builds a Lloyd engine for k-means (centroids mu): 'wasm-simd' (hand-written SIMD
 * kernel), 'tfjs' (current tfjs backend) or 'ts' (plain TypeScript); 'auto' times the candidates
 * on a small sample and keeps the fastest, so a software WebGL renderer loses to wasm while a real
 * GPU can win.
 */
import * as tf from '@tensorflow/tfjs';
import type { Matrix } from '../types';
import type { LloydEngine, LloydEngineKind } from './lloydTypes';
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
}

/** One engine's probe: milliseconds of one step on the sample, or why it could not run. */
export interface LloydProbe {
  kind: LloydEngineKind;
  ms?: number;
  error?: string;
}

const DEFAULTS = { kind: 'auto' as LloydEngineChoice, probeRows: 4096 };

/**
 * The engines worth probing: 'wasm-simd' where SIMD validates, else 'ts'; plus 'tfjs' only on
 * webgl with a renderer not known to be software. tfjs on cpu or wasm runs on the same CPU core
 * as the SIMD kernel with more overhead (measured in bench/RESULTS.md), and probing a webgl
 * backend costs its shader compilation (~2 s on SwiftShader), so neither is probed needlessly.
 */
export function defaultCandidates(softwareRenderer?: boolean): LloydEngineKind[] {
  const out: LloydEngineKind[] = [simdSupported() ? 'wasm-simd' : 'ts'];
  if (tf.getBackend() === 'webgl' && softwareRenderer !== true) out.push('tfjs');
  return out;
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}

/** Builds an engine of the given kind (no probing). */
export async function buildLloydEngine(points: Matrix, k: number, kind: LloydEngineKind, wasm?: WasmLloydOptions): Promise<LloydEngine> {
  switch (kind) {
    case 'wasm-simd':
      return createWasmLloydEngine(points, k, wasm);
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
 * Times one step of each candidate on up to probeRows points (after one untimed warm-up step,
 * which compiles wasm / shaders); fastest first, failures last.
 */
export async function probeLloydEngines(points: Matrix, k: number, options: LloydEngineOptions = {}): Promise<LloydProbe[]> {
  const o = { ...DEFAULTS, ...options };
  const candidates = o.candidates ?? defaultCandidates(o.softwareRenderer);
  const sample = sampleRows(points, Math.max(o.probeRows, k));
  const mu = sample.data.slice(0, k * sample.cols);
  const out: LloydProbe[] = [];
  for (const kind of candidates) {
    if (kind === 'wasm-simd' && !simdSupported()) {
      out.push({ kind, error: 'WebAssembly SIMD is not available' });
      continue;
    }
    let engine: LloydEngine | undefined;
    try {
      engine = await buildLloydEngine(sample, k, kind, o.wasm);
      await engine.step(mu);
      let best = Infinity;
      for (let rep = 0; rep < 2; rep++) {
        const t0 = now();
        await engine.step(mu);
        best = Math.min(best, now() - t0);
      }
      out.push({ kind, ms: best });
    } catch (e) {
      out.push({ kind, error: e instanceof Error ? e.message : String(e) });
    } finally {
      engine?.dispose();
    }
  }
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
  if (o.kind !== 'auto') return { engine: await buildLloydEngine(points, k, o.kind, o.wasm), probes: [] };
  const probes = await probeLloydEngines(points, k, o);
  const winner = probes.find((p) => p.ms !== undefined);
  if (winner === undefined) throw new Error(`no Lloyd engine works: ${probes.map((p) => `${p.kind}: ${p.error}`).join('; ')}`);
  return { engine: await buildLloydEngine(points, k, winner.kind, o.wasm), probes };
}
