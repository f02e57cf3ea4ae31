/** K-NN gamma from precomputed neighbour lists (so an added LLM needs no embeddings on the main thread). */
import { NO_EVIDENCE_ERROR } from '../routing/errorProfile';

/** K-NN gamma from precomputed neighbours: mean error over scored neighbours, else `fallback` (knnGamma's rule). */
export function knnGammaFromNeighbours(
  neighbours: Int32Array,
  kk: number,
  refErrors: Float64Array,
  m: number,
  fallback: Float64Array,
): Float64Array {
  const n = kk > 0 ? neighbours.length / kk : 0;
  const gamma = new Float64Array(n * m);
  for (let p = 0; p < n; p++) {
    for (let h = 0; h < m; h++) {
      let s = 0;
      let c = 0;
      for (let j = 0; j < kk; j++) {
        const e = refErrors[neighbours[p * kk + j] * m + h];
        if (!Number.isNaN(e)) {
          s += e;
          c++;
        }
      }
      gamma[p * m + h] = c > 0 ? s / c : fallback[h];
    }
  }
  return gamma;
}

/** Mean error of each column over its present values (NO_EVIDENCE_ERROR when none): K-NN's fallback. */
export function meanErrors(errors: Float64Array, m: number): Float64Array {
  const n = m > 0 ? errors.length / m : 0;
  const out = new Float64Array(m);
  for (let h = 0; h < m; h++) {
    let s = 0;
    let c = 0;
    for (let i = 0; i < n; i++) {
      const e = errors[i * m + h];
      if (!Number.isNaN(e)) {
        s += e;
        c++;
      }
    }
    out[h] = c > 0 ? s / c : NO_EVIDENCE_ERROR;
  }
  return out;
}
