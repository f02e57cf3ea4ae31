import { describe, expect, it } from 'vitest';
import { assembleModule, op, simdSupported, sleb, uleb } from './wasmAssembler';
import { gemmFunction } from './wasmGemm';

describe('LEB128', () => {
  it('encodes the spec examples', () => {
    // Wikipedia / DWARF examples: 624485 = 0xE5 0x8E 0x26; -123456 = 0xC0 0xBB 0x78.
    expect(uleb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(uleb(0)).toEqual([0]);
    expect(uleb(127)).toEqual([0x7f]);
    expect(uleb(128)).toEqual([0x80, 0x01]);
    expect(sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(sleb(63)).toEqual([0x3f]);
    expect(sleb(64)).toEqual([0xc0, 0x00]); // bit 6 set would read as negative: needs a second byte
    expect(sleb(-1)).toEqual([0x7f]);
    expect(sleb(-65)).toEqual([0xbf, 0x7f]);
  });
});

describe('assembleModule', () => {
  it('Node has WebAssembly SIMD', () => {
    expect(simdSupported()).toBe(true);
  });

  it('runs a SIMD function over its exported memory', async () => {
    // axpy4(p): mem[p..p+16) = mem[p..p+16) * splat(2.5) + mem[p+16..p+32), returns lane 3 + 0.5 (f32).
    const body = [
      ...op.localGet(0),
      ...op.localGet(0),
      ...op.v128Load(0),
      ...op.f32Const(2.5),
      ...op.f32x4Splat,
      ...op.f32x4Mul,
      ...op.localGet(0),
      ...op.v128Load(16),
      ...op.f32x4Add,
      ...op.v128Store(0),
      ...op.localGet(0),
      ...op.v128Load(0),
      ...op.f32x4ExtractLane(3),
      ...op.f32Const(0.5),
      ...op.f32Add,
    ];
    const bytes = assembleModule({ memoryPages: 1, functions: [{ name: 'axpy4', params: ['i32'], results: ['f32'], locals: [], body }] });
    expect(WebAssembly.validate(bytes)).toBe(true);
    const { instance } = await WebAssembly.instantiate(bytes);
    const ex = instance.exports as unknown as { memory: WebAssembly.Memory; axpy4: (p: number) => number };
    const mem = new Float32Array(ex.memory.buffer, 32, 8);
    mem.set([1, 2, 3, 4, 10, 20, 30, 40]);
    // lane 3: 4 * 2.5 + 40 = 50, plus 0.5 = 50.5
    expect(ex.axpy4(32)).toBe(50.5);
    expect(Array.from(mem.subarray(0, 4))).toEqual([12.5, 25, 37.5, 50]);
  });

  it('generates a matrix product that matches the plain loop, with row, column and kd tails', async () => {
    // C (5 x 8) = A (5 x 7, stride 8) B (7 x 8): 5 rows = two 2-row tiles + one 1-row tail;
    // kd = 7 = one unrolled block of 4 + 3 single steps; 8 columns = 2 vectors (one partial group of 4).
    const [m, kd, cols, lda] = [5, 7, 8, 8];
    const fn = gemmFunction({ name: 'mm', cols, lda, ldb: cols, ldc: cols, points: 2, vectors: 4, unroll: 4 });
    const bytes = assembleModule({ memoryPages: 1, functions: [fn] });
    const { instance } = await WebAssembly.instantiate(bytes);
    const ex = instance.exports as unknown as { memory: WebAssembly.Memory; mm: (...a: number[]) => void };
    const [aAt, bAt, cAt] = [64, 64 + m * lda * 4, 64 + m * lda * 4 + kd * cols * 4];
    const A = new Float32Array(ex.memory.buffer, aAt, m * lda);
    const B = new Float32Array(ex.memory.buffer, bAt, kd * cols);
    const C = new Float32Array(ex.memory.buffer, cAt, m * cols);
    for (let i = 0; i < A.length; i++) A[i] = ((i * 7) % 11) - 5;
    for (let i = 0; i < B.length; i++) B[i] = ((i * 5) % 13) - 6;
    C.fill(NaN);
    ex.mm(aAt, bAt, cAt, m, kd);
    for (let r = 0; r < m; r++) {
      for (let c = 0; c < cols; c++) {
        let s = 0;
        for (let q = 0; q < kd; q++) s += A[r * lda + q] * B[q * cols + c];
        expect(C[r * cols + c]).toBe(s); // small integers: exact in float32
      }
    }
  });
});
