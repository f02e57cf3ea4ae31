import { describe, expect, it } from 'vitest';
import { instantiateKernel, kernelMemory } from './wasmKernels';

/** The kernel's vector exp (which 0) or ln (which 1) of `values`, through its mapMath export. */
async function mapMath(values: number[], which: 0 | 1): Promise<Float32Array> {
  const memory = kernelMemory(16 + values.length * 4 + 64);
  const { mapMath } = await instantiateKernel<{ mapMath: (p: number, n: number, which: number) => void }>('learnedMap', memory);
  const n = Math.ceil(values.length / 4) * 4;
  const view = new Float32Array(memory.buffer, 16, n).fill(1);
  view.set(values);
  mapMath(16, n, which);
  return view.slice(0, values.length);
}

function worstRelativeError(got: Float32Array, want: (x: number) => number, xs: number[]): number {
  let worst = 0;
  xs.forEach((x, i) => {
    const w = want(Math.fround(x));
    worst = Math.max(worst, Math.abs(got[i] - w) / Math.abs(w));
  });
  return worst;
}

describe("the learned-map kernel's float32 exp and log (softmax and log loss)", () => {
  it('are within 3 float32 ulps of Math.exp and Math.log over the ranges the training meets', async () => {
    const ulp = 2 ** -23;
    // exp after the softmax's max subtraction: (-87, 0]; and up to 88 for completeness.
    const xs = Array.from({ length: 4001 }, (_, i) => -87 + (175 * i) / 4000);
    expect(worstRelativeError(await mapMath(xs, 0), Math.exp, xs)).toBeLessThan(3 * ulp);
    // ln of the clipped gamma and of 1 - gamma: [1e-6, 1], plus large values.
    const gs = [...Array.from({ length: 3000 }, (_, i) => 1e-6 * 10 ** ((6 * i) / 2999)), 0.5, 0.7071, 0.7072, 1 - 1e-6, 2, 1e6];
    const logs = await mapMath(gs, 1);
    gs.forEach((g, i) => expect(Math.abs(logs[i] - Math.log(Math.fround(g)))).toBeLessThan(3 * ulp * Math.max(1, Math.abs(Math.log(g)))));
    expect(logs[gs.length - 3]).toBeCloseTo(Math.log(Math.fround(1 - 1e-6)), 12); // near 1: exact to float32 (Sterbenz)
  });
});
