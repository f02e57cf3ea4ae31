/**
 * The feature buckets of a whole text into a reusable buffer, for the embedder's two passes (IDF
 * fit, then embedding). Plain ASCII text, the common case, takes a path with no string built at
 * all: NFKC leaves ASCII as it is, lower-casing is A-Z + 32, the word pattern [\p{L}\p{N}]+ is
 * [a-z0-9]+ there, and JavaScript's \s and trim() are the codes 9-13 and 32 there. It emits exactly
 * what forEachFeatureBucket(normalizeText(text)) emits, in the same order (embed.test.ts compares);
 * any other text goes through that definition.
 */
import { fnvStates, forEachFeatureBucket, normalizeText } from './features';

/** A growable list of bucket indices, reused from text to text. */
export interface BucketBuffer {
  data: Int32Array;
  /** Scratch: word spans (start, end) and the lower-cased, whitespace-collapsed, padded codes. */
  spans: Int32Array;
  codes: Uint16Array;
}

export function bucketBuffer(): BucketBuffer {
  return { data: new Int32Array(4096), spans: new Int32Array(512), codes: new Uint16Array(2048) };
}

const FNV_PRIME = 0x01000193;
const SPACE = 0x20;
const { word: WORD_STATE, bigram: BIGRAM_STATE, char: CHAR_STATE } = fnvStates;

function grow<T extends Int32Array | Uint16Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

const isSpace = (c: number): boolean => c === SPACE || (c >= 9 && c <= 13);
const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** Writes the buckets of `text` (raw, not yet normalised) into buf.data; returns how many. */
export function textBuckets(text: string, buckets: number, buf: BucketBuffer): number {
  const len = text.length;
  // Lower-cased, whitespace runs collapsed to one space, padded with a space each side.
  buf.codes = grow(buf.codes, len + 2);
  const codes = buf.codes;
  let n = 0;
  codes[n++] = SPACE;
  let pendingSpace = false;
  for (let i = 0; i < len; i++) {
    let c = text.charCodeAt(i);
    if (c >= 128) return slowBuckets(text, buckets, buf);
    if (isSpace(c)) {
      pendingSpace = n > 1;
      continue;
    }
    if (c >= 65 && c <= 90) c += 32;
    if (pendingSpace) {
      codes[n++] = SPACE;
      pendingSpace = false;
    }
    codes[n++] = c;
  }
  const empty = n === 1;
  codes[n++] = SPACE;
  // Word spans over the collapsed codes (words never contain whitespace, so they are the same words).
  // At most one word per two codes: the spans are sized once, not per word.
  buf.spans = grow(buf.spans, n + 2);
  const spansOut = buf.spans;
  let words = 0;
  for (let i = 1; i < n;) {
    if (!isWordChar(codes[i])) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isWordChar(codes[i])) i++;
    spansOut[2 * words] = start;
    spansOut[2 * words + 1] = i;
    words++;
  }
  const spans = buf.spans;
  buf.data = grow(buf.data, 2 * words + (empty ? 0 : 3 * n));
  const out = buf.data;
  const mask = buckets - 1;
  const pow2 = (buckets & mask) === 0;
  let m = 0;
  for (let w = 0; w < words; w++) {
    let h = WORD_STATE;
    for (let i = spans[2 * w]; i < spans[2 * w + 1]; i++) h = Math.imul(h ^ codes[i], FNV_PRIME);
    out[m++] = pow2 ? h & mask : (h >>> 0) % buckets;
  }
  for (let w = 1; w < words; w++) {
    let h = BIGRAM_STATE;
    for (let i = spans[2 * w - 2]; i < spans[2 * w - 1]; i++) h = Math.imul(h ^ codes[i], FNV_PRIME);
    h = Math.imul(h ^ SPACE, FNV_PRIME);
    for (let i = spans[2 * w]; i < spans[2 * w + 1]; i++) h = Math.imul(h ^ codes[i], FNV_PRIME);
    out[m++] = pow2 ? h & mask : (h >>> 0) % buckets;
  }
  if (empty) return m;
  for (let i = 0; i + 3 <= n; i++) {
    let h = Math.imul(CHAR_STATE ^ codes[i], FNV_PRIME);
    h = Math.imul(h ^ codes[i + 1], FNV_PRIME);
    h = Math.imul(h ^ codes[i + 2], FNV_PRIME);
    out[m++] = pow2 ? h & mask : (h >>> 0) % buckets;
    if (i + 4 > n) continue;
    h = Math.imul(h ^ codes[i + 3], FNV_PRIME);
    out[m++] = pow2 ? h & mask : (h >>> 0) % buckets;
    if (i + 5 > n) continue;
    h = Math.imul(h ^ codes[i + 4], FNV_PRIME);
    out[m++] = pow2 ? h & mask : (h >>> 0) % buckets;
  }
  return m;
}

function slowBuckets(text: string, buckets: number, buf: BucketBuffer): number {
  let m = 0;
  forEachFeatureBucket(normalizeText(text), buckets, (b) => {
    if (m === buf.data.length) buf.data = grow(buf.data, m + 1);
    buf.data[m++] = b;
  });
  return m;
}
