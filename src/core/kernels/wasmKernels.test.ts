import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SOURCE_HASH as ELKAN_HASH } from './generated/elkan';
import { SOURCE_HASH as KNN_SCORES_HASH } from './generated/knnScores';
import { SOURCE_HASH as LEARNED_MAP_HASH } from './generated/learnedMap';
import { SOURCE_HASH as LLOYD_HASH } from './generated/lloyd';
import { SOURCE_HASH as SEEDING_HASH } from './generated/seeding';
import { createLloydKernel } from './lloydKernel';
import { instantiateKernel, kernelBytes, kernelMemory, returnKernelMemory, reusedKernelMemory, simdSupported } from './wasmKernels';

const ASSEMBLY = new URL('./assembly/', import.meta.url);

describe('the compiled kernels', () => {
  it('are built from the current AssemblyScript sources (else: npm run build:kernels)', () => {
    const built: Record<string, string> = {
      'elkan.ts': ELKAN_HASH,
      'knnScores.ts': KNN_SCORES_HASH,
      'learnedMap.ts': LEARNED_MAP_HASH,
      'lloyd.ts': LLOYD_HASH,
      'seeding.ts': SEEDING_HASH,
    };
    const sources = readdirSync(ASSEMBLY).filter((f) => f.endsWith('.ts'));
    expect(sources.sort()).toEqual(Object.keys(built).sort());
    // Each kernel's hash covers its file and the shared files of lib/ (scripts/build-kernels.mjs).
    const LIB = new URL('lib/', ASSEMBLY);
    const shared = readdirSync(LIB)
      .filter((f) => f.endsWith('.ts'))
      .sort();
    expect(shared.length).toBeGreaterThan(0);
    for (const name of sources) {
      const hash = createHash('sha256').update(readFileSync(new URL(name, ASSEMBLY), 'utf8'));
      for (const lib of shared) hash.update(readFileSync(new URL(lib, LIB), 'utf8'));
      expect(hash.digest('hex').slice(0, 16), `${name} changed since the last build: run npm run build:kernels`).toBe(built[name]);
    }
  });

  it('validate here (Node has WebAssembly SIMD) and run on an imported memory', async () => {
    expect(simdSupported()).toBe(true);
    expect(Array.from(kernelBytes('lloyd').subarray(0, 4))).toEqual([0, 0x61, 0x73, 0x6d]); // "\0asm"
    // C = A B with A = [[1, 2], [3, 4], [5, 6]] (3 x 2) and B = [[1, 0, 0, 1], [0, 1, 1, 1]] (2 x 4).
    const memory = kernelMemory(1024);
    const f32 = new Float32Array(memory.buffer);
    f32.set([1, 2, 3, 4, 5, 6], 16 / 4);
    f32.set([1, 0, 0, 1, 0, 1, 1, 1], 64 / 4);
    const { gemm } = await instantiateKernel<{ gemm: (...a: number[]) => void }>('learnedMap', memory);
    gemm(16, 64, 128, 3, 2, 4, 2, 4, 4);
    expect(Array.from(f32.subarray(128 / 4, 128 / 4 + 12))).toEqual([1, 2, 2, 3, 3, 4, 4, 7, 5, 6, 6, 11]);
    expect(() => kernelMemory(2 ** 40)).toThrow(RangeError);
  });

  it('keep one memory per thread between Lloyd kernels, zeroed as a fresh one, the larger when two come back', async () => {
    const big = kernelMemory(4 * 65536);
    const small = kernelMemory(65536);
    new Uint8Array(big.buffer).fill(7);
    returnKernelMemory(big);
    returnKernelMemory(small); // smaller: the larger stays the spare
    const again = reusedKernelMemory(2 * 65536);
    expect(again).toBe(big);
    expect(new Uint8Array(again.buffer, 0, 2 * 65536).every((b) => b === 0)).toBe(true);
    expect(reusedKernelMemory(65536)).not.toBe(big); // handed out once
    // A kernel hands its memory back on dispose, once; the next kernel starts from zeroed memory and steps alike.
    const points = { rows: 6, cols: 3, data: Float32Array.from([0, 1, 2, 1, 1, 1, 5, 5, 5, 6, 5, 4, 9, 0, 1, 8, 1, 0]) };
    const mu = points.data.slice(0, 6);
    const first = await createLloydKernel(points, 2);
    const want = first.step(mu);
    first.dispose();
    first.dispose();
    const second = await createLloydKernel(points, 2);
    const third = await createLloydKernel(points, 2); // the spare went to the second
    for (const kernel of [second, third]) {
      const got = kernel.step(mu);
      expect(Array.from(got.assignments)).toEqual(Array.from(want.assignments));
      expect(Array.from(got.sums)).toEqual(Array.from(want.sums));
    }
  });
});
