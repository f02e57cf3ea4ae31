/**
 * Router -> JSON text (docs/router-file.md). Lossless for routing: centroids and the cluster map's
 * theta are float32 and written with the fewest digits that read back as the same float32 (<= 9);
 * Psi, costs and the rest are doubles, which JSON already writes round-trip exact.
 */
import { ROUTER_SCHEMA, ROUTER_VERSION, type Router } from './schema';

/** The shortest decimal that parses back to the same float32 (so 0.1f is written 0.1, not 0.10000000149011612). */
export function shortestFloat32(x: number): number {
  if (!Number.isFinite(x)) return x;
  for (let p = 1; p <= 9; p++) {
    const y = Number(x.toPrecision(p));
    if (Math.fround(y) === x) return y;
  }
  return x;
}

function float32Rows(data: Float32Array, rows: number, cols: number): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const row = new Array<number>(cols);
    for (let c = 0; c < cols; c++) row[c] = shortestFloat32(data[r * cols + c]);
    out.push(row);
  }
  return out;
}

/** The JSON-shaped object of a router (plain arrays, no typed arrays). */
export function routerToJson(router: Router): Record<string, unknown> {
  const { rows: k, cols: dim } = router.centroids;
  return {
    schema: ROUTER_SCHEMA,
    version: ROUTER_VERSION,
    method: router.method,
    embedder: router.embedder,
    clusters: { k, dim, centroids: float32Rows(router.centroids.data, k, dim) },
    clusterMap: router.clusterMap ? { theta: float32Rows(router.clusterMap.theta, router.clusterMap.k, router.clusterMap.dim + 1) } : null,
    validationPrompts: router.validationPrompts.map((p) => ({ id: p.id, text: p.text, cluster: p.cluster })),
    validationEmbeddings: router.validationEmbeddings
      ? float32Rows(router.validationEmbeddings.data, router.validationEmbeddings.rows, router.validationEmbeddings.cols)
      : null,
    models: router.models.map((h) => ({
      name: h.name,
      cost: h.cost,
      psi: Array.from(h.psi),
      counts: Array.from(h.counts),
      overall: h.overall,
      addedAfterTraining: h.addedAfterTraining,
      // NaN (not scored) is written null: JSON has no NaN.
      validationScores: h.validationScores ? Array.from(h.validationScores, (x) => (Number.isNaN(x) ? null : x)) : null,
      added: h.added ? { how: h.added.how, scoresFile: h.added.scoresFile, testScores: h.added.testScores } : null,
    })),
    pool: router.pool,
    pseudoCount: router.pseudoCount,
    costPenalty: router.costPenalty,
    costUnit: router.costUnit,
    provenance: router.provenance,
  };
}

const isPrimitive = (v: unknown): boolean => v === null || typeof v !== 'object';

/**
 * JSON indented for reading, but arrays of numbers (a centroid row, a Psi vector, the idf) and
 * objects of plain values (a validation prompt) stay on one line, so the file is not 100k lines.
 */
function format(value: unknown, indent: string): string {
  if (isPrimitive(value)) return JSON.stringify(value) ?? 'null';
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isPrimitive)) return JSON.stringify(value);
    return `[\n${value.map((v) => inner + format(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  if (entries.every(([, v]) => isPrimitive(v))) return JSON.stringify(value);
  return `{\n${entries.map(([key, v]) => `${inner}${JSON.stringify(key)}: ${format(v, inner)}`).join(',\n')}\n${indent}}`;
}

/** The router file's text (parseRouter reads it back to a router that routes identically). */
export function serializeRouter(router: Router): string {
  return format(routerToJson(router), '') + '\n';
}
