/**
 * Seeded sparse random projection from hashed buckets to the embedding width D (Achlioptas / Li
 * style): bucket b contributes to s distinct output dimensions with weights +-1/sqrt(s). The
 * dimensions and signs are derived from (seed, b, j) by an integer hash, so no matrix is stored:
 * the same seed rebuilds the same projection in Node and in the browser.
 */
import { mix32 } from './features';

/** Non-zeros per bucket (s). Fewer when D < 8, so the s dimensions can stay distinct. */
export const PROJECTION_NONZEROS = 8;
const GOLDEN = 0x9e3779b9;

export interface Projection {
  /** Non-zeros per bucket actually used: min(8, dim). */
  s: number;
  /** dims[b * s + j] = output dimension of the j-th non-zero of bucket b. */
  dims: Int32Array;
  /** weights[b * s + j] = +1/sqrt(s) or -1/sqrt(s). */
  weights: Float64Array;
  /**
   * The same table, small enough to stay in cache: dims16 the dimensions, signs +1 or -1. The product
   * w * scale * sign is exactly w * weights (multiplying by -1 only flips the sign bit).
   */
  dims16: Int16Array;
  signs: Int8Array;
  /** 1/sqrt(s). */
  scale: number;
}

/** Builds the projection table for (buckets, dim, seed). */
export function buildProjection(buckets: number, dim: number, seed: number): Projection {
  const s = Math.min(PROJECTION_NONZEROS, dim);
  const scale = 1 / Math.sqrt(s);
  const dims = new Int32Array(buckets * s);
  const weights = new Float64Array(buckets * s);
  const base = mix32(seed ^ 0x5bd1e995);
  for (let b = 0; b < buckets; b++) {
    const off = b * s;
    for (let j = 0; j < s; j++) {
      let h = mix32(base ^ mix32(b * PROJECTION_NONZEROS + j));
      let d = h % dim;
      // Re-hash until the dimension is new for this bucket: a repeated dimension would make the
      // bucket's weight cancel or double there instead of spreading over s dimensions.
      while (dims.subarray(off, off + j).includes(d)) {
        h = mix32(h + GOLDEN);
        d = h % dim;
      }
      dims[off + j] = d;
      weights[off + j] = h & 0x80000000 ? -scale : scale;
    }
  }
  const signs = Int8Array.from(weights, (w) => (w < 0 ? -1 : 1));
  return { s, dims, weights, dims16: Int16Array.from(dims), signs, scale };
}

const cache = new Map<string, Projection>();
const CACHE_LIMIT = 4;

/** buildProjection with a small memo, so embedding prompts one by one does not rebuild it. */
export function getProjection(buckets: number, dim: number, seed: number): Projection {
  const key = `${buckets}:${dim}:${seed}`;
  let p = cache.get(key);
  if (!p) {
    p = buildProjection(buckets, dim, seed);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, p);
  }
  return p;
}
