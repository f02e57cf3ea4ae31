/**
 * An independent, deliberately naive reading of UNIROUTE.md's routers, used only by tests to check
 * `routelab eval`: K-NN gamma, K-means (own seeded k-means++ and Lloyd, float64) and Psi with the
 * pseudo-count shrinkage. Shares no code with src/core (inputs are plain float64 arrays).
 */

/** Rows of a row-major float64 matrix as arrays (slow and obvious on purpose). */
export type Rows = number[][];

function sqDist(a: number[], b: number[]): number {
  let s = 0;
  for (let d = 0; d < a.length; d++) s += (a[d] - b[d]) ** 2;
  return s;
}

/** gamma(x, h) = mean error of h on the k nearest validation prompts (Euclidean; ties by validation order). */
export function knnGammaRef(test: Rows, val: Rows, valErrors: Rows, k: number): Rows {
  return test.map((x) => {
    const order = val.map((v, i) => [sqDist(x, v), i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const nearest = order.slice(0, k).map(([, i]) => i);
    return valErrors[0].map((_, h) => nearest.reduce((s, i) => s + valErrors[i][h], 0) / k);
  });
}

/** A small LCG in [0, 1): this reference's own randomness, unrelated to src/core/rng. */
function lcg(seed: number): () => number {
  let s = (seed * 2654435761 + 12345) >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function nearest(x: number[], centres: Rows): number {
  let best = 0;
  for (let c = 1; c < centres.length; c++) if (sqDist(x, centres[c]) < sqDist(x, centres[best])) best = c;
  return best;
}

/** k-means++ seeding, then Lloyd until no assignment changes (or 100 iterations). */
export function kmeansRef(points: Rows, k: number, seed: number): Rows {
  const rand = lcg(seed);
  const centres: Rows = [points[Math.floor(rand() * points.length)].slice()];
  const d2 = points.map((p) => sqDist(p, centres[0]));
  while (centres.length < k) {
    const total = d2.reduce((a, b) => a + b, 0);
    let r = rand() * total;
    let pick = 0;
    while (pick < points.length - 1 && (r -= d2[pick]) >= 0) pick++;
    centres.push(points[pick].slice());
    points.forEach((p, i) => (d2[i] = Math.min(d2[i], sqDist(p, centres[centres.length - 1]))));
  }
  let assign = points.map(() => -1);
  for (let it = 0; it < 100; it++) {
    const next = points.map((p) => nearest(p, centres));
    if (next.every((c, i) => c === assign[i])) break;
    assign = next;
    for (let c = 0; c < k; c++) {
      const members = points.filter((_, i) => assign[i] === c);
      if (members.length === 0) continue;
      centres[c] = members[0].map((_, d) => members.reduce((s, m) => s + m[d], 0) / members.length);
    }
  }
  return centres;
}

/** Psi_k(h) = (errors of h in cluster k + a * overall_h) / (n_k + a), from the validation prompts. */
export function psiRef(valClusters: number[], valErrors: Rows, k: number, a = 1): Rows {
  return valErrors[0].map((_, h) => {
    const overall = valErrors.reduce((s, e) => s + e[h], 0) / valErrors.length;
    return Array.from({ length: k }, (_, c) => {
      const inC = valErrors.filter((_, i) => valClusters[i] === c);
      return (inC.reduce((s, e) => s + e[h], 0) + a * overall) / (inC.length + a);
    });
  });
}
