/**
 * A tiny WebAssembly binary assembler: just the sections and opcodes the k-means and learned-map
 * kernels need (integer/float scalars, v128 SIMD, loops, one exported memory). Emitting bytes from
 * TypeScript means no build step and no dependency: the same module instantiates in Node, browsers
 * and workers, and it can be specialised to each problem's shape (constant offsets, unrolled loops).
 */

export type ValType = 'i32' | 'f32' | 'f64' | 'v128';

const VALTYPE: Record<ValType, number> = { i32: 0x7f, f32: 0x7d, f64: 0x7c, v128: 0x7b };

/** Unsigned LEB128. */
export function uleb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
export function sleb(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

function utf8(s: string): number[] {
  return Array.from(new TextEncoder().encode(s));
}

/** A length-prefixed vector of already-encoded items. */
function vec(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

const SIMD = 0xfd;
const simd = (op: number): number[] => [SIMD, ...uleb(op)];
/** memarg: alignment exponent then byte offset (the offset folds constant address parts into the op). */
const mem =
  (op: number[], align: number) =>
  (offset = 0): number[] => [...op, align, ...uleb(offset)];

/**
 * Opcodes as byte arrays, named as in the text format. Loads and stores take the static byte
 * offset. Numbering: WebAssembly core spec 2.0 and the fixed-width SIMD proposal.
 */
export const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  if: [0x04, 0x40],
  else: [0x05],
  end: [0x0b],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  return: [0x0f],
  drop: [0x1a],
  select: [0x1b],
  localGet: (i: number) => [0x20, ...uleb(i)],
  localSet: (i: number) => [0x21, ...uleb(i)],
  localTee: (i: number) => [0x22, ...uleb(i)],
  i32Load: mem([0x28], 2),
  f32Load: mem([0x2a], 2),
  f64Load: mem([0x2b], 3),
  i32Store: mem([0x36], 2),
  f32Store: mem([0x38], 2),
  f64Store: mem([0x39], 3),
  i32Const: (v: number) => [0x41, ...sleb(v)],
  f32Const: (v: number) => {
    const b = new Uint8Array(new Float32Array([v]).buffer);
    return [0x43, ...b];
  },
  f64Const: (v: number) => {
    const b = new Uint8Array(new Float64Array([v]).buffer);
    return [0x44, ...b];
  },
  i32Eqz: [0x45],
  i32Eq: [0x46],
  i32Ne: [0x47],
  i32LtS: [0x48],
  i32LtU: [0x49],
  i32GtS: [0x4a],
  i32GeU: [0x4f],
  f32Lt: [0x5d],
  f32Gt: [0x5e],
  i32Add: [0x6a],
  i32Sub: [0x6b],
  i32Mul: [0x6c],
  i32Shl: [0x74],
  f32Add: [0x92],
  f32Sub: [0x93],
  f32Mul: [0x94],
  f32Min: [0x96],
  f64Add: [0xa0],
  f64Sub: [0xa1],
  f64Mul: [0xa2],
  f64ConvertI32S: [0xb7],
  f64PromoteF32: [0xbb],
  v128Load: mem(simd(0x00), 4),
  v128Load32Splat: mem(simd(0x09), 2),
  v128Load64Zero: mem(simd(0x5d), 3),
  v128Store: mem(simd(0x0b), 4),
  v128Const: (bytes: number[]) => [...simd(0x0c), ...bytes],
  i8x16Shuffle: (lanes: number[]) => [...simd(0x0d), ...lanes],
  f32x4Splat: simd(0x13),
  f64x2Splat: simd(0x14),
  i32x4ExtractLane: (lane: number) => [...simd(0x1b), lane],
  f32x4ExtractLane: (lane: number) => [...simd(0x1f), lane],
  f64x2ExtractLane: (lane: number) => [...simd(0x21), lane],
  f32x4Lt: simd(0x43),
  v128Bitselect: simd(0x52),
  f32x4DemoteF64x2Zero: simd(0x5e),
  f64x2PromoteLowF32x4: simd(0x5f),
  i32x4Add: simd(0xae),
  f32x4Add: simd(0xe4),
  f32x4Sub: simd(0xe5),
  f32x4Mul: simd(0xe6),
  f32x4Min: simd(0xe8),
  f32x4Max: simd(0xe9),
  f64x2Add: simd(0xf0),
  f64x2Sub: simd(0xf1),
  f64x2Mul: simd(0xf2),
  /** Relaxed SIMD: a * b + c, fused or not at the engine's choice (only where relaxed SIMD validates). */
  f32x4RelaxedMadd: simd(0x105),
};

/** One function: parameter and local types, the body's bytes (without the final `end`). */
export interface WasmFunction {
  name: string;
  params: ValType[];
  results: ValType[];
  /** Extra locals, numbered after the parameters. */
  locals: ValType[];
  body: number[];
}

/** A module of exported functions sharing one exported memory named `memory`. */
export interface WasmModuleSpec {
  /** Initial (and fixed minimum) size of the memory in 64 KiB pages. */
  memoryPages: number;
  functions: WasmFunction[];
}

function encodeLocals(locals: ValType[]): number[] {
  // Runs of equal types: (count, type) pairs.
  const runs: number[][] = [];
  for (let i = 0; i < locals.length;) {
    let j = i;
    while (j < locals.length && locals[j] === locals[i]) j++;
    runs.push([...uleb(j - i), VALTYPE[locals[i]]]);
    i = j;
  }
  return vec(runs);
}

/** Encodes the module's bytes (magic, version, type, function, memory, export and code sections). */
export function assembleModule(spec: WasmModuleSpec): Uint8Array<ArrayBuffer> {
  const types = spec.functions.map((f) => [0x60, ...vec(f.params.map((t) => [VALTYPE[t]])), ...vec(f.results.map((t) => [VALTYPE[t]]))]);
  const funcs = spec.functions.map((_, i) => uleb(i));
  const memory = [[0x00, ...uleb(spec.memoryPages)]]; // limits: min only
  const exports = [
    [...uleb(6), ...utf8('memory'), 0x02, 0x00],
    ...spec.functions.map((f, i) => [...uleb(utf8(f.name).length), ...utf8(f.name), 0x00, ...uleb(i)]),
  ];
  const code = spec.functions.map((f) => {
    const body = [...encodeLocals(f.locals), ...f.body, ...op.end];
    return [...uleb(body.length), ...body];
  });
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, vec(types)),
    ...section(3, vec(funcs)),
    ...section(5, vec(memory)),
    ...section(7, vec(exports)),
    ...section(10, vec(code)),
  ]);
}

/** Whether this engine validates a module using fixed-width SIMD (and, with relaxed, relaxed SIMD). */
export function simdSupported(relaxed = false): boolean {
  if (typeof WebAssembly === 'undefined') return false;
  const v = op.localGet(0);
  const body = relaxed ? [...v, ...v, ...v, ...op.f32x4RelaxedMadd] : [...v, ...v, ...op.f32x4Add];
  const bytes = assembleModule({
    memoryPages: 1,
    functions: [{ name: 'f', params: ['v128'], results: ['v128'], locals: [], body }],
  });
  try {
    return WebAssembly.validate(bytes);
  } catch {
    return false;
  }
}
