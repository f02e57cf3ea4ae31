/**
 * The only place in RouteLab that picks a tfjs backend. Everything else just uses `tf` on whatever
 * backend initTf chose. Works in Node (no WebGL there: webgl is recorded as failed), in the
 * browser and in a worker (WebGL through OffscreenCanvas); it never touches document or window.
 */
import * as tf from '@tensorflow/tfjs';
// Side effect: registers the 'wasm' backend with tfjs.
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

export type BackendName = 'webgl' | 'wasm' | 'cpu';

/** One backend initTf tried, in the order tried. */
export interface BackendAttempt {
  name: BackendName;
  ok: boolean;
  /** Why it failed (initialisation error, or a wrong sanity-check result). */
  error?: string;
  /** With `probe`: milliseconds of the timed benchmark (PROBE_SIZE^2 matMul x PROBE_REPEATS, read back). */
  probeMs?: number;
}

export interface BackendInfo {
  backend: BackendName;
  /** GPU renderer string (webgl only, when the browser exposes it). */
  renderer?: string;
  /** The renderer is a CPU emulation (SwiftShader, llvmpipe): a reason to prefer wasm. */
  softwareRenderer: boolean;
  tried: BackendAttempt[];
}

export interface InitTfOptions {
  /** Backends in order of preference; the first that initialises and passes the sanity check wins. */
  prefer?: BackendName[];
  /** Where the tfjs-backend-wasm .wasm files are served (a folder prefix or a file map); Node needs none. */
  wasmPaths?: string | Record<string, string>;
  /** Also try the backends after the winner and time a small benchmark on each (probeMs). */
  probe?: boolean;
}

const DEFAULTS = { prefer: ['webgl', 'wasm', 'cpu'] as BackendName[], probe: false };
const KNOWN: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|software/i;
const PROBE_SIZE = 256;
const PROBE_REPEATS = 5;

/** True when a WebGL renderer string names a software rasteriser. */
export function isSoftwareRenderer(renderer: string | undefined): boolean {
  return renderer !== undefined && SOFTWARE_RENDERER.test(renderer);
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}

/** A tiny matMul whose answer is known: catches a backend that initialises but computes garbage. */
async function sanityCheck(): Promise<void> {
  const product = tf.tidy(() => tf.matMul(tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.tensor2d([5, 6], [2, 1])));
  const got = Array.from(await product.data());
  product.dispose();
  // [[1,2],[3,4]] x [5,6]^T = [1*5 + 2*6, 3*5 + 4*6] = [17, 39]
  if (got.length !== 2 || got[0] !== 17 || got[1] !== 39) {
    throw new Error(`sanity matMul gave [${got.join(', ')}], expected [17, 39]`);
  }
}

async function timeBenchmark(): Promise<number> {
  const a = tf.randomUniform([PROBE_SIZE, PROBE_SIZE], 0, 1, 'float32', 1);
  try {
    // One untimed run first: the first call on webgl compiles shaders.
    const warm = tf.tidy(() => tf.sum(tf.matMul(a, a)));
    await warm.data();
    warm.dispose();
    const t0 = now();
    const out = tf.tidy(() => {
      let acc = tf.matMul(a, a);
      for (let i = 1; i < PROBE_REPEATS; i++) acc = tf.add(acc, tf.matMul(a, a));
      return tf.sum(acc);
    });
    await out.data();
    out.dispose();
    return now() - t0;
  } finally {
    a.dispose();
  }
}

async function tryBackend(name: BackendName, probe: boolean): Promise<BackendAttempt> {
  try {
    // tfjs throws for a backend that was never registered (webgl in Node) and returns false for
    // one whose initialisation failed (no WebGL context); both are a failed attempt.
    const ok = await tf.setBackend(name);
    if (!ok) return { name, ok: false, error: `tf.setBackend('${name}') failed to initialise` };
    await tf.ready();
    await sanityCheck();
    return probe ? { name, ok: true, probeMs: await timeBenchmark() } : { name, ok: true };
  } catch (e) {
    return { name, ok: false, error: message(e) };
  }
}

interface GlLike {
  getExtension(name: string): unknown;
  getParameter(p: number): unknown;
  RENDERER: number;
}

/** Reads the renderer of the webgl backend's context, if the backend and browser expose it. */
function readRenderer(): string | undefined {
  try {
    const gl = (tf.backend() as unknown as { gpgpu?: { gl?: GlLike } }).gpgpu?.gl;
    if (!gl || typeof gl.getParameter !== 'function') return undefined;
    const ext = gl.getExtension('WEBGL_debug_renderer_info') as { UNMASKED_RENDERER_WEBGL?: number } | null;
    const value =
      ext && typeof ext.UNMASKED_RENDERER_WEBGL === 'number' ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

function applyWasmPaths(paths: string | Record<string, string>): void {
  try {
    setWasmPaths(paths as Parameters<typeof setWasmPaths>[0]);
  } catch (e) {
    // tfjs refuses new paths after a wasm start that aborted; the wasm attempt then reports why.
    if (!/already initialized/i.test(message(e))) throw e;
  }
}

/**
 * Picks the tfjs backend: tries `prefer` in order (setBackend + ready + a sanity matMul), keeps the
 * first that works, records every failure. Throws only when none works.
 */
export async function initTf(options: InitTfOptions = {}): Promise<BackendInfo> {
  const opts = { ...DEFAULTS, ...options };
  if (opts.prefer.length === 0) throw new Error('initTf: prefer lists no backend');
  for (const name of opts.prefer) {
    if (!KNOWN.includes(name)) throw new Error(`initTf: unknown backend '${String(name)}' (expected one of ${KNOWN.join(', ')})`);
  }
  if (opts.wasmPaths !== undefined) applyWasmPaths(opts.wasmPaths);
  const tried: BackendAttempt[] = [];
  let chosen: BackendName | undefined;
  let renderer: string | undefined;
  for (const name of opts.prefer) {
    if (chosen !== undefined && !opts.probe) break;
    const attempt = await tryBackend(name, opts.probe);
    tried.push(attempt);
    if (attempt.ok && chosen === undefined) {
      chosen = name;
      if (name === 'webgl') renderer = readRenderer();
    }
  }
  if (chosen === undefined) {
    throw new Error(`no tfjs backend works: ${tried.map((t) => `${t.name}: ${t.error ?? 'failed'}`).join('; ')}`);
  }
  // With probe the last backend tried may not be the winner: switch back.
  if (tf.getBackend() !== chosen) {
    await tf.setBackend(chosen);
    await tf.ready();
  }
  return { backend: chosen, renderer, softwareRenderer: isSoftwareRenderer(renderer), tried };
}

/** The backend tfjs runs on now. Throws if it is not one RouteLab uses (call initTf first). */
export function currentBackend(): BackendName {
  const name = tf.getBackend() as string | null | undefined;
  if (!name) throw new Error('no tfjs backend picked yet: call initTf() first');
  if (!KNOWN.includes(name as BackendName)) {
    throw new Error(`tfjs runs on '${String(name)}', not a RouteLab backend: call initTf() first`);
  }
  return name as BackendName;
}
