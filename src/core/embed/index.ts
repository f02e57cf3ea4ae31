/**
 * Prompt embeddings phi(x) for UniRoute.
 *
 * The built-in embedder ('builtin-hashed-tfidf', version 1) needs no download and no network:
 *  1. normalise: Unicode NFKC, then lower case;
 *  2. features: word unigrams and bigrams (words = /[\p{L}\p{N}]+/gu) and character 3/4/5-grams of
 *     the whitespace-normalised text padded with one space each side (CJK text has no spaces; the
 *     character n-grams cover it), each hashed with 32-bit FNV-1a into `buckets` buckets (2^15);
 *  3. weights: sublinear TF (1 + ln tf) times IDF = ln((1 + N) / (1 + df)) + 1 fitted on a corpus
 *     (rounded to 6 decimals, the value stored in the settings and used when embedding);
 *  4. a seeded sparse random projection (8 non-zeros of +-1/sqrt(8) per bucket) to `dim` (256);
 *  5. L2 normalisation (an empty text stays the zero vector).
 * Width: `dim` (default 256). Deterministic: plain double arithmetic in a fixed order, so Node and
 * the browser (both V8 here) give the same Float32 vector for the same settings.
 *
 * 'external' settings stand for vectors the user uploaded: they cannot embed new text here.
 */
import type { Matrix } from '../types';
import { bucketBuffer, textBuckets } from './asciiBuckets';
import { getProjection } from './projection';

export { fnv1a, normalizeText } from './features';
export { bucketBuffer, textBuckets } from './asciiBuckets';

export type EmbedderSettings =
  | { kind: 'builtin-hashed-tfidf'; version: 1; dim: number; buckets: number; seed: number; idf: number[] }
  | { kind: 'external'; dim: number };

export interface FitEmbedderOptions {
  /** Output width D. */
  dim?: number;
  /** Hash buckets B (features per text are hashed into these). */
  buckets?: number;
  /** Seed of the random projection. */
  seed?: number;
}

const DEFAULTS: Required<FitEmbedderOptions> = { dim: 256, buckets: 1 << 15, seed: 0 };
/**
 * The built-in embedder as datasetEmbeddings runs it (default options; the IDF is then fitted on the
 * dataset's texts): with the data and its row order, what fixes phi(x). Part of the cache key of
 * stored embeddings; bump `code` whenever the embedding of a text changes.
 */
export const BUILTIN_EMBEDDER_ID = `builtin-hashed-tfidf/1/dim=${DEFAULTS.dim}/buckets=${DEFAULTS.buckets}/seed=${DEFAULTS.seed}/code=1`;
const MAX_BUCKETS = 1 << 22;
const MAX_DIM = 4096;
const PROGRESS_EVERY = 512;
/** Sublinear TF 1 + ln(tf) for small counts (the same Math.log values, looked up: it is the hot loop). */
const TF_TABLE = Float64Array.from({ length: 256 }, (_, c) => (c === 0 ? 0 : 1 + Math.log(c)));

function checkShape(dim: number, buckets: number, seed: number): void {
  if (!Number.isInteger(dim) || dim < 1 || dim > MAX_DIM) throw new Error(`embedder dim must be an integer in [1, ${MAX_DIM}], got ${dim}`);
  if (!Number.isInteger(buckets) || buckets < 1 || buckets > MAX_BUCKETS) {
    throw new Error(`embedder buckets must be an integer in [1, ${MAX_BUCKETS}], got ${buckets}`);
  }
  if (!Number.isInteger(seed)) throw new Error(`embedder seed must be an integer, got ${seed}`);
}

/** Rounds to 6 decimals: the settings go into a JSON file and must embed identically after loading. */
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Fits the built-in embedder's IDF on a corpus (usually all prompts of the dataset). */
export function fitEmbedder(texts: string[], options: FitEmbedderOptions = {}): EmbedderSettings {
  const { dim, buckets, seed } = { ...DEFAULTS, ...options };
  checkShape(dim, buckets, seed);
  return embedderFromFrequencies(documentFrequencies(texts, buckets), texts.length, options);
}

/**
 * The embedder fitted on a corpus of `n` texts whose document frequencies are `df`: df of parts of
 * the corpus add up (integer counts), so fitEmbedder(texts) is this of the parts' summed df.
 */
export function embedderFromFrequencies(df: Float64Array, n: number, options: FitEmbedderOptions = {}): EmbedderSettings {
  const { dim, buckets, seed } = { ...DEFAULTS, ...options };
  checkShape(dim, buckets, seed);
  if (df.length !== buckets) throw new Error(`df has ${df.length} buckets, expected ${buckets}`);
  const idf = new Array<number>(buckets);
  for (let b = 0; b < buckets; b++) idf[b] = round6(Math.log((1 + n) / (1 + df[b])) + 1);
  return { kind: 'builtin-hashed-tfidf', version: 1, dim, buckets, seed, idf };
}

/** Document frequency of every bucket over `texts`: in how many texts it occurs. */
export function documentFrequencies(texts: string[], buckets: number = DEFAULTS.buckets): Float64Array {
  const df = new Float64Array(buckets);
  const seen = new Uint8Array(buckets);
  const buf = bucketBuffer();
  for (const text of texts) {
    const n = textBuckets(text, buckets, buf);
    const found = buf.data;
    for (let i = 0; i < n; i++) {
      const b = found[i];
      if (seen[b] === 0) {
        seen[b] = 1;
        df[b] += 1;
      }
    }
    for (let i = 0; i < n; i++) seen[found[i]] = 0;
  }
  return df;
}

function assertBuiltin(settings: EmbedderSettings): Extract<EmbedderSettings, { kind: 'builtin-hashed-tfidf' }> {
  switch (settings.kind) {
    case 'builtin-hashed-tfidf':
      break;
    case 'external':
      throw new Error(
        `this router uses external ${settings.dim}-d embeddings: its vectors come from the user's embeddings file, ` +
          'so the built-in embedder cannot embed new text for it (pass the prompt embedding instead)',
      );
    default: {
      const never: never = settings;
      throw new Error(`unknown embedder kind ${JSON.stringify((never as { kind?: unknown }).kind)}`);
    }
  }
  if (settings.version !== 1) throw new Error(`unsupported builtin-hashed-tfidf version ${String(settings.version)} (expected 1)`);
  checkShape(settings.dim, settings.buckets, settings.seed);
  if (!Array.isArray(settings.idf) || settings.idf.length !== settings.buckets) {
    throw new Error(`embedder idf has ${settings.idf?.length} values but buckets is ${settings.buckets}`);
  }
  return settings;
}

/** Embeds texts with the built-in embedder: rows = texts, cols = settings.dim, rows L2-normalised. */
export function embedTexts(texts: string[], settings: EmbedderSettings, onProgress?: (fraction: number) => void): Matrix {
  const s = assertBuiltin(settings);
  const { dim, buckets } = s;
  const idf = Float64Array.from(s.idf);
  for (let b = 0; b < buckets; b++) {
    if (!Number.isFinite(idf[b])) throw new Error(`embedder idf[${b}] is not a finite number`);
  }
  const proj = getProjection(buckets, dim, s.seed);
  const nnz = proj.s;
  const dims16 = proj.dims16;
  const signs = proj.signs;
  const scale = proj.scale;
  const data = new Float32Array(texts.length * dim);
  const counts = new Float64Array(buckets);
  let touched = new Int32Array(1024);
  let nTouched = 0;
  const acc = new Float64Array(dim);
  const buf = bucketBuffer();
  for (let t = 0; t < texts.length; t++) {
    const n = textBuckets(texts[t], buckets, buf);
    const found = buf.data;
    if (touched.length < n) touched = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const b = found[i];
      if (counts[b] === 0) touched[nTouched++] = b;
      counts[b] += 1;
    }
    acc.fill(0);
    // Buckets in first-occurrence order: a fixed summation order keeps the floats reproducible.
    for (let i = 0; i < nTouched; i++) {
      const b = touched[i];
      const c = counts[b];
      const w = (c < TF_TABLE.length ? TF_TABLE[c] : 1 + Math.log(c)) * idf[b];
      counts[b] = 0;
      const off = b * nnz;
      const t = w * scale;
      for (let j = 0; j < nnz; j++) acc[dims16[off + j]] += t * signs[off + j];
    }
    nTouched = 0;
    let norm2 = 0;
    for (let d = 0; d < dim; d++) norm2 += acc[d] * acc[d];
    const inv = norm2 > 0 ? 1 / Math.sqrt(norm2) : 0;
    const row = t * dim;
    for (let d = 0; d < dim; d++) data[row + d] = acc[d] * inv;
    if (onProgress && (t + 1) % PROGRESS_EVERY === 0) onProgress((t + 1) / texts.length);
  }
  onProgress?.(1);
  return { rows: texts.length, cols: dim, data };
}

/** Embeds one text: phi(x) as a Float32Array of width settings.dim. */
export function embedText(text: string, settings: EmbedderSettings): Float32Array {
  return embedTexts([text], settings).data;
}
