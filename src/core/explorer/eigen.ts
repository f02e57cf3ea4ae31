/**
 * The leading eigenpairs of a small symmetric matrix (the D x D covariance of the PCA map) in
 * float64: Lanczos with full reorthogonalisation builds a Krylov basis V and the tridiagonal
 * T = V^T C V, whose eigenpairs (cyclic Jacobi) give the Ritz pairs. Where the spectrum is flat, as
 * for hashed TF-IDF embeddings, power iteration converges at the rate lambda_3 / lambda_2 and can
 * need thousands of steps; Lanczos needs tens. The basis grows (doubling, up to D, where it is
 * exact) until the Ritz residuals are within the tolerance.
 */

export interface Eigenpairs {
  /** Eigenvalues, descending. */
  values: number[];
  /** Unit eigenvectors, one per value. */
  vectors: Float64Array[];
}

/** Eigenvalues (descending) and unit eigenvectors of the symmetric m x m row-major `a`, by cyclic Jacobi. */
export function jacobiEigen(a: Float64Array, m: number): Eigenpairs {
  const s = Float64Array.from(a);
  const v = new Float64Array(m * m);
  for (let i = 0; i < m; i++) v[i * m + i] = 1;
  let scale = 0;
  for (let i = 0; i < m * m; i++) scale = Math.max(scale, Math.abs(s[i]));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < m; p++) for (let q = p + 1; q < m; q++) off += s[p * m + q] ** 2;
    if (!(off > (1e-15 * scale) ** 2)) break;
    for (let p = 0; p < m; p++) {
      for (let q = p + 1; q < m; q++) {
        const apq = s[p * m + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (s[q * m + q] - s[p * m + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let k = 0; k < m; k++) {
          const akp = s[k * m + p];
          const akq = s[k * m + q];
          s[k * m + p] = c * akp - sn * akq;
          s[k * m + q] = sn * akp + c * akq;
        }
        for (let k = 0; k < m; k++) {
          const apk = s[p * m + k];
          const aqk = s[q * m + k];
          s[p * m + k] = c * apk - sn * aqk;
          s[q * m + k] = sn * apk + c * aqk;
        }
        for (let k = 0; k < m; k++) {
          const vkp = v[k * m + p];
          const vkq = v[k * m + q];
          v[k * m + p] = c * vkp - sn * vkq;
          v[k * m + q] = sn * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: m }, (_, i) => i).sort((i, j) => s[j * m + j] - s[i * m + i] || i - j);
  return {
    values: order.map((i) => s[i * m + i]),
    vectors: order.map((col) => Float64Array.from({ length: m }, (_, k) => v[k * m + col])),
  };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** The `count` leading eigenpairs of the symmetric d x d row-major `c`, from the Krylov space of `start`. */
export function leadingEigenpairs(c: Float64Array, d: number, count: number, start: Float64Array, tolerance = 1e-9): Eigenpairs {
  if (c.length !== d * d || start.length !== d) throw new RangeError(`expected a ${d} x ${d} matrix and a start of length ${d}`);
  const want = Math.min(count, d);
  let scale = 0;
  for (let i = 0; i < d * d; i++) scale = Math.max(scale, Math.abs(c[i]));
  const basis: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = [];
  let v = Float64Array.from(start);
  let n0 = Math.sqrt(dot(v, v));
  if (!(n0 > 0)) {
    v = new Float64Array(d).fill(1);
    n0 = Math.sqrt(d);
  }
  for (let i = 0; i < d; i++) v[i] /= n0;
  let checkpoint = Math.min(d, Math.max(32, 4 * want));
  for (;;) {
    basis.push(v);
    const w = new Float64Array(d);
    for (let i = 0; i < d; i++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += c[i * d + k] * v[k];
      w[i] = s;
    }
    alpha.push(dot(w, v));
    // Full reorthogonalisation, twice: in float64 the basis then stays orthogonal to rounding.
    orthogonalise(w, basis);
    let b = Math.sqrt(dot(w, w));
    const k = basis.length;
    if (k === checkpoint || k === d) {
      const ritz = ritzPairs(basis, alpha, beta, d, want);
      // Ritz residual |C y - theta y| = b |s_k|, with s_k the last entry of the small eigenvector.
      const converged = ritz.small.every((sv) => b * Math.abs(sv[k - 1]) <= tolerance * Math.max(scale, 1e-300));
      if (converged || k === d) return ritz.pairs;
      checkpoint = Math.min(d, 2 * checkpoint);
    }
    if (!(b > 1e-13 * scale)) {
      // The Krylov space is invariant (its Ritz pairs are exact): go on from a unit vector orthogonal
      // to it, with a zero coupling in T, so eigenpairs outside it are found too.
      b = 0;
      for (let e = 0; e < d && !(b > 0.5); e++) {
        w.fill(0);
        w[e] = 1;
        orthogonalise(w, basis);
        b = Math.sqrt(dot(w, w));
      }
      beta.push(0);
    } else beta.push(b);
    for (let i = 0; i < d; i++) w[i] /= b;
    v = w;
  }
}

/** w minus its projections on the (orthonormal) basis, twice. */
function orthogonalise(w: Float64Array, basis: Float64Array[]): void {
  for (let pass = 0; pass < 2; pass++)
    for (const u of basis) {
      const r = dot(w, u);
      for (let i = 0; i < w.length; i++) w[i] -= r * u[i];
    }
}

/** The `want` leading Ritz pairs of the basis: eigenpairs of T = tridiag(beta, alpha, beta), lifted by V. */
function ritzPairs(
  basis: Float64Array[],
  alpha: number[],
  beta: number[],
  d: number,
  want: number,
): { pairs: Eigenpairs; small: Float64Array[] } {
  const k = basis.length;
  const t = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    t[i * k + i] = alpha[i];
    if (i + 1 < k) t[i * k + i + 1] = t[(i + 1) * k + i] = beta[i];
  }
  const eig = jacobiEigen(t, k);
  const n = Math.min(want, k);
  const small = eig.vectors.slice(0, n);
  const vectors = small.map((sv) => {
    const y = new Float64Array(d);
    for (let j = 0; j < k; j++) for (let i = 0; i < d; i++) y[i] += sv[j] * basis[j][i];
    const norm = Math.sqrt(dot(y, y));
    for (let i = 0; i < d; i++) y[i] /= norm;
    return y;
  });
  return { pairs: { values: eig.values.slice(0, n), vectors }, small };
}
