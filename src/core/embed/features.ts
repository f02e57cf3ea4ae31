/**
 * Text -> hashed feature buckets for the built-in embedder: the hashing half of phi(x).
 *
 * Every feature is a string with a type prefix, hashed with 32-bit FNV-1a over its UTF-16 code
 * units, then reduced modulo the bucket count:
 *   "w:" + word            word unigram        (words = /[\p{L}\p{N}]+/gu matches)
 *   "b:" + w1 + " " + w2   word bigram
 *   "c:" + gram            character 3-, 4- and 5-gram of " " + whitespace-normalised text + " "
 * The prefixes keep a word from colliding with the identical character n-gram on purpose. Hashes
 * are computed incrementally from char codes (no substring is built), which is what makes 20,000
 * prompts take about a second; `fnv1a` is the plain-string definition the tests check against.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const WORD_RE = /[\p{L}\p{N}]+/gu;

/** 32-bit FNV-1a of a string's UTF-16 code units, as an unsigned integer. */
export function fnv1a(text: string): number {
  return fnvContinue(FNV_OFFSET, text) >>> 0;
}

/** Continues an FNV-1a state (signed 32-bit) over the code units of `text`. */
function fnvContinue(state: number, text: string): number {
  let h = state;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

const WORD_STATE = fnvContinue(FNV_OFFSET, 'w:');
const BIGRAM_STATE = fnvContinue(FNV_OFFSET, 'b:');
const CHAR_STATE = fnvContinue(FNV_OFFSET, 'c:');
const SPACE = 0x20;
/** FNV-1a states after each feature type's prefix (asciiBuckets.ts continues from them). */
export const fnvStates = { word: WORD_STATE, bigram: BIGRAM_STATE, char: CHAR_STATE } as const;

/**
 * Normalises like the embedder does: Unicode NFKC first (full-width and compatibility forms fold
 * to plain letters, which may be upper case), then lower case.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * Calls `emit(bucket)` once per feature occurrence of an already-normalised text, in text order:
 * word unigrams, then word bigrams, then character n-grams (n = 3, 4, 5 at each start position).
 */
export function forEachFeatureBucket(normalized: string, buckets: number, emit: (bucket: number) => void): void {
  const words = normalized.match(WORD_RE) ?? [];
  for (const w of words) emit((fnvContinue(WORD_STATE, w) >>> 0) % buckets);
  for (let i = 1; i < words.length; i++) {
    let h = fnvContinue(BIGRAM_STATE, words[i - 1]);
    h = Math.imul(h ^ SPACE, FNV_PRIME);
    emit((fnvContinue(h, words[i]) >>> 0) % buckets);
  }
  const collapsed = normalized.replace(/\s+/g, ' ').trim();
  if (collapsed.length === 0) return;
  // Padding with a space gives the first and last word their boundary n-grams (like char_wb).
  const padded = ' ' + collapsed + ' ';
  const n = padded.length;
  for (let i = 0; i + 3 <= n; i++) {
    let h = CHAR_STATE;
    const end = Math.min(i + 5, n);
    for (let j = i; j < end; j++) {
      h ^= padded.charCodeAt(j);
      h = Math.imul(h, FNV_PRIME);
      if (j - i >= 2) emit((h >>> 0) % buckets);
    }
  }
}

/** The feature strings of a normalised text, in emit order (slow; for tests and debugging). */
export function featureStrings(normalized: string): string[] {
  const words = normalized.match(WORD_RE) ?? [];
  const out = words.map((w) => 'w:' + w);
  for (let i = 1; i < words.length; i++) out.push('b:' + words[i - 1] + ' ' + words[i]);
  const collapsed = normalized.replace(/\s+/g, ' ').trim();
  if (collapsed.length === 0) return out;
  const padded = ' ' + collapsed + ' ';
  for (let i = 0; i + 3 <= padded.length; i++) {
    for (let len = 3; len <= 5 && i + len <= padded.length; len++) out.push('c:' + padded.slice(i, i + len));
  }
  return out;
}

/** murmur3's 32-bit finaliser: a cheap, well-mixed integer hash (signed 32-bit in, unsigned out). */
export function mix32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
