/**
 * Approximate k nearest neighbours by a random-projection forest with exact re-ranking (the
 * initialisation UMAP's own neighbour search uses): each tree splits the base rows by the
 * hyperplane halfway between two random rows until a leaf holds at most `leafSize`; a query takes
 * the union of its leaves in every tree as candidates and keeps the k nearest by exact distance.
 * Seeded, plain TS, about 100,000 multiply-adds per query at 256-d instead of base rows x 256.
 */
import type { Matrix } from '../types';
import { createRng, type Rng } from '../rng';
import type { KnnHooks, KnnResult, KnnSearch } from './knn';

export interface RpForestOptions {
  /** Trees (default 10). */
  trees?: number;
  /** Rows per leaf at most (default 32). */
  leafSize?: number;
}

interface Tree {
  /** Per internal node: hyperplane normal (D floats) at node * D, offset, and children (negative: leaf ~index). */
  normals: Float32Array[];
  offsets: number[];
  left: number[];
  right: number[];
  /** Leaf l holds order[leafStart[l] .. leafEnd[l]). */
  leafStart: number[];
  leafEnd: number[];
  order: Int32Array;
}

export interface RpForest {
  base: Matrix;
  trees: Tree[];
}

const MAX_DEPTH = 48;

function dot(a: Float32Array, ao: number, b: Float32Array, bo: number, d: number): number {
  let s = 0;
  for (let c = 0; c < d; c++) s += a[ao + c] * b[bo + c];
  return s;
}

/** Splits order[from..to) in place; returns the node id (>= 0 internal, < 0 leaf ~id). */
function grow(tree: Tree, base: Matrix, from: number, to: number, depth: number, leafSize: number, rng: Rng): number {
  const { order } = tree;
  const d = base.cols;
  if (to - from <= leafSize || depth >= MAX_DEPTH) {
    tree.leafStart.push(from);
    tree.leafEnd.push(to);
    return ~(tree.leafStart.length - 1);
  }
  const i = order[from + rng.int(to - from)];
  let j = order[from + rng.int(to - from - 1)];
  if (j === i) j = order[to - 1];
  const normal = new Float32Array(d);
  let offset = 0;
  for (let c = 0; c < d; c++) {
    const a = base.data[i * d + c];
    const b = base.data[j * d + c];
    normal[c] = a - b;
    offset -= (normal[c] * (a + b)) / 2;
  }
  // Partition: rows on the positive side first; a zero margin (or identical rows) goes to a coin flip.
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const m = dot(normal, 0, base.data, order[lo] * d, d) + offset;
    if (m > 0 || (m === 0 && rng.next() < 0.5)) lo++;
    else {
      const t = order[lo];
      order[lo] = order[hi];
      order[hi] = t;
      hi--;
    }
  }
  if (lo === from || lo === to) lo = from + ((to - from) >> 1);
  const node = tree.normals.length;
  tree.normals.push(normal);
  tree.offsets.push(offset);
  tree.left.push(0);
  tree.right.push(0);
  tree.left[node] = grow(tree, base, from, lo, depth + 1, leafSize, rng);
  tree.right[node] = grow(tree, base, lo, to, depth + 1, leafSize, rng);
  return node;
}

export function buildRpForest(base: Matrix, rng: Rng, options: RpForestOptions = {}): RpForest {
  const count = options.trees ?? 10;
  const leafSize = Math.max(2, options.leafSize ?? 32);
  const trees: Tree[] = [];
  for (let t = 0; t < count; t++) {
    const tree: Tree = {
      normals: [],
      offsets: [],
      left: [],
      right: [],
      leafStart: [],
      leafEnd: [],
      order: Int32Array.from({ length: base.rows }, (_, i) => i),
    };
    const root = grow(tree, base, 0, base.rows, 0, leafSize, rng);
    if (root < 0 && tree.normals.length === 0) {
      // A single leaf: keep the shape uniform with a root that always goes left.
      tree.normals.push(new Float32Array(base.cols));
      tree.offsets.push(1);
      tree.left.push(root);
      tree.right.push(root);
    }
    trees.push(tree);
  }
  return { base, trees };
}

/** The k nearest base rows of query row q by exact distance among the forest's candidates, ascending. */
function searchOne(
  forest: RpForest,
  queries: Matrix,
  q: number,
  k: number,
  seen: Int32Array,
  stamp: number,
  rows: Int32Array,
  dist: Float32Array,
  at: number,
): void {
  const { base } = forest;
  const d = base.cols;
  const qo = q * d;
  let filled = 0;
  const consider = (b: number): void => {
    if (seen[b] === stamp) return;
    seen[b] = stamp;
    let s = 0;
    const bo = b * d;
    for (let c = 0; c < d; c++) {
      const t = queries.data[qo + c] - base.data[bo + c];
      s += t * t;
    }
    if (filled === k && s >= dist[at + k - 1]) return;
    let j = filled < k ? filled++ : k - 1;
    while (j > 0 && (dist[at + j - 1] > s || (dist[at + j - 1] === s && rows[at + j - 1] > b))) {
      dist[at + j] = dist[at + j - 1];
      rows[at + j] = rows[at + j - 1];
      j--;
    }
    dist[at + j] = s;
    rows[at + j] = b;
  };
  for (const tree of forest.trees) {
    let node = 0;
    while (node >= 0) node = dot(tree.normals[node], 0, queries.data, qo, d) + tree.offsets[node] > 0 ? tree.left[node] : tree.right[node];
    const leaf = ~node;
    for (let p = tree.leafStart[leaf]; p < tree.leafEnd[leaf]; p++) consider(tree.order[p]);
  }
  // Too few candidates (tiny leaves): every row, so a query always gets its k.
  if (filled < k) for (let b = 0; b < base.rows; b++) consider(b);
  for (let j = 0; j < k; j++) dist[at + j] = Math.sqrt(dist[at + j]);
}

/** A KnnSearch over a seeded random-projection forest of the base (built per call). */
export function rpForestKnn(seed: number, options: RpForestOptions = {}): KnnSearch {
  return async (queries: Matrix, base: Matrix, k: number, hooks: KnnHooks = {}): Promise<KnnResult | null> => {
    if (queries.cols !== base.cols) throw new RangeError(`queries have ${queries.cols} columns, the base ${base.cols}`);
    if (!Number.isInteger(k) || k < 1 || k > base.rows) throw new RangeError(`k must be an integer in [1, ${base.rows}], got ${k}`);
    const forest = buildRpForest(base, createRng(seed), options);
    const rows = new Int32Array(queries.rows * k);
    const distances = new Float32Array(queries.rows * k);
    const seen = new Int32Array(base.rows).fill(-1);
    for (let start = 0; start < queries.rows; start += 512) {
      if (hooks.shouldStop?.()) return null;
      const end = Math.min(queries.rows, start + 512);
      for (let q = start; q < end; q++) searchOne(forest, queries, q, k, seen, q, rows, distances, q * k);
      hooks.onProgress?.(end, queries.rows);
      await hooks.between?.();
    }
    return { k, rows, distances };
  };
}
