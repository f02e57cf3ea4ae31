/**
 * The compiled WebAssembly SIMD kernels (AssemblyScript sources in assembly/, bytes generated into
 * generated/ by scripts/build-kernels.mjs): decoding, SIMD detection, memory and instantiation.
 * Every kernel imports its memory, so the caller sizes it for the problem at hand.
 */
import { WASM_BASE64 as ELKAN } from './generated/elkan';
import { WASM_BASE64 as KNN_SCORES } from './generated/knnScores';
import { WASM_BASE64 as LEARNED_MAP } from './generated/learnedMap';
import { WASM_BASE64 as LLOYD } from './generated/lloyd';
import { WASM_BASE64 as SEEDING } from './generated/seeding';
import { createShelf } from './shelf';

export type KernelName = 'lloyd' | 'elkan' | 'learnedMap' | 'knnScores' | 'seeding';

const BASE64: Record<KernelName, string> = { lloyd: LLOYD, elkan: ELKAN, learnedMap: LEARNED_MAP, knnScores: KNN_SCORES, seeding: SEEDING };

const decoded = new Map<KernelName, Uint8Array<ArrayBuffer>>();
const compiled = new Map<KernelName, Promise<WebAssembly.Module>>();

/** The kernel's module bytes. */
export function kernelBytes(name: KernelName): Uint8Array<ArrayBuffer> {
  let bytes = decoded.get(name);
  if (bytes === undefined) {
    const text = atob(BASE64[name]);
    bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    decoded.set(name, bytes);
  }
  return bytes;
}

/** Whether this engine validates the kernels, i.e. has WebAssembly with fixed-width SIMD. */
export function simdSupported(): boolean {
  if (typeof WebAssembly === 'undefined') return false;
  try {
    return (['lloyd', 'elkan', 'learnedMap'] as const).every((name) => WebAssembly.validate(kernelBytes(name)));
  } catch {
    return false;
  }
}

/** A memory of at least `bytes` bytes (whole 64 KiB pages); throws a RangeError where it cannot be had. */
export function kernelMemory(bytes: number): WebAssembly.Memory {
  return new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) });
}

/**
 * One memory kept per thread between the Lloyd kernels of consecutive k-means runs (a run's trials,
 * a K sweep, the same shard worker's next run), for the pages a fresh one would fault in (shelf.ts).
 */
const spareMemory = createShelf<WebAssembly.Memory>((m) => m.buffer.byteLength, 1);

/** kernelMemory, or the thread's spare memory, zeroed up to `bytes` (what a fresh one would hold). */
export function reusedKernelMemory(bytes: number): WebAssembly.Memory {
  const memory = spareMemory.take(bytes);
  if (memory === undefined) return kernelMemory(bytes);
  new Uint8Array(memory.buffer, 0, bytes).fill(0);
  return memory;
}

/** Runs a kernel's set-up on `memory`, handing the memory back when the set-up throws. */
export async function settingUp<T>(memory: WebAssembly.Memory, setUp: () => Promise<T>): Promise<T> {
  try {
    return await setUp();
  } catch (e) {
    returnKernelMemory(memory);
    throw e;
  }
}

/** Hands a kernel's memory back when the kernel is disposed (once: the kernel must not touch it again). */
export function returnKernelMemory(memory: WebAssembly.Memory): void {
  spareMemory.put(memory);
}

/** The kernel's compiled module (compiled once per thread, or adopted from another thread). */
export function kernelModule(name: KernelName): Promise<WebAssembly.Module> {
  let module = compiled.get(name);
  if (module === undefined) {
    module = WebAssembly.compile(kernelBytes(name));
    compiled.set(name, module);
  }
  return module;
}

/**
 * Uses a module compiled on another thread (posted in a message) for this kernel. Threads that
 * share one module share its machine code: a worker started for a run begins with the optimised
 * code earlier runs tiered up to, not with the baseline compiler's (measured: the first steps of a
 * fresh shard ran about 1.6x slower).
 */
export function adoptKernelModule(name: KernelName, module: WebAssembly.Module): void {
  compiled.set(name, Promise.resolve(module));
}

/** Instantiates a kernel over `memory` (the module is compiled once per kernel) and returns its exports. */
export async function instantiateKernel<T>(name: KernelName, memory: WebAssembly.Memory): Promise<T> {
  if (!simdSupported()) throw new Error('WebAssembly SIMD is not available in this engine');
  const instance = await WebAssembly.instantiate(await kernelModule(name), { env: { memory } });
  return instance.exports as T;
}

const compiledSync = new Map<KernelName, WebAssembly.Module>();

/**
 * instantiateKernel for a synchronous caller: compiled and instantiated in place, which engines
 * allow for small modules on any thread (the kernels are a few KB).
 */
export function instantiateKernelSync<T>(name: KernelName, memory: WebAssembly.Memory): T {
  if (!simdSupported()) throw new Error('WebAssembly SIMD is not available in this engine');
  let module = compiledSync.get(name);
  if (module === undefined) {
    module = new WebAssembly.Module(kernelBytes(name));
    compiledSync.set(name, module);
  }
  return new WebAssembly.Instance(module, { env: { memory } }).exports as T;
}
